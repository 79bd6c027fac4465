#pragma once

#include "core/base/Clock.h"
#include "core/runbook/Connection.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

class QTimer;

namespace cockpit {

// The demo's import pipeline: on the demo clock, imports arrive at a steady rate and are routed to v1 or
// v2 by the rollout percent it reads from the rollout manager's HTTP endpoint; each finished import is a
// row in `imports` (realistic durations from a fixed table, occasional failures with a handful of error
// messages). It also moves the database's idea of now() along with the demo clock (schema demo_clock,
// see schemaSql), so example A's metric queries, written against now(), see simulated time.
// Writes go through SqlProbe::execute on the SQL worker pool, one batch at a time: never blocks.
class ImportPipelineSimulator : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        Connection database; // writable connection as a role that may insert and update
        QByteArray password;
        QString rolloutUrl; // GET → {"value": N}
        double importsPerHour = 600;
        double v1FailurePct = 1.0;
        double v2FailurePct = 2.0;
    };

    ImportPipelineSimulator(Clock *clock, Options options, QObject *parent = nullptr);
    ~ImportPipelineSimulator() override;

    // The demo_clock schema and the history (25 h of v1 traffic, a v2 pilot) to run before start();
    // `readers` may read the clock.
    static QString schemaSql(qint64 nowMs, const QString &readers);

    void start();
    void stop();
    // Failure injection: the v2 failure rate from now on.
    void setV2FailurePct(double pct) { m_options.v2FailurePct = pct; }
    double v2FailurePct() const { return m_options.v2FailurePct; }
    int rolloutPercent() const { return m_percent; }
    qint64 importsWritten() const { return m_written; }
    QString lastError() const { return m_lastError; }

private:
    void tick();
    void readPercent();

    Clock *m_clock;
    Options m_options;
    QTimer *m_timer = nullptr;
    qint64 m_last = 0;
    double m_carry = 0;
    double m_v1Acc = 0;
    double m_v2Acc = 0;
    int m_percent = 0;
    int m_message = 0;
    int m_durationIndex = 0;
    int m_v1DurationIndex = 0;
    int m_route = 0;
    qint64 m_written = 0;
    bool m_writing = false;
    bool m_reading = false;
    QString m_lastError;
    QList<int> m_durationsSec; // a fixed, shuffled table: every stage sees the same distribution
};

} // namespace cockpit
