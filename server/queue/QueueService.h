#pragma once

#include "ExpectedWait.h"
#include "OpeningHours.h"
#include "WaitingQueue.h"
#include "protocol/consult.pb.h"
#include "snapshots/SnapshotPager.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace consult {

class AdvisorRoster;
class Clock;
class Session;
class SessionRegistry;

// The live waiting queue as customers and advisors see it. Keeps who waits (the FIFO of the
// WaitingQueue plus what advisors see of each customer), and sends every waiting customer their
// position, expected wait and whether all advisors are busy whenever one of these changes for them,
// and every advisor each arrival and departure (lesson 1, 15). Sends only what changed: a change
// costs O(customers whose figures changed) messages.
class QueueService final : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int maxLength = 10'000;
        ExpectedWaitSettings expectedWait;
        PagingSettings paging; // the queue snapshot advisors get at log-in (I9)
    };

    struct Entry
    {
        QString id;
        quint64 sessionId = 0;
        QString name;
        QString phoneE164;
        wire::ConsultationMode mode = wire::CONSULTATION_MODE_CHAT;
        std::optional<wire::SystemCheck> systemCheck; // video consultation only
        QString language;
        qint64 enqueuedAtMs = 0;
        // What the customer was last told, to send only changes.
        int shownPosition = 0;
        int shownWaitSeconds = -2; // never sent
        bool shownBusy = false;
    };

    QueueService(Settings settings, SessionRegistry &registry, AdvisorRoster &roster, const OpeningHours &hours,
                 const Clock &clock, QObject *parent = nullptr);

    // Appends a customer. Returns the entry id, or nothing when the queue is full.
    std::optional<QString> enqueue(Entry entry);
    // Removes a waiting customer who leaves (gone, or turned the wait into a message).
    void leave(const QString &entryId);
    // An advisor takes the next customer or a chosen one; the entry leaves the queue.
    std::optional<Entry> takeNext();
    // The oldest waiting customer for whom `canServe` holds (an advisor in a video consultation can
    // serve text-chat customers only); nothing if there is none. O(customers before that one).
    std::optional<Entry> takeNext(const std::function<bool(const Entry &)> &canServe);
    // A waiting customer, or null.
    const Entry *find(const QString &entryId) const;
    std::optional<Entry> take(const QString &entryId);
    // A waiting customer's repeated system check: the entry keeps its place, the advisors are told.
    void updateSystemCheck(const QString &entryId, const wire::SystemCheck &check);

    // Counts of the queue for the supervisor overview (issue 14): nothing about any one customer.
    struct WaitingFigures
    {
        int chat = 0;
        int video = 0;
        qint64 oldestEnqueuedAtMs = 0; // 0 when nobody waits
    };
    WaitingFigures waitingFigures() const;

    bool contains(const QString &entryId) const { return m_entries.contains(entryId); }
    int length() const { return m_queue.size(); }
    bool isFull() const { return m_queue.size() >= m_settings.maxLength; }
    // Who waits now, by wanted mode: a pass over the waiting customers, for the metrics.
    struct Waiting
    {
        int chat = 0;
        int video = 0;
    };
    Waiting waiting() const;
    // Since when the customer at the head of the queue waits; 0 when nobody waits.
    qint64 oldestEnqueuedAtMs() const;

    // The whole queue in one message, for checks; advisors get it paged (sendSnapshot).
    wire::QueueSnapshot snapshot() const;
    // Sends the queue as it is now to an advisor who has just logged in, in bounded pages (I9); the
    // arrivals and departures from now on reach them as changes.
    void sendSnapshot(Session &advisor);
    wire::ServiceHours serviceHours(const QString &language) const;

    // A consultation ended after `duration`: the estimate follows recent handling times.
    void recordHandlingTime(std::chrono::seconds duration);
    // Staffing changed (log-in, pause, a place taken or freed): refresh everyone whose figures changed.
    void refreshAll();

private:
    void sendStatus(Entry &entry, int position, bool force);
    std::optional<Entry> removeAndPublish(const QString &entryId, QList<PositionChange> changes);
    static wire::QueueEntry toWire(const Entry &entry);
    std::optional<wire::QueueEntry> findWire(const QString &entryId) const;

    Settings m_settings;
    SessionRegistry &m_registry;
    AdvisorRoster &m_roster;
    const OpeningHours &m_hours;
    const Clock &m_clock;
    WaitingQueue m_queue;
    ExpectedWait m_expectedWait;
    SnapshotPager m_pager;
    QHash<QString, Entry> m_entries;
    // serviceHours() per language, valid for the minute it was computed in.
    mutable QHash<QString, QPair<qint64, wire::ServiceHours>> m_hoursCache;
};

} // namespace consult
