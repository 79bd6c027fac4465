// File → Export evidence report…: the worker writes the PDF and the bundle from a SQLite journal, reports
// progress and says where it wrote them; a journal without the run is a message, not a crash.
#include "gui/CockpitSettings.h"
#include "gui/EvidenceExporter.h"
#include "gui/MainWindow.h"
#include "report/EvidenceJournals.h"
#include "store/SqliteJournal.h"

#include <QAction>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWidget>
#include <QtTest>

using namespace cockpit;
using namespace cockpit::gui;

class tst_EvidenceExporter : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static EvidenceExporter::OpenJournal opener(const QString &path)
    {
        return [path]() -> Expected<std::unique_ptr<Journal>, Error> {
            auto j = SqliteJournal::open(path);
            if (!j)
                return unexpected(j.error());
            return std::unique_ptr<Journal>(std::move(*j));
        };
    }

private Q_SLOTS:
    void writesTheReportOnAWorker()
    {
        test::evidence::Options o;
        o.rollback = true;
        const QString journal
            = test::evidence::sqliteJournalOf(m_dir, test::evidence::run(o), QStringLiteral("run.journal"));
        QVERIFY(!journal.isEmpty());
        QWidget window;
        EvidenceExporter exporter(&window);
        QSignalSpy finished(&exporter, &EvidenceExporter::finished);
        QSignalSpy progressed(&exporter, &EvidenceExporter::progressed);
        const QString pdf = m_dir.filePath(QStringLiteral("evidence.pdf"));
        QVERIFY(exporter.start(opener(journal), QString(), pdf));
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY(finished.first().at(1).toString().contains(pdf));
        QVERIFY(QFile::exists(pdf));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("evidence.json"))));
        QVERIFY(!progressed.isEmpty());
        QVERIFY(!exporter.running());
    }

    void aJournalWithoutTheRunIsAMessage()
    {
        const QString journal = test::evidence::sqliteJournalOf(m_dir, {}, QStringLiteral("empty.journal"));
        QWidget window;
        EvidenceExporter exporter(&window);
        QSignalSpy finished(&exporter, &EvidenceExporter::finished);
        QVERIFY(exporter.start(opener(journal), QString(), m_dir.filePath(QStringLiteral("none.pdf"))));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("holds no run")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.pdf"))));
    }

    void theMenuActionWaitsForARun()
    {
        CockpitSettings settings(std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                                             QSettings::IniFormat));
        MainWindow window(settings);
        QVERIFY(window.exportAction());
        QVERIFY(!window.exportAction()->isEnabled());
        QCOMPARE(window.exportAction()->text(), MainWindow::tr("&Export evidence report…"));
    }
};

QTEST_MAIN(tst_EvidenceExporter)
#include "tst_EvidenceExporter.moc"
