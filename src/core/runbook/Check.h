#pragma once

#include "core/conditions/Condition.h"
#include "core/runbook/Connection.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <chrono>
#include <optional>
#include <variant>

namespace cockpit {

struct HttpRequest
{
    QString connection; // an http connection; empty when url is absolute
    QString url; // absolute URL, or path relative to the connection's base_url
    QString method = QStringLiteral("GET");
    QMap<QString, QString> headers;
    QByteArray body; // `body:` text or `json:` serialized (then Content-Type is JSON)
    std::optional<std::chrono::milliseconds> timeout; // default: the connection's, else 10 s
    bool followRedirects = false;
    bool insecureSkipVerify = false;
    QString caFile;
};

struct SqlQuery
{
    QString connection;
    QString query;
    std::optional<std::chrono::milliseconds> timeout; // statement timeout; default the connection's
    int maxRows = 100; // rows kept in the observation
};

struct CommandSpec
{
    QStringList argv; // run without a shell
    QString workingDirectory;
    QMap<QString, QString> env;
    std::chrono::milliseconds timeout {60000};
};

struct SecretCheck
{
    QString secret; // name declared under `secrets:`
};

struct TablePair
{
    QString source;
    QString target;
    QStringList key; // key columns of the checksum diff; empty: the source's primary key
    QStringList columns; // compared and aggregated columns; empty: every column of the source
    QString where; // SQL filter on both sides (a lag window for tables still being written)
};

// Source vs target row counts for a list of tables (seed D; reconciliation in seed B).
struct RowCountCheck
{
    // Each rung includes the ones before it: planner estimates, count(*), per-column aggregates, checksum
    // diff naming the differing keys. Aggregates and Diff only in a reconciliation.
    enum class Method { Fast, Exact, Aggregates, Diff };
    QString source;
    QString target;
    QList<TablePair> tables;
    Method method = Method::Exact;
    double tolerance = 0; // 0 = exact
    bool tolerancePercent = false; // "2%" of the source count, else absolute rows
};

struct ManualCheck
{
    QString instruction;
};

// `reconcile: ID`: the runbook's reconciliation ID as a check of a run (verify step, gate, milestone); it
// passes when the reconciliation does. Only the run engine runs it (src/engine, on the SQL threads).
struct ReconcileRef
{
    QString reconciliation;
};

using Probe
    = std::variant<HttpRequest, SqlQuery, CommandSpec, SecretCheck, RowCountCheck, ManualCheck, ReconcileRef>;

struct SourcePos
{
    int line = 0;
    int column = 0;
};

// A check: a probe plus the conditions its observation must meet.
struct Check
{
    QString id;
    QString title;
    QString description;
    QString category; // free text: service, data, infrastructure, team, code, config ...
    bool required = true; // a failing required check is a blocker (NO-GO)
    Probe probe;
    QList<Condition> expect;
    SourcePos pos;
};

} // namespace cockpit
