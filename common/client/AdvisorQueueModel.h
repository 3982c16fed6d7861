#pragma once

#include "protocol/consult.pb.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace consult {

// The waiting queue as an advisor sees it: oldest first (FIFO order is waiting order), one row per
// waiting customer, kept live from a snapshot plus additions and removals. Columns: name, phone,
// wanted mode, waiting since, system check.
class AdvisorQueueModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        PhoneColumn,
        ModeColumn,
        WaitingSinceColumn,
        SystemCheckColumn,
        ColumnCount
    };
    enum Role
    {
        EntryIdRole = Qt::UserRole + 1,
        EnqueuedAtRole,
        ModeRole
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void reset(const wire::QueueSnapshot &snapshot);
    void add(const wire::QueueEntry &entry);
    void remove(const QString &entryId);
    const QList<wire::QueueEntry> &entries() const { return m_entries; }
    QString entryIdAt(int row) const;

private:
    QList<wire::QueueEntry> m_entries;
};

} // namespace consult
