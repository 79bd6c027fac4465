#include "report/PageComposer.h"

#include "core/base/Redactor.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QGlyphRun>
#include <QPageLayout>
#include <QPainter>
#include <QRawFont>

namespace cockpit::report {

namespace {

constexpr int kDpi = 96;
constexpr qreal kMarginX = 56;
constexpr qreal kTop = 64;
constexpr qreal kBottom = 56;
constexpr qreal kCellPad = 3;
const QColor kRule(0x9e, 0x9e, 0x9e);
const QColor kHeaderFill(0xe8, 0xea, 0xed);
const QColor kMuted(0x55, 0x55, 0x55);
const QColor kMark(0xc6, 0x28, 0x28);

void setUp(QPdfWriter &w)
{
    w.setResolution(kDpi);
    w.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
}

} // namespace

QFont PageComposer::bodyFont()
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(9);
    // No ligatures: "sign-off" stays searchable text in the PDF, not U+FB00.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

QFont PageComposer::boldFont(qreal pointSize)
{
    QFont f = bodyFont();
    f.setPointSizeF(pointSize);
    f.setBold(true);
    return f;
}

QFont PageComposer::monoFont()
{
    QFont f(QStringLiteral("DejaVu Sans Mono"));
    f.setStyleHint(QFont::Monospace);
    f.setPointSizeF(6.5);
    return f;
}

PageComposer::PageComposer(QPdfWriter *writer, Decoration decoration, int totalPages)
    : m_writer(writer)
    , m_decoration(std::move(decoration))
    , m_totalPages(totalPages)
{
    if (!m_writer) {
        m_buffer = std::make_unique<QBuffer>();
        m_measure = std::make_unique<QPdfWriter>(m_buffer.get());
        m_writer = m_measure.get();
    }
    setUp(*m_writer);
    const QRect page = m_writer->pageLayout().fullRectPixels(kDpi);
    m_width = page.width() - 2 * kMarginX;
    m_height = page.height();
    if (writer) {
        m_painter = std::make_unique<QPainter>(writer);
        m_painter->setRenderHint(QPainter::Antialiasing);
    }
    m_page = 1;
    m_y = kTop;
    decorate();
}

PageComposer::~PageComposer() = default;

void PageComposer::finish()
{
    if (m_painter)
        m_painter->end();
}

void PageComposer::newPage()
{
    if (m_painter)
        m_writer->newPage();
    ++m_page;
    m_y = kTop;
    decorate();
}

void PageComposer::ensure(qreal h)
{
    if (m_y + h > m_height - kBottom && m_y > kTop)
        newPage();
}

void PageComposer::space(qreal h)
{
    m_y += h;
}

void PageComposer::decorate()
{
    if (!m_painter)
        return;
    QPainter &p = *m_painter;
    const QFont small = [] {
        QFont f = bodyFont();
        f.setPointSizeF(7);
        return f;
    }();
    const qreal right = kMarginX + m_width;
    drawText(QRectF(kMarginX, 22, m_width * 0.62, 16), m_decoration.header, small, kMuted,
             Qt::AlignLeft | Qt::AlignVCenter);
    if (!m_decoration.mark.isEmpty())
        drawText(QRectF(kMarginX, 18, m_width, 22), m_decoration.mark, boldFont(12), kMark,
                 Qt::AlignRight | Qt::AlignVCenter);
    else
        drawText(QRectF(kMarginX, 22, m_width, 16), m_decoration.headerRight, small, kMuted,
                 Qt::AlignRight | Qt::AlignVCenter);
    p.setPen(QPen(kRule, 0.6));
    p.drawLine(QPointF(kMarginX, 44), QPointF(right, 44));
    const qreal fy = m_height - 36;
    p.drawLine(QPointF(kMarginX, fy - 4), QPointF(right, fy - 4));
    drawText(QRectF(kMarginX, fy, m_width * 0.8, 14), m_decoration.footer, small, kMuted,
             Qt::AlignLeft | Qt::AlignVCenter);
    drawText(QRectF(kMarginX, fy, m_width, 14), QStringLiteral("Page %1 of %2").arg(m_page).arg(m_totalPages),
             small, kMuted, Qt::AlignRight | Qt::AlignVCenter);
}

qreal PageComposer::textHeight(const QString &text, const QFont &font, qreal width) const
{
    const QFontMetricsF fm(font, m_writer);
    if (text.isEmpty())
        return fm.height();
    return fm.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap | Qt::AlignLeft, Redactor::redact(text))
        .height();
}

void PageComposer::drawText(const QRectF &r, const QString &text, const QFont &font, const QColor &color,
                            int flags)
{
    if (!m_painter)
        return;
    m_painter->setFont(font);
    m_painter->setPen(color);
    m_painter->drawText(r, flags, Redactor::redact(text));
}

void PageComposer::heading(const QString &text, int level)
{
    const QFont font = boldFont(level == 1 ? 14 : 10.5);
    const qreal h = textHeight(text, font, m_width);
    ensure(h + (level == 1 ? 120 : 70)); // never a heading alone at the foot of a page
    m_y += level == 1 ? 10 : 6;
    if (level == 1)
        m_sections.append({text, m_page});
    drawText(QRectF(kMarginX, m_y, m_width, h), text, font, Qt::black, Qt::AlignLeft | Qt::TextWordWrap);
    m_y += h + 4;
    if (level == 1 && m_painter) {
        m_painter->setPen(QPen(kRule, 0.8));
        m_painter->drawLine(QPointF(kMarginX, m_y), QPointF(kMarginX + m_width, m_y));
    }
    m_y += level == 1 ? 6 : 2;
}

void PageComposer::paragraph(const QString &text, const QFont &font, const QColor &color)
{
    const qreal h = textHeight(text, font, m_width);
    ensure(h);
    drawText(QRectF(kMarginX, m_y, m_width, h), text, font, color, Qt::AlignLeft | Qt::TextWordWrap);
    m_y += h + 4;
}

void PageComposer::banner(const QString &text, const QColor &background, const QColor &foreground,
                          qreal pointSize)
{
    const QFont font = boldFont(pointSize);
    const qreal h = textHeight(text, font, m_width - 20) + 16;
    ensure(h);
    if (m_painter)
        m_painter->fillRect(QRectF(kMarginX, m_y, m_width, h), background);
    drawText(QRectF(kMarginX + 10, m_y + 8, m_width - 20, h - 16), text, font, foreground,
             Qt::AlignLeft | Qt::TextWordWrap);
    m_y += h + 8;
}

void PageComposer::keyValues(const QList<std::pair<QString, QString>> &rows)
{
    const QFont key = boldFont(9);
    const QFont value = bodyFont();
    const qreal kw = m_width * 0.26;
    for (const auto &[k, v] : rows) {
        const qreal h = std::max(textHeight(k, key, kw - 8), textHeight(v, value, m_width - kw));
        ensure(h);
        drawText(QRectF(kMarginX, m_y, kw - 8, h), k, key, kMuted, Qt::AlignLeft | Qt::TextWordWrap);
        drawText(QRectF(kMarginX + kw, m_y, m_width - kw, h), v, value, Qt::black,
                 Qt::AlignLeft | Qt::TextWordWrap);
        m_y += h + 3;
    }
    m_y += 4;
}

void PageComposer::tableHeader(const QList<Column> &columns, const QList<qreal> &widths)
{
    const QFont font = boldFont(8);
    qreal h = 0;
    for (qsizetype i = 0; i < columns.size(); ++i)
        h = std::max(h, textHeight(columns[i].title, font, widths[i] - 2 * kCellPad));
    h += 2 * kCellPad;
    if (m_painter)
        m_painter->fillRect(QRectF(kMarginX, m_y, m_width, h), kHeaderFill);
    qreal x = kMarginX;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        drawText(QRectF(x + kCellPad, m_y + kCellPad, widths[i] - 2 * kCellPad, h), columns[i].title, font,
                 Qt::black, Qt::AlignLeft | Qt::TextWordWrap);
        x += widths[i];
    }
    m_y += h;
}

void PageComposer::table(const QList<Column> &columns, const QList<QStringList> &rows)
{
    qreal total = 0;
    for (const Column &c : columns)
        total += c.weight;
    QList<qreal> widths;
    for (const Column &c : columns)
        widths.append(m_width * c.weight / total);
    QFont font = bodyFont();
    font.setPointSizeF(8);
    ensure(60);
    tableHeader(columns, widths);
    for (const QStringList &row : rows) {
        qreal h = 0;
        for (qsizetype i = 0; i < columns.size(); ++i)
            h = std::max(h, textHeight(row.value(i), font, widths[i] - 2 * kCellPad));
        h += 2 * kCellPad;
        if (m_y + h > m_height - kBottom) {
            newPage();
            tableHeader(columns, widths);
        }
        qreal x = kMarginX;
        for (qsizetype i = 0; i < columns.size(); ++i) {
            drawText(QRectF(x + kCellPad, m_y + kCellPad, widths[i] - 2 * kCellPad, h), row.value(i), font,
                     Qt::black, Qt::AlignLeft | Qt::TextWordWrap);
            x += widths[i];
        }
        m_y += h;
        if (m_painter) {
            m_painter->setPen(QPen(kRule, 0.4));
            m_painter->drawLine(QPointF(kMarginX, m_y), QPointF(kMarginX + m_width, m_y));
        }
    }
    m_y += 8;
}

void PageComposer::figure(qreal height, const std::function<void(QPainter &, const QRectF &)> &draw)
{
    ensure(height);
    if (m_painter) {
        m_painter->save();
        draw(*m_painter, QRectF(kMarginX, m_y, m_width, height));
        m_painter->restore();
    }
    m_y += height + 8;
}

bool PageComposer::lines(qint64 count, const std::function<QString(qint64)> &line, const Progress &progress)
{
    const QFont font = monoFont();
    const QFontMetricsF fm(font, m_writer);
    const qreal h = fm.height() + 1;
    const qreal advance = fm.horizontalAdvance(QLatin1Char('M'));
    // Monospaced, so cut by characters and place glyphs at fixed steps: no text layout (itemizing,
    // shaping) per line, which was most of the cost of a 10^5-event appendix.
    const qsizetype columns = std::max<qsizetype>(8, qsizetype(m_width / advance));
    QRawFont raw = QRawFont::fromFont(font);
    raw.setPixelSize(font.pointSizeF() * kDpi / 72.0);
    QGlyphRun run;
    run.setRawFont(raw);
    QList<QPointF> positions;
    for (qsizetype c = 0; c < columns; ++c)
        positions.append(QPointF(c * advance, 0));
    if (m_painter)
        m_painter->setPen(Qt::black);
    for (qint64 i = 0; i < count; ++i) {
        if (m_y + h > m_height - kBottom) {
            newPage();
            if (m_painter)
                m_painter->setPen(Qt::black);
        }
        if (m_painter) {
            QString text = Redactor::redact(line(i));
            if (text.size() > columns) {
                text.truncate(columns - 1);
                text += QChar(0x2026);
            }
            const QList<quint32> glyphs = raw.glyphIndexesForString(text);
            run.setGlyphIndexes(glyphs);
            run.setPositions(positions.mid(0, glyphs.size()));
            m_painter->drawGlyphRun(QPointF(kMarginX, m_y + fm.ascent()), run);
        }
        m_y += h;
        if (progress && (i % 1024) == 0 && !progress(i, count))
            return false;
    }
    m_y += 6;
    return true;
}

} // namespace cockpit::report
