#include "gui/RunNotifier.h"

#include "gui/GuiText.h"

#include <QSystemTrayIcon>

namespace cockpit::gui {

RunNotifier::RunNotifier(QObject *parent)
    : QObject(parent)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/go.svg")), this);
        m_tray->setToolTip(tr("Cutover Cockpit"));
        m_tray->show();
    }
}

void RunNotifier::observe(const RunSnapshotPtr &s)
{
    if (!s)
        return;
    QSet<QString> failed, firing, pending;
    for (const GateView &g : s->status.gates)
        if (g.status.phase == GateStatus::Phase::Failed)
            failed.insert(g.id);
    for (const TriggerSnapshot &t : s->triggers)
        if (t.firing)
            firing.insert(t.id);
    // Promote and enter_stage say what may be done next; the others wait for a person.
    auto waitsForPerson = [](const PendingDecision &p) {
        return p.kind != QLatin1String("promote") && p.kind != QLatin1String("enter_stage");
    };
    for (const PendingDecision &p : s->status.pending)
        if (waitsForPerson(p))
            pending.insert(p.kind + QLatin1Char('/') + p.target);
    const bool baseline = s->runId != m_runId;
    if (!baseline) {
        for (const GateView &g : s->status.gates)
            if (failed.contains(g.id) && !m_failedGates.contains(g.id))
                notify(tr("Gate failed: %1").arg(g.title.isEmpty() ? g.id : g.title), s->topBlocker);
        for (const TriggerSnapshot &t : s->triggers)
            if (firing.contains(t.id) && !m_firing.contains(t.id))
                notify(tr("Trigger fired: %1").arg(t.id), t.explanation.isEmpty() ? t.when : t.explanation);
        for (const PendingDecision &p : s->status.pending)
            if (waitsForPerson(p) && !m_pending.contains(p.kind + QLatin1Char('/') + p.target))
                notify(tr("Decision needed: %1").arg(GuiText::pendingKindWord(p.kind)), p.target);
        if (m_headline == Headline::RollingBack && s->headline == Headline::RolledBack)
            notify(tr("Rollback finished"), s->topBlocker);
    }
    m_runId = s->runId;
    m_failedGates = failed;
    m_firing = firing;
    m_pending = pending;
    m_headline = s->headline;
}

void RunNotifier::notify(const QString &title, const QString &text)
{
    if (!m_enabled)
        return;
    Q_EMIT notified(title, text);
    if (m_tray)
        m_tray->showMessage(title, text, QSystemTrayIcon::Information, 10000);
}

} // namespace cockpit::gui
