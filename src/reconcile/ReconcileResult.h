#pragma once

#include "core/conditions/CheckResult.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cockpit {

// Index of a side in the per-side pairs and arrays of the reconciliation.
inline constexpr int kSource = 0;
inline constexpr int kTarget = 1;

// One aggregate of one column on both sides, as normalised text (so 12.50 and 12.5 compare equal).
struct AggregateValue
{
    QString column;
    QString name; // count, nulls, sum, min, max
    QString source;
    QString target;
    bool equal() const { return source == target; }
};

// A row the checksum diff found different, by key.
struct RowDifference
{
    enum class Kind { MissingInTarget, ExtraInTarget, Changed };
    Kind kind = Kind::Changed;
    QString key; // "id=5" or "tenant=3, id=5", normalised values
    QStringList columns; // Changed: the differing columns
    QStringList sourceValues; // Changed: their normalised values, in `columns` order
    QStringList targetValues;
    static QString kindName(Kind k);
};

struct TableResult
{
    QString source;
    QString target;
    std::optional<qint64> sourceRows;
    std::optional<qint64> targetRows;
    bool estimated = false; // counts are planner estimates (method fast)
    qint64 allowedDifference = 0;
    QString error;

    QList<AggregateValue> aggregates;

    bool diffRun = false;
    QStringList keyColumns;
    QStringList comparedColumns;
    qint64 missingInTarget = 0;
    qint64 extraInTarget = 0;
    qint64 changed = 0;
    QList<RowDifference> differences; // the first ones (capped); the totals above count all
    qint64 rowsScanned = 0; // rows hashed or fetched on both sides together
    int segmentsCompared = 0;

    qint64 countDifference() const;
    bool aggregatesEqual() const;
    bool passed() const;
    QJsonObject toJson() const;
};

struct FixOutcome
{
    QString id;
    QString title;
    QString kind; // sql, command, manual
    bool applied = false;
    bool needsReview = false; // manual: waits for a person's decision
    QString error;
    qint64 rowsAffected = -1;
    QString instruction; // manual: what to review
    QJsonObject toJson() const;
};

struct ReconciliationResult
{
    QString id;
    QString title;
    QString method; // fast, exact, aggregates, diff
    QString source; // connection descriptions, never credentials
    QString target;
    QDateTime startedAt;
    QDateTime finishedAt;
    QList<TableResult> tables;
    QList<CheckResult> checks;
    QList<FixOutcome> fixes;
    QList<CheckResult> checksAfterFixes; // re-checked after --fix applied something
    bool cancelled = false;
    QString cancelledAt; // how far it got
    QString error;

    bool passed() const;
    QJsonObject toJson() const;
};

} // namespace cockpit
