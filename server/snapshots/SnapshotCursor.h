#pragma once

#include "SnapshotPager.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace consult {

// The items of one snapshot, fixed as the list of their ids when the snapshot begins and looked up
// one by one as the pages are built, so that a snapshot in progress costs the ids, not the items. An
// item gone by the time its page is built is skipped: its removal reaches the advisor as a change
// after the snapshot began, and the client applies it after the last page. Items are not changed
// once stored (queue entries and left messages are only added and removed), so a page shows each
// item as it was when the snapshot began. Owned by the SnapshotSource that uses it.
template <typename Item>
class SnapshotCursor
{
public:
    using Lookup = std::function<std::optional<Item>(const QString &id)>;

    SnapshotCursor(QStringList ids, Lookup lookup)
        : m_ids(std::move(ids))
        , m_lookup(std::move(lookup))
    {}

    // Moves the next items into `items` while the page stays within `limits`. A page always gets at
    // least one item when any is left, so even an item larger than the byte bound makes progress.
    void fill(google::protobuf::RepeatedPtrField<Item> &items, const PageLimits &limits)
    {
        qsizetype bytes = 0;
        while (items.size() < limits.maxItems && !exhausted()) {
            // The item as a repeated field holds it: tag and length prefix (at most 5 bytes) included.
            const qsizetype size = static_cast<qsizetype>(m_next->ByteSizeLong()) + 5;
            if (items.size() > 0 && bytes + size > limits.maxBytes)
                return;
            bytes += size;
            *items.Add() = std::move(*m_next);
            m_next.reset();
        }
    }

    // True when no item is left. Looks ahead past items that are gone.
    bool exhausted()
    {
        while (!m_next && m_position < m_ids.size())
            m_next = m_lookup(m_ids.at(m_position++));
        return !m_next;
    }

private:
    QStringList m_ids;
    qsizetype m_position = 0;
    std::optional<Item> m_next; // looked up, not yet on a page
    Lookup m_lookup;
};

} // namespace consult
