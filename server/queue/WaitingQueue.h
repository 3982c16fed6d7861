#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <list>
#include <optional>

namespace consult {

// A waiting customer whose 1-based position is now `position`.
struct PositionChange
{
    QString id;
    int position = 0;

    friend bool operator==(const PositionChange &, const PositionChange &) = default;
};

// The fair FIFO of waiting customers (lesson 15), owned by the server's queue service. Entries are
// opaque ids; what they stand for (a connection, a readiness report) lives with the owner.
//
// Every operation that moves people reports exactly the entries whose position changed, so the
// owner sends one update per changed customer and nothing else (a change costs O(changed)
// messages). The work done is O(changed) too: positions are stored in the list nodes
// and only the nodes behind a removed entry are touched. Leaving from the tail costs O(1), taking
// the head of 10,000 costs 9,999 updates, which is also the number of messages owed.
//
// Not thread-safe; used from the server's event loop.
class WaitingQueue
{
public:
    struct Entry
    {
        QString id;
        int position = 0; // 1-based
    };
    using const_iterator = std::list<Entry>::const_iterator;

    struct TakenFront
    {
        QString id;
        QList<PositionChange> changes;
    };

    // Appends `id` and returns its 1-based position, or 0 if `id` is empty or already waiting.
    [[nodiscard]] int enqueue(const QString &id);

    // Removes `id` (the customer left or turned the wait into a message). Returns the entries behind
    // it with their new positions, front to back; empty if `id` was the tail or is not waiting.
    QList<PositionChange> remove(const QString &id);

    // Removes the head (an advisor takes the next customer); nullopt if nobody waits.
    std::optional<TakenFront> takeFront();

    std::optional<QString> front() const;
    bool contains(const QString &id) const { return m_index.contains(id); }
    // 1-based position of `id`, or 0 if it is not waiting. O(1).
    int positionOf(const QString &id) const;
    int size() const { return static_cast<int>(m_index.size()); }
    bool isEmpty() const { return m_entries.empty(); }

    // Front to back, for snapshots.
    const_iterator begin() const { return m_entries.cbegin(); }
    const_iterator end() const { return m_entries.cend(); }

private:
    QList<PositionChange> erase(std::list<Entry>::iterator at);

    std::list<Entry> m_entries;
    // std::list iterators stay valid while other nodes are inserted or erased.
    QHash<QString, std::list<Entry>::iterator> m_index;
};

} // namespace consult
