#include "core/conditions/ConditionLexicon.h"
#include "core/conditions/ConditionParser.h"

namespace cockpit {

using namespace condition;

// Placeholders ([STATUS], [BODY].path, [HEADER].Name, ...) and functions (len, has, pat, any).
namespace {

enum class Suffix { None, Path, Name };

struct PlaceholderInfo
{
    const char16_t *name;
    Source source;
    Suffix suffix;
};

constexpr PlaceholderInfo placeholders[] = {
    {u"STATUS", Source::Status, Suffix::None},
    {u"BODY", Source::Body, Suffix::Path},
    {u"RESPONSE_TIME", Source::ResponseTime, Suffix::None},
    {u"CONNECTED", Source::Connected, Suffix::None},
    {u"CERTIFICATE_EXPIRATION", Source::CertificateExpiration, Suffix::None},
    {u"HEADER", Source::Header, Suffix::Name},
    {u"ROWS", Source::Rows, Suffix::None},
    {u"VALUE", Source::Value, Suffix::None},
    {u"COLUMN", Source::Column, Suffix::Name},
    {u"EXIT_CODE", Source::ExitCode, Suffix::None},
    {u"STDOUT", Source::Stdout, Suffix::None},
    {u"STDERR", Source::Stderr, Suffix::None},
    {u"PRESENT", Source::Present, Suffix::None},
    {u"VALID", Source::Valid, Suffix::None},
};

// Gatus placeholders whose probes (ICMP/DNS/whois/suites) Cutover Cockpit does not have.
constexpr const char16_t *gatusOnly[] = {u"IP", u"DNS_RCODE", u"DOMAIN_EXPIRATION", u"CONTEXT"};

} // namespace

Expected<Operand, ConditionSyntaxError> ConditionParser::placeholder()
{
    const qsizetype start = m_pos++;
    const qsizetype nameStart = m_pos;
    while (!atEnd() && ConditionLexicon::isIdentifierChar(peek()))
        ++m_pos;
    const QString rawName = sourceFrom(nameStart);
    if (peek() != u']')
        return unexpected(errorAt(
            m_pos, QStringLiteral("expected ']' to close the placeholder [%1").arg(rawName.left(40))));
    ++m_pos;
    const QString name = rawName.toUpper();

    const PlaceholderInfo *info = nullptr;
    for (const auto &p : placeholders)
        if (name == p.name)
            info = &p;
    if (!info) {
        for (const char16_t *g : gatusOnly)
            if (name == g)
                return unexpected(errorAt(start,
                                          QStringLiteral("placeholder [%1] is not supported: Cutover Cockpit "
                                                         "has no probe that observes it")
                                              .arg(name)));
        QStringList known;
        for (const auto &p : placeholders)
            known.append(QString::fromUtf16(p.name));
        const QString suggestion = ConditionLexicon::closest(name, known);
        if (!suggestion.isEmpty())
            return unexpected(errorAt(start,
                                      QStringLiteral("unknown placeholder [%1], did you mean [%2]?")
                                          .arg(rawName.left(40), suggestion)));
        return unexpected(errorAt(start,
                                  QStringLiteral("unknown placeholder [%1], expected one of [%2]")
                                      .arg(rawName.left(40), known.join(QStringLiteral("], [")))));
    }

    Operand o;
    o.kind = Operand::Kind::Placeholder;
    o.placeholder = info->source;
    switch (info->suffix) {
    case Suffix::Path:
        if (peek() == u'.' || peek() == u'[') {
            qsizetype consumed = 0;
            auto path = JsonPath::parse(QStringView(m_text).mid(m_pos), &consumed);
            if (!path)
                return unexpected(errorAt(m_pos + path.error().offset, path.error().message));
            o.path = std::move(*path);
            m_pos += consumed;
        }
        break;
    case Suffix::Name: {
        const QString what = info->source == Source::Header ? QStringLiteral("a header name")
                                                            : QStringLiteral("a column name");
        if (peek() != u'.')
            return unexpected(errorAt(m_pos,
                                      QStringLiteral("expected '.' and %1 after [%2], e.g. [%2].%3")
                                          .arg(what, name,
                                               info->source == Source::Header ? QStringLiteral("Content-Type")
                                                                              : QStringLiteral("status"))));
        const qsizetype fieldStart = ++m_pos;
        while (!atEnd() && !JsonPath::isStopCharacter(peek()))
            ++m_pos;
        if (m_pos == fieldStart)
            return unexpected(errorAt(m_pos, QStringLiteral("expected %1 after [%2].").arg(what, name)));
        o.name = sourceFrom(fieldStart);
        if (info->source == Source::Header) {
            for (qsizetype i = 0; i < o.name.size(); ++i)
                if (!ConditionLexicon::isTokenChar(o.name[i]))
                    return unexpected(
                        errorAt(fieldStart + i,
                                QStringLiteral("'%1' is not allowed in a header name").arg(o.name[i])));
        }
        break;
    }
    case Suffix::None:
        if (peek() == u'.' || peek() == u'[')
            return unexpected(errorAt(m_pos,
                                      QStringLiteral("[%1] takes no path: only [BODY], [HEADER] and [COLUMN] "
                                                     "do")
                                          .arg(name)));
        break;
    }
    o.source = sourceFrom(start);
    return o;
}

Expected<Operand, ConditionSyntaxError> ConditionParser::function(const QString &name, qsizetype nameStart,
                                                                  bool rightSide)
{
    // m_pos is on the '('.
    ++m_pos;
    if (name == u"len" || name == u"has") {
        const bool isHas = name == u"has";
        skipSpaces();
        Operand o;
        if (peek() == u'[' && ConditionLexicon::isIdentifierStart(peek(1))) {
            auto inner = placeholder();
            if (!inner)
                return unexpected(inner.error());
            o = std::move(*inner);
        } else if (isHas && ConditionLexicon::isIdentifierStart(peek())) {
            const qsizetype idStart = m_pos;
            while (!atEnd() && ConditionLexicon::isIdentifierChar(peek()))
                ++m_pos;
            o.placeholder = Source::Metric;
            o.name = sourceFrom(idStart);
        } else {
            return unexpected(errorAt(m_pos,
                                      isHas ? QStringLiteral("has() takes a placeholder such as "
                                                             "[BODY].errors or a metric name")
                                            : QStringLiteral("len() takes a placeholder such as "
                                                             "[BODY].items")));
        }
        skipSpaces();
        if (peek() != u')')
            return unexpected(errorAt(m_pos, QStringLiteral("missing ')' to close %1(").arg(name)));
        ++m_pos;
        o.kind = isHas ? Operand::Kind::Has : Operand::Kind::Len;
        o.source = sourceFrom(nameStart);
        return o;
    }
    if (name == u"pat") {
        // Gatus takes everything up to the final ')' as the pattern, so a pattern may hold ')'.
        const qsizetype close = rightSide ? m_text.lastIndexOf(u')') : m_text.indexOf(u')', m_pos);
        if (close < m_pos)
            return unexpected(errorAt(m_text.size(), QStringLiteral("missing ')' to close pat(")));
        QString pattern = m_text.mid(m_pos, close - m_pos).trimmed();
        if (pattern.size() >= 2 && pattern.front() == u'"' && pattern.back() == u'"') {
            QString unquoted;
            for (qsizetype i = 1; i + 1 < pattern.size(); ++i) {
                if (pattern[i] == u'\\' && i + 2 < pattern.size()
                    && (pattern[i + 1] == u'"' || pattern[i + 1] == u'\\'))
                    ++i;
                unquoted.append(pattern[i]);
            }
            pattern = unquoted;
        }
        m_pos = close + 1;
        Operand o;
        o.kind = Operand::Kind::Pattern;
        o.pattern = pattern;
        o.source = sourceFrom(nameStart);
        return o;
    }
    if (name == u"any") {
        Operand o;
        o.kind = Operand::Kind::Any;
        for (;;) {
            skipSpaces();
            if (atEnd())
                return unexpected(errorAt(m_pos, QStringLiteral("missing ')' to close any(")));
            if (peek() == u'"') {
                auto s = quotedString();
                if (!s)
                    return unexpected(s.error());
                o.options.append(std::move(*s));
            } else {
                const qsizetype itemStart = m_pos;
                while (!atEnd() && peek() != u',' && peek() != u')')
                    ++m_pos;
                const QString item = sourceFrom(itemStart).trimmed();
                if (item.isEmpty())
                    return unexpected(errorAt(itemStart,
                                              QStringLiteral("expected a value in any(), e.g. "
                                                             "any(200, 204)")));
                o.options.append(ConditionLexicon::unquotedLiteral(item));
            }
            skipSpaces();
            if (atEnd())
                return unexpected(errorAt(m_pos, QStringLiteral("missing ')' to close any(")));
            if (peek() == u')') {
                ++m_pos;
                break;
            }
            if (peek() != u',')
                return unexpected(errorAt(m_pos, QStringLiteral("expected ',' or ')' in any(")));
            ++m_pos;
        }
        o.source = sourceFrom(nameStart);
        return o;
    }
    const QString suggestion = ConditionLexicon::closest(name.toLower(), ConditionLexicon::functionNames());
    return unexpected(errorAt(
        nameStart,
        suggestion.isEmpty()
            ? QStringLiteral("unknown function %1(), expected len(), has(), pat() "
                             "or any()")
                  .arg(name.left(40))
            : QStringLiteral("unknown function %1(), did you mean %2()?").arg(name.left(40), suggestion)));
}

} // namespace cockpit
