#include "PageAssembler.h"

#include "validation/ImageHeader.h"
#include "whiteboard/PageImage.h"

namespace consult::whiteboard {

PageAssembler::PageAssembler(wire::BoardPageSize expected, qint64 maxBytes)
    : m_expected(std::move(expected))
    , m_maxBytes(maxBytes)
{}

std::optional<BoardRefusal> PageAssembler::checkStart(const wire::BoardPageData &chunk,
                                                      const wire::BoardPageSize &expected, qint64 maxBytes)
{
    if (chunk.format() != wire::BOARD_IMAGE_FORMAT_PNG && chunk.format() != wire::BOARD_IMAGE_FORMAT_JPEG)
        return BoardRefusal::invalid("page_image", "a page image is PNG or JPEG");
    if (chunk.total_bytes() == 0)
        return BoardRefusal::invalid("page_image", "a page image is not empty");
    if (qint64(chunk.total_bytes()) > maxBytes)
        return BoardRefusal::limit("page_bytes", "the page image is larger than a page may be");
    if (chunk.preview() && !board::hasPreview(QSize(int(expected.width()), int(expected.height()))))
        return BoardRefusal::invalid("page_image", "only a page longer than 1024 pixels has a preview");
    return std::nullopt;
}

BoardOutcome<PageAssembler::Step> PageAssembler::add(const wire::BoardPageData &chunk)
{
    if (m_total < 0) {
        if (auto refusal = checkStart(chunk, m_expected, m_maxBytes))
            return *refusal;
        m_preview = chunk.preview();
        if (m_preview) {
            const QSize preview = board::previewSize(QSize(int(m_expected.width()), int(m_expected.height())));
            m_expected.set_width(quint32(preview.width()));
            m_expected.set_height(quint32(preview.height()));
        }
        m_format = chunk.format();
        m_total = chunk.total_bytes();
        m_bytes.reserve(m_total);
    }
    const auto size = static_cast<qint64>(chunk.data().size());
    if (chunk.format() != m_format || qint64(chunk.total_bytes()) != m_total || chunk.preview() != m_preview)
        return BoardRefusal::invalid("page_image", "a page's chunks agree on format, size and preview");
    if (qint64(chunk.offset()) != m_bytes.size())
        return BoardRefusal::invalid("page_image", "a page's chunks come in order and without gaps");
    if (size == 0 || size > board::PageLimits::kChunkBytes || m_bytes.size() + size > m_total)
        return BoardRefusal::invalid("page_image", "a chunk holds 1..32768 bytes within the image");
    m_bytes.append(chunk.data().data(), size);
    if (m_bytes.size() < m_total)
        return Step::More;
    if (auto refusal = checkImage())
        return *refusal;
    return Step::Complete;
}

std::optional<BoardRefusal> PageAssembler::checkImage() const
{
    const auto header = validation::readImageHeader(m_bytes);
    if (!header)
        return BoardRefusal{wire::ERROR_INVALID_INPUT, QStringLiteral("page_image"), header.problem().message};
    const auto format =
        header->format == validation::ImageFormat::Png ? wire::BOARD_IMAGE_FORMAT_PNG : wire::BOARD_IMAGE_FORMAT_JPEG;
    if (format != m_format)
        return BoardRefusal::invalid("page_image", "the image is not in the format it claims");
    if (header->width != m_expected.width() || header->height != m_expected.height())
        return BoardRefusal::invalid("page_image", m_preview ? "the preview's size is not the page's preview size"
                                                             : "the image's size is not the page's announced size");
    return std::nullopt;
}

} // namespace consult::whiteboard
