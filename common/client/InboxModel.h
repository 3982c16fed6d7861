#pragma once

#include "SnapshotAssembler.h"
#include "protocol/consult.pb.h"

#include <QAbstractTableModel>

namespace consult {

// Messages customers left for the advisors, oldest first; live from a snapshot plus additions and
// removals (one advisor's "done" removes it for everyone). The snapshot comes in pages (I9) and
// replaces the rows at once when complete; changes that arrive before that wait for it. Columns:
// received, name, phone, text.
class InboxModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ReceivedColumn,
        NameColumn,
        PhoneColumn,
        TextColumn,
        ColumnCount
    };
    enum Role
    {
        ItemIdRole = Qt::UserRole + 1
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Takes one page of an inbox snapshot; the rows change when the last page is in.
    void applySnapshotPage(const wire::InboxSnapshot &page);
    // Live changes; while a snapshot is incomplete they wait and are applied after it.
    void add(const wire::InboxItem &item);
    void remove(const QString &itemId);
    const QList<wire::InboxItem> &items() const { return m_items; }

private:
    QList<wire::InboxItem> m_items;
    SnapshotAssembler<wire::InboxItem, &wire::InboxItem::item_id> m_assembler;
};

} // namespace consult
