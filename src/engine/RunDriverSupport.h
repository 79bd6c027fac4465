#pragma once

// Helpers shared by the files that implement RunDriver (RunDriver.cpp, RunDriverProbes.cpp,
// RunDriverActions.cpp); not part of the engine's surface.

#include "core/conditions/CheckResult.h"
#include "core/journal/RunEvents.h"
#include "core/runbook/Runbook.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QObject>

namespace cockpit::driver {

inline constexpr int kOutputChars = 2000; // action output kept in the journal

// Calls fn(result) on ctx's thread when the future is done (never inline); *busy counts the futures out.
template<class T, class F> void whenDone(QObject *ctx, int *busy, QFuture<T> future, F fn)
{
    auto *w = new QFutureWatcher<T>(ctx);
    ++*busy;
    QObject::connect(w, &QFutureWatcherBase::finished, ctx, [w, fn, busy]() {
        w->deleteLater();
        --*busy;
        fn(w->result());
    });
    w->setFuture(future);
}

inline QString clip(const QByteArray &bytes)
{
    QString s = QString::fromUtf8(bytes.left(qsizetype(kOutputChars) * 4));
    if (s.size() > kOutputChars)
        s = s.left(kOutputChars) + QStringLiteral("…");
    return s;
}

inline QJsonObject detailOf(const CheckResult &r)
{
    const Observation &o = r.observation;
    QJsonObject d {{QStringLiteral("target"), o.target},
                   {QStringLiteral("summary"), r.summary},
                   {QStringLiteral("verdict"), RunEvents::verdictKey(r.verdict)},
                   {QStringLiteral("duration_ms"), double(o.durationMs)}};
    if (!o.error.isEmpty())
        d.insert(QStringLiteral("error"), o.error);
    switch (o.kind) {
    case Observation::Kind::Http:
        d.insert(QStringLiteral("method"), o.method);
        d.insert(QStringLiteral("status"), o.status);
        d.insert(QStringLiteral("output"), clip(o.body));
        break;
    case Observation::Kind::Command:
        d.insert(QStringLiteral("exit_code"), o.exitCode);
        d.insert(QStringLiteral("output"), clip(o.stdOut + o.stdErr));
        break;
    case Observation::Kind::Sql: d.insert(QStringLiteral("rows"), double(o.rowCount)); break;
    default: break;
    }
    return d;
}

inline const Gate *findGate(const Runbook &rb, const QString &stage, const QString &id)
{
    for (const Stage &s : rb.stages) {
        if (s.id != stage)
            continue;
        for (const Gate &g : s.gates)
            if (g.id == id)
                return &g;
    }
    return nullptr;
}

} // namespace cockpit::driver
