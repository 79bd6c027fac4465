#include "gui/panels/VerdictBar.h"

#include "gui/GuiText.h"
#include "gui/panels/ConnectionLights.h"

#include <QDateTime>
#include <QFontMetrics>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace cockpit::gui {

namespace {
// A style sheet re-polishes the widget and its children: set it only when it changes (snapshots come
// several times a second, ages every second).
void restyle(QWidget *w, const QString &css)
{
    if (w->styleSheet() != css)
        w->setStyleSheet(css);
}

QLabel *label(QWidget *parent, const char *name)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QLatin1String(name));
    return l;
}
} // namespace

VerdictBar::VerdictBar(QWidget *parent)
    : QFrame(parent)
    , m_modeBand(label(this, "modeBand"))
    , m_icon(label(this, "headlineIcon"))
    , m_headline(label(this, "headline"))
    , m_blocker(label(this, "topBlocker"))
    , m_runName(label(this, "runName"))
    , m_lease(label(this, "leaseHolder"))
    , m_dataAge(label(this, "dataAge"))
    , m_timeLeft(label(this, "timeLeft"))
    , m_lights(new ConnectionLights(this))
    , m_verdict(new QFrame(this))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    m_modeBand->setAlignment(Qt::AlignCenter);
    m_modeBand->setMargin(4);
    outer->addWidget(m_modeBand);

    m_verdict->setObjectName(QStringLiteral("verdict"));
    outer->addWidget(m_verdict);
    auto *grid = new QGridLayout(m_verdict);
    grid->setContentsMargins(12, 8, 12, 8);
    grid->setHorizontalSpacing(16);
    m_icon->setFixedSize(56, 56);
    grid->addWidget(m_icon, 0, 0, 2, 1);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 2.6);
    big.setBold(true);
    m_headline->setFont(big);
    m_headline->setMinimumWidth(260);
    grid->addWidget(m_headline, 0, 1, 2, 1);
    QFont sentence = m_blocker->font();
    sentence.setPointSizeF(sentence.pointSizeF() * 1.25);
    m_blocker->setFont(sentence);
    m_blocker->setWordWrap(true);
    // Two lines of the sentence always fit (a wrapped label in a grid is otherwise given one and a half).
    m_blocker->setMinimumHeight(QFontMetrics(sentence).lineSpacing() * 2 + 2);
    m_blocker->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(m_blocker, 0, 2);
    grid->addWidget(m_runName, 1, 2);
    grid->setColumnStretch(2, 1);
    for (QLabel *l : {m_timeLeft, m_dataAge, m_lease})
        l->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QFont bold = m_timeLeft->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_timeLeft->setFont(bold);
    auto *right = new QVBoxLayout;
    right->addWidget(m_timeLeft);
    right->addWidget(m_dataAge);
    right->addWidget(m_lease);
    right->addWidget(m_lights);
    grid->addLayout(right, 0, 3, 2, 1);
    setSnapshot(nullptr);
}

void VerdictBar::setViewer(bool viewer)
{
    m_viewer = viewer;
    setSnapshot(m_snapshot);
}

void VerdictBar::setSnapshot(const RunSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    m_lights->setSnapshot(snapshot);
    const RunSnapshot empty;
    const RunSnapshot &s = snapshot ? *snapshot : empty;

    QString band = snapshot ? GuiText::modeBand(s.mode) : tr("No run open");
    if (s.dryRun)
        band += tr(" · dry run");
    if (m_viewer || s.readOnly)
        band += tr(" · READ-ONLY viewer, led by %1").arg(s.lead.isEmpty() ? s.lease.holder : s.lead);
    m_modeBand->setText(band);
    QFont bandFont = m_modeBand->font();
    bandFont.setBold(true);
    bandFont.setPointSizeF(QFont().pointSizeF() * (s.mode == RunMode::Live ? 1.4 : 1.1));
    m_modeBand->setFont(bandFont);
    restyle(m_modeBand,
            QStringLiteral("background: %1; color: white;")
                .arg(snapshot ? GuiText::modeColor(s.mode) : QStringLiteral("#607d8b")));

    m_blocker->setText(s.topBlocker.isEmpty() && snapshot ? tr("Nothing blocks the next step.")
                                                          : s.topBlocker);
    m_blocker->setToolTip(s.topBlocker);
    QString run = s.runbookName;
    if (!s.runId.isEmpty())
        run += tr(" — run %1").arg(s.runId);
    if (!s.status.stage.isEmpty())
        run += tr(" · stage %1").arg(s.status.stage);
    m_runName->setText(run);

    if (s.lease.holder.isEmpty())
        // A viewer's follower does not read the lease: saying "no lease held" there would contradict the
        // band's "led by".
        m_lease->setText(snapshot && !m_viewer && !s.readOnly ? tr("no lease held") : QString {});
    else
        m_lease->setText(s.lease.mine ? tr("you lead (%1)").arg(s.lease.holder)
                                      : tr("led by %1 on %2").arg(s.lease.holder, s.lease.host));

    QString left;
    if (s.status.rollback && !s.status.rollback->finished) {
        const RollbackClock &rb = *s.status.rollback;
        left = rb.overdue
            ? tr("rollback OVERDUE by %1 (target %2)")
                  .arg(GuiText::countdown(-rb.remaining.count()), GuiText::duration(rb.target.count()))
            : tr("rollback %1 left of %2")
                  .arg(GuiText::countdown(rb.remaining.count()), GuiText::duration(rb.target.count()));
    } else if (s.status.soakEnd && s.status.soakRemaining.count() > 0) {
        left = tr("soak %1 left · ends %2")
                   .arg(GuiText::countdown(s.status.soakRemaining.count()),
                        GuiText::clockTime(*s.status.soakEnd));
    } else if (!s.status.waitingFor.isEmpty()) {
        left = s.status.waitingFor;
    }
    if (s.held)
        left = left.isEmpty() ? tr("❚❚ ON HOLD (by the lead)") : tr("❚❚ ON HOLD · %1").arg(left);
    m_timeLeft->setText(left);
    m_timeLeft->setVisible(!left.isEmpty());
    refreshAge(QDateTime::currentMSecsSinceEpoch(), m_staleAfterMs);
}

void VerdictBar::refreshAge(qint64 wallNow, qint64 staleAfterMs)
{
    if (!m_snapshot) {
        m_dataAge->clear();
        m_stale = false;
        paintHeadline();
        return;
    }
    m_staleAfterMs = staleAfterMs;
    m_lights->refreshAge(wallNow);
    const RunSnapshot &s = *m_snapshot;
    const qint64 snapshotAge = wallNow - s.wallTakenAt;
    QString text;
    bool amber = !s.journalProblem.isEmpty();
    if (m_viewer || s.readOnly) {
        // The follower says when the journal last showed something new, and whether that is too long ago.
        const qint64 age = wallNow - (s.lastUpdateWallAt > 0 ? s.lastUpdateWallAt : s.wallTakenAt);
        m_stale = s.outcome.isEmpty() && (s.stale || age > staleAfterMs);
        text = m_stale ? tr("STALE — no update for %1").arg(GuiText::duration(age))
                       : tr("updated %1").arg(GuiText::age(age));
        amber = amber || m_stale;
    } else {
        m_stale = false;
        text = s.lastEventAt > 0 ? tr("last event %1").arg(GuiText::age(s.now - s.lastEventAt + snapshotAge))
                                 : tr("no event yet");
    }
    if (!s.journalProblem.isEmpty())
        text += QStringLiteral(" · ") + s.journalProblem;
    m_dataAge->setText(text);
    restyle(m_dataAge,
            amber ? QStringLiteral("background: #ffb300; color: black; font-weight: bold;"
                                   " padding: 2px 6px; border-radius: 3px;")
                  : QString {});
    paintHeadline();
}

void VerdictBar::paintHeadline()
{
    const Headline h = m_snapshot ? m_snapshot->headline : Headline::NotStarted;
    QString word = GuiText::headlineSymbol(h) + QLatin1Char(' ') + GuiText::headlineWord(h);
    if (m_stale)
        word = tr("STALE: %1").arg(word);
    m_headline->setText(word);
    m_icon->setPixmap(GuiText::headlineIcon(h).pixmap(56, 56));
    const QString bg = m_stale ? QStringLiteral("#9e9e9e") : GuiText::headlineColor(h);
    restyle(m_verdict,
            QStringLiteral("#verdict { background: %1; } #verdict QLabel { color: white; }").arg(bg));
}

} // namespace cockpit::gui
