#include "core/runbook/ParamFile.h"

#include "core/runbook/YamlReader.h"

#include <QFile>
#include <QRegularExpression>
#include <algorithm>
#include <tuple>

namespace cockpit {

Expected<QMap<QString, QString>, Errors> ParamFile::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return unexpected(Errors {
            Error::at(path, 0, 0, QStringLiteral("cannot read parameter file: %1").arg(f.errorString()))});
    const QByteArray text = f.read(YamlReader::maxSourceBytes + 1);
    if (auto tooLarge = YamlReader::sourceTooLarge(path, std::max<qint64>(f.size(), text.size()),
                                                   QStringLiteral("the parameter file")))
        return unexpected(Errors {*tooLarge});
    return parse(text, path);
}

Expected<QMap<QString, QString>, Errors> ParamFile::parse(const QByteArray &text, const QString &fileName)
{
    if (auto tooLarge
        = YamlReader::sourceTooLarge(fileName, text.size(), QStringLiteral("the parameter file")))
        return unexpected(Errors {*tooLarge});
    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::Exception &e) {
        return unexpected(
            Errors {Error::at(fileName, std::max(1, e.mark.line + 1), std::max(1, e.mark.column + 1),
                              QStringLiteral("YAML syntax error: %1").arg(QString::fromStdString(e.msg)))});
    }
    YamlReader r(fileName, text);
    QMap<QString, QString> out;
    if (root.IsNull())
        return out;
    const YamlReader::Map m = r.freeMap(root, QStringLiteral("the parameter file"));
    static const QRegularExpression nameRe(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    for (const QString &k : m.keys()) {
        if (!nameRe.match(k).hasMatch()) {
            r.error(m.keyNode(k),
                    QStringLiteral("bad parameter name \"%1\": use letters, digits and _").arg(k));
            continue;
        }
        const YAML::Node v = m.value(k);
        if (!v.IsScalar()) {
            r.error(v,
                    QStringLiteral("expected a string, number or boolean for parameter \"%1\", got %2")
                        .arg(k, YamlReader::describe(v)));
            continue;
        }
        // Taken literally: a parameter file does not substitute ${...}.
        out.insert(k, QString::fromStdString(v.Scalar()));
    }
    if (r.hasErrors())
        return unexpected(r.sortedErrors());
    return out;
}

Expected<QPair<QString, QString>, Error> ParamFile::parseAssignment(const QString &assignment)
{
    const qsizetype eq = assignment.indexOf(u'=');
    const QString name = eq < 0 ? QString() : assignment.left(eq).trimmed();
    if (name.isEmpty())
        return unexpected(
            Error::plain(QStringLiteral("--param expects NAME=VALUE, got \"%1\"").arg(assignment)));
    return qMakePair(name, assignment.mid(eq + 1));
}

} // namespace cockpit
