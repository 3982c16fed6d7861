#include "InboxModel.h"

#include <QDateTime>

namespace consult {

int InboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int InboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InboxModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const wire::InboxItem &item = m_items.at(index.row());
    if (role == ItemIdRole)
        return QString::fromStdString(item.item_id());
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ReceivedColumn:
        return QDateTime::fromMSecsSinceEpoch(item.received_at(), Qt::UTC).toLocalTime();
    case NameColumn:
        return QString::fromStdString(item.name());
    case PhoneColumn:
        return QString::fromStdString(item.phone_e164());
    case TextColumn:
        return QString::fromStdString(item.text());
    default:
        return {};
    }
}

QVariant InboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ReceivedColumn:
        return tr("Eingegangen");
    case NameColumn:
        return tr("Name");
    case PhoneColumn:
        return tr("Telefon");
    case TextColumn:
        return tr("Nachricht");
    default:
        return {};
    }
}

void InboxModel::applySnapshotPage(const wire::InboxSnapshot &page)
{
    auto complete = m_assembler.addPage(page.has_page() ? &page.page() : nullptr, page.items());
    if (!complete)
        return;
    beginResetModel();
    m_items = std::move(*complete);
    endResetModel();
}

void InboxModel::add(const wire::InboxItem &item)
{
    if (m_assembler.isCollecting()) {
        m_assembler.defer(item);
        return;
    }
    const int row = static_cast<int>(m_items.size());
    beginInsertRows({}, row, row);
    m_items.append(item);
    endInsertRows();
}

void InboxModel::remove(const QString &itemId)
{
    const std::string id = itemId.toStdString();
    if (m_assembler.isCollecting()) {
        m_assembler.defer(id);
        return;
    }
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).item_id() == id) {
            beginRemoveRows({}, row, row);
            m_items.removeAt(row);
            endRemoveRows();
            return;
        }
    }
}

} // namespace consult
