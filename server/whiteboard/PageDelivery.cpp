#include "PageDelivery.h"

#include "session/SessionRegistry.h"
#include "whiteboard/PageImage.h"

namespace consult::whiteboard {

PageDelivery::PageDelivery(SessionRegistry &registry, quint64 sessionId, quint32 streamId, std::string consultationId,
                           PageLookup pages, Delivered delivered)
    : m_registry(registry)
    , m_sessionId(sessionId)
    , m_streamId(streamId)
    , m_consultationId(std::move(consultationId))
    , m_pages(std::move(pages))
    , m_delivered(std::move(delivered))
{}

PageDelivery::~PageDelivery()
{
    if (m_connection)
        m_connection->closeBulkStream(m_streamId);
}

void PageDelivery::enqueue(PageKey page, bool preview)
{
    m_queue.push_back({page, preview});
    pump();
}

void PageDelivery::pump()
{
    // Queuing may write at once, report the chunk numbered, or return credit, from inside.
    if (m_pumping)
        return;
    Session *session = m_registry.find(m_sessionId);
    Connection *connection = session ? session->connection() : nullptr;
    if (!connection || !connection->isOpen() || session->stage() == Session::Stage::Closing)
        return;
    if (connection != m_connection) {
        // A new connection: the channel replays what the old one numbered; the rest starts again
        // right after it.
        if (m_connection)
            m_connection->closeBulkStream(m_streamId);
        m_connection = connection;
        m_handedPage = 0;
        m_handedOffset = m_numberedOffset;
        QPointer<PageDelivery> self(this);
        connection->openBulkStream(
            m_streamId,
            [self] {
                if (self)
                    self->pump();
            },
            [self](const wire::Envelope &envelope) {
                if (self)
                    self->onSent(envelope);
            });
    }
    m_pumping = true;
    while (m_handedPage < m_queue.size() && m_connection && m_connection->bulkCredit(m_streamId) > 0) {
        const PageKey key = m_queue[m_handedPage].page;
        const bool preview = m_queue[m_handedPage].preview;
        const StoredPage *page = m_pages(key, preview);
        if (!page) { // gone with its board: nothing more to send
            m_queue.clear();
            break;
        }
        const auto total = static_cast<qint64>(page->bytes.size());
        const qint64 size = qMin<qint64>(board::PageLimits::kChunkBytes, total - m_handedOffset);
        wire::Envelope envelope;
        auto *chunk = envelope.mutable_board_page_data();
        chunk->set_consultation_id(m_consultationId);
        chunk->set_document_id(key.documentId);
        chunk->set_page_index(key.pageIndex);
        chunk->set_format(page->format);
        chunk->set_total_bytes(static_cast<quint32>(total));
        chunk->set_offset(static_cast<quint32>(m_handedOffset));
        chunk->set_data(page->bytes.constData() + m_handedOffset, static_cast<std::size_t>(size));
        chunk->set_preview(preview);
        // The cursor moves first: the chunk may be numbered (onSent) inside sendBulk.
        const std::size_t handedPage = m_handedPage;
        const qint64 handedOffset = m_handedOffset;
        m_handedOffset += size;
        if (m_handedOffset >= total) {
            ++m_handedPage;
            m_handedOffset = 0;
        }
        if (!m_connection->sendBulk(m_streamId, std::move(envelope))) {
            m_handedPage = handedPage;
            m_handedOffset = handedOffset;
            break;
        }
    }
    m_pumping = false;
}

void PageDelivery::onSent(const wire::Envelope &envelope)
{
    if (!envelope.has_board_page_data() || m_queue.empty())
        return;
    const wire::BoardPageData &chunk = envelope.board_page_data();
    m_numberedOffset = qint64(chunk.offset()) + qint64(chunk.data().size());
    if (m_numberedOffset < qint64(chunk.total_bytes()))
        return;
    // The page's last chunk is numbered: from here on it is the reliable channel's to deliver.
    const PageKey page = m_queue.front().page;
    const bool preview = m_queue.front().preview;
    m_queue.pop_front();
    m_numberedOffset = 0;
    if (m_handedPage > 0)
        --m_handedPage;
    Session *session = m_registry.find(m_sessionId);
    if (!m_delivered || !session || preview)
        return;
    QPointer<PageDelivery> self(this);
    session->whenAcknowledged(envelope.seq(), [self, page] {
        // Told on the next turn: the advisor may be told while this session replays (THREADING.md).
        if (self)
            QMetaObject::invokeMethod(
                self.data(),
                [self, page] {
                    if (self && self->m_delivered)
                        self->m_delivered(page);
                },
                Qt::QueuedConnection);
    });
}

} // namespace consult::whiteboard
