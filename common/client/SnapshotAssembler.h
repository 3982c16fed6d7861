#pragma once

#include "protocol/consult.pb.h"

#include <QList>
#include <QLoggingCategory>
#include <QString>

#include <optional>
#include <string>
#include <variant>

namespace consult {

Q_DECLARE_LOGGING_CATEGORY(lcSnapshotAssembler)

// Puts a paged snapshot (the queue, the inbox) back together on the client (I9). The
// server sends a snapshot in pages of bounded size (wire::SnapshotPage) with live changes between
// them; a change that arrives while pages are still coming waits here, in order, and is applied on
// top of the snapshot once its last page is in. So the list is replaced once, with the whole
// snapshot: it never shows half a snapshot, a mix of two, or a change applied to the wrong one.
// `IdOf` names an item (entry_id, item_id). Owned by the model it assembles for; pure bookkeeping.
template <typename Item, const std::string &(Item::*IdOf)() const>
class SnapshotAssembler
{
public:
    // A live change: an item added at the end (or, if one with its id is there, an update of that
    // one in its place), or the id of an item removed.
    using Change = std::variant<Item, std::string>;

    // Takes one page (`page` is null when the message had no page header: a whole snapshot). Returns
    // the new list when this page completed a snapshot: its items with the changes deferred meanwhile
    // applied. Returns nothing while pages are missing, and for a page that does not continue the
    // snapshot being collected (dropped: the reliable channel never reorders, so it is stale).
    std::optional<QList<Item>> addPage(const wire::SnapshotPage *page,
                                       const google::protobuf::RepeatedPtrField<Item> &items)
    {
        const quint64 id = page ? page->snapshot_id() : 0;
        const quint32 index = page ? page->index() : 0;
        if (index == 0) {
            // A new snapshot: whatever was unfinished, and the changes waiting for it, are superseded.
            m_collecting = true;
            m_snapshotId = id;
            m_nextIndex = 0;
            m_items.clear();
            m_deferred.clear();
        } else if (!m_collecting || id != m_snapshotId || index != m_nextIndex) {
            qCWarning(lcSnapshotAssembler) << "a snapshot page out of sequence was dropped";
            return std::nullopt;
        }
        m_items.append(QList<Item>(items.begin(), items.end()));
        ++m_nextIndex;
        if (page && !page->last())
            return std::nullopt;

        QList<Item> complete = std::move(m_items);
        for (Change &change : m_deferred)
            apply(complete, std::move(change));
        m_items.clear();
        m_deferred.clear();
        m_collecting = false;
        return complete;
    }

    // While a snapshot is being collected, live changes must wait for it (defer()).
    bool isCollecting() const { return m_collecting; }
    void defer(Change change) { m_deferred.append(std::move(change)); }

    // Applies one change to a list: replaces an updated item in its place or appends an added one,
    // removes a removed one (if it is there).
    static void apply(QList<Item> &list, Change change)
    {
        if (auto *added = std::get_if<Item>(&change)) {
            for (Item &item : list) {
                if ((item.*IdOf)() == ((*added).*IdOf)()) {
                    item = std::move(*added);
                    return;
                }
            }
            list.append(std::move(*added));
            return;
        }
        const std::string &removed = std::get<std::string>(change);
        for (qsizetype row = 0; row < list.size(); ++row) {
            if ((list.at(row).*IdOf)() == removed) {
                list.removeAt(row);
                return;
            }
        }
    }

private:
    bool m_collecting = false;
    quint64 m_snapshotId = 0;
    quint32 m_nextIndex = 0;
    QList<Item> m_items;
    QList<Change> m_deferred;
};

} // namespace consult
