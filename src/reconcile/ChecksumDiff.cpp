#include "reconcile/ChecksumDiff.h"

#include "probes/SqlConnectionPool.h"

#include <QCryptographicHash>
#include <QHash>
#include <QMap>
#include <deque>
#include <limits>

namespace cockpit {

namespace {

constexpr int kMaxDepth = 24;

// Sums of up to 2^64 hashes of 60 bits, and key spans of 64-bit keys.
// NOLINTBEGIN(modernize-use-using): __extension__ (quiet under -Wpedantic) applies to a typedef only
__extension__ typedef unsigned __int128 U128;
__extension__ typedef __int128 I128;
// NOLINTEND(modernize-use-using)

QString u128ToString(U128 v)
{
    if (v == 0)
        return QStringLiteral("0");
    QString s;
    while (v > 0) {
        s.prepend(QChar(u'0' + int(v % 10)));
        v /= 10;
    }
    return s;
}

// The first 15 hex digits of MD5(text) as an integer: what rowHash() computes in PostgreSQL and MySQL.
quint64 md5Prefix60(const QString &text)
{
    const QByteArray d = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5);
    quint64 v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | quint8(d[i]);
    return v >> 4;
}

QString placeholders(qsizetype n)
{
    QStringList q;
    for (qsizetype i = 0; i < n; ++i)
        q << QStringLiteral("?");
    return q.join(QStringLiteral(", "));
}

// A sum as the databases print it ("123", sometimes "123.0" from a decimal): integers only.
QString plainSum(QString s)
{
    s = s.trimmed();
    if (const qsizetype dot = s.indexOf(QLatin1Char('.')); dot >= 0)
        s.truncate(dot);
    return s.isEmpty() ? QStringLiteral("0") : s;
}

} // namespace

ChecksumDiff::ChecksumDiff(DiffSide &source, DiffSide &target, const std::atomic<bool> *cancel,
                           Options options)
    : m_sides {&source, &target}
    , m_cancel(cancel)
    , m_options(options)
{
}

Expected<void, QString> ChecksumDiff::plan(const TablePair &pair)
{
    const TableSchema &src = m_sides[kSource]->schema;
    const TableSchema &dst = m_sides[kTarget]->schema;
    m_key = pair.key.isEmpty() ? src.primaryKey : pair.key;
    if (m_key.isEmpty())
        return unexpected(
            QStringLiteral("table %1 has no primary key: name the key columns with \"key:\" in the "
                           "table pair to diff it")
                .arg(src.table));
    QStringList wanted = pair.columns;
    if (wanted.isEmpty())
        for (const ColumnInfo &c : src.columns)
            if (dst.column(c.name))
                wanted << c.name;
    m_columns.clear();
    for (const QString &c : std::as_const(wanted))
        if (!m_key.contains(c, Qt::CaseInsensitive))
            m_columns << c;

    auto resolve = [&](const QString &name, bool key) -> Expected<void, QString> {
        const ColumnInfo *a = src.column(name);
        const ColumnInfo *b = dst.column(name);
        if (!a || !b)
            return unexpected(QStringLiteral("column %1 is missing on the %2 (%3)")
                                  .arg(name, !a ? QStringLiteral("source") : QStringLiteral("target"),
                                       !a ? src.table : dst.table));
        int scale = -1;
        const ValueClass as = SqlDialect::combine(a->cls, a->scale, b->cls, b->scale, &scale);
        if (key) {
            const bool aInt = a->cls == ValueClass::Integer;
            const bool bInt = b->cls == ValueClass::Integer;
            if (aInt != bInt)
                return unexpected(
                    QStringLiteral("key column %1 is %2 on the source and %3 on the target: keys must "
                                   "be integers on both sides or text on both")
                        .arg(name, a->type, b->type));
            m_keyClass << (aInt ? ValueClass::Integer : ValueClass::Text);
        }
        const ColumnInfo *own[2] = {a, b};
        // PostgreSQL on both sides and the same declared type: the type's own text is the same on both
        // (integers, numerics, text, booleans do not depend on session settings such as DateStyle or
        // TimeZone), and much cheaper than a normalising expression.
        const bool raw = !key && m_samePostgres && a->type.compare(b->type, Qt::CaseInsensitive) == 0
            && (a->cls == ValueClass::Integer || a->cls == ValueClass::Decimal || a->cls == ValueClass::Text
                || a->cls == ValueClass::Boolean);
        for (int s : {kSource, kTarget}) {
            const SqlDialect::Kind k = m_sides[s]->kind;
            const QString quoted = SqlDialect::quoteIdentifier(k, own[s]->name);
            const QString text = raw
                ? SqlDialect::castText(k, quoted)
                : SqlDialect::normalised(k, quoted, own[s]->cls, key ? m_keyClass.last() : as, scale);
            if (key) {
                m_keyOrder[s] << SqlDialect::keyOrder(k, quoted, m_keyClass.last());
                m_keyText[s] << text;
            } else {
                m_colText[s] << text;
            }
        }
        return {};
    };
    m_samePostgres = m_sides[kSource]->kind == SqlDialect::Kind::Postgres
        && m_sides[kTarget]->kind == SqlDialect::Kind::Postgres;
    m_keyClass.clear();
    for (int s : {kSource, kTarget}) {
        m_keyOrder[s].clear();
        m_keyText[s].clear();
        m_colText[s].clear();
    }
    for (const QString &k : std::as_const(m_key))
        if (auto r = resolve(k, true); !r)
            return r;
    for (const QString &c : std::as_const(m_columns))
        if (auto r = resolve(c, false); !r)
            return r;
    for (int s : {kSource, kTarget}) {
        m_rowText[s] = SqlDialect::rowText(m_sides[s]->kind, m_keyText[s] + m_colText[s]);
        m_from[s] = SqlDialect::tableName(m_sides[s]->kind, m_sides[s]->table);
    }
    return {};
}

QVariant ChecksumDiff::keyValue(const QVariant &v) const
{
    if (v.typeId() == QMetaType::QByteArray)
        return QString::fromUtf8(v.toByteArray()); // MySQL's CAST(... AS BINARY)
    return v;
}

QString ChecksumDiff::range(int side, const Segment &seg, QVariantList &binds) const
{
    QStringList parts;
    const QString key = QLatin1Char('(') + m_keyOrder[side].join(QStringLiteral(", ")) + QLatin1Char(')');
    const QString ph = QLatin1Char('(') + placeholders(m_key.size()) + QLatin1Char(')');
    if (seg.lo) {
        parts << key + QStringLiteral(" >= ") + ph;
        binds << *seg.lo;
    }
    if (seg.hi) {
        parts << key + QStringLiteral(" < ") + ph;
        binds << *seg.hi;
    }
    if (!m_sides[side]->where.isEmpty())
        parts << QLatin1Char('(') + m_sides[side]->where + QLatin1Char(')');
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

Expected<QSqlQuery, QString> ChecksumDiff::exec(int side, const QString &sql, const QVariantList &binds)
{
    if (cancelled())
        return unexpected(QStringLiteral("cancelled"));
    QSqlQuery q(m_sides[side]->db);
    q.setForwardOnly(true);
    bool ok = q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(keyValue(b));
    ok = ok && q.exec();
    if (!ok)
        return unexpected(QStringLiteral("%1: %2").arg(
            side == kSource ? QStringLiteral("source") : QStringLiteral("target"),
            SqlConnectionPool::errorText(q.lastError(), m_sides[side]->password)));
    return q;
}

Expected<QList<QVariantList>, QString> ChecksumDiff::boundaries(const Segment &seg)
{
    QList<QVariantList> out;
    m_arithmetic.reset();
    if (m_key.size() == 1 && m_keyClass.first() == ValueClass::Integer) {
        // Evenly spaced over [min, max] of both sides: two index lookups instead of a scan.
        std::optional<qint64> lo;
        std::optional<qint64> hi;
        for (int s : {kSource, kTarget}) {
            QVariantList binds;
            const QString where = range(s, seg, binds);
            auto q = exec(s,
                          QStringLiteral("SELECT min(%1), max(%1) FROM %2%3")
                              .arg(m_keyOrder[s].first(), m_from[s], where),
                          binds);
            if (!q)
                return unexpected(q.error());
            if (q->next() && !q->value(0).isNull()) {
                const qint64 a = q->value(0).toLongLong();
                const qint64 b = q->value(1).toLongLong();
                lo = lo ? std::min(*lo, a) : a;
                hi = hi ? std::max(*hi, b) : b;
            }
        }
        if (!lo)
            return out;
        const I128 span = I128(*hi) - I128(*lo) + 1;
        // Wide first splits when the range is large: ranges of about fetchThreshold rows, so a handful of
        // differences costs one pass plus their own small ranges, not a re-scan of 1/16 of the table each.
        const qint64 rows = std::max(seg.sourceRows, seg.targetRows);
        qint64 n = std::clamp<qint64>(rows / std::max<qint64>(1, m_options.fetchThreshold), m_options.fanout,
                                      m_options.maxFanout);
        n = qint64(std::min<I128>(n, span));
        if (n < 2)
            return out;
        for (qint64 i = 1; i < n; ++i)
            out << QVariantList {qint64(I128(*lo) + span * i / n)}; // strictly increasing: span >= n
        // Row k's range is (k - lo) * n / span in integers, the same as comparing with the boundaries.
        if (span <= I128(std::numeric_limits<qint64>::max() / n))
            m_arithmetic = Arithmetic {*lo, qint64(span), n};
        return out;
    }
    // Keys sampled from the side with more rows in the range, every n-th in byte order.
    const int s = seg.sourceRows >= seg.targetRows ? kSource : kTarget;
    const qint64 rows = std::max(seg.sourceRows, seg.targetRows);
    const qint64 step = std::max<qint64>(1, (rows + m_options.fanout - 1) / m_options.fanout);
    QStringList aliased;
    QStringList names;
    for (qsizetype i = 0; i < m_keyOrder[s].size(); ++i) {
        aliased << QStringLiteral("%1 AS cockpit_k%2").arg(m_keyOrder[s][i]).arg(i);
        names << QStringLiteral("cockpit_k%1").arg(i);
    }
    QVariantList binds;
    const QString where = range(s, seg, binds);
    const QString sql
        = QStringLiteral("SELECT %1 FROM (SELECT %2, row_number() OVER (ORDER BY %3) AS cockpit_rn FROM "
                         "%4%5) cockpit_s WHERE cockpit_rn % %6 = 0 ORDER BY cockpit_rn")
              .arg(names.join(QStringLiteral(", ")), aliased.join(QStringLiteral(", ")),
                   m_keyOrder[s].join(QStringLiteral(", ")), m_from[s], where, QString::number(step));
    auto q = exec(s, sql, binds);
    if (!q)
        return unexpected(q.error());
    while (q->next()) {
        QVariantList key;
        for (qsizetype i = 0; i < m_key.size(); ++i)
            key << keyValue(q->value(int(i)));
        if (seg.lo && key == *seg.lo)
            continue; // a boundary at the range's start would leave an empty first bucket forever
        out << key;
    }
    m_scanned += rows;
    return out;
}

Expected<QList<ChecksumDiff::Bucket>, QString> ChecksumDiff::buckets(int s, const Segment &seg,
                                                                     const QList<QVariantList> &bounds)
{
    QList<Bucket> out(bounds.size() + 1);
    const SqlDialect::Kind k = m_sides[s]->kind;
    const QString key = QLatin1Char('(') + m_keyOrder[s].join(QStringLiteral(", ")) + QLatin1Char(')');
    const QString ph = QLatin1Char('(') + placeholders(m_key.size()) + QLatin1Char(')');
    QString bucket;
    QVariantList binds;
    if (m_arithmetic) {
        const QString k0 = k == SqlDialect::Kind::Postgres
            ? m_keyOrder[s].first() + QStringLiteral("::bigint")
            : m_keyOrder[s].first();
        bucket = QStringLiteral("((%1 - %2) * %3 %4 %5)")
                     .arg(k0, QString::number(m_arithmetic->lo), QString::number(m_arithmetic->n),
                          k == SqlDialect::Kind::Mysql ? QStringLiteral("DIV") : QStringLiteral("/"),
                          QString::number(m_arithmetic->span));
    } else {
        bucket = QStringLiteral("CASE");
        for (qsizetype i = 0; i < bounds.size(); ++i) {
            bucket += QStringLiteral(" WHEN %1 < %2 THEN %3").arg(key, ph).arg(i);
            binds << bounds[i];
        }
        bucket += QStringLiteral(" ELSE %1 END").arg(bounds.size());
    }
    const QString where = range(s, seg, binds);
    if (k == SqlDialect::Kind::Sqlite) {
        auto q = exec(
            s, QStringLiteral("SELECT %1, %2 FROM %3%4").arg(bucket, m_rowText[s], m_from[s], where), binds);
        if (!q)
            return unexpected(q.error());
        QList<U128> sums(out.size(), 0);
        while (q->next()) {
            const int b = q->value(0).toInt();
            if (b < 0 || b >= out.size())
                continue;
            ++out[b].rows;
            sums[b] += md5Prefix60(q->value(1).toString());
            if ((out[b].rows & 0xfff) == 0 && cancelled())
                return unexpected(QStringLiteral("cancelled"));
        }
        for (qsizetype b = 0; b < out.size(); ++b)
            out[b].sum = u128ToString(sums[b]);
    } else {
        const QString sql
            = QStringLiteral("SELECT cockpit_b, count(*), %1 FROM (SELECT %2 AS cockpit_b, %3 AS cockpit_t "
                             "FROM %4%5) cockpit_s GROUP BY cockpit_b")
                  .arg(SqlDialect::sumAsText(
                           k, SqlDialect::rowHash(k, QStringLiteral("cockpit_t"), m_samePostgres)),
                       bucket, m_rowText[s], m_from[s], where);
        auto q = exec(s, sql, binds);
        if (!q)
            return unexpected(q.error());
        while (q->next()) {
            const int b = q->value(0).toInt();
            if (b < 0 || b >= out.size())
                continue;
            out[b].rows = q->value(1).toLongLong();
            out[b].sum = plainSum(q->value(2).toString());
        }
    }
    for (const Bucket &b : std::as_const(out))
        m_scanned += b.rows;
    return out;
}

Expected<void, QString> ChecksumDiff::compareRows(const Segment &seg, TableResult &out)
{
    QHash<QString, QStringList> rows[2];
    for (int s : {kSource, kTarget}) {
        QVariantList binds;
        const QString where = range(s, seg, binds);
        const QString select = (m_keyText[s] + m_colText[s]).join(QStringLiteral(", "));
        auto q = exec(s, QStringLiteral("SELECT %1 FROM %2%3").arg(select, m_from[s], where), binds);
        if (!q)
            return unexpected(q.error());
        const int keys = int(m_key.size());
        const int all = keys + int(m_columns.size());
        while (q->next()) {
            QStringList key;
            QStringList values;
            for (int i = 0; i < all; ++i) {
                const QVariant v = q->value(i);
                (i < keys ? key : values) << (v.isNull() ? QStringLiteral("NULL") : v.toString());
            }
            rows[s].insert(key.join(QChar(31)), values);
            ++m_scanned;
        }
    }
    auto display = [&](const QString &joined) {
        const QStringList parts = joined.split(QChar(31));
        QStringList shown;
        for (qsizetype i = 0; i < m_key.size(); ++i)
            shown << m_key[i] + QLatin1Char('=') + parts.value(i);
        return shown.join(QStringLiteral(", "));
    };
    auto report = [&](const RowDifference &d) {
        if (out.differences.size() < m_options.maxReported)
            out.differences << d;
    };
    QStringList keys = rows[kSource].keys();
    std::sort(keys.begin(), keys.end());
    for (const QString &k : std::as_const(keys)) {
        const auto t = rows[kTarget].constFind(k);
        if (t == rows[kTarget].cend()) {
            ++out.missingInTarget;
            report({RowDifference::Kind::MissingInTarget, display(k), {}, {}, {}});
            continue;
        }
        const QStringList &a = rows[kSource][k];
        const QStringList &b = *t;
        RowDifference d {RowDifference::Kind::Changed, display(k), {}, {}, {}};
        for (qsizetype i = 0; i < m_columns.size(); ++i)
            if (a.value(i) != b.value(i)) {
                d.columns << m_columns[i];
                d.sourceValues << a.value(i);
                d.targetValues << b.value(i);
            }
        if (!d.columns.isEmpty()) {
            ++out.changed;
            report(d);
        }
    }
    QStringList extra;
    for (auto it = rows[kTarget].cbegin(); it != rows[kTarget].cend(); ++it)
        if (!rows[kSource].contains(it.key()))
            extra << it.key();
    std::sort(extra.begin(), extra.end());
    for (const QString &k : std::as_const(extra)) {
        ++out.extraInTarget;
        report({RowDifference::Kind::ExtraInTarget, display(k), {}, {}, {}});
    }
    return {};
}

Expected<void, QString> ChecksumDiff::run(qint64 sourceRows, qint64 targetRows, TableResult &out,
                                          const std::function<void(qint64)> &progress)
{
    out.diffRun = true;
    out.keyColumns = m_key;
    out.comparedColumns = m_columns;
    m_scanned = 0;
    std::deque<Segment> queue;
    queue.push_back(Segment {std::nullopt, std::nullopt, sourceRows, targetRows, 0});
    while (!queue.empty()) {
        if (cancelled())
            return unexpected(QStringLiteral("cancelled"));
        const Segment seg = queue.front();
        queue.pop_front();
        const qint64 rows = std::max(seg.sourceRows, seg.targetRows);
        Expected<QList<QVariantList>, QString> bounds = QList<QVariantList>();
        if (rows > m_options.fetchThreshold && seg.depth < kMaxDepth)
            bounds = boundaries(seg);
        if (!bounds)
            return unexpected(bounds.error());
        if (bounds->isEmpty()) {
            if (rows > m_options.fetchLimit)
                return unexpected(
                    QStringLiteral("a key range of %1 rows cannot be split further (duplicate keys?)")
                        .arg(rows));
            if (auto r = compareRows(seg, out); !r)
                return r;
            if (progress)
                progress(m_scanned);
            continue;
        }
        auto src = buckets(kSource, seg, *bounds);
        if (!src)
            return unexpected(src.error());
        auto dst = buckets(kTarget, seg, *bounds);
        if (!dst)
            return unexpected(dst.error());
        for (qsizetype i = 0; i < src->size(); ++i) {
            ++out.segmentsCompared;
            const Bucket &a = src->at(i);
            const Bucket &b = dst->at(i);
            if (a.rows == b.rows && a.sum == b.sum)
                continue;
            Segment sub;
            sub.lo = i == 0 ? seg.lo : std::optional<QVariantList>(bounds->at(i - 1));
            sub.hi = i == bounds->size() ? seg.hi : std::optional<QVariantList>(bounds->at(i));
            sub.sourceRows = a.rows;
            sub.targetRows = b.rows;
            sub.depth = seg.depth + 1;
            queue.push_back(sub);
        }
        if (progress)
            progress(m_scanned);
    }
    out.rowsScanned = m_scanned;
    return {};
}

} // namespace cockpit
