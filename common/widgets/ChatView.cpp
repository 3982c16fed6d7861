#include "ChatView.h"

#include "client/ChatModel.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStyledItemDelegate>

namespace consult {

namespace {

constexpr int kMargin = 8;    // around each bubble
constexpr int kPadding = 8;   // inside each bubble
constexpr int kHeaderGap = 2; // between header and text
constexpr double kMaxBubbleShare = 0.78;

// Draws one chat line as a bubble. Plain text only: QPainter::drawText never parses markup (I3).
class ChatLineDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const Layout layout = layoutFor(option, index);
        const bool own = index.data(ChatModel::OwnRole).toBool();
        const auto delivery = static_cast<ChatLine::Delivery>(index.data(ChatModel::DeliveryRole).toInt());
        const QPalette &palette = option.palette;

        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QPainterPath bubble;
        bubble.addRoundedRect(layout.bubble, 8, 8);
        // The other side's bubble needs an outline: AlternateBase alone is barely darker than Base.
        const QColor fill =
            own ? palette.color(QPalette::Highlight).lighter(185) : palette.color(QPalette::AlternateBase).darker(103);
        painter->fillPath(bubble, fill);
        if (option.state & QStyle::State_HasFocus) {
            painter->setPen(QPen(palette.color(QPalette::Highlight), 2));
            painter->drawPath(bubble);
        } else if (!own) {
            painter->setPen(QPen(palette.color(QPalette::Mid).lighter(140), 1));
            painter->drawPath(bubble);
        }

        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.85);
        painter->setFont(small);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(layout.header, Qt::AlignLeft | Qt::TextSingleLine, layout.headerText);

        painter->setFont(option.font);
        painter->setPen(delivery == ChatLine::Delivery::Failed ? QColor(170, 30, 30) : palette.color(QPalette::Text));
        painter->drawText(layout.text, Qt::TextWordWrap | Qt::AlignLeft, index.data(ChatModel::TextRole).toString());
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const Layout layout = layoutFor(option, index);
        return {option.rect.width(), layout.bubble.height() + 2 * kMargin};
    }

private:
    struct Layout
    {
        QRect bubble;
        QRect header;
        QRect text;
        QString headerText;
    };

    static Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index)
    {
        Layout layout;
        const bool own = index.data(ChatModel::OwnRole).toBool();
        const QDateTime sentAt = index.data(ChatModel::SentAtRole).toDateTime();
        layout.headerText = index.data(ChatModel::AuthorNameRole).toString() + QStringLiteral(" · ") +
                            sentAt.toString(QStringLiteral("HH:mm"));
        if (own) {
            const auto delivery = static_cast<ChatLine::Delivery>(index.data(ChatModel::DeliveryRole).toInt());
            layout.headerText += QStringLiteral(" · ") + ChatModel::deliveryText(delivery);
        }
        const int available = qMax(120, option.rect.width() - 2 * kMargin);
        const int maxText = static_cast<int>(available * kMaxBubbleShare) - 2 * kPadding;
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.85);
        const QFontMetrics headerMetrics(small);
        const QFontMetrics textMetrics(option.font);
        const QRect textBounds = textMetrics.boundingRect(QRect(0, 0, maxText, 100000), Qt::TextWordWrap,
                                                          index.data(ChatModel::TextRole).toString());
        const int contentWidth =
            qMin(maxText, qMax(textBounds.width(), headerMetrics.horizontalAdvance(layout.headerText)));
        const int width = contentWidth + 2 * kPadding;
        const int height = headerMetrics.height() + kHeaderGap + textBounds.height() + 2 * kPadding;
        const int left = own ? option.rect.right() - kMargin - width : option.rect.left() + kMargin;
        layout.bubble = QRect(left, option.rect.top() + kMargin, width, height);
        layout.header = QRect(left + kPadding, layout.bubble.top() + kPadding, contentWidth, headerMetrics.height());
        layout.text =
            QRect(left + kPadding, layout.header.bottom() + 1 + kHeaderGap, contentWidth, textBounds.height());
        return layout;
    }
};

} // namespace

ChatView::ChatView(QWidget *parent)
    : QListView(parent)
{
    setItemDelegate(new ChatLineDelegate(this));
    setSelectionMode(QAbstractItemView::NoSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWordWrap(true);
    setUniformItemSizes(false);
    setResizeMode(QListView::Adjust);
    setFocusPolicy(Qt::StrongFocus); // reachable with Tab; arrow keys walk the lines for screen readers
    setAccessibleName(tr("Chatverlauf"));
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_followNewest = value >= verticalScrollBar()->maximum() - 4; });
}

void ChatView::setChatModel(ChatModel *model)
{
    if (QAbstractItemModel *old = this->model())
        old->disconnect(this);
    setModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &ChatView::onRowsInserted);
        connect(model, &QAbstractItemModel::dataChanged, this, [this] { doItemsLayout(); });
        scrollToBottom();
    }
}

void ChatView::onRowsInserted()
{
    if (m_followNewest)
        QMetaObject::invokeMethod(
            this, [this] { scrollToBottom(); }, Qt::QueuedConnection);
}

void ChatView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    // Line heights depend on the width (word wrap).
    doItemsLayout();
}

} // namespace consult
