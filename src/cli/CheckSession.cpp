#include "cli/CheckSession.h"

#include "cli/CheckReport.h"
#include "cli/InterruptHandler.h"
#include "core/base/Console.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

namespace cockpit::cli {

CheckSession::Outcome CheckSession::run(const Runbook &runbook, const QList<Check> &checks,
                                        const QMap<QString, ManualConfirmation> &confirmations)
{
    Outcome outcome;
    QEventLoop loop;
    QElapsedTimer clock;
    int done = 0;
    const int total = int(checks.size());

    QObject context; // scopes the connections to this call
    QObject::connect(&m_runner, &CheckRunner::checkFinished, &context, [&](const CheckResult &r) {
        ++done;
        if (m_progress)
            Console::err(CheckReport::progressLine(done, total, r));
    });
    QObject::connect(&m_runner, &CheckRunner::finished, &context, [&](const QList<CheckResult> &results) {
        outcome.results = results;
        loop.quit();
    });
    QObject::connect(InterruptHandler::install(), &InterruptHandler::interrupted, &context, [&] {
        outcome.interrupted = true;
        Console::err(QStringLiteral("Interrupted: cancelling the checks.\n"));
        m_runner.cancel();
    });

    clock.start();
    m_runner.start(runbook, checks, confirmations);
    if (InterruptHandler::wasInterrupted()) {
        outcome.interrupted = true;
        m_runner.cancel();
    }
    if (m_runner.isRunning())
        loop.exec();
    outcome.durationMs = clock.elapsed();
    if (outcome.interrupted) {
        // The cancelled requests abort through the event loop: let them wind down before exiting.
        QEventLoop settle;
        QTimer::singleShot(200, &settle, &QEventLoop::quit);
        settle.exec();
    }
    return outcome;
}

int CheckSession::report(const Runbook &runbook, const QList<Check> &checks, const Outcome &outcome,
                         bool json)
{
    const CheckReport report(runbook, checks, outcome.results, outcome.durationMs);
    if (json) {
        QJsonObject doc = report.toJson();
        if (outcome.interrupted)
            doc.insert(QStringLiteral("interrupted"), true);
        Console::out(QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented)));
    } else {
        Console::out(report.table() + QLatin1Char('\n') + report.recommendation());
        if (outcome.interrupted)
            Console::out(
                QStringLiteral("(interrupted: the run was cancelled before every check finished)\n"));
    }
    return report.decision().isGo() && !outcome.interrupted ? 0 : 1;
}

} // namespace cockpit::cli
