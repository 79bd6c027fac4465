#include "gui/panels/StageCard.h"

#include "gui/GuiText.h"

#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace cockpit::gui {

namespace {

// Background of a gate's outcome: green only for a passed gate (a holding gate is not green yet).
QString outcomeColor(const GateStatus &s)
{
    if (s.phase == GateStatus::Phase::Passed)
        return QStringLiteral("#c8e6c9");
    if (s.phase == GateStatus::Phase::Failed || (s.verdict && *s.verdict == Verdict::Fail))
        return QStringLiteral("#ffcdd2");
    if (s.phase == GateStatus::Phase::Recovering || s.phase == GateStatus::Phase::NoData
        || s.phase == GateStatus::Phase::AwaitingDecision)
        return QStringLiteral("#ffe0b2");
    return QStringLiteral("#e0e0e0");
}

QString stageColor(StageSnapshot::State s)
{
    switch (s) {
    case StageSnapshot::State::Current: return QStringLiteral("#1565c0");
    case StageSnapshot::State::Done: return QStringLiteral("#2e7d32");
    case StageSnapshot::State::RolledBack: return QStringLiteral("#b3261e");
    case StageSnapshot::State::Future: break;
    }
    return QStringLiteral("#757575");
}

// "17 h / 24 h": whole hours as hours, anything else as GuiText says it.
QString streakDuration(qint64 ms)
{
    constexpr qint64 kHour = 3'600'000;
    return ms >= kHour && ms % kHour == 0 ? StageCard::tr("%1 h").arg(ms / kHour) : GuiText::duration(ms);
}

QLabel *cell(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

} // namespace

StageCard::StageCard(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_state(new QLabel(this))
    , m_times(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_soak(new QLabel(this))
    , m_gateBox(new QWidget(this))
    , m_gates(new QGridLayout(m_gateBox))
{
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    auto *head = new QHBoxLayout;
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    m_title->setFont(f);
    m_title->setObjectName(QStringLiteral("stageTitle"));
    m_state->setObjectName(QStringLiteral("stageState"));
    head->addWidget(m_title, 1);
    head->addWidget(m_state);
    layout->addLayout(head);
    m_times->setObjectName(QStringLiteral("stageTimes"));
    m_times->setWordWrap(true);
    layout->addWidget(m_times);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(10);
    layout->addWidget(m_progress);
    m_soak->setObjectName(QStringLiteral("soak"));
    QFont mono = m_soak->font();
    mono.setBold(true);
    m_soak->setFont(mono);
    layout->addWidget(m_soak);
    m_gates->setContentsMargins(0, 4, 0, 0);
    m_gates->setHorizontalSpacing(12);
    m_gates->setColumnStretch(2, 1);
    layout->addWidget(m_gateBox);
}

void StageCard::setStage(const RunSnapshot &s, int index)
{
    const StageSnapshot &st = s.stages.at(index);
    const bool current = st.state == StageSnapshot::State::Current;
    const QString name = st.title.isEmpty() ? st.id : st.title;
    m_title->setText(st.trafficPercent ? tr("%1. %2 — %3 %").arg(index + 1).arg(name).arg(*st.trafficPercent)
                                       : tr("%1. %2").arg(index + 1).arg(name));
    QString state = GuiText::stageStateWord(st.state).toUpper();
    if (st.attempts > 1)
        state += tr(" · attempt %1").arg(st.attempts);
    m_state->setText(state);
    m_state->setStyleSheet(
        QStringLiteral("color: white; background: %1; padding: 2px 8px; font-weight: bold;")
            .arg(stageColor(st.state)));
    setStyleSheet(current ? QStringLiteral("StageCard { border: 2px solid #1565c0; }") : QString {});

    // Planned against actual: the soak the runbook plans, the time spent in the stage, the earliest start
    // of a stage to come (the soaks before it, from the running stage's end).
    const QString planned = tr("planned soak %1").arg(GuiText::duration(st.plannedSoak.count()));
    QString times = planned;
    if (current && st.enteredAt) {
        times += tr(" · in the stage for %1 (entered %2)")
                     .arg(GuiText::duration(s.now - *st.enteredAt), GuiText::clockTime(*st.enteredAt));
        if (s.status.soakStart && s.status.soakEnd) {
            const qint64 soak = *s.status.soakEnd - *s.status.soakStart;
            if (soak > st.plannedSoak.count())
                times += tr(" · soak extended to %1").arg(GuiText::duration(soak));
        }
    } else if (st.state == StageSnapshot::State::Future && s.status.soakEnd
               && s.status.phase == RunState::Phase::InStage) {
        qint64 start = std::max(*s.status.soakEnd, s.now);
        for (int i = s.status.stageIndex + 1; i >= 0 && i < index; ++i)
            start += s.stages.at(i).plannedSoak.count();
        times += tr(" · earliest start %1").arg(GuiText::clockTime(start));
    } else if (st.state == StageSnapshot::State::Done) {
        times += tr(" · soaked and promoted");
    }
    m_times->setText(times);

    const bool soaking = current && s.status.soakStart && s.status.soakEnd;
    m_progress->setVisible(current);
    m_soak->setVisible(current);
    if (soaking) {
        const qint64 total = std::max<qint64>(1, *s.status.soakEnd - *s.status.soakStart);
        // The engine's own remaining time, as the verdict bar and the overview show it: a follower's
        // snapshot time is not the run's clock, so soakEnd - now would contradict them.
        const qint64 left = s.status.soakRemaining.count();
        const qint64 done = std::clamp<qint64>(total - left, 0, total);
        m_progress->setValue(int(done * 1000 / total));
        m_soak->setText(left > 0 ? tr("Soak %1 left of %2 · ETA %3")
                                       .arg(GuiText::countdown(left), GuiText::duration(total),
                                            GuiText::clockTime(*s.status.soakEnd))
                                 : tr("Soak complete (%1, ended %2)")
                                       .arg(GuiText::duration(total), GuiText::clockTime(*s.status.soakEnd)));
    } else if (current) {
        m_progress->setValue(0);
        m_soak->setText(s.status.phase == RunState::Phase::RollingBack
                            ? tr("Soak stopped: rolling back")
                            : tr("Soak starts once the rollout and its checks are done"));
    } else {
        m_soak->clear();
    }
    setGates(current ? s : RunSnapshot {});
    m_gateBox->setVisible(current && !s.status.gates.isEmpty());
}

void StageCard::setGates(const RunSnapshot &s)
{
    m_gateLines.clear();
    const qsizetype n = s.status.gates.size();
    if (n > 0 && !m_gateHeaders) {
        const QStringList headers {tr("Outcome"), tr("Gate"), tr("Current value"), tr("Streak"),
                                   tr("Resets")};
        for (int c = 0; c < headers.size(); ++c) {
            auto *h = cell(headers.at(c), m_gateBox);
            h->setStyleSheet(QStringLiteral("color: palette(mid); font-weight: bold;"));
            m_gates->addWidget(h, 0, c);
        }
        m_gateHeaders = true;
    }
    while (m_gateRows.size() > n)
        qDeleteAll(m_gateRows.takeLast());
    while (m_gateRows.size() < n) {
        const int row = int(m_gateRows.size()) + 1;
        QList<QLabel *> labels;
        for (int c = 0; c < 5; ++c) {
            QLabel *l = cell(QString {}, m_gateBox);
            m_gates->addWidget(l, row, c);
            labels << l;
        }
        labels.at(0)->setObjectName(QStringLiteral("gateOutcome"));
        labels.at(2)->setWordWrap(true);
        m_gateRows << labels;
    }
    auto update = [](QLabel *l, const QString &text) {
        if (l->text() != text)
            l->setText(text);
    };
    for (qsizetype i = 0; i < n; ++i) {
        const GateView &g = s.status.gates.at(i);
        const QList<QLabel *> &row = m_gateRows.at(i);
        const GateStatus &st = g.status;
        const QString outcome = st.verdict ? QStringLiteral("%1 %2").arg(GuiText::verdictSymbol(st.verdict),
                                                                         GuiText::verdictWord(st.verdict))
                                           : QStringLiteral("… %1").arg(GuiText::gatePhaseWord(st.phase));
        update(row.at(0), outcome);
        const QString style
            = QStringLiteral("background: %1; color: black; padding: 2px 6px; font-weight: bold;")
                  .arg(outcomeColor(st));
        if (row.at(0)->styleSheet() != style)
            row.at(0)->setStyleSheet(style);
        row.at(0)->setToolTip(GuiText::gatePhaseWord(st.phase));
        update(row.at(1), g.title.isEmpty() || g.title == g.id ? g.id : tr("%1 (%2)").arg(g.title, g.id));

        QString sentence = st.explanation;
        if (sentence.isEmpty())
            sentence = g.kind == Gate::Kind::Manual ? tr("a person confirms") : tr("no sample yet");
        if (!st.reason.isEmpty() && st.reason != st.explanation)
            sentence += QStringLiteral(" — %1").arg(st.reason);
        update(row.at(2), sentence);

        const qint64 held = st.held.count(), total = held + st.remaining.count();
        QString streak;
        if (st.phase == GateStatus::Phase::Passed && total > 0)
            streak = tr("held %1 ✔").arg(streakDuration(held)); // the window goes on past its hold
        else if (total > 0)
            streak = tr("%1 / %2").arg(streakDuration(held), streakDuration(total));
        else
            streak = tr("—");
        update(row.at(3), streak);

        const GateHistory h = s.gateHistory.value(g.id);
        QString resets = h.resets == 1 ? tr("1 reset") : tr("%1 resets").arg(h.resets);
        if (h.lastBreachAt)
            resets += tr(", last breach %1").arg(GuiText::clockTime(*h.lastBreachAt));
        update(row.at(4), resets);
        m_gateLines << QStringLiteral("%1 | %2 | %3 | %4 | %5").arg(outcome, g.id, sentence, streak, resets);
    }
}

QString StageCard::soakText() const
{
    return m_soak->text();
}

QStringList StageCard::gateLines() const
{
    return m_gateLines;
}

} // namespace cockpit::gui
