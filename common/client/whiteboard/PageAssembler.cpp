#include "PageAssembler.h"

namespace consult {

PageAssembler::PageAssembler(PageSizeOf pageSizeOf)
    : m_pageSizeOf(std::move(pageSizeOf))
{}

PageAssembler::Outcome PageAssembler::add(const wire::BoardPageData &chunk)
{
    const board::PageKey key{chunk.document_id(), chunk.page_index()};
    const QSize pageSize = m_pageSizeOf ? m_pageSizeOf(key) : QSize();
    const bool preview = chunk.preview();
    const QSize size = preview ? board::previewSize(pageSize) : pageSize;
    const qint64 total = chunk.total_bytes();
    const qint64 offset = chunk.offset();
    const qint64 length = qint64(chunk.data().size());
    const bool knownFormat =
        chunk.format() == wire::BOARD_IMAGE_FORMAT_PNG || chunk.format() == wire::BOARD_IMAGE_FORMAT_JPEG;
    if (!key.isValid() || !size.isValid() || (preview && !board::hasPreview(pageSize)) || !knownFormat || total <= 0 ||
        total > kMaxPageBytes || length <= 0 || length > board::PageLimits::kChunkBytes || offset + length > total ||
        m_bytesHeld + length > kMaxBytesHeld)
        return broken(key);

    auto it = m_pages.find(key);
    if (it == m_pages.end()) {
        if (offset != 0)
            return broken(key); // the start of this page never came: nothing to continue
        Partial partial;
        partial.total = total;
        partial.page.format = chunk.format();
        partial.page.size = size;
        partial.page.preview = preview;
        partial.page.bytes.reserve(qsizetype(total));
        it = m_pages.insert(key, std::move(partial));
    } else if (offset == 0 && !it->page.bytes.isEmpty()) {
        // The page starts over (the advisor sent it again, e.g. after a transfer's snapshot): the new
        // copy replaces the unfinished one.
        m_bytesHeld -= it->page.bytes.size();
        it->page.bytes.clear();
        it->total = total;
        it->page.format = chunk.format();
        it->page.size = size;
        it->page.preview = preview;
    } else if (offset != it->page.bytes.size() || total != it->total || chunk.format() != it->page.format ||
               preview != it->page.preview) {
        return broken(key);
    }
    it->page.bytes.append(chunk.data().data(), qsizetype(length));
    m_bytesHeld += length;
    if (it->page.bytes.size() < it->total)
        return {Outcome::Kind::Incomplete, key, {}};

    Outcome complete{Outcome::Kind::Complete, key, std::move(it->page)};
    m_bytesHeld -= complete.page.bytes.size();
    m_pages.erase(it);
    return complete;
}

void PageAssembler::clear()
{
    m_pages.clear();
    m_bytesHeld = 0;
}

PageAssembler::Outcome PageAssembler::broken(board::PageKey key)
{
    if (const auto it = m_pages.constFind(key); it != m_pages.constEnd()) {
        m_bytesHeld -= it->page.bytes.size();
        m_pages.erase(it);
    }
    return {Outcome::Kind::Broken, key, {}};
}

} // namespace consult
