#include "queue/WaitingQueue.h"

#include <iterator>

namespace consult {

int WaitingQueue::enqueue(const QString &id)
{
    if (id.isEmpty() || m_index.contains(id))
        return 0;
    const int position = size() + 1;
    m_entries.push_back(Entry{id, position});
    m_index.insert(id, std::prev(m_entries.end()));
    return position;
}

QList<PositionChange> WaitingQueue::remove(const QString &id)
{
    const auto found = m_index.constFind(id);
    if (found == m_index.constEnd())
        return {};
    return erase(found.value());
}

std::optional<WaitingQueue::TakenFront> WaitingQueue::takeFront()
{
    if (m_entries.empty())
        return std::nullopt;
    QString id = m_entries.front().id;
    QList<PositionChange> changes = erase(m_entries.begin());
    return TakenFront{std::move(id), std::move(changes)};
}

std::optional<QString> WaitingQueue::front() const
{
    if (m_entries.empty())
        return std::nullopt;
    return m_entries.front().id;
}

int WaitingQueue::positionOf(const QString &id) const
{
    const auto found = m_index.constFind(id);
    return found == m_index.constEnd() ? 0 : found.value()->position;
}

QList<PositionChange> WaitingQueue::erase(std::list<Entry>::iterator at)
{
    m_index.remove(at->id);
    QList<PositionChange> changes;
    // Everyone behind moves up by one; nobody in front is touched, which is what keeps a removal
    // near the tail cheap. The count of followers is known, so the list is allocated once.
    changes.reserve(size() + 1 - at->position);
    for (auto behind = m_entries.erase(at); behind != m_entries.end(); ++behind) {
        --behind->position;
        changes.append(PositionChange{behind->id, behind->position});
    }
    return changes;
}

} // namespace consult
