#pragma once

#include "BoardState.h"

#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>
#include <string>

namespace consult {
class Connection;
class SessionRegistry;
} // namespace consult

namespace consult::whiteboard {

// Carries a board's page images to one participant: each page as BoardPageData chunks of 32 KiB in
// one bulk stream of the participant's connection, behind audio, chat and video, paced by the
// stream's credit. The chunks are sequenced bulk: the session's reliable channel numbers each as it
// leaves, keeps it until the app acknowledges it and replays it after a resume, and the stream's
// `sent` callback says which were numbered. So on a new connection (a resume) delivery continues
// right after the last numbered chunk; what was queued but not numbered is sent anew, and every
// page arrives complete exactly once. When the app acknowledges a page's last chunk, `delivered`
// is told (the advisor's BoardPageDelivered). A preview (BoardPageData.preview) travels the same
// way, flagged, and is not reported delivered: only its page image is. Owned by the WhiteboardService's board of the
// consultation; keeps the session id and looks the session up (THREADING.md). A QObject only so
// that its queued continuations die with it.
class PageDelivery final : public QObject
{
    Q_OBJECT
public:
    // The page image, or with `preview` the page's preview; null when it is gone.
    using PageLookup = std::function<const StoredPage *(PageKey page, bool preview)>;
    using Delivered = std::function<void(PageKey page)>;

    PageDelivery(SessionRegistry &registry, quint64 sessionId, quint32 streamId, std::string consultationId,
                 PageLookup pages, Delivered delivered = {});
    ~PageDelivery() override;

    quint64 sessionId() const { return m_sessionId; }
    // Adds a page (or its preview) to send after those before it.
    void enqueue(PageKey page, bool preview = false);
    // Queues what the stream's credit allows; on a new connection (a resume) opens the stream there
    // first. Called by enqueue, by returned credit, and by the service when the participant resumed.
    void pump();
    // Pages not yet completely numbered.
    int pending() const { return static_cast<int>(m_queue.size()); }

private:
    void onSent(const wire::Envelope &envelope);

    SessionRegistry &m_registry;
    quint64 m_sessionId;
    quint32 m_streamId;
    std::string m_consultationId;
    PageLookup m_pages;
    Delivered m_delivered;
    struct Queued
    {
        PageKey page;
        bool preview = false;
    };

    std::deque<Queued> m_queue;   // the front page is the one being numbered
    qint64 m_numberedOffset = 0;  // bytes of the front page numbered so far
    std::size_t m_handedPage = 0; // where the next chunk handed to the stream comes from
    qint64 m_handedOffset = 0;
    QPointer<Connection> m_connection; // where the stream is open
    bool m_pumping = false;
};

} // namespace consult::whiteboard
