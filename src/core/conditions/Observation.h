#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <optional>

namespace cockpit {

// One table's counts in a source/target row-count comparison.
struct TableCount
{
    QString source; // table name on the source connection
    QString target; // table name on the target connection
    std::optional<qint64> sourceRows;
    std::optional<qint64> targetRows;
    qint64 allowedDifference = 0; // tolerance resolved to rows for this table
    QString error; // why a count is missing
    bool withinTolerance() const;
};

// What a probe saw, with a timestamp. Conditions are evaluated on it and it is kept as evidence, so it
// must never hold a secret value (a secret check records presence and validity only).
struct Observation
{
    enum class Kind { Http, Sql, Secret, Command, RowCount, Manual, Metric };

    Kind kind = Kind::Http;
    QDateTime at; // UTC, when the probe started
    qint64 durationMs = 0; // wall time of the probe ([RESPONSE_TIME] for HTTP)
    bool connected = false; // [CONNECTED]: a connection was established
    QString error; // transport/probe error (timeout, refused, TLS, SQL error); empty when none
    QString target; // what was probed, without credentials: URL, connection name, argv[0]

    // HTTP
    QString method;
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers; // in arrival order; lookups are case-insensitive
    QByteArray body;
    bool bodyTruncated = false;
    std::optional<qint64> certificateExpiresInMs; // [CERTIFICATE_EXPIRATION]; empty for plain HTTP
    bool tlsVerificationDisabled = false; // marked in the evidence when a runbook turned it off

    // SQL
    QStringList columns;
    QList<QVariantList> rows; // the first rows, capped
    qint64 rowCount = 0; // [ROWS]: all rows returned, not only the kept ones
    bool rowsTruncated = false;

    // Command
    int exitCode = -1;
    QByteArray stdOut;
    QByteArray stdErr;

    // Secret (never the value)
    bool secretPresent = false;
    std::optional<bool> secretFormatValid;

    // Row counts
    QList<TableCount> tableCounts;

    // Manual
    QString confirmedBy;
    QString comment;

    // Metric values visible to conditions by name, e.g. success_rate_pct.
    QHash<QString, double> metrics;

    // Case-insensitive header lookup; the first value when a header repeats.
    std::optional<QByteArray> header(QByteArrayView name) const;

    QJsonObject toJson() const;
    static QString kindName(Kind k);
};

} // namespace cockpit
