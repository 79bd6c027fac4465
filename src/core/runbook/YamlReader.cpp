#include "core/runbook/YamlReader.h"

#include <QRegularExpression>
#include <algorithm>
#include <limits>
#include <tuple>

namespace cockpit {

YamlReader::YamlReader(QString file, QByteArray source)
    : m_file(std::move(file))
    , m_source(std::move(source))
{
    m_lineStarts.append(0);
    for (qsizetype i = 0; i < m_source.size(); ++i)
        if (m_source[i] == '\n')
            m_lineStarts.append(i + 1);
}

YamlReader::Pos YamlReader::posAtByte(qsizetype byteOffset) const
{
    byteOffset = std::clamp<qsizetype>(byteOffset, 0, m_source.size());
    const auto it = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), byteOffset);
    const qsizetype lineIndex = std::distance(m_lineStarts.cbegin(), it) - 1;
    const qsizetype start = m_lineStarts[lineIndex];
    // Columns count characters, not UTF-8 bytes: skip continuation bytes.
    int column = 1;
    for (qsizetype i = start; i < byteOffset; ++i)
        if ((static_cast<unsigned char>(m_source[i]) & 0xC0) != 0x80)
            ++column;
    return Pos {int(lineIndex) + 1, column};
}

YamlReader::Pos YamlReader::pos(const YAML::Node &node) const
{
    const YAML::Mark m = node.Mark();
    if (m.pos < 0)
        return Pos {1, 1};
    if (node.IsNull() && m_emptyValueKeyPos.contains(m.pos))
        return posAtByte(m_emptyValueKeyPos.value(m.pos));
    return posAtByte(m.pos);
}

YamlReader::Pos YamlReader::posInScalar(const YAML::Node &node, qsizetype offset) const
{
    const YAML::Mark m = node.Mark();
    if (m.pos < 0 || !node.IsScalar())
        return pos(node);
    const QString full = QString::fromStdString(node.Scalar());
    const QByteArray value = full.left(offset).toUtf8();
    qsizetype j = m.pos;
    const auto at = [&](qsizetype k) { return k < m_source.size() ? m_source[k] : '\0'; };
    if (at(j) == '"' || at(j) == '\'') {
        ++j;
    } else if (at(j) == '|' || at(j) == '>') {
        while (j < m_source.size() && m_source[j] != '\n')
            ++j;
        ++j;
        while (at(j) == ' ')
            ++j;
    }
    // Align the value with the source: equal bytes advance together; a folded line break (value ' ' or
    // '\n', source line break plus indentation) is consumed whole; escapes are skipped by looking a few
    // bytes ahead.
    const auto lookahead = [&](char c) -> qsizetype {
        for (qsizetype t = j + 1; t < std::min<qsizetype>(j + 12, m_source.size()); ++t)
            if (m_source[t] == c)
                return t;
        return -1;
    };
    for (const char c : value) {
        if ((c == ' ' || c == '\n') && (at(j) == '\n' || at(j) == '\r')) {
            while (at(j) == '\r' || at(j) == '\n' || at(j) == ' ' || at(j) == '\t')
                ++j;
            continue;
        }
        if (at(j) == c) {
            ++j;
            continue;
        }
        if (const qsizetype t = lookahead(c); t >= 0)
            j = t + 1;
    }
    // Land on the character itself, not on whitespace or an escape before it.
    if (offset < full.size()) {
        const QByteArray next = full.mid(offset, 1).toUtf8();
        const char c = next.isEmpty() ? ' ' : next.front();
        if (c != ' ' && at(j) != c)
            if (const qsizetype t = lookahead(c); t >= 0)
                j = t;
    }
    return posAtByte(j);
}

YamlReader::Pos YamlReader::posInText(const Text &text, qsizetype offset) const
{
    qsizetype raw = 0;
    if (offset < text.origin.size())
        raw = text.origin[std::max<qsizetype>(0, offset)];
    else if (!text.origin.isEmpty())
        raw = text.origin.last() + 1 + (offset - text.origin.size());
    else
        raw = offset;
    return posInScalar(text.node, raw);
}

void YamlReader::error(const YAML::Node &node, const QString &message)
{
    errorAt(pos(node), message);
}

void YamlReader::errorAt(Pos p, const QString &message)
{
    if (m_stopped)
        return;
    // One message per place, even when a node is read twice; a set keeps a file with many errors linear.
    const QString key = QStringLiteral("%1:%2:%3").arg(p.line).arg(p.column).arg(message);
    if (m_errorKeys.contains(key))
        return;
    if (m_errors.size() >= maxErrors) {
        m_stopped = true;
        m_stoppedAt = Error::at(m_file, p.line, p.column,
                                QStringLiteral("more than %1 errors: stopped reading here (fix the errors "
                                               "above, then load the file again)")
                                    .arg(maxErrors));
        return;
    }
    m_errorKeys.insert(key);
    m_errors.append(Error::at(m_file, p.line, p.column, message));
}

Errors YamlReader::sortedErrors() const
{
    Errors errors = m_errors;
    std::stable_sort(errors.begin(), errors.end(), [](const Error &a, const Error &b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    if (m_stoppedAt)
        errors.append(*m_stoppedAt); // last: it says that nothing after it was read
    return errors;
}

std::optional<Error> YamlReader::sourceTooLarge(const QString &file, qint64 size, const QString &what)
{
    if (size <= maxSourceBytes)
        return std::nullopt;
    return Error::at(file, 1, 1,
                     QStringLiteral("%1 is %2 bytes; the limit is %3 bytes (%4 MiB): a file this large is "
                                    "not a plan a person reviews")
                         .arg(what)
                         .arg(size)
                         .arg(maxSourceBytes)
                         .arg(maxSourceBytes / (1024LL * 1024)));
}

void YamlReader::errorAtKey(const Map &map, const QString &key, const QString &message)
{
    if (map.has(key))
        error(map.keyNode(key), message);
    else
        error(map.node(), message);
}

QString YamlReader::describe(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: return QStringLiteral("a mapping");
    case YAML::NodeType::Sequence: return QStringLiteral("a list");
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: return QStringLiteral("nothing");
    case YAML::NodeType::Scalar: break;
    }
    return QStringLiteral("\"%1\"").arg(QString::fromStdString(node.Scalar()));
}

int YamlReader::editDistance(const QString &a, const QString &b)
{
    QList<int> prev(b.size() + 1), cur(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int sub = prev[j - 1] + (a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

QString YamlReader::didYouMean(const QString &word, const QStringList &candidates)
{
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    QStringList sorted = candidates; // deterministic on ties
    sorted.sort();
    for (const QString &c : std::as_const(sorted)) {
        const int d = editDistance(word, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    // Close enough: a couple of typos, or a third of the word for long names.
    const int limit = std::max<int>(2, int(word.size()) / 3);
    if (best.isEmpty() || bestDistance > limit)
        return {};
    return QStringLiteral(" (did you mean \"%1\"?)").arg(best);
}

YamlReader::Map YamlReader::freeMap(const YAML::Node &node, const QString &what)
{
    Map m;
    m.m_node = node;
    m.m_what = what;
    if (m_stopped)
        return m;
    if (!node.IsMap()) {
        error(node, QStringLiteral("expected a mapping for %1, got %2").arg(what, describe(node)));
        return m;
    }
    m.m_valid = true;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node key = it->first;
        if (!key.IsScalar()) {
            error(key, QStringLiteral("expected a plain key in %1, got %2").arg(what, describe(key)));
            continue;
        }
        const QString k = QString::fromStdString(key.Scalar());
        if (m.m_keys.contains(k)) {
            error(key,
                  QStringLiteral("duplicate key \"%1\" in %2 (first at line %3)")
                      .arg(k, what)
                      .arg(pos(m.m_keys.value(k)).line));
            continue;
        }
        m.m_keys.insert(k, key);
        m.m_values.insert(k, it->second);
        if (it->second.IsNull() && it->second.Mark().pos >= 0 && key.Mark().pos >= 0)
            m_emptyValueKeyPos.insert(it->second.Mark().pos, key.Mark().pos);
        m.m_order.append(k);
    }
    return m;
}

YamlReader::Map YamlReader::map(const YAML::Node &node, const QString &what, const QStringList &allowed)
{
    Map m = freeMap(node, what);
    if (!m.isValid())
        return m;
    QStringList kept;
    for (const QString &k : std::as_const(m.m_order)) {
        if (allowed.contains(k)) {
            kept.append(k);
            continue;
        }
        if (!m_stopped) // no suggestions computed for errors nobody will see
            error(m.m_keys.value(k),
                  QStringLiteral("unknown key \"%1\" in %2%3").arg(k, what, didYouMean(k, allowed)));
        m.m_keys.remove(k);
        m.m_values.remove(k);
    }
    m.m_order = kept;
    return m;
}

bool YamlReader::requireKeys(const Map &map, const QStringList &keys)
{
    if (!map.isValid())
        return false;
    bool ok = true;
    for (const QString &k : keys) {
        if (!map.has(k)) {
            error(map.node(), QStringLiteral("missing required key \"%1\" in %2").arg(k, map.what()));
            ok = false;
        }
    }
    return ok;
}

QString YamlReader::exactlyOne(const Map &map, const QStringList &kinds, const QString &kindWord)
{
    if (!map.isValid())
        return {};
    QStringList present;
    for (const QString &k : map.keys())
        if (kinds.contains(k))
            present.append(k);
    if (present.size() == 1)
        return present.first();
    if (present.isEmpty())
        error(map.node(),
              QStringLiteral("%1 needs one %2: %3")
                  .arg(map.what(), kindWord, kinds.join(QStringLiteral(", "))));
    else
        error(map.keyNode(present[1]),
              QStringLiteral("%1 has more than one %2: %3")
                  .arg(map.what(), kindWord, present.join(QStringLiteral(" and "))));
    return {};
}

bool YamlReader::isSequence(const YAML::Node &node, const QString &what)
{
    if (m_stopped)
        return false;
    if (node.IsSequence())
        return true;
    error(node, QStringLiteral("expected a list for %1, got %2").arg(what, describe(node)));
    return false;
}

YamlReader::Text YamlReader::substitute(const YAML::Node &node)
{
    Text t;
    t.node = node;
    if (m_stopped || m_expansionExhausted)
        return t; // reported once already
    t.ok = true;
    const QString raw = QString::fromStdString(node.Scalar());
    static const QRegularExpression nameRe(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    qsizetype i = 0;
    while (i < raw.size()) {
        if (t.value.size() >= maxValueChars) {
            errorAt(posInScalar(node, i),
                    QStringLiteral("value longer than %1 characters").arg(maxValueChars));
            t.ok = false;
            break;
        }
        if (raw[i] == u'$' && i + 1 < raw.size() && raw[i + 1] == u'$' && i + 2 < raw.size()
            && raw[i + 2] == u'{') {
            // "$${" is a literal "${".
            t.value += QStringLiteral("${");
            t.origin << i << i + 1;
            i += 3;
            continue;
        }
        if (raw[i] == u'$' && i + 1 < raw.size() && raw[i + 1] == u'{') {
            const qsizetype close = raw.indexOf(u'}', i + 2);
            if (close < 0) {
                errorAt(posInScalar(node, i),
                        QStringLiteral("unterminated \"${\": write ${name}, or $${ for a literal \"${\""));
                t.ok = false;
                break;
            }
            const QString name = raw.mid(i + 2, close - i - 2);
            if (!nameRe.match(name).hasMatch()) {
                errorAt(posInScalar(node, i),
                        QStringLiteral("bad parameter reference \"${%1}\": expected ${name} with "
                                       "letters, digits and _")
                            .arg(name));
                t.ok = false;
            } else if (!m_params.contains(name)) {
                errorAt(posInScalar(node, i),
                        QStringLiteral("undeclared parameter \"%1\": declare it under params:%2")
                            .arg(name, didYouMean(name, m_params.keys())));
                t.ok = false;
            } else {
                m_usedParams.insert(name);
                const QString v = m_params.value(name);
                if (t.value.size() + v.size() > maxValueChars) {
                    // A value that names a long parameter thousands of times: stop before building it.
                    errorAt(posInScalar(node, i),
                            QStringLiteral("substituting \"${%1}\" (%2 characters) here makes this value "
                                           "longer than %3 characters")
                                .arg(name)
                                .arg(v.size())
                                .arg(maxValueChars));
                    t.ok = false;
                    break;
                }
                t.value += v;
                t.origin.insert(t.origin.size(), v.size(), i);
            }
            i = close + 1;
            continue;
        }
        // Literal text up to the next '$' (or the limit), in one piece.
        qsizetype end = raw.indexOf(u'$', raw[i] == u'$' ? i + 1 : i);
        end = std::min(end < 0 ? raw.size() : end, i + (maxValueChars - t.value.size()));
        t.value += QStringView(raw).sliced(i, end - i);
        t.origin.reserve(t.origin.size() + (end - i));
        for (; i < end; ++i)
            t.origin << i;
    }
    m_expandedChars += t.value.size();
    if (t.ok && m_expandedChars > maxExpandedChars) {
        // Each value is short enough, but YAML aliases or many uses of a long parameter add up.
        error(node,
              QStringLiteral("the values of this file add up to more than %1 characters after ${param} "
                             "substitution (a long parameter used many times, or a value reused "
                             "through YAML aliases): stopped reading values here")
                  .arg(maxExpandedChars));
        m_expansionExhausted = true;
        t.ok = false;
    }
    return t;
}

YamlReader::Text YamlReader::text(const YAML::Node &node, const QString &what)
{
    if (!node.IsScalar()) {
        error(node, QStringLiteral("expected a string for %1, got %2").arg(what, describe(node)));
        Text t;
        t.node = node;
        return t;
    }
    return substitute(node);
}

std::optional<QString> YamlReader::string(const YAML::Node &node, const QString &what)
{
    Text t = text(node, what);
    if (!t.ok)
        return std::nullopt;
    return t.value;
}

std::optional<bool> YamlReader::boolean(const YAML::Node &node, const QString &what)
{
    if (node.IsScalar()) {
        // Quoted "true" is a string: a typo'd quote must not silently pass as a boolean.
        const bool quoted = node.Tag() == "!";
        const Text t = substitute(node);
        if (!t.ok)
            return std::nullopt;
        const QString v = t.value.trimmed().toLower();
        if (!quoted && v == u"true")
            return true;
        if (!quoted && v == u"false")
            return false;
        error(node,
              QStringLiteral("expected a boolean (true or false) for %1, got \"%2\"%3")
                  .arg(what, t.value, quoted ? QStringLiteral(" (a quoted string)") : QString()));
        return std::nullopt;
    }
    error(node,
          QStringLiteral("expected a boolean (true or false) for %1, got %2").arg(what, describe(node)));
    return std::nullopt;
}

std::optional<qint64> YamlReader::integer(const YAML::Node &node, const QString &what, qint64 min, qint64 max)
{
    if (node.IsScalar()) {
        const Text t = substitute(node);
        if (!t.ok)
            return std::nullopt;
        bool ok = false;
        const qint64 v = t.value.trimmed().toLongLong(&ok);
        if (ok && v >= min && v <= max)
            return v;
        if (ok) {
            error(node,
                  QStringLiteral("%1 must be between %2 and %3, got %4").arg(what).arg(min).arg(max).arg(v));
            return std::nullopt;
        }
        error(node, QStringLiteral("expected an integer for %1, got \"%2\"").arg(what, t.value));
        return std::nullopt;
    }
    error(node, QStringLiteral("expected an integer for %1, got %2").arg(what, describe(node)));
    return std::nullopt;
}

std::optional<double> YamlReader::number(const YAML::Node &node, const QString &what)
{
    if (node.IsScalar()) {
        const Text t = substitute(node);
        if (!t.ok)
            return std::nullopt;
        bool ok = false;
        const double v = t.value.trimmed().toDouble(&ok);
        if (ok)
            return v;
        error(node, QStringLiteral("expected a number for %1, got \"%2\"").arg(what, t.value));
        return std::nullopt;
    }
    error(node, QStringLiteral("expected a number for %1, got %2").arg(what, describe(node)));
    return std::nullopt;
}

std::optional<Milliseconds> YamlReader::duration(const YAML::Node &node, const QString &what)
{
    if (!node.IsScalar()) {
        error(node,
              QStringLiteral("expected a duration like 90s, 15m, 24h or 7d for %1, got %2")
                  .arg(what, describe(node)));
        return std::nullopt;
    }
    const Text t = substitute(node);
    if (!t.ok)
        return std::nullopt;
    auto d = parseDuration(t.value);
    if (!d) {
        error(node, QStringLiteral("bad duration for %1: %2").arg(what, d.error()));
        return std::nullopt;
    }
    return *d;
}

std::optional<Condition> YamlReader::condition(const YAML::Node &node, const QString &what)
{
    const Text t = text(node, what);
    if (!t.ok)
        return std::nullopt;
    auto c = Condition::parse(t.value);
    if (!c) {
        QString shown = t.value; // one line: block scalars end with a line break
        while (shown.endsWith(u'\n'))
            shown.chop(1);
        shown.replace(u'\n', u' ');
        errorAt(posInText(t, c.error().column - 1),
                QStringLiteral("condition syntax error: %1 (column %2 of \"%3\")")
                    .arg(c.error().message)
                    .arg(c.error().column)
                    .arg(shown));
        return std::nullopt;
    }
    return *c;
}

QList<YamlReader::Text> YamlReader::textList(const YAML::Node &node, const QString &what)
{
    QList<Text> out;
    if (node.IsSequence()) {
        for (const YAML::Node &item : node) {
            Text t = text(item, what);
            if (t.ok)
                out.append(t);
        }
    } else if (node.IsScalar()) {
        Text t = text(node, what);
        if (t.ok)
            out.append(t);
    } else {
        error(node,
              QStringLiteral("expected a string or a list of strings for %1, got %2")
                  .arg(what, describe(node)));
    }
    return out;
}

QMap<QString, QString> YamlReader::stringMap(const YAML::Node &node, const QString &what)
{
    QMap<QString, QString> out;
    const Map m = freeMap(node, what);
    for (const QString &k : m.keys())
        if (auto v = string(m.value(k), QStringLiteral("\"%1\" in %2").arg(k, what)))
            out.insert(k, *v);
    return out;
}

QString YamlReader::str(const Map &m, const QString &key, const QString &fallback)
{
    if (!m.has(key))
        return fallback;
    return string(m.value(key), QStringLiteral("\"%1\"").arg(key)).value_or(fallback);
}

bool YamlReader::flag(const Map &m, const QString &key, bool fallback)
{
    if (!m.has(key))
        return fallback;
    return boolean(m.value(key), QStringLiteral("\"%1\"").arg(key)).value_or(fallback);
}

Milliseconds YamlReader::dur(const Map &m, const QString &key, Milliseconds fallback)
{
    return optDur(m, key).value_or(fallback);
}

std::optional<Milliseconds> YamlReader::optDur(const Map &m, const QString &key)
{
    if (!m.has(key))
        return std::nullopt;
    return duration(m.value(key), QStringLiteral("\"%1\"").arg(key));
}

} // namespace cockpit
