#include "SequencedUpload.h"

#include "client/ClientConnection.h"

#include <QLoggingCategory>

#include <algorithm>

namespace consult {

namespace {
Q_LOGGING_CATEGORY(lcSequencedUpload, "consult.client.upload")
} // namespace

SequencedUpload::SequencedUpload(ClientConnection &connection, quint32 streamId, qint64 chunkBytes, MakeChunk makeChunk,
                                 ReadChunk readChunk, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_streamId(streamId)
    , m_chunkBytes(qMax<qint64>(1, chunkBytes))
    , m_makeChunk(std::move(makeChunk))
    , m_readChunk(std::move(readChunk))
{
    // The scheduler forgets what it still held when the socket goes; the reliable channel keeps
    // only what was numbered. So on a new socket the upload continues after the last numbered chunk.
    connect(&m_connection, &ClientConnection::stateChanged, this, [this](ClientConnection::State state) {
        if (state != ClientConnection::State::Connected)
            rewind();
    });
    connect(&m_connection, &ClientConnection::resumed, this, [this] {
        rewind();
        pump();
    });
}

SequencedUpload::~SequencedUpload()
{
    stop();
}

std::size_t SequencedUpload::firstUnstarted() const
{
    const auto found =
        std::find_if(m_items.cbegin(), m_items.cend(), [](const Item &item) { return item.queued == 0; });
    return std::size_t(found - m_items.cbegin());
}

void SequencedUpload::insert(std::size_t index, quint64 tag, QByteArray bytes)
{
    if (m_stopped || bytes.isEmpty())
        return;
    index = std::clamp(index, firstUnstarted(), m_items.size());
    m_items.insert(m_items.begin() + std::ptrdiff_t(index), Item{tag, std::move(bytes), 0, 0});
    pump();
}

std::optional<SequencedUpload::Item> SequencedUpload::takeUnstarted(std::size_t index)
{
    if (index < firstUnstarted() || index >= m_items.size())
        return std::nullopt;
    Item item = std::move(m_items[index]);
    m_items.erase(m_items.begin() + std::ptrdiff_t(index));
    return item;
}

void SequencedUpload::stop()
{
    m_stopped = true;
    m_items.clear();
    if (m_streamOpen)
        m_connection.closeBulkStream(m_streamId);
    m_streamOpen = false;
}

void SequencedUpload::pump()
{
    if (m_stopped || m_items.empty())
        return;
    if (!m_streamOpen) {
        m_connection.openBulkStream(
            m_streamId, [this] { pump(); }, [this](const wire::Envelope &envelope) { onSent(envelope); });
        m_streamOpen = true;
    }
    for (Item &item : m_items) {
        const qint64 size = item.bytes.size();
        while (item.queued < size) {
            if (m_connection.bulkCredit(m_streamId) <= 0)
                return; // the credit callback or the resume continues
            const qint64 length = std::min(m_chunkBytes, size - item.queued);
            if (!m_connection.sendBulk(m_streamId, m_makeChunk(item, item.queued, length)))
                return;
            item.queued += length;
        }
    }
}

void SequencedUpload::onSent(const wire::Envelope &envelope)
{
    const std::optional<ChunkOf> chunk = m_readChunk(envelope);
    if (!chunk || m_items.empty())
        return;
    Item &front = m_items.front();
    // Items leave whole and in queue order, so the numbered chunk continues the first item.
    if (chunk->tag != front.tag || chunk->offset != front.numbered) {
        qCWarning(lcSequencedUpload) << "a numbered chunk does not continue the item under way";
        return;
    }
    front.numbered += chunk->length;
    const bool complete = front.numbered >= front.bytes.size();
    const quint64 tag = front.tag;
    if (complete)
        m_items.pop_front();
    Q_EMIT chunkNumbered(tag, chunk->length, complete);
}

void SequencedUpload::rewind()
{
    m_streamOpen = false; // a stream lives as long as its socket: opened again on the next one
    for (Item &item : m_items)
        item.queued = item.numbered;
}

} // namespace consult
