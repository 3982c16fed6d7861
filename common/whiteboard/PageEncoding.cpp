#include "PageEncoding.h"

#include <QBuffer>
#include <QImageWriter>
#include <QPainter>

#include <array>

namespace consult::board {

namespace {

constexpr int kJpegQuality = 85;
constexpr int kPaletteSize = 256;

QByteArray encoded(const QImage &image, const char *format, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (quality >= 0)
        writer.setQuality(quality);
    if (!writer.write(image))
        return {};
    return bytes;
}

// Whether the page has at most 256 distinct colours; stops counting at the 257th. An open-addressed
// set of 1024 seen: a page of text touches a few dozen grey levels.
bool fitsPalette(const QImage &page)
{
    constexpr quint32 kEmpty = 0xFFFFFFFFu; // never an RGB32 pixel (alpha is always 0xFF)
    std::array<quint32, 1024> seen;
    seen.fill(kEmpty);
    int distinct = 0;
    for (int y = 0; y < page.height(); ++y) {
        const auto *line = reinterpret_cast<const quint32 *>(page.constScanLine(y));
        quint32 previous = kEmpty;
        for (int x = 0; x < page.width(); ++x) {
            const quint32 pixel = line[x] & 0x00FFFFFFu;
            if (pixel == previous)
                continue;
            previous = pixel;
            size_t slot = (pixel * 2654435761u) >> 22;
            while (seen[slot] != kEmpty && seen[slot] != pixel)
                slot = (slot + 1) % seen.size();
            if (seen[slot] == pixel)
                continue;
            if (++distinct > kPaletteSize)
                return false;
            seen[slot] = pixel;
        }
    }
    return true;
}

} // namespace

QImage flattenedPage(const QImage &source, QSize size)
{
    QImage page(size, QImage::Format_RGB32);
    page.fill(Qt::white);
    QPainter painter(&page);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    // Scaled first with a proper filter: a photo shrunk to a quarter stays sharp.
    painter.drawImage(QPoint(0, 0), source.size() == size
                                        ? source
                                        : source.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    painter.end();
    return page;
}

PageImage encodePage(const QImage &page)
{
    const QImage opaque =
        page.format() == QImage::Format_RGB32 && page.textKeys().isEmpty() ? page : flattenedPage(page, page.size());
    PageImage result;
    result.size = opaque.size();
    result.bytes = encoded(opaque, "jpeg", kJpegQuality);
    result.format = wire::BOARD_IMAGE_FORMAT_JPEG;
    if (fitsPalette(opaque)) {
        const QByteArray png = encoded(opaque.convertToFormat(QImage::Format_Indexed8, Qt::AvoidDither), "png", -1);
        if (!png.isEmpty() && (result.bytes.isEmpty() || png.size() <= result.bytes.size())) {
            result.bytes = png;
            result.format = wire::BOARD_IMAGE_FORMAT_PNG;
        }
    }
    return result;
}

} // namespace consult::board
