#include "gui/panels/ConnectionLights.h"

#include "gui/GuiText.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <limits>

namespace cockpit::gui {

namespace {
// Three missed samples of the connection's fastest metric: it may still answer, but nobody knows.
constexpr int kMissedIntervals = 3;

QString lightStyle(ConnectionLights::Light light)
{
    QString bg;
    switch (light) {
    case ConnectionLights::Light::Ok: bg = QStringLiteral("#2e7d32"); break;
    case ConnectionLights::Light::Degraded: bg = QStringLiteral("#ffb300"); break;
    case ConnectionLights::Light::Down: bg = QStringLiteral("#c62828"); break;
    case ConnectionLights::Light::Unknown: bg = QStringLiteral("#757575"); break;
    }
    const QString fg
        = light == ConnectionLights::Light::Degraded ? QStringLiteral("black") : QStringLiteral("white");
    return QStringLiteral("QLabel { background: %1; color: %2; border-radius: 3px; padding: 1px 5px; }")
        .arg(bg, fg);
}

QString lightSymbol(ConnectionLights::Light light)
{
    switch (light) {
    case ConnectionLights::Light::Ok: return QStringLiteral("●");
    case ConnectionLights::Light::Degraded: return QStringLiteral("◐");
    case ConnectionLights::Light::Down: return QStringLiteral("✖");
    case ConnectionLights::Light::Unknown: return QStringLiteral("○");
    }
    return {};
}
} // namespace

ConnectionLights::ConnectionLights(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    setObjectName(QStringLiteral("connectionLights"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
    m_layout->addStretch(1);
}

ConnectionLights::Light ConnectionLights::lightOf(const ConnectionHealth &health, const RunSnapshot &snapshot,
                                                  qint64 engineNow)
{
    if (health.lastAt <= 0)
        return Light::Unknown;
    if (!health.ok)
        return Light::Down;
    if (!health.lastError.isEmpty())
        return Light::Degraded;
    qint64 fastest = std::numeric_limits<qint64>::max();
    if (snapshot.runbook) {
        for (const Metric &m : snapshot.runbook->metrics) {
            if (m.connection == health.name)
                fastest = qMin(fastest, qint64(m.every.count()));
        }
    }
    if (fastest != std::numeric_limits<qint64>::max()
        && engineNow - health.lastAt > kMissedIntervals * fastest)
        return Light::Degraded;
    return Light::Ok;
}

QString ConnectionLights::lightWord(Light light)
{
    switch (light) {
    case Light::Ok: return tr("ok");
    case Light::Degraded: return tr("degraded");
    case Light::Down: return tr("down");
    case Light::Unknown: return tr("not observed yet");
    }
    return {};
}

void ConnectionLights::setSnapshot(const RunSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    const int wanted = snapshot ? int(snapshot->connections.size()) : 0;
    while (m_lights.size() > wanted)
        delete m_lights.takeLast();
    while (m_lights.size() < wanted) {
        auto *l = new QLabel(this);
        l->setObjectName(QStringLiteral("connectionLight"));
        m_layout->addWidget(l);
        m_lights << l;
    }
    setVisible(wanted > 0);
    paint(QDateTime::currentMSecsSinceEpoch());
}

void ConnectionLights::refreshAge(qint64 wallNow)
{
    paint(wallNow);
}

void ConnectionLights::paint(qint64 wallNow)
{
    if (!m_snapshot)
        return;
    const RunSnapshot &s = *m_snapshot;
    // The engine's clock may run accelerated (demo, rehearsal): advance it by the wall time since the
    // snapshot was taken, as the data age does.
    const qint64 engineNow = s.now + qMax<qint64>(0, wallNow - s.wallTakenAt);
    for (int i = 0; i < m_lights.size() && i < s.connections.size(); ++i) {
        const ConnectionHealth &c = s.connections.at(i);
        const Light light = lightOf(c, s, engineNow);
        QLabel *l = m_lights.at(i);
        l->setText(lightSymbol(light) + QLatin1Char(' ') + c.name);
        if (l->property("light").toInt() != int(light) || l->styleSheet().isEmpty())
            l->setStyleSheet(lightStyle(light)); // a style sheet re-polishes: only when the light changes
        l->setProperty("light", int(light));
        QString tip = tr("%1 (%2): %3").arg(c.name, c.kind, lightWord(light));
        if (c.lastAt > 0) {
            const QString age = GuiText::age(engineNow - c.lastAt);
            tip += QLatin1Char('\n')
                + (c.lastError.isEmpty() ? tr("last observation %1").arg(age)
                                         : tr("last error %1: %2").arg(age, c.lastError));
        } else {
            tip += QLatin1Char('\n') + tr("No metric has sampled it yet.");
        }
        l->setToolTip(tip);
    }
}

} // namespace cockpit::gui
