#pragma once

#include "protocol/consult.pb.h"

#include <QByteArray>
#include <QObject>

#include <deque>
#include <functional>
#include <optional>

namespace consult {

class ClientConnection;

// Sends byte sequences (items: a page image, a document) as numbered chunks through one credited,
// sequenced bulk stream of the client's connection: behind audio, chat and video, each chunk exactly
// once and in order. Items go whole and one after the other; the owner orders the items not yet
// started (a started item keeps its place in front) and makes each chunk's envelope.
//
// A chunk counts as sent when the connection numbered it (the stream's "sent" callback): from then
// on the reliable channel owns it and replays it after a resume. What was only queued in the send
// scheduler is dropped with the socket, so after a resume the upload continues exactly after the
// last numbered chunk: no chunk twice, none skipped. The one implementation of this for the
// whiteboard's PageUploader and the documents' uploads. Owned by its uploader; lives in the
// client's thread.
class SequencedUpload final : public QObject
{
    Q_OBJECT
public:
    struct Item
    {
        quint64 tag = 0; // the owner's name for it
        QByteArray bytes;
        qint64 queued = 0;   // bytes handed to the send scheduler (numbered or not)
        qint64 numbered = 0; // bytes the connection numbered
    };
    // Where a numbered envelope of this stream belongs.
    struct ChunkOf
    {
        quint64 tag = 0;
        qint64 offset = 0;
        qint64 length = 0;
    };
    // The envelope carrying `length` bytes of `item` from `offset`.
    using MakeChunk = std::function<wire::Envelope(const Item &item, qint64 offset, qint64 length)>;
    // The item, offset and length a numbered envelope carries; nullopt if it is none of ours.
    using ReadChunk = std::function<std::optional<ChunkOf>(const wire::Envelope &envelope)>;

    SequencedUpload(ClientConnection &connection, quint32 streamId, qint64 chunkBytes, MakeChunk makeChunk,
                    ReadChunk readChunk, QObject *parent = nullptr);
    ~SequencedUpload() override;

    // The items in sending order; those before firstUnstarted() are under way.
    const std::deque<Item> &items() const { return m_items; }
    std::size_t firstUnstarted() const;
    // Queues an item at `index` (clamped to firstUnstarted()..end) and sends what the credit allows.
    void insert(std::size_t index, quint64 tag, QByteArray bytes);
    void append(quint64 tag, QByteArray bytes) { insert(m_items.size(), tag, std::move(bytes)); }
    // Takes an item not yet started out of the queue (to drop it or insert it elsewhere).
    std::optional<Item> takeUnstarted(std::size_t index);
    // Stops: nothing more is queued or sent; the items are forgotten and the stream closed.
    void stop();
    bool stopped() const { return m_stopped; }

Q_SIGNALS:
    // `length` more bytes of item `tag` were numbered; `complete`: it was its last chunk (the item
    // has left the queue already).
    void chunkNumbered(quint64 tag, qint64 length, bool complete);

private:
    void pump();
    void onSent(const wire::Envelope &envelope);
    void rewind();

    ClientConnection &m_connection;
    const quint32 m_streamId;
    const qint64 m_chunkBytes;
    MakeChunk m_makeChunk;
    ReadChunk m_readChunk;
    std::deque<Item> m_items;
    bool m_streamOpen = false;
    bool m_stopped = false;
};

} // namespace consult
