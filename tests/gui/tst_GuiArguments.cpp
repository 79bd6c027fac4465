#include "gui/GuiArguments.h"

#include <QTest>

using namespace cockpit;
using namespace cockpit::gui;

class tst_GuiArguments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noArgumentsIsTheStartPage()
    {
        const auto a = GuiArguments::parse({});
        QVERIFY(a.has_value());
        QCOMPARE(a->kind, GuiArguments::Kind::StartPage);
    }

    void openTakesARunbookWithItsOptions()
    {
        const auto a = GuiArguments::parse({"open", "a.yaml", "--journal", "a.journal", "--param", "min=95",
                                            "--mode", "live", "--as", "alice"});
        QVERIFY(a.has_value());
        QCOMPARE(a->kind, GuiArguments::Kind::Open);
        QCOMPARE(a->runbook, QStringLiteral("a.yaml"));
        QCOMPARE(a->journal, QStringLiteral("a.journal"));
        QCOMPARE(a->paramAssignments, QStringList {"min=95"});
        QCOMPARE(a->mode, std::optional<RunMode>(RunMode::Live));
        QCOMPARE(a->lead, QStringLiteral("alice"));
    }

    void theViewerNeedsAJournal()
    {
        const auto a = GuiArguments::parse({"--viewer", "--journal", "postgresql://viewer@db/cutover"});
        QVERIFY(a.has_value());
        QCOMPARE(a->kind, GuiArguments::Kind::Viewer);
        QCOMPARE(a->journal, QStringLiteral("postgresql://viewer@db/cutover"));
        QVERIFY(!GuiArguments::parse({"--viewer"}).has_value());
        QVERIFY(!GuiArguments::parse({"open", "a.yaml", "--viewer", "--journal", "j"}).has_value());
    }

    void theWallboardTakesAJournalARunAndWindowed()
    {
        const auto a = GuiArguments::parse({"wallboard", "--journal", "j.db", "--run", "r1", "--windowed"});
        QVERIFY(a.has_value());
        QCOMPARE(a->kind, GuiArguments::Kind::Wallboard);
        QCOMPARE(a->journal, QStringLiteral("j.db"));
        QCOMPARE(a->runId, QStringLiteral("r1"));
        QVERIFY(a->windowed);
        QVERIFY(!GuiArguments::parse({"wallboard"}).has_value());
        QVERIFY(!GuiArguments::parse({"wallboard", "--journal", "j", "--mode", "live"}).has_value());
        QVERIFY(!GuiArguments::parse({"--journal", "j", "--windowed"}).has_value());
    }

    void mistakesAreRefusedWithAReason()
    {
        for (const QStringList &args : {QStringList {"open"}, QStringList {"--mode", "prod"},
                                        QStringList {"--param", "novalue"}, QStringList {"--frobnicate"}}) {
            const auto a = GuiArguments::parse(args);
            QVERIFY(!a.has_value());
            QVERIFY(!a.error().isEmpty());
        }
    }
};

QTEST_MAIN(tst_GuiArguments)
#include "tst_GuiArguments.moc"
