#include "gui/ObservationHtml.h"

#include "gui/GuiText.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cockpit::gui {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString row(const QString &key, const QString &value)
{
    return QStringLiteral("<tr><th align=left valign=top>%1</th><td>%2</td></tr>").arg(esc(key), value);
}

QString cell(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("<i>NULL</i>");
    if (v.isString())
        return esc(v.toString());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    return esc(QString::fromUtf8(
        QJsonDocument(v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()))
            .toJson(QJsonDocument::Compact)));
}

QString pre(const QString &text)
{
    return QStringLiteral("<pre>%1</pre>").arg(esc(text));
}

} // namespace

QString ObservationHtml::prettyBody(const QString &body)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toUtf8(), &e);
    if (e.error == QJsonParseError::NoError && !doc.isNull())
        return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
    return body;
}

QString ObservationHtml::prerequisite(const PrerequisiteSnapshot &p, qint64 now)
{
    QString html = QStringLiteral("<h3>%1</h3>").arg(esc(p.title.isEmpty() ? p.id : p.title));
    html += QStringLiteral("<table cellspacing=2 cellpadding=2>");
    html += row(tr("Prerequisite"), esc(p.id));
    html += row(tr("Category"), esc(p.category));
    html += row(
        tr("Verdict"),
        esc(QStringLiteral("%1 %2").arg(GuiText::verdictSymbol(p.verdict), GuiText::verdictWord(p.verdict))));
    if (p.running)
        html += row(tr("Now"), esc(tr("being checked…")));
    if (p.at > 0)
        html += row(tr("Observed"),
                    esc(tr("%1 (%2)").arg(GuiText::clockTime(p.at), GuiText::age(now - p.at))));
    if (p.durationMs > 0 || p.at > 0)
        html += row(tr("Duration"), esc(tr("%1 ms").arg(p.durationMs)));
    if (!p.explanation.isEmpty())
        html += row(tr("Seen"), esc(p.explanation));
    if (!p.confirmedBy.isEmpty())
        html
            += row(tr("Signed off by"),
                   esc(p.comment.isEmpty() ? p.confirmedBy : tr("%1: \"%2\"").arg(p.confirmedBy, p.comment)));
    html += QStringLiteral("</table>");
    if (p.manual && p.confirmedBy.isEmpty())
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("A person checks this and signs it off with a comment.")));
    if (!p.result.isEmpty())
        html += result(p.result);
    else if (!p.manual && p.at == 0)
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("Not checked yet.")));
    return html;
}

QString ObservationHtml::result(const QJsonObject &r)
{
    QString html;
    const QJsonArray conditions = r.value(QLatin1String("conditions")).toArray();
    if (!conditions.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><table cellspacing=2 cellpadding=2>").arg(esc(tr("Conditions")));
        for (const QJsonValue c : conditions) {
            const QString outcome = c[QLatin1String("outcome")].toString();
            const QString word = outcome == QLatin1String("pass") ? tr("✔ pass")
                : outcome == QLatin1String("fail")                ? tr("✘ fail")
                                                                  : tr("? no data");
            html += QStringLiteral("<tr><td>%1</td><td><code>%2</code></td></tr>")
                        .arg(esc(word), esc(c[QLatin1String("explanation")].toString()));
        }
        html += QStringLiteral("</table>");
    }
    const QJsonObject o = r.value(QLatin1String("observation")).toObject();
    if (o.isEmpty())
        return html;
    html += QStringLiteral("<h4>%1</h4><table cellspacing=2 cellpadding=2>").arg(esc(tr("Observation")));
    if (o.contains(QLatin1String("target")))
        html += row(tr("Target"),
                    esc(o.value(QLatin1String("method")).toString() + QLatin1Char(' ')
                        + o.value(QLatin1String("target")).toString()));
    const QString kind = o.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("http") && o.value(QLatin1String("status")).toInt() > 0)
        html += row(tr("HTTP status"), QString::number(o.value(QLatin1String("status")).toInt()));
    if (o.contains(QLatin1String("exit_code")))
        html += row(tr("Exit code"), QString::number(o.value(QLatin1String("exit_code")).toInt()));
    if (o.contains(QLatin1String("row_count")))
        html += row(tr("Rows"), QString::number(o.value(QLatin1String("row_count")).toDouble(), 'f', 0));
    if (o.contains(QLatin1String("present")))
        html += row(tr("Secret present"), o.value(QLatin1String("present")).toBool() ? tr("yes") : tr("no"));
    if (o.contains(QLatin1String("format_valid")))
        html += row(tr("Format valid"),
                    o.value(QLatin1String("format_valid")).toBool() ? tr("yes") : tr("no"));
    html += row(tr("Response time"),
                esc(tr("%1 ms").arg(o.value(QLatin1String("duration_ms")).toDouble(), 0, 'f', 0)));
    if (o.contains(QLatin1String("error")))
        html += row(tr("Error"),
                    QStringLiteral("<b>%1</b>").arg(esc(o.value(QLatin1String("error")).toString())));
    html += QStringLiteral("</table>");

    const QJsonArray headers = o.value(QLatin1String("headers")).toArray();
    if (!headers.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><table cellspacing=2 cellpadding=2>").arg(esc(tr("Headers")));
        for (const QJsonValue h : headers)
            html += row(h[0].toString(), esc(h[1].toString()));
        html += QStringLiteral("</table>");
    }
    if (o.contains(QLatin1String("body")) && !o.value(QLatin1String("body")).toString().isEmpty())
        html += QStringLiteral("<h4>%1</h4>").arg(esc(tr("Body")))
            + pre(prettyBody(o.value(QLatin1String("body")).toString()));
    const QJsonArray columns = o.value(QLatin1String("columns")).toArray();
    const QJsonArray rows = o.value(QLatin1String("rows")).toArray();
    if (!columns.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><table border=1 cellspacing=0 cellpadding=3><tr>")
                    .arg(esc(tr("Rows")));
        for (const QJsonValue c : columns)
            html += QStringLiteral("<th>%1</th>").arg(esc(c.toString()));
        html += QStringLiteral("</tr>");
        for (const QJsonValue r : rows) {
            html += QStringLiteral("<tr>");
            for (const QJsonValue v : r.toArray())
                html += QStringLiteral("<td>%1</td>").arg(cell(v));
            html += QStringLiteral("</tr>");
        }
        html += QStringLiteral("</table>");
        if (o.value(QLatin1String("rows_truncated")).toBool())
            html += QStringLiteral("<p>%1</p>").arg(esc(tr("(only the first rows are kept)")));
    }
    for (const char *stream : {"stdout", "stderr"}) {
        const QString text = o.value(QLatin1String(stream)).toString();
        if (!text.isEmpty())
            html += QStringLiteral("<h4>%1</h4>").arg(esc(QString::fromLatin1(stream))) + pre(text);
    }
    const QJsonArray tables = o.value(QLatin1String("tables")).toArray();
    for (const QJsonValue t : tables)
        html += pre(QString::fromUtf8(QJsonDocument(t.toObject()).toJson(QJsonDocument::Compact)));
    return html;
}

} // namespace cockpit::gui
