#pragma once

#include "core/base/JsonPath.h"
#include "core/conditions/Condition.h"

#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace cockpit {

namespace condition {

enum class Op { Eq, Ne, Lt, Le, Gt, Ge };

// What a placeholder reads from an Observation.
enum class Source {
    Status,
    Body,
    ResponseTime,
    Connected,
    CertificateExpiration,
    Header,
    Rows,
    Value,
    Column,
    ExitCode,
    Stdout,
    Stderr,
    Present,
    Valid,
    Metric,
};

// One value seen or written: its text, its number when it reads as one, and whether it is absent
// (missing path, header, metric sample, SQL NULL). An absent value equals nothing.
struct Scalar
{
    QString text;
    std::optional<double> number;
    std::optional<qint64> length; // element count for JSON arrays/objects, used by len()
    bool absent = false;
};

struct Operand
{
    enum class Kind { Literal, Placeholder, Len, Has, Pattern, Any };
    Kind kind = Kind::Literal;
    QString source; // as written, for explanations
    qsizetype position = 0; // where it starts in the condition text

    // Placeholder, Len, Has
    Source placeholder = Source::Status;
    QString name; // header, column or metric name
    JsonPath path; // [BODY] path; empty for the raw body

    // Literal
    Scalar literal;
    bool quoted = false; // a quoted literal always compares as text

    // Pattern
    QString pattern;

    // Any
    QList<Scalar> options;

    bool isMatcher() const { return kind == Kind::Pattern || kind == Kind::Any; }
};

struct Node
{
    Operand lhs;
    Op op = Op::Eq;
    Operand rhs;
};

QString opText(Op op);

// A number when the whole text reads as one ("42", "-1.5", "1e3"); never "inf", "nan" or "0x10".
std::optional<double> numberFromText(QStringView text);

} // namespace condition

// Scanner for the flat grammar below: one linear pass, no recursion, so fuzzed input of any shape
// costs O(length) (texts over maxLength are rejected up front).
//
//   condition   := operand op value
//   op          := == | != | < | <= | > | >=
//   operand     := placeholder | len(placeholder) | has(placeholder | metric) | pat(...) | any(...)
//                | metric | "quoted" | number | duration | true | false
//   value       := operand | unquoted text up to the end (Gatus-style: `Sat, 01 Mar 2026` works)
//   placeholder := [STATUS] | [BODY] | [BODY].a.b[0] | [BODY][0].x | [RESPONSE_TIME] | [CONNECTED]
//                | [CERTIFICATE_EXPIRATION] | [HEADER].Name | [ROWS] | [VALUE] | [COLUMN].name
//                | [EXIT_CODE] | [STDOUT] | [STDERR] | [PRESENT] | [VALID]   (names case-insensitive)
//
// A bare identifier on the left is a metric name; on the right it is a word. Durations (90s, 15m,
// 48h, 1h30m) compare as milliseconds. Gatus's [IP], [DNS_RCODE], [DOMAIN_EXPIRATION] and [CONTEXT]
// are rejected with a clear message. && and || are rejected: a check lists its conditions.
class ConditionParser
{
public:
    static constexpr qsizetype maxLength = 4096;

    static Expected<std::shared_ptr<const condition::Node>, ConditionSyntaxError> parse(const QString &text);

private:
    explicit ConditionParser(const QString &text)
        : m_text(text)
    {
    }

    Expected<std::shared_ptr<const condition::Node>, ConditionSyntaxError> run();
    Expected<condition::Operand, ConditionSyntaxError> leftOperand();
    Expected<condition::Operand, ConditionSyntaxError> rightOperand(const QString &opSource);
    Expected<condition::Operand, ConditionSyntaxError> placeholder();
    Expected<condition::Operand, ConditionSyntaxError> function(const QString &name, qsizetype nameStart,
                                                                bool rightSide);
    Expected<condition::Scalar, ConditionSyntaxError> quotedString();
    ConditionSyntaxError errorAt(qsizetype pos, QString message) const;
    QString sourceFrom(qsizetype start) const;
    void skipSpaces();
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const;

    const QString &m_text;
    qsizetype m_pos = 0;
};

} // namespace cockpit
