#include "PageUploader.h"

#include "client/ClientConnection.h"
#include "client/transfer/SequencedUpload.h"

#include <QLoggingCategory>

#include <algorithm>

namespace consult {

namespace {
Q_LOGGING_CATEGORY(lcPageUploader, "consult.client.whiteboard.upload")
} // namespace

PageUploader::PageUploader(ClientConnection &connection, std::string consultationId, quint32 streamId, QObject *parent)
    : QObject(parent)
    , m_consultationId(std::move(consultationId))
{
    auto makeChunk = [this](const SequencedUpload::Item &item, qint64 offset, qint64 length) {
        const Waiting &waiting = m_waiting.at(item.tag);
        wire::Envelope envelope;
        wire::BoardPageData *data = envelope.mutable_board_page_data();
        data->set_consultation_id(m_consultationId);
        data->set_document_id(waiting.key.document);
        data->set_page_index(waiting.key.page);
        data->set_format(waiting.page.format);
        data->set_total_bytes(quint32(item.bytes.size()));
        data->set_offset(quint32(offset));
        data->set_data(item.bytes.constData() + offset, std::size_t(length));
        data->set_preview(waiting.page.preview);
        return envelope;
    };
    auto readChunk = [this](const wire::Envelope &envelope) -> std::optional<SequencedUpload::ChunkOf> {
        if (envelope.body_case() != wire::Envelope::kBoardPageData || m_upload->items().empty())
            return std::nullopt;
        const wire::BoardPageData &data = envelope.board_page_data();
        const Waiting &front = waitingAt(0);
        // Pages leave whole and in queue order, so the numbered chunk continues the first page.
        if (front.key != board::PageKey{data.document_id(), data.page_index()} ||
            data.preview() != front.page.preview) {
            qCWarning(lcPageUploader) << "a numbered chunk does not continue the page under way";
            return std::nullopt;
        }
        return SequencedUpload::ChunkOf{m_upload->items().front().tag, qint64(data.offset()),
                                        qint64(data.data().size())};
    };
    m_upload = std::make_unique<SequencedUpload>(connection, streamId, board::PageLimits::kChunkBytes,
                                                 std::move(makeChunk), std::move(readChunk));
    connect(m_upload.get(), &SequencedUpload::chunkNumbered, this, &PageUploader::onNumbered);
}

PageUploader::~PageUploader()
{
    stop();
}

int PageUploader::pagesWaiting() const
{
    return int(m_upload->items().size());
}

void PageUploader::add(board::PageKey key, const board::PageImage &page, bool first)
{
    if (m_stopped || page.bytes.isEmpty() || (page.preview && !first))
        return;
    const auto &items = m_upload->items();
    // A preview behind its own page image would only be refused: the page is there first.
    if (page.preview && std::any_of(m_waiting.cbegin(), m_waiting.cend(), [&](const auto &queued) {
            return queued.second.key == key && !queued.second.page.preview;
        }))
        return;
    if (items.empty()) {
        m_sentBytes = 0;
        m_totalBytes = 0;
    }
    std::size_t at = m_upload->firstUnstarted();
    if (!first) {
        while (at < items.size() && !before(key, waitingAt(at).key))
            ++at;
    } else if (!page.preview && at < items.size() && waitingAt(at).key == key && waitingAt(at).page.preview) {
        ++at; // behind its own preview
    }
    const quint64 tag = m_nextTag++;
    m_waiting.emplace(tag, Waiting{key, page});
    m_totalBytes += page.bytes.size();
    Q_EMIT progress(m_sentBytes, m_totalBytes);
    m_upload->insert(at, tag, page.bytes);
}

void PageUploader::prioritise(board::PageKey key)
{
    if (m_stopped)
        return;
    const auto &items = m_upload->items();
    // A preview is worth its bytes only while its page is shown.
    for (std::size_t i = m_upload->firstUnstarted(); i < items.size();) {
        const Waiting &waiting = waitingAt(i);
        if (waiting.page.preview && waiting.key != key) {
            m_totalBytes -= waiting.page.bytes.size();
            m_waiting.erase(items[i].tag);
            m_upload->takeUnstarted(i);
        } else {
            ++i;
        }
    }
    // The page's preview (if queued) to the front, then the page image behind it.
    for (const bool preview : {true, false}) {
        std::size_t found = m_upload->firstUnstarted();
        while (found < items.size() && !(waitingAt(found).key == key && waitingAt(found).page.preview == preview))
            ++found;
        if (found == items.size())
            continue; // not queued, or already under way
        std::optional<SequencedUpload::Item> item = m_upload->takeUnstarted(found);
        std::size_t at = m_upload->firstUnstarted();
        if (!preview && at < items.size() && waitingAt(at).key == key && waitingAt(at).page.preview)
            ++at;
        m_upload->insert(at, item->tag, std::move(item->bytes));
    }
}

void PageUploader::stop()
{
    m_stopped = true;
    m_upload->stop();
    m_waiting.clear();
}

void PageUploader::onNumbered(quint64 tag, qint64 length, bool complete)
{
    const auto found = m_waiting.find(tag);
    if (found == m_waiting.end())
        return;
    m_sentBytes += length;
    const board::PageKey key = found->second.key;
    const bool preview = found->second.page.preview;
    if (complete)
        m_waiting.erase(found);
    Q_EMIT progress(m_sentBytes, m_totalBytes);
    if (complete && !preview)
        Q_EMIT pageSent(key);
}

const PageUploader::Waiting &PageUploader::waitingAt(std::size_t index) const
{
    return m_waiting.at(m_upload->items()[index].tag);
}

bool PageUploader::before(board::PageKey a, board::PageKey b)
{
    return a.document != b.document ? a.document < b.document : a.page < b.page;
}

} // namespace consult
