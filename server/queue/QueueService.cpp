#include "QueueService.h"

#include "core/Clock.h"
#include "core/SecureRandom.h"
#include "presence/AdvisorRoster.h"
#include "session/SessionRegistry.h"
#include "snapshots/SnapshotCursor.h"

namespace consult {

namespace {

// The queue as it was when an advisor logged in, handed out page by page.
class QueueSnapshotSource final : public SnapshotSource
{
public:
    using Cursor = SnapshotCursor<wire::QueueEntry>;

    QueueSnapshotSource(QStringList entryIds, Cursor::Lookup lookup)
        : m_cursor(std::move(entryIds), std::move(lookup))
    {}

    wire::SnapshotPage &fillPage(wire::Envelope &envelope, const PageLimits &limits) override
    {
        wire::QueueSnapshot *page = envelope.mutable_queue_snapshot();
        m_cursor.fill(*page->mutable_entries(), limits);
        return *page->mutable_page();
    }

    bool exhausted() override { return m_cursor.exhausted(); }

private:
    Cursor m_cursor;
};

} // namespace

QueueService::QueueService(Settings settings, SessionRegistry &registry, AdvisorRoster &roster,
                           const OpeningHours &hours, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_registry(registry)
    , m_roster(roster)
    , m_hours(hours)
    , m_clock(clock)
    , m_expectedWait(settings.expectedWait)
    , m_pager([&registry](quint64 sessionId) { return registry.find(sessionId); }, settings.paging)
{}

std::optional<QString> QueueService::enqueue(Entry entry)
{
    if (isFull())
        return std::nullopt;
    entry.id = SecureRandom::identifier();
    entry.enqueuedAtMs = m_clock.nowMs();
    const int position = m_queue.enqueue(entry.id);
    if (position == 0)
        return std::nullopt;
    Entry &stored = m_entries.insert(entry.id, std::move(entry)).value();
    sendStatus(stored, position, true);

    wire::Envelope added;
    *added.mutable_queue_entry_added()->mutable_entry() = toWire(stored);
    m_roster.broadcast(added);
    return stored.id;
}

void QueueService::leave(const QString &entryId)
{
    if (!m_entries.contains(entryId))
        return;
    removeAndPublish(entryId, m_queue.remove(entryId));
}

std::optional<QueueService::Entry> QueueService::takeNext()
{
    const auto front = m_queue.front();
    if (!front)
        return std::nullopt;
    return take(*front);
}

std::optional<QueueService::Entry> QueueService::takeNext(const std::function<bool(const Entry &)> &canServe)
{
    for (const WaitingQueue::Entry &waiting : m_queue) {
        const auto it = m_entries.constFind(waiting.id);
        if (it != m_entries.cend() && canServe(it.value()))
            return take(waiting.id); // leaves the loop before the queue changes
    }
    return std::nullopt;
}

const QueueService::Entry *QueueService::find(const QString &entryId) const
{
    const auto it = m_entries.constFind(entryId);
    return it == m_entries.cend() ? nullptr : &it.value();
}

std::optional<QueueService::Entry> QueueService::take(const QString &entryId)
{
    if (!m_entries.contains(entryId))
        return std::nullopt;
    return removeAndPublish(entryId, m_queue.remove(entryId));
}

void QueueService::updateSystemCheck(const QString &entryId, const wire::SystemCheck &check)
{
    const auto it = m_entries.find(entryId);
    if (it == m_entries.end())
        return;
    it->systemCheck = check;
    wire::Envelope updated;
    *updated.mutable_queue_entry_updated()->mutable_entry() = toWire(it.value());
    m_roster.broadcast(updated);
}

std::optional<QueueService::Entry> QueueService::removeAndPublish(const QString &entryId, QList<PositionChange> changes)
{
    std::optional<Entry> removed = m_entries.take(entryId);
    wire::Envelope envelope;
    envelope.mutable_queue_entry_removed()->set_entry_id(entryId.toStdString());
    m_roster.broadcast(envelope);
    // Only those behind the one who left moved up.
    for (const PositionChange &change : changes) {
        auto it = m_entries.find(change.id);
        if (it != m_entries.end())
            sendStatus(it.value(), change.position, false);
    }
    return removed;
}

void QueueService::refreshAll()
{
    for (auto it = m_queue.begin(); it != m_queue.end(); ++it) {
        auto entry = m_entries.find(it->id);
        if (entry != m_entries.end())
            sendStatus(entry.value(), it->position, false);
    }
}

void QueueService::recordHandlingTime(std::chrono::seconds duration)
{
    m_expectedWait.recordHandlingTime(duration);
    refreshAll();
}

void QueueService::sendStatus(Entry &entry, int position, bool force)
{
    const int freePlaces = m_roster.freePlaces();
    const auto estimate = m_expectedWait.estimate(position, m_roster.staffedPlaces(), freePlaces);
    const int waitSeconds = estimate ? static_cast<int>(estimate->count()) : -1;
    const bool busy = freePlaces == 0;
    if (!force && entry.shownPosition == position && entry.shownWaitSeconds == waitSeconds && entry.shownBusy == busy)
        return;
    entry.shownPosition = position;
    entry.shownWaitSeconds = waitSeconds;
    entry.shownBusy = busy;

    Session *session = m_registry.find(entry.sessionId);
    if (!session)
        return;
    wire::Envelope envelope;
    auto *status = envelope.mutable_queue_status();
    status->set_state(wire::QUEUE_STATE_WAITING);
    status->set_position(static_cast<quint32>(position));
    status->set_expected_wait_seconds(waitSeconds);
    status->set_all_advisors_busy(busy);
    *status->mutable_service_hours() = serviceHours(entry.language);
    session->send(std::move(envelope));
}

QueueService::WaitingFigures QueueService::waitingFigures() const
{
    WaitingFigures figures;
    for (const Entry &entry : m_entries) {
        if (entry.mode == wire::CONSULTATION_MODE_VIDEO)
            ++figures.video;
        else
            ++figures.chat;
        if (figures.oldestEnqueuedAtMs == 0 || entry.enqueuedAtMs < figures.oldestEnqueuedAtMs)
            figures.oldestEnqueuedAtMs = entry.enqueuedAtMs;
    }
    return figures;
}

wire::QueueSnapshot QueueService::snapshot() const
{
    wire::QueueSnapshot snapshot;
    for (auto it = m_queue.begin(); it != m_queue.end(); ++it) {
        const auto entry = m_entries.constFind(it->id);
        if (entry != m_entries.cend())
            *snapshot.add_entries() = toWire(entry.value());
    }
    return snapshot;
}

void QueueService::sendSnapshot(Session &advisor)
{
    // Only the ids are copied: 10,000 waiting customers cost an advisor's log-in a list of ids, and
    // each entry is encoded when its page goes out.
    QStringList ids;
    ids.reserve(m_queue.size());
    for (auto it = m_queue.begin(); it != m_queue.end(); ++it)
        ids.append(it->id);
    m_pager.send(advisor, std::make_unique<QueueSnapshotSource>(std::move(ids),
                                                                [this](const QString &id) { return findWire(id); }));
}

std::optional<wire::QueueEntry> QueueService::findWire(const QString &entryId) const
{
    const auto entry = m_entries.constFind(entryId);
    if (entry == m_entries.cend())
        return std::nullopt;
    return toWire(entry.value());
}

wire::ServiceHours QueueService::serviceHours(const QString &language) const
{
    const qint64 minute = m_clock.nowMs() / 60'000;
    const auto cached = m_hoursCache.constFind(language);
    if (cached != m_hoursCache.cend() && cached->first == minute)
        return cached->second;
    wire::ServiceHours hours;
    const QDateTime now = m_clock.now();
    hours.set_open_now(m_hours.isOpen(now));
    hours.set_description(m_hours.describe(language).toStdString());
    if (!hours.open_now()) {
        if (const auto next = m_hours.nextOpening(now))
            hours.set_next_opening(next->toMSecsSinceEpoch());
    }
    m_hoursCache.insert(language, {minute, hours});
    return hours;
}

wire::QueueEntry QueueService::toWire(const Entry &entry)
{
    wire::QueueEntry out;
    out.set_entry_id(entry.id.toStdString());
    out.set_name(entry.name.toStdString());
    out.set_phone_e164(entry.phoneE164.toStdString());
    out.set_mode(entry.mode);
    out.set_enqueued_at(entry.enqueuedAtMs);
    if (entry.systemCheck)
        *out.mutable_system_check() = *entry.systemCheck;
    return out;
}

QueueService::Waiting QueueService::waiting() const
{
    Waiting waiting;
    for (const Entry &entry : m_entries)
        ++(entry.mode == wire::CONSULTATION_MODE_VIDEO ? waiting.video : waiting.chat);
    return waiting;
}

qint64 QueueService::oldestEnqueuedAtMs() const
{
    const auto front = m_queue.front();
    const Entry *entry = front ? find(*front) : nullptr;
    return entry ? entry->enqueuedAtMs : 0;
}

} // namespace consult
