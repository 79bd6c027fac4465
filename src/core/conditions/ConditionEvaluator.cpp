#include "core/conditions/ConditionEvaluator.h"

#include "core/base/Duration.h"
#include "core/base/WildcardPattern.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <functional>

namespace cockpit {

using namespace condition;

namespace {

struct Resolved
{
    QList<Scalar> items;
    bool multi = false; // [COLUMN]: every value must satisfy the comparison
    bool noData = false; // a metric without a sample
};

Scalar absent(QString shown = QStringLiteral("<missing>"))
{
    Scalar s;
    s.text = std::move(shown);
    s.absent = true;
    return s;
}

QString formatNumber(double d)
{
    if (std::floor(d) == d && std::fabs(d) < 1e15)
        return QString::number(qint64(d));
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

Scalar numberScalar(double d)
{
    Scalar s;
    s.text = formatNumber(d);
    s.number = d;
    return s;
}

Scalar textScalar(QString text)
{
    Scalar s;
    s.number = numberFromText(text);
    s.text = std::move(text);
    return s;
}

Scalar boolScalar(bool b)
{
    return textScalar(b ? QStringLiteral("true") : QStringLiteral("false"));
}

Scalar jsonScalar(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return boolScalar(v.toBool());
    case QJsonValue::Double: return numberScalar(v.toDouble());
    case QJsonValue::String: return textScalar(v.toString());
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        Scalar s;
        s.text = QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
        s.length = a.size();
        return s;
    }
    case QJsonValue::Object: {
        // No length: len() of an object counts the bytes of its compact JSON text, as Gatus does.
        Scalar s;
        s.text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        return s;
    }
    default: return absent();
    }
}

Scalar variantScalar(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return absent(QStringLiteral("NULL"));
    switch (v.typeId()) {
    case QMetaType::Bool: return boolScalar(v.toBool());
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort: {
        Scalar s;
        s.text = v.toString();
        s.number = v.toDouble();
        return s;
    }
    case QMetaType::Double:
    case QMetaType::Float: return numberScalar(v.toDouble());
    case QMetaType::QDateTime: return textScalar(v.toDateTime().toString(Qt::ISODateWithMs));
    case QMetaType::QByteArray: return textScalar(QString::fromUtf8(v.toByteArray()));
    default: return textScalar(v.toString());
    }
}

class Context
{
public:
    explicit Context(const Observation &o)
        : obs(o)
    {
    }
    const Observation &obs;

    // The body as JSON, parsed on first use; nullptr when it is not JSON.
    const QJsonValue *json()
    {
        if (!m_parsed) {
            m_parsed = true;
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(obs.body, &error);
            if (error.error == QJsonParseError::NoError) {
                m_valid = true;
                m_root = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
            }
        }
        return m_valid ? &m_root : nullptr;
    }

private:
    bool m_parsed = false;
    bool m_valid = false;
    QJsonValue m_root;
};

Resolved single(Scalar s)
{
    Resolved r;
    r.items.append(std::move(s));
    return r;
}

Resolved resolvePlaceholder(const Operand &op, Context &ctx, bool forLength)
{
    const Observation &o = ctx.obs;
    switch (op.placeholder) {
    case Source::Status: return single(numberScalar(o.status));
    case Source::Body: {
        if (op.path.isEmpty()) {
            Scalar s = textScalar(QString::fromUtf8(o.body).trimmed());
            if (forLength) {
                // Gatus: a JSON array body counts its elements, anything else its bytes.
                const QJsonValue *root = ctx.json();
                s.length = root && root->isArray() ? root->toArray().size() : o.body.size();
            }
            return single(std::move(s));
        }
        const QJsonValue *root = ctx.json();
        if (!root)
            return single(absent(QStringLiteral("<invalid JSON>")));
        const auto v = op.path.resolve(*root);
        return single(v ? jsonScalar(*v) : absent());
    }
    case Source::ResponseTime: return single(numberScalar(double(o.durationMs)));
    case Source::Connected: return single(boolScalar(o.connected));
    case Source::CertificateExpiration: {
        if (!o.certificateExpiresInMs)
            return single(absent());
        // Shown as a duration like Gatus does, whole seconds; compared in milliseconds.
        const qint64 ms = *o.certificateExpiresInMs;
        Scalar s;
        s.number = double(ms);
        s.text = formatDuration(Milliseconds(std::abs(ms) >= 1000 ? ms - ms % 1000 : ms));
        return single(std::move(s));
    }
    case Source::Header: {
        const auto v = o.header(op.name.toLatin1());
        return single(v ? textScalar(QString::fromUtf8(*v).trimmed()) : absent());
    }
    case Source::Rows: return single(numberScalar(double(o.rowCount)));
    case Source::Value:
        if (o.rows.isEmpty() || o.rows.first().isEmpty())
            return single(absent(QStringLiteral("<no rows>")));
        return single(variantScalar(o.rows.first().first()));
    case Source::Column: {
        qsizetype index = -1;
        for (qsizetype i = 0; i < o.columns.size() && index < 0; ++i)
            if (o.columns[i].compare(op.name, Qt::CaseInsensitive) == 0)
                index = i;
        if (index < 0)
            return single(absent());
        Resolved r;
        r.multi = true;
        r.items.reserve(o.rows.size());
        for (const QVariantList &row : o.rows)
            r.items.append(index < row.size() ? variantScalar(row[index]) : absent(QStringLiteral("NULL")));
        return r;
    }
    case Source::ExitCode: return single(numberScalar(o.exitCode));
    case Source::Stdout: return single(textScalar(QString::fromUtf8(o.stdOut).trimmed()));
    case Source::Stderr: return single(textScalar(QString::fromUtf8(o.stdErr).trimmed()));
    case Source::Present: return single(boolScalar(o.secretPresent));
    case Source::Valid: return single(o.secretFormatValid ? boolScalar(*o.secretFormatValid) : absent());
    case Source::Metric: {
        const auto it = o.metrics.constFind(op.name);
        if (it == o.metrics.constEnd()) {
            Resolved r = single(absent(QStringLiteral("<no data>")));
            r.noData = true;
            return r;
        }
        return single(numberScalar(it.value()));
    }
    }
    return single(absent());
}

Resolved resolve(const Operand &op, Context &ctx)
{
    switch (op.kind) {
    case Operand::Kind::Literal: return single(op.literal);
    case Operand::Kind::Placeholder: return resolvePlaceholder(op, ctx, false);
    case Operand::Kind::Len: {
        Resolved r = resolvePlaceholder(op, ctx, true); // not const: `return r` below moves it
        if (r.multi)
            return single(numberScalar(double(r.items.size())));
        const Scalar &s = r.items.first();
        if (s.absent)
            return r;
        // Gatus counts elements of arrays, and bytes of anything else (an object: its compact JSON).
        return single(numberScalar(double(s.length ? *s.length : s.text.toUtf8().size())));
    }
    case Operand::Kind::Has: {
        const Resolved r = resolvePlaceholder(op, ctx, false);
        if (r.multi)
            return single(boolScalar(true)); // the column exists
        const Scalar &s = r.items.first();
        bool has = !s.absent;
        // Raw texts count as present only when non-empty (Gatus: has([BODY]) on an empty body is false).
        if (op.placeholder == Source::Body && op.path.isEmpty())
            has = has && !s.text.isEmpty();
        if (op.placeholder == Source::Stdout || op.placeholder == Source::Stderr)
            has = has && !s.text.isEmpty();
        return single(boolScalar(has));
    }
    case Operand::Kind::Pattern:
    case Operand::Kind::Any: break;
    }
    return single(absent());
}

bool equal(const Scalar &a, const Scalar &b)
{
    if (a.absent || b.absent)
        return false;
    if (a.number && b.number)
        return *a.number == *b.number;
    return a.text == b.text;
}

bool compare(const Scalar &a, Op op, const Scalar &b)
{
    if (op == Op::Eq)
        return equal(a, b);
    if (op == Op::Ne)
        return !equal(a, b);
    if (a.absent || b.absent)
        return false;
    int c = 0;
    if (a.number && b.number)
        c = *a.number < *b.number ? -1 : (*a.number > *b.number ? 1 : 0);
    else if (!a.number && !b.number)
        c = a.text.compare(b.text);
    else
        return false; // a number against a word has no order
    switch (op) {
    case Op::Lt: return c < 0;
    case Op::Le: return c <= 0;
    case Op::Gt: return c > 0;
    case Op::Ge: return c >= 0;
    default: return false;
    }
}

bool matches(const Scalar &s, const Operand &matcher)
{
    if (s.absent)
        return false;
    if (matcher.kind == Operand::Kind::Pattern)
        return WildcardPattern::match(matcher.pattern, s.text);
    for (const Scalar &option : matcher.options)
        if (equal(s, option))
            return true;
    return false;
}

QString quoted(const QString &text)
{
    QString out = text;
    out.replace(u'\\', QStringLiteral("\\\\"));
    out.replace(u'"', QStringLiteral("\\\""));
    return u'"' + out + u'"';
}

QString shownValue(const Resolved &r, bool quote)
{
    auto one = [quote](const Scalar &s) {
        const QString text = ConditionEvaluator::shorten(s.text);
        return (quote || (!s.absent && s.text.isEmpty())) ? quoted(text) : text;
    };
    if (!r.multi)
        return one(r.items.first());
    if (r.items.isEmpty())
        return QStringLiteral("<no rows>");
    QString joined;
    for (const Scalar &s : r.items) {
        if (!joined.isEmpty())
            joined += QStringLiteral(", ");
        joined += one(s);
        if (joined.size() > ConditionEvaluator::maxShownLength)
            break;
    }
    return ConditionEvaluator::shorten(joined);
}

QString side(const Operand &op, const Resolved &r, bool otherQuoted)
{
    if (op.kind == Operand::Kind::Literal || op.isMatcher())
        return op.source;
    return op.source + QStringLiteral(" (") + shownValue(r, otherQuoted) + u')';
}

} // namespace

QString ConditionEvaluator::shorten(QStringView text)
{
    // Look at a bounded prefix only: a body may be megabytes and only 80 characters are shown.
    const QStringView head = text.left(maxShownLength * 2);
    QString out;
    out.reserve(head.size());
    for (QChar c : head) {
        if (c == u'\n')
            out += QStringLiteral("\\n");
        else if (c == u'\r')
            out += QStringLiteral("\\r");
        else if (c == u'\t')
            out += QStringLiteral("\\t");
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += u' ';
        else
            out += c;
    }
    if (out.size() <= maxShownLength && head.size() == text.size())
        return out;
    qsizetype cut = std::min<qsizetype>(out.size(), maxShownLength - 1);
    if (cut > 0 && out[cut - 1].isHighSurrogate())
        --cut;
    return out.left(cut) + QChar(0x2026);
}

ConditionResult ConditionEvaluator::evaluate(const Node &node, const Observation &observation)
{
    Context ctx(observation);
    const Resolved left = resolve(node.lhs, ctx);
    const Resolved right = resolve(node.rhs, ctx);

    ConditionResult result;
    result.explanation = side(node.lhs, left, node.rhs.quoted) + u' ' + opText(node.op) + u' '
        + side(node.rhs, right, node.lhs.quoted);
    if ((!node.lhs.isMatcher() && left.noData) || (!node.rhs.isMatcher() && right.noData)) {
        result.outcome = ConditionResult::Outcome::NoData;
        return result;
    }

    auto all = [](const QList<Scalar> &items, const std::function<bool(const Scalar &)> &pred) {
        if (items.isEmpty())
            return false; // nothing seen is never a pass
        for (const Scalar &s : items)
            if (!pred(s))
                return false;
        return true;
    };

    bool pass = false;
    if (node.lhs.isMatcher() || node.rhs.isMatcher()) {
        const Operand &matcher = node.rhs.isMatcher() ? node.rhs : node.lhs;
        const Resolved &subject = node.rhs.isMatcher() ? left : right;
        const bool negate = node.op == Op::Ne;
        pass = all(subject.items, [&](const Scalar &s) { return matches(s, matcher) != negate; });
    } else if (left.multi && right.multi) {
        pass = left.items.size() == right.items.size()
            && all(left.items, [&, i = qsizetype(0)](const Scalar &s) mutable {
                   return compare(s, node.op, right.items[i++]);
               });
    } else if (left.multi) {
        pass = all(left.items, [&](const Scalar &s) { return compare(s, node.op, right.items.first()); });
    } else if (right.multi) {
        pass = all(right.items, [&](const Scalar &s) { return compare(left.items.first(), node.op, s); });
    } else {
        pass = compare(left.items.first(), node.op, right.items.first());
    }
    result.outcome = pass ? ConditionResult::Outcome::Pass : ConditionResult::Outcome::Fail;
    return result;
}

} // namespace cockpit
