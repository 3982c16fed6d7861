#pragma once

#include "SnapshotAssembler.h"
#include "protocol/consult.pb.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace consult {

// The waiting queue as an advisor sees it: oldest first (FIFO order is waiting order), one row per
// waiting customer, kept live from a snapshot plus additions and removals. The snapshot comes in
// pages (I9) and replaces the rows at once when complete; changes that arrive before that wait for
// it. Columns: name, phone, wanted mode, waiting since, system check.
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
        ModeRole,
        // The customer's system check as a wire::SystemCheck; invalid when there was none (chat).
        SystemCheckRole
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Takes one page of a queue snapshot; the rows change when the last page is in.
    void applySnapshotPage(const wire::QueueSnapshot &page);
    // Live changes; while a snapshot is incomplete they wait and are applied after it.
    void add(const wire::QueueEntry &entry);
    void remove(const QString &entryId);
    // A waiting customer's entry changed (a repeated system check): replaced in its row.
    void update(const wire::QueueEntry &entry);
    const QList<wire::QueueEntry> &entries() const { return m_entries; }
    QString entryIdAt(int row) const;

    // The system check in one line of ticks and crosses (empty check: not done).
    static QString systemCheckSummary(const wire::SystemCheck &check);

private:
    QList<wire::QueueEntry> m_entries;
    SnapshotAssembler<wire::QueueEntry, &wire::QueueEntry::entry_id> m_assembler;
};

} // namespace consult
