#include "engine/PrerequisiteChecks.h"

#include "core/journal/RunEvents.h"
#include "core/run/RunPlanner.h"

#include <QDateTime>

namespace cockpit {

PrerequisiteChecks::PrerequisiteChecks(std::shared_ptr<const Runbook> runbook, QObject *parent)
    : QObject(parent)
    , m_runbook(std::move(runbook))
{
    connect(&m_runner, &CheckRunner::checkStarted, this, [this](const QString &id) {
        m_running.insert(id);
        Q_EMIT progressed();
    });
    connect(&m_runner, &CheckRunner::checkFinished, this, [this](const CheckResult &r) {
        m_running.remove(r.checkId);
        ++m_done;
        Q_EMIT resultReady(m_checks.value(r.checkId), r);
        Q_EMIT progressed();
    });
    connect(&m_runner, &CheckRunner::finished, this, [this] {
        m_running.clear();
        Q_EMIT finished();
    });
}

void PrerequisiteChecks::provideSecret(const QString &name, const QByteArray &value)
{
    m_runner.provideSecret(name, value);
}

QList<Check> PrerequisiteChecks::select(const Runbook &runbook, const QString &scope, const QString &target)
{
    QList<Check> out;
    for (const Check &c : runbook.prerequisites)
        if (scope.isEmpty() || (scope == QLatin1String("category") && c.category == target)
            || (scope == QLatin1String("check") && c.id == target))
            out << c;
    return out;
}

Expected<void, Error> PrerequisiteChecks::start(const QString &scope, const QString &target)
{
    if (!m_runbook)
        return unexpected(Error::plain(QStringLiteral("no runbook")));
    if (m_runner.isRunning())
        return unexpected(Error::plain(QStringLiteral("prerequisites are being checked already")));
    if (!scope.isEmpty() && scope != QLatin1String("category") && scope != QLatin1String("check"))
        return unexpected(Error::plain(QStringLiteral("unknown prerequisite scope %1").arg(scope)));
    QList<Check> checks;
    for (const Check &c : select(*m_runbook, scope, target))
        if (!std::holds_alternative<ManualCheck>(c.probe))
            checks << c;
    if (checks.isEmpty())
        return unexpected(Error::plain(
            select(*m_runbook, scope, target).isEmpty()
                ? QStringLiteral("no prerequisite matches %1").arg(target.isEmpty() ? scope : target)
                : QStringLiteral("a manual prerequisite is signed off by a person, not run")));
    m_checks.clear();
    for (const Check &c : std::as_const(checks))
        m_checks.insert(c.id, c);
    m_running.clear();
    m_total = int(checks.size());
    m_done = 0;
    m_runner.start(*m_runbook, checks);
    Q_EMIT progressed();
    return {};
}

bool PrerequisiteChecks::cancel()
{
    if (!m_runner.isRunning())
        return false;
    m_runner.cancel();
    return true;
}

JournalEventDraft PrerequisiteChecks::event(const QString &runId, qint64 at, const QString &actor,
                                            const Check &check, const CheckResult &result)
{
    JournalEventDraft d
        = RunEvents::checkObserved(runId, at, actor, QString(), check.id, QStringLiteral("prerequisite"),
                                   result.verdict, result.summary);
    d.payload.insert(QStringLiteral("category"), check.category);
    d.payload.insert(QStringLiteral("duration_ms"), double(result.observation.durationMs));
    d.payload.insert(QStringLiteral("result"), result.toJson());
    return d;
}

Expected<CheckResult, Error> PrerequisiteChecks::confirmation(const Runbook &runbook, const QString &checkId,
                                                              const QString &who, const QString &comment)
{
    for (const Check &c : runbook.prerequisites) {
        if (c.id != checkId)
            continue;
        if (!std::holds_alternative<ManualCheck>(c.probe))
            return unexpected(Error::plain(
                QStringLiteral("%1 is checked by a probe; only manual prerequisites are signed off")
                    .arg(checkId)));
        if (who.trimmed().isEmpty())
            return unexpected(Error::plain(QStringLiteral("a sign-off needs a name")));
        Observation o;
        o.kind = Observation::Kind::Manual;
        o.at = QDateTime::currentDateTimeUtc();
        o.confirmedBy = who;
        o.comment = comment;
        return CheckResult::evaluate(c, o);
    }
    return unexpected(Error::plain(QStringLiteral("no prerequisite %1").arg(checkId)));
}

} // namespace cockpit
