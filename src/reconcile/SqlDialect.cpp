#include "reconcile/SqlDialect.h"

#include <QRegularExpression>

namespace cockpit {

namespace {

bool isNumeric(ValueClass c)
{
    return c == ValueClass::Integer || c == ValueClass::Decimal || c == ValueClass::Float;
}

bool isTimestamp(ValueClass c)
{
    return c == ValueClass::Timestamp || c == ValueClass::TimestampTz;
}

int scaleOf(const QString &type)
{
    static const QRegularExpression re(QStringLiteral(R"(\(\s*\d+\s*,\s*(\d+)\s*\))"));
    const auto m = re.match(type);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

} // namespace

SqlDialect::Kind SqlDialect::of(const QSqlDatabase &db)
{
    if (db.driverName() == QLatin1String("QPSQL"))
        return Kind::Postgres;
    if (db.driverName() == QLatin1String("QMYSQL"))
        return Kind::Mysql;
    return Kind::Sqlite;
}

QString SqlDialect::name(Kind k)
{
    switch (k) {
    case Kind::Postgres: return QStringLiteral("postgres");
    case Kind::Mysql: return QStringLiteral("mysql");
    case Kind::Sqlite: break;
    }
    return QStringLiteral("sqlite");
}

QString SqlDialect::quoteIdentifier(Kind k, const QString &name)
{
    if (k == Kind::Mysql) {
        QString n = name;
        n.replace(QLatin1Char('`'), QStringLiteral("``"));
        return QLatin1Char('`') + n + QLatin1Char('`');
    }
    QString n = name;
    n.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + n + QLatin1Char('"');
}

QStringList SqlDialect::tableParts(const QString &runbookName)
{
    // Validated by RowCountProbe::isTableName: identifiers or "quoted" parts separated by one dot.
    QStringList parts;
    QString current;
    bool quoted = false;
    for (qsizetype i = 0; i < runbookName.size(); ++i) {
        const QChar c = runbookName[i];
        if (c == QLatin1Char('"')) {
            if (quoted && i + 1 < runbookName.size() && runbookName[i + 1] == QLatin1Char('"')) {
                current += c;
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (c == QLatin1Char('.') && !quoted) {
            parts << current;
            current.clear();
        } else {
            current += c;
        }
    }
    parts << current;
    if (parts.size() == 1)
        parts.prepend(QString());
    return parts;
}

QString SqlDialect::tableName(Kind k, const QString &runbookName)
{
    const QStringList parts = tableParts(runbookName);
    const QString table = quoteIdentifier(k, parts.value(1));
    return parts.value(0).isEmpty() ? table : quoteIdentifier(k, parts.value(0)) + QLatin1Char('.') + table;
}

ValueClass SqlDialect::classify(Kind k, const QString &rawType, int *scale)
{
    const QString type = rawType.toLower().trimmed();
    *scale = -1;
    if (k == Kind::Sqlite) {
        // SQLite's affinity rules (section 3.1 of its datatype page), with the names people declare.
        if (type.contains(u"bool"))
            return ValueClass::Boolean;
        if (type.contains(u"int"))
            return ValueClass::Integer;
        if (type.contains(u"char") || type.contains(u"clob") || type.contains(u"text"))
            return ValueClass::Text;
        if (type.contains(u"blob"))
            return ValueClass::Bytes;
        if (type.contains(u"real") || type.contains(u"floa") || type.contains(u"doub"))
            return ValueClass::Float;
        if (type.startsWith(u"timestamp") || type.startsWith(u"datetime"))
            return ValueClass::Timestamp;
        if (type == u"date")
            return ValueClass::Date;
        if (type.contains(u"dec") || type.contains(u"num")) {
            *scale = scaleOf(type);
            return ValueClass::Decimal;
        }
        return ValueClass::Text;
    }
    if (type.startsWith(u"tinyint(1)") || type == u"boolean" || type == u"bool")
        return k == Kind::Mysql ? ValueClass::Integer : ValueClass::Boolean;
    if (type.contains(u"int") && !type.contains(u"interval") && !type.contains(u"point"))
        return ValueClass::Integer;
    if (type.startsWith(u"numeric") || type.startsWith(u"decimal")) {
        *scale = scaleOf(type);
        return ValueClass::Decimal;
    }
    if (type.startsWith(u"double") || type.startsWith(u"real") || type.startsWith(u"float"))
        return ValueClass::Float;
    if (type.startsWith(u"timestamp") && type.contains(u"with time zone") && !type.contains(u"without"))
        return ValueClass::TimestampTz;
    if (type.startsWith(u"timestamp") || type.startsWith(u"datetime"))
        return k == Kind::Mysql && type.startsWith(u"timestamp") ? ValueClass::TimestampTz
                                                                 : ValueClass::Timestamp;
    if (type == u"date")
        return ValueClass::Date;
    if (type == u"bytea" || type.contains(u"blob") || type.contains(u"binary"))
        return ValueClass::Bytes;
    return ValueClass::Text;
}

ValueClass SqlDialect::combine(ValueClass a, int scaleA, ValueClass b, int scaleB, int *scale)
{
    *scale = -1;
    if (isNumeric(a) && isNumeric(b)) {
        if (a == ValueClass::Integer && b == ValueClass::Integer)
            return ValueClass::Integer;
        *scale = std::max(scaleA, scaleB);
        if (*scale < 0)
            *scale = defaultScale;
        return ValueClass::Decimal;
    }
    if ((a == ValueClass::Boolean && (b == ValueClass::Boolean || b == ValueClass::Integer))
        || (b == ValueClass::Boolean && a == ValueClass::Integer))
        return ValueClass::Boolean;
    if (isTimestamp(a) && isTimestamp(b))
        return ValueClass::TimestampTz;
    if (a == b)
        return a;
    return ValueClass::Text;
}

QString SqlDialect::castText(Kind k, const QString &expr)
{
    switch (k) {
    case Kind::Postgres: return QStringLiteral("(%1)::text").arg(expr);
    case Kind::Mysql: return QStringLiteral("CAST(%1 AS CHAR CHARACTER SET utf8mb4)").arg(expr);
    case Kind::Sqlite: break;
    }
    return QStringLiteral("CAST(%1 AS TEXT)").arg(expr);
}

QString SqlDialect::normalised(Kind k, const QString &e, ValueClass own, ValueClass as, int scale)
{
    switch (as) {
    case ValueClass::Integer:
        if (k == Kind::Sqlite)
            return QStringLiteral("CAST(CAST(%1 AS INTEGER) AS TEXT)").arg(e);
        return castText(k, e);
    case ValueClass::Decimal:
    case ValueClass::Float: {
        const int s = scale < 0 ? defaultScale : scale;
        if (k == Kind::Postgres)
            return QStringLiteral("round((%1)::numeric, %2)::text").arg(e).arg(s);
        if (k == Kind::Mysql)
            return QStringLiteral("CAST(CAST(%1 AS DECIMAL(65,%2)) AS CHAR CHARACTER SET utf8mb4)")
                .arg(e)
                .arg(s);
        return QStringLiteral("printf('%.%2f', %1)").arg(e).arg(s);
    }
    case ValueClass::Boolean:
        if (k == Kind::Postgres)
            return own == ValueClass::Boolean ? QStringLiteral("((%1)::int)::text").arg(e)
                                              : QStringLiteral("(((%1) <> 0)::int)::text").arg(e);
        return castText(k, QStringLiteral("(%1) <> 0").arg(e));
    case ValueClass::Timestamp:
    case ValueClass::TimestampTz:
        // A timestamp without time zone is taken as UTC; MySQL sessions run at time_zone '+00:00'.
        if (k == Kind::Postgres)
            return own == ValueClass::TimestampTz
                ? QStringLiteral("to_char((%1) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')").arg(e)
                : QStringLiteral("to_char(%1, 'YYYY-MM-DD HH24:MI:SS.US')").arg(e);
        if (k == Kind::Mysql)
            return QStringLiteral("DATE_FORMAT(%1, '%Y-%m-%d %H:%i:%s.%f')").arg(e);
        return QStringLiteral("(strftime('%Y-%m-%d %H:%M:%f', %1) || '000')").arg(e);
    case ValueClass::Date:
        if (k == Kind::Postgres)
            return QStringLiteral("to_char(%1, 'YYYY-MM-DD')").arg(e);
        if (k == Kind::Mysql)
            return QStringLiteral("DATE_FORMAT(%1, '%Y-%m-%d')").arg(e);
        return QStringLiteral("strftime('%Y-%m-%d', %1)").arg(e);
    case ValueClass::Bytes:
        if (k == Kind::Postgres)
            return own == ValueClass::Bytes
                ? QStringLiteral("encode(%1, 'hex')").arg(e)
                : QStringLiteral("encode(convert_to((%1)::text, 'UTF8'), 'hex')").arg(e);
        return QStringLiteral("lower(hex(%1))").arg(e);
    case ValueClass::Text: break;
    }
    return castText(k, e);
}

QString SqlDialect::rowText(Kind k, const QStringList &exprs)
{
    QStringList parts;
    const QString nullMark = k == Kind::Postgres ? QStringLiteral("chr(30)")
        : k == Kind::Mysql                       ? QStringLiteral("CHAR(30 USING utf8mb4)")
                                                 : QStringLiteral("char(30)");
    const QString sep = k == Kind::Postgres ? QStringLiteral("chr(31)")
        : k == Kind::Mysql                  ? QStringLiteral("CHAR(31 USING utf8mb4)")
                                            : QStringLiteral("char(31)");
    for (const QString &e : exprs) {
        if (!parts.isEmpty())
            parts << sep;
        parts << QStringLiteral("COALESCE(%1, %2)").arg(e, nullMark);
    }
    if (k == Kind::Mysql)
        return QStringLiteral("CONCAT(%1)").arg(parts.join(QStringLiteral(", ")));
    return QLatin1Char('(') + parts.join(QStringLiteral(" || ")) + QLatin1Char(')');
}

QString SqlDialect::rowHash(Kind k, const QString &textExpr, bool postgresOnly)
{
    if (k == Kind::Postgres && postgresOnly)
        return QStringLiteral("hashtextextended(%1, 0)").arg(textExpr);
    if (k == Kind::Postgres)
        return QStringLiteral("('x' || substr(md5(%1), 1, 15))::bit(60)::bigint").arg(textExpr);
    return QStringLiteral("CAST(CONV(SUBSTRING(MD5(%1), 1, 15), 16, 10) AS UNSIGNED)").arg(textExpr);
}

QString SqlDialect::sumAsText(Kind k, const QString &expr)
{
    if (k == Kind::Postgres)
        return QStringLiteral("sum(%1)::text").arg(expr); // sum(bigint) is numeric: exact
    if (k == Kind::Mysql)
        return QStringLiteral("CAST(SUM(%1) AS CHAR)").arg(expr);
    return QStringLiteral("CAST(sum(%1) AS TEXT)").arg(expr);
}

QString SqlDialect::keyOrder(Kind k, const QString &quotedColumn, ValueClass cls)
{
    if (cls == ValueClass::Integer)
        return quotedColumn;
    if (k == Kind::Postgres)
        return QStringLiteral("(%1::text COLLATE \"C\")").arg(quotedColumn);
    if (k == Kind::Mysql)
        return QStringLiteral("CAST(%1 AS BINARY)").arg(quotedColumn);
    return QStringLiteral("(%1 COLLATE BINARY)").arg(quotedColumn);
}

} // namespace cockpit
