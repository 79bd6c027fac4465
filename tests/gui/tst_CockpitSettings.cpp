#include "gui/CockpitSettings.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit::gui;

class tst_CockpitSettings : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    CockpitSettings make(const QString &name)
    {
        return CockpitSettings(std::make_unique<QSettings>(m_dir.filePath(name), QSettings::IniFormat));
    }

private Q_SLOTS:
    void everyKeyHasOneUniqueNameAndADefault()
    {
        QSet<QString> names;
        for (const CockpitSettings::Spec &s : CockpitSettings::specs()) {
            QVERIFY(s.defaultValue.isValid());
            QVERIFY2(!names.contains(QLatin1String(s.name)), s.name);
            names.insert(QLatin1String(s.name));
            QCOMPARE(&CockpitSettings::spec(s.key), &s);
        }
    }

    void defaultsWhenNothingIsStored()
    {
        CockpitSettings settings = make(QStringLiteral("empty.ini"));
        QCOMPARE(settings.staleAfterSeconds(), 600);
        QCOMPARE(settings.ageRefreshMs(), 1000);
        QVERIFY(settings.recentRunbooks().isEmpty());
        QVERIFY(settings.leadName().isEmpty());
    }

    void recentListsAreNewestFirstWithoutDuplicatesAndBounded()
    {
        {
            CockpitSettings settings = make(QStringLiteral("recent.ini"));
            settings.setValue(CockpitSettings::Key::RecentLimit, 3);
            for (const char *p : {"a.yaml", "b.yaml", "c.yaml", "a.yaml", "d.yaml"})
                settings.addRecentRunbook(QLatin1String(p));
            settings.addRecentJournal(QStringLiteral("postgresql://viewer@db/cutover"));
        }
        CockpitSettings again = make(QStringLiteral("recent.ini"));
        QCOMPARE(again.recentRunbooks(), (QStringList {"d.yaml", "a.yaml", "c.yaml"}));
        QCOMPARE(again.recentJournals(), QStringList {"postgresql://viewer@db/cutover"});
    }

    void aValueOfTheWrongTypeFallsBackToTheDefault()
    {
        {
            QSettings raw(m_dir.filePath(QStringLiteral("bad.ini")), QSettings::IniFormat);
            raw.setValue(QLatin1String(CockpitSettings::spec(CockpitSettings::Key::StaleAfterSeconds).name),
                         QStringLiteral("soon"));
        }
        CockpitSettings settings = make(QStringLiteral("bad.ini"));
        QCOMPARE(settings.staleAfterSeconds(), 600);
    }
};

QTEST_MAIN(tst_CockpitSettings)
#include "tst_CockpitSettings.moc"
