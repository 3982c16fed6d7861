#include "DocumentDelivery.h"

#include "session/SessionRegistry.h"

namespace consult::documents {

DocumentDelivery::DocumentDelivery(SessionRegistry &registry, quint64 sessionId, quint32 streamId,
                                   std::string consultationId, quint32 transferId, std::shared_ptr<VaultFile> file,
                                   std::function<void()> finished)
    : m_registry(registry)
    , m_sessionId(sessionId)
    , m_streamId(streamId)
    , m_consultationId(std::move(consultationId))
    , m_transferId(transferId)
    , m_file(std::move(file))
    , m_reader(m_file)
    , m_finished(std::move(finished))
{}

DocumentDelivery::~DocumentDelivery()
{
    if (m_connection)
        m_connection->closeBulkStream(m_streamId);
}

void DocumentDelivery::pump()
{
    // Queuing may write at once, report the chunk numbered, or return credit, from inside.
    if (m_pumping || m_failed)
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
        m_handedBlocks = m_numberedBlocks;
        QPointer<DocumentDelivery> self(this);
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
    while (m_handedBlocks < m_file->blockCount() && m_connection && m_connection->bulkCredit(m_streamId) > 0) {
        auto block = m_reader.readBlock(m_handedBlocks);
        if (!block) { // the file is gone (removed, the end): nothing more to send
            m_failed = true;
            break;
        }
        wire::Envelope envelope;
        auto *chunk = envelope.mutable_document_chunk();
        chunk->set_consultation_id(m_consultationId);
        chunk->set_transfer_id(m_transferId);
        chunk->set_offset(static_cast<quint64>(m_handedBlocks * VaultFile::kBlockBytes));
        chunk->set_data(block->constData(), static_cast<std::size_t>(block->size()));
        // The cursor moves first: the chunk may be numbered (onSent) inside sendBulk.
        ++m_handedBlocks;
        if (!m_connection->sendBulk(m_streamId, std::move(envelope))) {
            --m_handedBlocks;
            break;
        }
    }
    m_pumping = false;
}

void DocumentDelivery::onSent(const wire::Envelope &envelope)
{
    if (!envelope.has_document_chunk())
        return;
    const wire::DocumentChunk &chunk = envelope.document_chunk();
    m_numberedBlocks = static_cast<qint64>(chunk.offset()) / VaultFile::kBlockBytes + 1;
    if (m_numberedBlocks < m_file->blockCount())
        return;
    // The last chunk is numbered: from here on it is the reliable channel's to deliver.
    QPointer<DocumentDelivery> self(this);
    QMetaObject::invokeMethod(
        this,
        [self] {
            if (self && self->m_finished)
                self->m_finished();
        },
        Qt::QueuedConnection);
}

} // namespace consult::documents
