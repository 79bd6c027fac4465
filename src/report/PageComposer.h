#pragma once

#include <QColor>
#include <QFont>
#include <QHash>
#include <QList>
#include <QPdfWriter>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

class QBuffer;
class QPainter;

namespace cockpit::report {

// A small flow layout for the evidence PDF, drawn with QPainter (text stays text, charts stay vectors).
// It is run twice over the same content: a measuring pass (no painter; only page breaks are counted and
// where each section starts) and a drawing pass that then knows the page count and the table of contents.
// Every string drawn goes through the Redactor. Page decorations (header, mode mark, footer with
// "page N of M") are drawn when a page begins.
class PageComposer
{
public:
    struct Column
    {
        QString title;
        qreal weight = 1; // share of the width
    };
    struct Decoration
    {
        QString header; // left of the header line
        QString headerRight;
        QString mark; // REHEARSAL / DRY RUN on every page; empty for a live run
        QString footer;
    };
    using Progress = std::function<bool(qint64 done, qint64 total)>; // false: cancel

    // `writer` null: the measuring pass.
    PageComposer(QPdfWriter *writer, Decoration decoration, int totalPages);
    ~PageComposer();
    PageComposer(const PageComposer &) = delete;
    PageComposer &operator=(const PageComposer &) = delete;

    bool drawing() const { return m_painter != nullptr; }
    int page() const { return m_page; }
    qreal width() const { return m_width; }

    void newPage();
    void space(qreal h);
    // A level-1 heading starts a TOC entry (recorded with its page); level 2 is a sub-heading.
    void heading(const QString &text, int level = 1);
    void paragraph(const QString &text, const QFont &font, const QColor &color = Qt::black);
    void paragraph(const QString &text) { paragraph(text, bodyFont()); }
    // A filled box with wrapped text in it (the cover's outcome, the tamper warning).
    void banner(const QString &text, const QColor &background, const QColor &foreground, qreal pointSize);
    void keyValues(const QList<std::pair<QString, QString>> &rows);
    // Cells wrap; the header row repeats after a page break.
    void table(const QList<Column> &columns, const QList<QStringList> &rows);
    // A box `height` high drawn by `draw` (kept on one page).
    void figure(qreal height, const std::function<void(QPainter &, const QRectF &)> &draw);
    // One monospaced line per item, elided to the width (the journal appendix: fast for 10^5 lines).
    // `line(i)` is only called when drawing. Returns false when cancelled.
    bool lines(qint64 count, const std::function<QString(qint64)> &line, const Progress &progress = {});
    void finish();

    const QList<std::pair<QString, int>> &sections() const { return m_sections; }

    static QFont bodyFont();
    static QFont boldFont(qreal pointSize = 9);
    static QFont monoFont();

private:
    void ensure(qreal h);
    void decorate();
    qreal textHeight(const QString &text, const QFont &font, qreal width) const;
    void drawText(const QRectF &r, const QString &text, const QFont &font, const QColor &color, int flags);
    void tableHeader(const QList<Column> &columns, const QList<qreal> &widths);

    QPdfWriter *m_writer = nullptr;
    std::unique_ptr<QPainter> m_painter;
    std::unique_ptr<QBuffer> m_buffer;
    std::unique_ptr<QPdfWriter> m_measure; // the measuring pass's device, never painted on
    Decoration m_decoration;
    int m_totalPages = 0;
    int m_page = 0;
    qreal m_width = 0;
    qreal m_height = 0;
    qreal m_y = 0;
    qreal m_top = 0;
    QList<std::pair<QString, int>> m_sections;
};

} // namespace cockpit::report
