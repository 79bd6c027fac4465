#pragma once

#include "core/base/Duration.h"
#include "core/base/Error.h"
#include "core/conditions/Condition.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>
#include <yaml-cpp/yaml.h>

namespace cockpit {

// Reads the nodes of one YAML document for the runbook loader: typed scalars with ${param}
// substitution, mapping key validation (unknown keys with did-you-mean, duplicate keys), and errors with
// 1-based FILE:LINE:COL positions computed from the source bytes. It collects errors instead of stopping,
// so a file's problems are all reported at once.
class YamlReader
{
public:
    // Bounds against hostile files (docs/runbook-format.md, "Limits"). A runbook or parameter file is
    // read only up to maxSourceBytes; one value after ${param} substitution is at most maxValueChars,
    // and all values read from one file together at most maxExpandedChars (YAML aliases reuse a value
    // many times); after maxErrors errors the reader reports that it stopped and reads no further.
    static constexpr qsizetype maxSourceBytes = 4 * 1024 * 1024;
    static constexpr qsizetype maxValueChars = 1024 * 1024;
    static constexpr qsizetype maxExpandedChars = 32 * 1024 * 1024;
    static constexpr qsizetype maxErrors = 100;

    struct Pos
    {
        int line = 1;
        int column = 1;
    };

    // The entries of one mapping node after validation. Missing keys yield null nodes.
    class Map
    {
    public:
        bool isValid() const { return m_valid; }
        bool has(const QString &key) const { return m_values.contains(key); }
        YAML::Node value(const QString &key) const { return m_values.value(key); }
        YAML::Node keyNode(const QString &key) const { return m_keys.value(key); }
        const QStringList &keys() const { return m_order; }
        const YAML::Node &node() const { return m_node; }
        const QString &what() const { return m_what; }

    private:
        friend class YamlReader;
        bool m_valid = false;
        YAML::Node m_node;
        QString m_what;
        QHash<QString, YAML::Node> m_values;
        QHash<QString, YAML::Node> m_keys;
        QStringList m_order;
    };

    // A string scalar after ${param} substitution, with the offset of each character in the raw value so
    // positions inside it (condition syntax errors) can be mapped back to the file.
    struct Text
    {
        bool ok = false;
        QString value;
        YAML::Node node;
        QList<qsizetype> origin; // origin[i]: index in the raw scalar of value[i]
    };

    YamlReader(QString file, QByteArray source);

    void setParams(const QMap<QString, QString> &values) { m_params = values; }
    const QString &file() const { return m_file; }

    Pos pos(const YAML::Node &node) const;
    // Position of character `offset` of the raw (unsubstituted) scalar value: skips an opening quote and
    // the header line of a block scalar, and follows line folding.
    Pos posInScalar(const YAML::Node &node, qsizetype offset) const;
    Pos posInText(const Text &text, qsizetype offset) const;

    void error(const YAML::Node &node, const QString &message);
    void errorAt(Pos pos, const QString &message);
    void errorAtKey(const Map &map, const QString &key, const QString &message);
    bool hasErrors() const { return !m_errors.isEmpty(); }
    // Every error sorted by position; when reading stopped at maxErrors, a last line says so.
    Errors sortedErrors() const;
    // True once maxErrors errors were reported: maps, lists and values then read as invalid without a
    // further message, so the rest of a hostile file costs nothing.
    bool stopped() const { return m_stopped; }
    // "FILE:1:1: the runbook is N bytes; the limit is ..." when `size` is over maxSourceBytes.
    static std::optional<Error> sourceTooLarge(const QString &file, qint64 size, const QString &what);

    // Checks that `node` is a mapping and that each key is in `allowed`; reports unknown keys with a
    // did-you-mean suggestion and duplicate keys. `what` names the mapping in messages ("a check").
    Map map(const YAML::Node &node, const QString &what, const QStringList &allowed);
    // A mapping with free-form keys (connection names, metric names...): only duplicates are reported.
    Map freeMap(const YAML::Node &node, const QString &what);
    bool requireKeys(const Map &map, const QStringList &keys);
    // Exactly one of `kinds` must be present; returns it, or empty after reporting.
    QString exactlyOne(const Map &map, const QStringList &kinds, const QString &kindWord);

    bool isSequence(const YAML::Node &node, const QString &what);

    // Typed values. Each reports "expected ..." at the node and returns nullopt on a mismatch.
    Text text(const YAML::Node &node, const QString &what);
    std::optional<QString> string(const YAML::Node &node, const QString &what);
    std::optional<bool> boolean(const YAML::Node &node, const QString &what);
    std::optional<qint64> integer(const YAML::Node &node, const QString &what, qint64 min, qint64 max);
    std::optional<double> number(const YAML::Node &node, const QString &what);
    std::optional<Milliseconds> duration(const YAML::Node &node, const QString &what);
    std::optional<Condition> condition(const YAML::Node &node, const QString &what);
    // A string or a list of strings.
    QList<Text> textList(const YAML::Node &node, const QString &what);
    QMap<QString, QString> stringMap(const YAML::Node &node, const QString &what);

    // Convenience for optional keys of a validated map: value if present (and well typed), else `fallback`.
    QString str(const Map &m, const QString &key, const QString &fallback = {});
    bool flag(const Map &m, const QString &key, bool fallback);
    Milliseconds dur(const Map &m, const QString &key, Milliseconds fallback);
    std::optional<Milliseconds> optDur(const Map &m, const QString &key);

    // Parameter names referenced by ${...} so far (for "declared but unused" style checks).
    const QSet<QString> &usedParams() const { return m_usedParams; }

    static QString describe(const YAML::Node &node);
    static int editDistance(const QString &a, const QString &b);
    // " (did you mean \"x\"?)" when a candidate is close enough, else "".
    static QString didYouMean(const QString &word, const QStringList &candidates);

private:
    Text substitute(const YAML::Node &node);
    Pos posAtByte(qsizetype byteOffset) const;

    QString m_file;
    QByteArray m_source;
    QList<qsizetype> m_lineStarts;
    // An empty value (`key:`) has the mark of the next token; errors about it point at its key instead.
    QHash<qsizetype, qsizetype> m_emptyValueKeyPos;
    QMap<QString, QString> m_params;
    QSet<QString> m_usedParams;
    Errors m_errors;
    QSet<QString> m_errorKeys; // FILE:LINE:COL: message of each error, so a repeat is dropped in O(1)
    std::optional<Error> m_stoppedAt;
    bool m_stopped = false;
    bool m_expansionExhausted = false;
    qsizetype m_expandedChars = 0;
};

} // namespace cockpit
