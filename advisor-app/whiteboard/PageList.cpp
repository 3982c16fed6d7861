#include "PageList.h"

#include <QEvent>
#include <QPainter>

namespace consult::advisor {

namespace {

constexpr int kDocumentRole = Qt::UserRole;
constexpr int kPageRole = Qt::UserRole + 1;
constexpr int kThumbnail = 64;

board::PageKey keyOf(const QListWidgetItem *item)
{
    if (!item)
        return {};
    return board::PageKey{item->data(kDocumentRole).toUInt(), item->data(kPageRole).toUInt()};
}

// A page's picture, or an empty sheet in its proportions while its image is on its way.
QIcon thumbnailOf(const board::BoardModel &model, board::PageKey page)
{
    QPixmap canvas(kThumbnail, kThumbnail);
    canvas.fill(Qt::transparent);
    QPainter painter(&canvas);
    const QSize size = model.pageSize(page);
    const QSize fitted = size.isValid() && !size.isEmpty()
                             ? size.scaled(kThumbnail - 2, kThumbnail - 2, Qt::KeepAspectRatio)
                             : QSize(kThumbnail * 3 / 4, kThumbnail - 2);
    const QRect target(QPoint((kThumbnail - fitted.width()) / 2, (kThumbnail - fitted.height()) / 2), fitted);
    painter.fillRect(target, Qt::white);
    const QImage image = model.pageImage(page);
    if (!image.isNull())
        painter.drawImage(target, image.scaled(fitted, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    painter.setPen(QColor(0x88, 0x88, 0x88));
    painter.drawRect(target.adjusted(0, 0, -1, -1));
    painter.end();
    return QIcon(canvas);
}

} // namespace

PageList::PageList(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("boardPages"));
    setIconSize(QSize(kThumbnail, kThumbnail));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(false);
    setWordWrap(true);
    setTextElideMode(Qt::ElideMiddle);
    connect(this, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *current) {
        const board::PageKey page = keyOf(current);
        if (!m_rebuilding && page.isValid())
            Q_EMIT pageChosen(page);
    });
    setAccessibleName(tr("Seiten"));
}

void PageList::setModel(board::BoardModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_delivered.clear();
    m_thumbnails.clear();
    if (model) {
        connect(model, &board::BoardModel::documentAdded, this, &PageList::rebuild);
        connect(model, &board::BoardModel::reset, this, &PageList::rebuild);
        connect(model, &board::BoardModel::pageImageArrived, this, [this](board::PageKey page) {
            m_thumbnails.remove(page); // scaled once per arrival, not on every change of state
            updateItem(page);
        });
        connect(model, &board::BoardModel::shownPageChanged, this, [this] {
            updateAll();
            selectShown();
        });
    }
    rebuild();
}

void PageList::markDelivered(board::PageKey page)
{
    m_delivered.insert(page);
    updateItem(page);
}

int PageList::rowOf(board::PageKey page) const
{
    for (int row = 0; row < count(); ++row) {
        if (keyOf(item(row)) == page)
            return row;
    }
    return -1;
}

QString PageList::stateText(board::PageKey page) const
{
    QStringList parts;
    if (m_model && m_model->shownPage() == page)
        parts << tr("gezeigt");
    if (m_delivered.contains(page))
        parts << tr("beim Kunden");
    else if (m_model && !m_model->hasPageImage(page))
        parts << tr("wird vorbereitet");
    else
        parts << tr("unterwegs");
    return parts.join(u'\n');
}

board::PageKey PageList::neighbour(board::PageKey page, int step) const
{
    int row = rowOf(page);
    if (row < 0)
        return {};
    for (row += step; row >= 0 && row < count(); row += step) {
        const board::PageKey key = keyOf(item(row));
        if (key.isValid())
            return key;
    }
    return {};
}

void PageList::rebuild()
{
    m_rebuilding = true;
    clear();
    if (m_model) {
        for (const board::Document &document : m_model->documents()) {
            auto *title = new QListWidgetItem(document.title, this);
            QFont bold = font();
            bold.setBold(true);
            title->setFont(bold);
            title->setFlags(Qt::ItemIsEnabled); // a heading, not a page to choose
            title->setToolTip(document.title);
            for (int index = 0; index < document.pageSizes.size(); ++index) {
                auto *page = new QListWidgetItem(this);
                page->setData(kDocumentRole, document.id);
                page->setData(kPageRole, index);
            }
        }
    }
    m_rebuilding = false;
    updateAll();
    selectShown();
}

void PageList::updateItem(board::PageKey page)
{
    const int row = rowOf(page);
    if (row < 0 || !m_model)
        return;
    QListWidgetItem *entry = item(row);
    const QString name = tr("Seite %1").arg(page.page + 1);
    const QString state = stateText(page);
    entry->setText(name + u'\n' + state);
    entry->setData(Qt::AccessibleTextRole, tr("%1, %2").arg(name, QString(state).replace(u'\n', QStringLiteral(", "))));
    auto thumbnail = m_thumbnails.find(page);
    if (thumbnail == m_thumbnails.end() || !m_model->hasPageImage(page))
        thumbnail = m_thumbnails.insert(page, thumbnailOf(*m_model, page));
    entry->setIcon(*thumbnail);
    if (m_model->shownPage() == page) {
        QFont bold = font();
        bold.setBold(true);
        entry->setFont(bold);
    } else {
        entry->setFont(font());
    }
}

void PageList::updateAll()
{
    for (int row = 0; row < count(); ++row) {
        const board::PageKey key = keyOf(item(row));
        if (key.isValid())
            updateItem(key);
    }
}

void PageList::selectShown()
{
    if (!m_model)
        return;
    const int row = rowOf(m_model->shownPage());
    if (row < 0 || row == currentRow())
        return;
    m_rebuilding = true;
    setCurrentRow(row);
    scrollToItem(item(row));
    m_rebuilding = false;
}

void PageList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Seiten"));
        updateAll();
    }
    QListWidget::changeEvent(event);
}

} // namespace consult::advisor
