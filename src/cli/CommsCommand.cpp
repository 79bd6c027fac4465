#include "cli/CommsCommand.h"

#include "cli/RunbookOptions.h"
#include "cli/SubcommandParser.h"
#include "core/base/Console.h"
#include "core/base/JsonFields.h"
#include "core/runbook/RunbookLoader.h"
#include "engine/Credentials.h"
#include "engine/RunStatusView.h"
#include "store/JournalFactory.h"

#include <QDateTime>

namespace cockpit::cli {

namespace {

// What a run's journal says about it, under the parameter names a template may declare for them.
Expected<QMap<QString, QString>, QString> runFacts(const QString &journalSpec, const QString &runId)
{
    JournalOpenOptions o;
    o.password = Credentials::postgresPassword();
    auto opened = JournalFactory::open(journalSpec, o);
    if (!opened)
        return unexpected(opened.error().message);
    auto loaded = RunStatusView::load(**opened, runId);
    if (!loaded)
        return unexpected(loaded.error());
    // The values the run used; run facts only under names its runbook declares (the loader refuses others).
    QMap<QString, QString> facts = loaded->runbook->params;
    auto fact = [&facts](const QString &name, const QString &value) {
        if (facts.contains(name))
            facts.insert(name, value);
    };
    const RunState &st = loaded->state;
    auto time = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    };
    fact(QStringLiteral("run_id"), loaded->runId);
    fact(QStringLiteral("run_mode"), runModeName(st.mode()));
    fact(QStringLiteral("run_lead"), st.lead());
    fact(QStringLiteral("run_started"), time(st.startedAt()));
    fact(QStringLiteral("run_outcome"),
         st.phase() == RunState::Phase::RolledBack ? QStringLiteral("rolled back")
             : st.outcome().isEmpty()              ? RunState::phaseName(st.phase())
                                                   : st.outcome());
    for (const JournalEvent &e : std::as_const(loaded->events)) {
        if (e.runId() != loaded->runId || e.type() != JournalEventType::SignOff)
            continue;
        fact(QStringLiteral("signed_off_by"), e.actor());
        fact(QStringLiteral("sign_off_result"), jsonText(e.payload(), "result"));
        break;
    }
    return facts;
}

} // namespace

int runCommsCommand(const QStringList &args)
{
    SubcommandParser sp(
        QStringLiteral("comms"), QStringLiteral("render ID RUNBOOK"),
        QStringLiteral(
            "Prints the runbook's communication template ID (subject, audience, body) with its ${params} "
            "filled in, ready to send. With --journal, the run's own parameter values are used, and "
            "parameters the runbook declares under the names run_id, run_mode, run_lead, run_started, "
            "run_outcome, signed_off_by or sign_off_result take those facts of the run. A placeholder the "
            "runbook does not declare, or one without a value, is an error naming it (FILE:LINE:COL).\n"
            "Exit: 0 printed; 2 usage, runbook or journal error, or no template ID."));
    const QCommandLineOption journal(QStringLiteral("journal"), QStringLiteral("The run's journal."),
                                     QStringLiteral("SPEC"));
    const QCommandLineOption run(QStringLiteral("run"),
                                 QStringLiteral("The run (default: the newest unfinished, else the newest)."),
                                 QStringLiteral("ID"));
    sp.addOption(journal);
    sp.addOption(run);
    RunbookOptions options(sp);
    if (auto done = sp.parse(args))
        return *done;
    const QStringList pos = sp.parser().positionalArguments();
    if (pos.size() != 3 || pos.first() != QLatin1String("render"))
        return sp.usageError(QStringLiteral("expected: comms render ID RUNBOOK"));
    if (sp.parser().isSet(run) && !sp.parser().isSet(journal))
        return sp.usageError(QStringLiteral("--run needs --journal"));
    const QString &id = pos.at(1);
    const QString &path = pos.at(2);
    auto overrides = options.overrides();
    if (!overrides) {
        RunbookOptions::printErrors(overrides.error());
        return 2;
    }
    QMap<QString, QString> params;
    if (sp.parser().isSet(journal)) {
        auto facts = runFacts(sp.parser().value(journal), sp.parser().value(run));
        if (!facts) {
            Console::err(QStringLiteral("comms: %1\n").arg(facts.error()));
            return 2;
        }
        params = *facts;
    }
    for (auto it = overrides->cbegin(); it != overrides->cend(); ++it)
        params.insert(it.key(), it.value()); // --param wins, as everywhere
    auto runbook = RunbookLoader::loadFile(path, params);
    if (!runbook) {
        RunbookOptions::printErrors(runbook.error());
        Console::err(QStringLiteral("comms: %1 does not load; nothing rendered\n").arg(path));
        return 2;
    }
    QStringList ids;
    for (const Communication &c : std::as_const(runbook->communications)) {
        if (c.id != id) {
            ids << c.id;
            continue;
        }
        QString text = QStringLiteral("Subject: %1\n").arg(c.subject);
        if (!c.audience.isEmpty())
            text += QStringLiteral("To: %1\n").arg(c.audience);
        text += QLatin1Char('\n') + c.body;
        if (!text.endsWith(QLatin1Char('\n')))
            text += QLatin1Char('\n');
        Console::out(text);
        return 0;
    }
    Console::err(ids.isEmpty() ? QStringLiteral("comms: the runbook has no communications\n")
                               : QStringLiteral("comms: no communication %1 in the runbook (it has %2)\n")
                                     .arg(id, ids.join(QStringLiteral(", "))));
    return 2;
}

} // namespace cockpit::cli
