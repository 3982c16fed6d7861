#pragma once

#include "protocol/consult.pb.h"

#include <QObject>

#include <functional>
#include <memory>

namespace consult {

class Session;

// How large one page of a snapshot may be (I9). The items of a page are at most
// `maxItems` and, unless a single item alone is larger, at most `maxBytes` encoded; the envelope
// around them adds at most kPageOverheadBytes. Both stay far below the client's 1 MiB frame limit.
struct PageLimits
{
    int maxItems = 256;
    qsizetype maxBytes = 64 * 1024;
    // Sequence number, acknowledgement, body and page header around the items.
    static constexpr qsizetype kPageOverheadBytes = 64;
};

// One snapshot being sent: fixes what it contains when it is created and hands it out page by page.
// Implemented next to the state it shows (the queue, the inbox).
class SnapshotSource
{
public:
    virtual ~SnapshotSource() = default;
    // Fills `envelope` with the next page's items within `limits` and returns that page's header
    // inside the envelope, for the pager to stamp.
    virtual wire::SnapshotPage &fillPage(wire::Envelope &envelope, const PageLimits &limits) = 0;
    // True when every item has been handed out.
    virtual bool exhausted() = 0;
};

// How a SnapshotPager sends: page size, and how many pages of one snapshot may be unacknowledged.
struct PagingSettings
{
    PageLimits page;
    int pagesInFlight = 4;
};

// Sends snapshots to advisors as bounded pages (I9), so that no snapshot is ever larger than a
// message however long the queue or the inbox: a few dozen left messages of maximum length in one
// message would exceed the client's frame limit and lock the advisor out (refused, resumed, sent
// again, forever). Each page is a reliable envelope; the next pages go out only as the advisor
// acknowledges earlier ones, so at most `pagesInFlight` pages of one snapshot are unacknowledged at
// a time, far inside the reliable channel's limits (count and bytes) and the outgoing buffer cap,
// whatever the snapshot's size. A resume in the middle costs nothing: the channel replays the
// unacknowledged pages, their acknowledgements bring the rest. One pager per kind of snapshot, owned
// by the service that keeps the state; it numbers that kind's snapshots. A QObject only so that
// the pages it has queued for the next event-loop turn die with it.
class SnapshotPager final : public QObject
{
    Q_OBJECT
public:
    // The session with this id, or null once it has ended (SessionRegistry::find).
    using SessionLookup = std::function<Session *(quint64 sessionId)>;

    explicit SnapshotPager(SessionLookup findSession, PagingSettings settings = {}, QObject *parent = nullptr);

    // Starts sending `source` to `session`: the first pages now, the others as they are acknowledged.
    // An empty snapshot is one page without items. Returns the snapshot's id.
    quint64 send(Session &session, std::unique_ptr<SnapshotSource> source);

    const PagingSettings &settings() const { return m_settings; }

private:
    struct Transfer;
    void pump(Session &session, const std::shared_ptr<Transfer> &transfer);

    SessionLookup m_findSession;
    PagingSettings m_settings;
    quint64 m_lastSnapshotId = 0;
};

} // namespace consult
