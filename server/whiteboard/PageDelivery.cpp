#include "PageDelivery.h"

#include "session/SessionRegistry.h"
#include "whiteboard/PageImage.h"

#include <QPointer>

namespace consult::whiteboard {

PageDelivery::PageDelivery(SessionRegistry &registry, quint64 sessionId, std::string consultationId, PageLookup pages,
                           Delivered delivered)
    : m_registry(registry)
    , m_sessionId(sessionId)
    , m_consultationId(std::move(consultationId))
    , m_pages(std::move(pages))
    , m_delivered(std::move(delivered))
{}

void PageDelivery::enqueue(PageKey page)
{
    m_queue.push_back(page);
    pump();
}

void PageDelivery::pump()
{
    Session *session = m_registry.find(m_sessionId);
    if (!session || session->stage() == Session::Stage::Closing)
        return;
    while (!m_queue.empty() && m_inFlight < kWindowChunks) {
        const PageKey key = m_queue.front();
        const StoredPage *page = m_pages(key);
        if (!page) { // gone with its board: nothing more to send
            m_queue.clear();
            return;
        }
        const auto total = static_cast<qint64>(page->bytes.size());
        const qint64 size = qMin<qint64>(board::PageLimits::kChunkBytes, total - m_offset);
        wire::Envelope envelope;
        auto *chunk = envelope.mutable_board_page_data();
        chunk->set_consultation_id(m_consultationId);
        chunk->set_document_id(key.documentId);
        chunk->set_page_index(key.pageIndex);
        chunk->set_format(page->format);
        chunk->set_total_bytes(static_cast<quint32>(total));
        chunk->set_offset(static_cast<quint32>(m_offset));
        chunk->set_data(page->bytes.constData() + m_offset, static_cast<std::size_t>(size));
        const quint64 seq = session->send(std::move(envelope));
        if (seq == 0)
            return; // the session is broken; the registry ends it
        m_offset += size;
        const bool last = m_offset >= total;
        if (last) {
            m_queue.pop_front();
            m_offset = 0;
        }
        ++m_inFlight;
        QPointer<PageDelivery> self(this);
        session->whenAcknowledged(seq, [self, last, key] {
            // Not from inside the acknowledgement: a resume applies it before it replays what the
            // app missed, and a chunk sent now would overtake that replay (THREADING.md).
            if (self)
                QMetaObject::invokeMethod(
                    self.data(), [self, last, key] { self->acknowledged(last, key); }, Qt::QueuedConnection);
        });
    }
}

void PageDelivery::acknowledged(bool lastOfPage, PageKey page)
{
    --m_inFlight;
    if (lastOfPage && m_delivered)
        m_delivered(page);
    pump();
}

} // namespace consult::whiteboard
