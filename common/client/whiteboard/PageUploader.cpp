#include "PageUploader.h"

#include "client/ClientConnection.h"

#include <QLoggingCategory>

#include <algorithm>

namespace consult {

namespace {
Q_LOGGING_CATEGORY(lcPageUploader, "consult.client.whiteboard.upload")
} // namespace

PageUploader::PageUploader(ClientConnection &connection, std::string consultationId, quint32 streamId, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_consultationId(std::move(consultationId))
    , m_streamId(streamId)
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

PageUploader::~PageUploader()
{
    stop();
}

void PageUploader::add(board::PageKey key, const board::PageImage &page, bool first)
{
    if (m_stopped || page.bytes.isEmpty() || (page.preview && !first))
        return;
    // A preview behind its own page image would only be refused: the page is there first.
    if (page.preview && std::any_of(m_uploads.cbegin(), m_uploads.cend(),
                                    [&](const Upload &queued) { return queued.key == key && !queued.page.preview; }))
        return;
    if (m_uploads.empty()) {
        m_sentBytes = 0;
        m_totalBytes = 0;
    }
    Upload upload{key, page, 0, 0};
    auto at = firstUnstarted();
    if (!first)
        at = std::find_if(at, m_uploads.end(), [&](const Upload &queued) { return before(key, queued.key); });
    else if (!page.preview && at != m_uploads.end() && at->key == key && at->page.preview)
        ++at; // behind its own preview
    m_uploads.insert(at, std::move(upload));
    m_totalBytes += page.bytes.size();
    Q_EMIT progress(m_sentBytes, m_totalBytes);
    pump();
}

void PageUploader::prioritise(board::PageKey key)
{
    // A preview is worth its bytes only while its page is shown.
    for (auto it = firstUnstarted(); it != m_uploads.end();) {
        if (it->page.preview && it->key != key) {
            m_totalBytes -= it->page.bytes.size();
            it = m_uploads.erase(it);
        } else {
            ++it;
        }
    }
    // The page's preview (if queued) to the front, then the page image behind it.
    for (const bool preview : {true, false}) {
        const auto found = std::find_if(firstUnstarted(), m_uploads.end(), [&](const Upload &upload) {
            return upload.key == key && upload.page.preview == preview;
        });
        if (found == m_uploads.end())
            continue; // not queued, or already under way
        Upload upload = std::move(*found);
        m_uploads.erase(found);
        auto at = firstUnstarted();
        if (!preview && at != m_uploads.end() && at->key == key && at->page.preview)
            ++at;
        m_uploads.insert(at, std::move(upload));
    }
}

void PageUploader::stop()
{
    m_stopped = true;
    m_uploads.clear();
    if (m_streamOpen)
        m_connection.closeBulkStream(m_streamId);
    m_streamOpen = false;
}

void PageUploader::pump()
{
    if (m_stopped || m_uploads.empty())
        return;
    if (!m_streamOpen) {
        m_connection.openBulkStream(
            m_streamId, [this] { pump(); }, [this](const wire::Envelope &envelope) { onSent(envelope); });
        m_streamOpen = true;
    }
    for (Upload &upload : m_uploads) {
        const qint64 size = upload.page.bytes.size();
        while (upload.queued < size) {
            if (m_connection.bulkCredit(m_streamId) <= 0)
                return; // the credit callback or the resume continues
            const qint64 length = std::min<qint64>(board::PageLimits::kChunkBytes, size - upload.queued);
            wire::Envelope envelope;
            wire::BoardPageData *data = envelope.mutable_board_page_data();
            data->set_consultation_id(m_consultationId);
            data->set_document_id(upload.key.document);
            data->set_page_index(upload.key.page);
            data->set_format(upload.page.format);
            data->set_total_bytes(quint32(size));
            data->set_offset(quint32(upload.queued));
            data->set_data(upload.page.bytes.constData() + upload.queued, std::size_t(length));
            data->set_preview(upload.page.preview);
            if (!m_connection.sendBulk(m_streamId, std::move(envelope)))
                return;
            upload.queued += length;
        }
    }
}

void PageUploader::onSent(const wire::Envelope &envelope)
{
    if (envelope.body_case() != wire::Envelope::kBoardPageData || m_uploads.empty())
        return;
    const wire::BoardPageData &data = envelope.board_page_data();
    Upload &front = m_uploads.front();
    // Pages leave whole and in queue order, so the numbered chunk continues the first page.
    if (front.key != board::PageKey{data.document_id(), data.page_index()} || data.preview() != front.page.preview ||
        data.offset() != front.numbered) {
        qCWarning(lcPageUploader) << "a numbered chunk does not continue the page under way";
        return;
    }
    front.numbered += qint64(data.data().size());
    m_sentBytes += qint64(data.data().size());
    const bool done = front.numbered >= front.page.bytes.size();
    const board::PageKey key = front.key;
    const bool preview = front.page.preview;
    if (done)
        m_uploads.pop_front();
    Q_EMIT progress(m_sentBytes, m_totalBytes);
    if (done && !preview)
        Q_EMIT pageSent(key);
}

void PageUploader::rewind()
{
    m_streamOpen = false; // a stream lives as long as its socket: opened again on the next one
    for (Upload &upload : m_uploads)
        upload.queued = upload.numbered;
}

std::deque<PageUploader::Upload>::iterator PageUploader::firstUnstarted()
{
    return std::find_if(m_uploads.begin(), m_uploads.end(), [](const Upload &upload) { return upload.queued == 0; });
}

bool PageUploader::before(board::PageKey a, board::PageKey b)
{
    return a.document != b.document ? a.document < b.document : a.page < b.page;
}

} // namespace consult
