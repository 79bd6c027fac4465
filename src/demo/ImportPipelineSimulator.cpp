#include "demo/ImportPipelineSimulator.h"

#include "core/runbook/Action.h"
#include "probes/HttpProbe.h"
#include "probes/SqlProbe.h"

#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimer>

namespace cockpit {

namespace {

const char *const kMessages[]
    = {"upstream timeout",       "invalid CSV header",   "duplicate user_id",
       "storage quota exceeded", "malformed date field", "connection reset by peer"};
constexpr int kMessageCount = 6;

QString ts(qint64 ms)
{
    return QStringLiteral("to_timestamp(%1)").arg(double(ms) / 1000.0, 0, 'f', 3);
}

} // namespace

ImportPipelineSimulator::ImportPipelineSimulator(Clock *clock, Options options, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_options(std::move(options))
{
    // Durations: 90% 2-8 min, 9.5% 10-25 min, 0.5% 35-50 min; shuffled once with a fixed seed.
    QRandomGenerator rng(20261122);
    for (int i = 0; i < 200; ++i) {
        int sec = 0;
        if (i < 180)
            sec = 120 + int(rng.bounded(360));
        else if (i < 199)
            sec = 600 + int(rng.bounded(900));
        else
            sec = 2100 + int(rng.bounded(900));
        m_durationsSec << sec;
    }
    for (int i = m_durationsSec.size() - 1; i > 0; --i)
        m_durationsSec.swapItemsAt(i, int(rng.bounded(i + 1)));
    m_timer = new QTimer(this);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &ImportPipelineSimulator::tick);
}

ImportPipelineSimulator::~ImportPipelineSimulator() = default;

QString ImportPipelineSimulator::schemaSql(qint64 nowMs, const QString &readers)
{
    const QString now = ts(nowMs);
    return QStringLiteral(
               "CREATE SCHEMA demo_clock;\n"
               "CREATE TABLE demo_clock.sim (t timestamptz NOT NULL);\n"
               "INSERT INTO demo_clock.sim VALUES (%1);\n"
               // now() of the metric queries: search_path puts demo_clock before pg_catalog.
               "CREATE FUNCTION demo_clock.now() RETURNS timestamptz LANGUAGE sql STABLE AS "
               "'SELECT t FROM demo_clock.sim';\n"
               "ALTER DATABASE app SET search_path = demo_clock, pg_catalog, public;\n"
               "GRANT USAGE ON SCHEMA demo_clock TO %2;\n"
               "GRANT SELECT ON demo_clock.sim TO %2;\n"
               "CREATE INDEX imports_pipeline_started ON imports (pipeline, started_at);\n"
               "CREATE INDEX imports_completed ON imports (completed_at);\n"
               // The stuck-import metrics and the backlog trigger look only at unfinished imports: without
               // this index every sample scans the whole (growing) v2 history and the clock falls behind.
               "CREATE INDEX imports_unfinished ON imports (pipeline, started_at) "
               "WHERE status IN ('pending', 'running');\n"
               // 25 h of steady v1 traffic (the hourly timeline needs a day of history).
               "INSERT INTO imports (user_id, pipeline, status, started_at, completed_at, error_message)\n"
               "SELECT 'user' || (g % 50 + 1), 'v1', CASE WHEN g % 100 = 0 THEN 'failed' ELSE 'completed' "
               "END,\n"
               "       %1 - g * interval '6 seconds', %1 - g * interval '6 seconds' + (g % 7 + 2) * interval "
               "'1 minute',\n"
               "       CASE WHEN g % 100 = 0 THEN 'upstream timeout' END\n"
               "FROM generate_series(1, 15000) g;\n"
               // The v2 pilot with internal users, the last 3 h before the rollout: every known error
               // message once (the error-pattern gates compare against it).
               "INSERT INTO imports (user_id, pipeline, status, started_at, completed_at, error_message)\n"
               "SELECT 'pilot' || g, 'v2', CASE WHEN g % 40 = 0 THEN 'failed' ELSE 'completed' END,\n"
               "       %1 - interval '3 hours' + g * interval '45 seconds',\n"
               "       %1 - interval '3 hours' + g * interval '45 seconds' + (g % 6 + 2) * interval '1 "
               "minute',\n"
               "       CASE WHEN g % 40 = 0 THEN (ARRAY['%3'])[g / 40] END\n"
               "FROM generate_series(1, 236) g;\n"
               "ANALYZE imports;\n")
        .arg(now, readers, [] {
            QStringList m;
            for (const char *s : kMessages)
                m << QString::fromLatin1(s);
            return m.join(QStringLiteral("','"));
        }());
}

void ImportPipelineSimulator::start()
{
    m_last = m_clock->now();
    m_timer->start();
}

void ImportPipelineSimulator::stop()
{
    m_timer->stop();
}

void ImportPipelineSimulator::readPercent()
{
    if (m_reading)
        return;
    m_reading = true;
    HttpRequest r;
    r.url = m_options.rolloutUrl;
    auto *w = new QFutureWatcher<Observation>(this);
    connect(w, &QFutureWatcherBase::finished, this, [this, w] {
        w->deleteLater();
        m_reading = false;
        const Observation o = w->result();
        if (o.status == 200)
            m_percent
                = QJsonDocument::fromJson(o.body).object().value(QLatin1String("value")).toInt(m_percent);
    });
    w->setFuture(HttpProbe::run(r, nullptr, {}));
}

void ImportPipelineSimulator::tick()
{
    readPercent();
    if (m_writing)
        return; // one batch at a time, so the database clock never moves backwards
    const qint64 now = m_clock->now();
    if (now <= m_last)
        return;
    const double due = double(now - m_last) / 3600000.0 * m_options.importsPerHour + m_carry;
    const int n = int(due);
    m_carry = due - n;
    QStringList rows;
    for (int i = 0; i < n; ++i) {
        const qint64 finished = m_last + (now - m_last) * (i + 1) / std::max(n, 1);
        // Routing spreads v2 evenly: with 10% every tenth import goes to v2.
        m_route = (m_route + m_percent) % 100;
        const bool v2 = m_percent >= 100 || (m_percent > 0 && m_route < m_percent);
        double &acc = v2 ? m_v2Acc : m_v1Acc;
        acc += (v2 ? m_options.v2FailurePct : m_options.v1FailurePct) / 100.0;
        const bool failed = acc >= 1.0;
        if (failed)
            acc -= 1.0;
        // Each pipeline walks the whole table: every stage's v2 durations have the same distribution,
        // whatever share of the traffic v2 gets.
        int &index = v2 ? m_durationIndex : m_v1DurationIndex;
        const int sec = m_durationsSec[index++ % m_durationsSec.size()];
        const qint64 started = finished - qint64(sec) * 1000;
        rows << QStringLiteral("('u%1','%2','%3',%4,%5,%6)")
                    .arg(m_written + i)
                    .arg(v2 ? QStringLiteral("v2") : QStringLiteral("v1"),
                         failed ? QStringLiteral("failed") : QStringLiteral("completed"), ts(started),
                         ts(finished),
                         failed ? QStringLiteral("'%1'").arg(
                             QString::fromLatin1(kMessages[m_message++ % kMessageCount]))
                                : QStringLiteral("NULL"));
    }
    m_last = now;
    QString sql = QStringLiteral("UPDATE demo_clock.sim SET t = %1").arg(ts(now));
    if (!rows.isEmpty())
        sql += QStringLiteral("; INSERT INTO imports (user_id, pipeline, status, started_at, completed_at, "
                              "error_message) VALUES ")
            + rows.join(QLatin1Char(','));
    m_written += rows.size();
    m_writing = true;
    SqlStatement st;
    st.connection = m_options.database.name;
    st.statement = sql;
    auto *w = new QFutureWatcher<Observation>(this);
    connect(w, &QFutureWatcherBase::finished, this, [this, w] {
        w->deleteLater();
        m_writing = false;
        if (!w->result().error.isEmpty())
            m_lastError = w->result().error;
    });
    w->setFuture(SqlProbe::execute(m_options.database, st, m_options.password));
}

} // namespace cockpit
