#include "core/conditions/Observation.h"

#include <QJsonArray>

namespace cockpit {

bool TableCount::withinTolerance() const
{
    if (!sourceRows || !targetRows || !error.isEmpty())
        return false;
    return qAbs(*sourceRows - *targetRows) <= allowedDifference;
}

std::optional<QByteArray> Observation::header(QByteArrayView name) const
{
    for (const auto &[k, v] : headers)
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return std::nullopt;
}

QString Observation::kindName(Kind k)
{
    switch (k) {
    case Kind::Http: return QStringLiteral("http");
    case Kind::Sql: return QStringLiteral("sql");
    case Kind::Secret: return QStringLiteral("secret");
    case Kind::Command: return QStringLiteral("command");
    case Kind::RowCount: return QStringLiteral("row_counts");
    case Kind::Manual: return QStringLiteral("manual");
    case Kind::Metric: return QStringLiteral("metric");
    }
    return {};
}

static QJsonValue variantToJson(const QVariant &v)
{
    if (v.isNull())
        return QJsonValue::Null;
    switch (v.typeId()) {
    case QMetaType::Bool: return v.toBool();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Double: return v.toDouble();
    default: return v.toString();
    }
}

QJsonObject Observation::toJson() const
{
    QJsonObject o {{QStringLiteral("kind"), kindName(kind)},
                   {QStringLiteral("at"), at.toUTC().toString(Qt::ISODateWithMs)},
                   {QStringLiteral("duration_ms"), durationMs},
                   {QStringLiteral("connected"), connected}};
    if (!target.isEmpty())
        o.insert(QStringLiteral("target"), target);
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    switch (kind) {
    case Kind::Http: {
        o.insert(QStringLiteral("method"), method);
        o.insert(QStringLiteral("status"), status);
        QJsonArray hs;
        for (const auto &[k, v] : headers)
            hs.append(QJsonArray {QString::fromLatin1(k), QString::fromLatin1(v)});
        o.insert(QStringLiteral("headers"), hs);
        o.insert(QStringLiteral("body"), QString::fromUtf8(body));
        if (bodyTruncated)
            o.insert(QStringLiteral("body_truncated"), true);
        if (certificateExpiresInMs)
            o.insert(QStringLiteral("certificate_expires_in_ms"), double(*certificateExpiresInMs));
        if (tlsVerificationDisabled)
            o.insert(QStringLiteral("tls_verification_disabled"), true);
        break;
    }
    case Kind::Sql: {
        o.insert(QStringLiteral("columns"), QJsonArray::fromStringList(columns));
        QJsonArray rs;
        for (const auto &row : rows) {
            QJsonArray r;
            for (const auto &cell : row)
                r.append(variantToJson(cell));
            rs.append(r);
        }
        o.insert(QStringLiteral("rows"), rs);
        o.insert(QStringLiteral("row_count"), rowCount);
        if (rowsTruncated)
            o.insert(QStringLiteral("rows_truncated"), true);
        break;
    }
    case Kind::Command:
        o.insert(QStringLiteral("exit_code"), exitCode);
        o.insert(QStringLiteral("stdout"), QString::fromUtf8(stdOut));
        o.insert(QStringLiteral("stderr"), QString::fromUtf8(stdErr));
        break;
    case Kind::Secret:
        o.insert(QStringLiteral("present"), secretPresent);
        if (secretFormatValid)
            o.insert(QStringLiteral("format_valid"), *secretFormatValid);
        break;
    case Kind::RowCount: {
        QJsonArray ts;
        for (const auto &t : tableCounts) {
            QJsonObject j {{QStringLiteral("source"), t.source},
                           {QStringLiteral("target"), t.target},
                           {QStringLiteral("allowed_difference"), double(t.allowedDifference)},
                           {QStringLiteral("within_tolerance"), t.withinTolerance()}};
            if (t.sourceRows)
                j.insert(QStringLiteral("source_rows"), double(*t.sourceRows));
            if (t.targetRows)
                j.insert(QStringLiteral("target_rows"), double(*t.targetRows));
            if (t.sourceRows && t.targetRows)
                j.insert(QStringLiteral("difference"), double(*t.targetRows - *t.sourceRows));
            if (!t.error.isEmpty())
                j.insert(QStringLiteral("error"), t.error);
            ts.append(j);
        }
        o.insert(QStringLiteral("tables"), ts);
        break;
    }
    case Kind::Manual:
        o.insert(QStringLiteral("confirmed_by"), confirmedBy);
        if (!comment.isEmpty())
            o.insert(QStringLiteral("comment"), comment);
        break;
    case Kind::Metric: break;
    }
    if (!metrics.isEmpty()) {
        QJsonObject m;
        for (auto it = metrics.cbegin(); it != metrics.cend(); ++it)
            m.insert(it.key(), it.value());
        o.insert(QStringLiteral("metrics"), m);
    }
    return o;
}

} // namespace cockpit
