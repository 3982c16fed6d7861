#pragma once

#include "BoardState.h"

#include <QObject>

#include <deque>
#include <functional>
#include <string>

namespace consult {
class SessionRegistry;
} // namespace consult

namespace consult::whiteboard {

// Carries a board's page images to one participant as BoardPageData chunks of 32 KiB. The chunks
// are sequenced: the session's reliable channel numbers each, keeps it until the participant's app
// acknowledges it and replays it after a resume, so every page arrives complete exactly once,
// whatever the connection does meanwhile. At most kWindowChunks chunks are unacknowledged at a
// time, so a document never fills the connection ahead of the chat and video behind it; the next
// go out as the app acknowledges earlier ones. When the app acknowledges a page's last chunk,
// `delivered` is told (the advisor's BoardPageDelivered).
//
// Until "Transport: sequenced bulk" is on main this sends in the reliable class with that window;
// then the same cursor moves to the connection's sequenced bulk stream (its `sent` callback takes
// the place of the window), behind video as well.
//
// Owned by the WhiteboardService's board of the consultation; keeps the session id and looks the
// session up (THREADING.md). A QObject only so that its queued continuations die with it.
class PageDelivery final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kWindowChunks = 2;

    using PageLookup = std::function<const StoredPage *(PageKey page)>;
    using Delivered = std::function<void(PageKey page)>;

    PageDelivery(SessionRegistry &registry, quint64 sessionId, std::string consultationId, PageLookup pages,
                 Delivered delivered = {});

    quint64 sessionId() const { return m_sessionId; }
    // Adds a page to send after those before it.
    void enqueue(PageKey page);
    // Sends what the window allows. Called by enqueue and by the acknowledgements.
    void pump();
    // Pages not yet completely sent.
    int pending() const { return static_cast<int>(m_queue.size()); }

private:
    void acknowledged(bool lastOfPage, PageKey page);

    SessionRegistry &m_registry;
    quint64 m_sessionId;
    std::string m_consultationId;
    PageLookup m_pages;
    Delivered m_delivered;
    std::deque<PageKey> m_queue; // the front page is the one being sent
    qint64 m_offset = 0;         // bytes of the front page sent so far
    int m_inFlight = 0;          // chunks sent and not yet acknowledged
};

} // namespace consult::whiteboard
