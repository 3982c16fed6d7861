// Fuzz target: the receiving side of page images (PageAssembler, then PageDecoder::decodeNow on
// every page it completes). The input is a run of BoardPageData messages, each preceded by its
// length (two bytes). Oracles: no crash, no sanitizer report; never more held than the bound; a
// completed page is exactly its announced total, within the page bound; a decoded page has exactly
// the size its document announced, or a preview (BoardPageData.preview) exactly board::previewSize
// of it, and only a page longer than a preview has one.
#include "client/whiteboard/PageAssembler.h"
#include "client/whiteboard/PageDecoder.h"

#include <cstdint>
#include <cstdlib>

using namespace consult;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

QSize sizeOf(board::PageKey key)
{
    if (key.document != 1)
        return {};
    switch (key.page) {
    case 0:
        return {8, 8};
    case 1:
        return {64, 48};
    case 2:
        return {board::PageLimits::kMaxSide, board::PageLimits::kMaxSide};
    default:
        return {};
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    PageAssembler assembler(sizeOf);
    std::size_t at = 0;
    while (at + 2 <= size) {
        const std::size_t length = std::min<std::size_t>(size - at - 2, (std::size_t(data[at]) << 8) | data[at + 1]);
        at += 2;
        wire::BoardPageData chunk;
        const bool parsed = chunk.ParseFromArray(data + at, int(length));
        at += length;
        if (!parsed)
            continue;
        const PageAssembler::Outcome outcome = assembler.add(chunk);
        require(assembler.bytesHeld() >= 0 && assembler.bytesHeld() <= PageAssembler::kMaxBytesHeld);
        if (outcome.kind != PageAssembler::Outcome::Kind::Complete)
            continue;
        require(outcome.page.bytes.size() == qsizetype(chunk.total_bytes()));
        require(outcome.page.bytes.size() <= PageAssembler::kMaxPageBytes);
        const QSize pageSize = sizeOf(outcome.key);
        require(!outcome.page.preview || board::hasPreview(pageSize));
        require(outcome.page.size == (outcome.page.preview ? board::previewSize(pageSize) : pageSize));
        const QImage image = PageDecoder::decodeNow(outcome.page);
        require(image.isNull() || image.size() == outcome.page.size);
    }
    return 0;
}
