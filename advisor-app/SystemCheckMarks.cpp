#include "SystemCheckMarks.h"

#include "Pictograms.h"
#include "StatusTexts.h"
#include "client/AdvisorQueueModel.h"

#include <QApplication>
#include <QEvent>
#include <QPainter>
#include <QPainterPath>

namespace consult::advisor {

namespace {

constexpr int kMarks = 4;

// A filled disc with a white tick, cross or dash: readable on the row's selection colour too.
void drawMark(QPainter &painter, const QRectF &box, wire::CheckOutcome outcome)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const bool passed = outcome == wire::CHECK_OUTCOME_PASSED;
    const bool unchecked = outcome == wire::CHECK_OUTCOME_UNSPECIFIED;
    painter.setPen(Qt::NoPen);
    painter.setBrush(passed      ? QColor(0x1e, 0x7e, 0x34)
                     : unchecked ? QColor(0x75, 0x75, 0x75)
                                 : QColor(0xb0, 0x00, 0x20));
    painter.drawEllipse(box);
    const qreal s = box.width();
    const QPointF o = box.topLeft();
    painter.setPen(QPen(Qt::white, qMax(1.5, s / 7.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    if (passed) {
        painter.drawPolyline(QPolygonF(
            {o + QPointF(0.26 * s, 0.52 * s), o + QPointF(0.43 * s, 0.69 * s), o + QPointF(0.74 * s, 0.33 * s)}));
    } else if (unchecked) {
        painter.drawLine(o + QPointF(0.3 * s, 0.5 * s), o + QPointF(0.7 * s, 0.5 * s));
    } else {
        painter.drawLine(o + QPointF(0.32 * s, 0.32 * s), o + QPointF(0.68 * s, 0.68 * s));
        painter.drawLine(o + QPointF(0.68 * s, 0.32 * s), o + QPointF(0.32 * s, 0.68 * s));
    }
    painter.restore();
}

} // namespace

SystemCheckMarks::SystemCheckMarks(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("systemCheckMarks"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    describe();
}

void SystemCheckMarks::setCheck(const std::optional<wire::SystemCheck> &check)
{
    m_check = check;
    describe();
    update();
}

QSize SystemCheckMarks::size(int lineHeight)
{
    const int icon = qMax(16, lineHeight);
    const int mark = icon * 3 / 4;
    const int gap = icon / 2;
    return {kMarks * (icon + 1 + mark) + (kMarks - 1) * gap, icon};
}

void SystemCheckMarks::paint(QPainter &painter, const QRect &rect, const wire::SystemCheck &check,
                             const QColor &foreground)
{
    const QSize needed = size(qMin(rect.height(), 20));
    const int icon = needed.height();
    const int mark = icon * 3 / 4;
    const int gap = icon / 2;
    const struct
    {
        pictograms::Kind kind;
        wire::CheckOutcome outcome;
    } lines[kMarks] = {{pictograms::Kind::Camera, check.camera()},
                       {pictograms::Kind::Microphone, check.microphone()},
                       {pictograms::Kind::Speaker, check.speaker()},
                       {pictograms::Kind::Connection, check.connection()}};
    int x = rect.left();
    const int top = rect.top() + (rect.height() - icon) / 2;
    for (const auto &line : lines) {
        pictograms::draw(painter, QRectF(x, top, icon, icon), line.kind, foreground);
        x += icon + 1;
        drawMark(painter, QRectF(x, top + (icon - mark) / 2.0, mark, mark), line.outcome);
        x += mark + gap;
    }
}

QSize SystemCheckMarks::sizeHint() const
{
    if (!m_check)
        return {fontMetrics().horizontalAdvance(QStringLiteral("–")), fontMetrics().height()};
    return size(fontMetrics().height());
}

void SystemCheckMarks::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (!m_check) {
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(rect(), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("–"));
        return;
    }
    paint(painter, rect(), *m_check, palette().color(QPalette::WindowText));
}

void SystemCheckMarks::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        describe();
    QWidget::changeEvent(event);
}

void SystemCheckMarks::describe()
{
    const QString words = m_check ? StatusTexts::systemCheck(*m_check) : StatusTexts::noSystemCheck();
    const QString figures = m_check ? StatusTexts::systemCheckFigures(*m_check) : QString();
    setAccessibleName(tr("Systemprüfung: %1").arg(words));
    setAccessibleDescription(figures);
    setToolTip(figures.isEmpty() ? words : words + u'\n' + figures);
    updateGeometry();
}

void SystemCheckDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant value = index.data(AdvisorQueueModel::SystemCheckRole);
    if (!value.isValid()) {
        QStyledItemDelegate::paint(painter, option, index); // the dash
        return;
    }
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    const QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &background, widget);
    const QColor foreground =
        option.palette.color(option.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text);
    SystemCheckMarks::paint(*painter, area.adjusted(2, 0, 0, 0), value.value<wire::SystemCheck>(), foreground);
}

QSize SystemCheckDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize text = QStyledItemDelegate::sizeHint(option, index);
    if (!index.data(AdvisorQueueModel::SystemCheckRole).isValid())
        return text;
    const QSize marks = SystemCheckMarks::size(qMin(option.fontMetrics.height(), 20));
    return {marks.width() + 12, qMax(text.height(), marks.height() + 4)};
}

} // namespace consult::advisor
