#pragma once

#include "DocumentVault.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <string>

namespace consult {
class Connection;
class SessionRegistry;
namespace wire {
class Envelope;
}
} // namespace consult

namespace consult::documents {

// Carries one document to one participant (a download): its blocks, read from the vault file and
// opened one at a time (never the whole file in RAM), as DocumentChunks of 32 KiB in a bulk stream of
// the participant's connection, behind audio, chat and video, paced by the stream's credit. The
// chunks are sequenced bulk, as the whiteboard's PageDelivery sends page images: the reliable channel
// numbers each as it leaves and replays it after a resume, and the stream's `sent` callback says
// which were numbered, so on a new connection delivery continues right after the last numbered chunk.
// `finished` is told (on the next turn) once the last chunk is numbered. Owned by the
// DocumentService's consultation; destroying it stops the download (what was not numbered is not
// sent). A QObject only so that its queued continuations die with it.
class DocumentDelivery final : public QObject
{
    Q_OBJECT
public:
    DocumentDelivery(SessionRegistry &registry, quint64 sessionId, quint32 streamId, std::string consultationId,
                     quint32 transferId, std::shared_ptr<VaultFile> file, std::function<void()> finished);
    ~DocumentDelivery() override;

    quint64 sessionId() const { return m_sessionId; }
    const std::shared_ptr<VaultFile> &file() const { return m_file; }
    // Queues what the stream's credit allows; on a new connection (a resume) opens the stream there
    // first. Called at the start, by returned credit, and by the service when the participant resumed.
    void pump();

private:
    void onSent(const wire::Envelope &envelope);

    SessionRegistry &m_registry;
    quint64 m_sessionId;
    quint32 m_streamId;
    std::string m_consultationId;
    quint32 m_transferId;
    std::shared_ptr<VaultFile> m_file;
    VaultReader m_reader;
    std::function<void()> m_finished;
    qint64 m_numberedBlocks = 0; // blocks the reliable channel has numbered
    qint64 m_handedBlocks = 0;   // blocks handed to the stream on the current connection
    QPointer<Connection> m_connection;
    bool m_pumping = false;
    bool m_failed = false;
};

} // namespace consult::documents
