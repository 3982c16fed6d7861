#include "PageEncoding.h"

#include <QBuffer>
#include <QImageWriter>
#include <QPainter>

#include <algorithm>
#include <limits>
#include <numeric>
#include <vector>

namespace consult::board {

namespace {

constexpr int kJpegQuality = 85;
constexpr int kPaletteSize = 256;
// A page with more distinct colours than this is photographic (a photo, a scan, a gradient).
constexpr int kMaxCountedColours = 4096;
// Beyond the 256 most frequent colours, line art has only a few antialiased pixels where two of
// its colours meet: at most one pixel in this many, each close to a colour of the palette.
constexpr qint64 kStrayPixelsPerPixel = 1000;
constexpr int kMaxStrayDistance = 3 * 24 * 24; // squared RGB distance to the nearest palette colour

QByteArray encoded(const QImage &image, const char *format, int quality, bool progressive = false)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (quality >= 0)
        writer.setQuality(quality);
    // JPEG: Huffman tables fitted to the page and progressive scans take 10-15 % off a page at the
    // same quality; the receiver decodes either alike.
    writer.setOptimizedWrite(progressive);
    writer.setProgressiveScanWrite(progressive);
    if (!writer.write(image))
        return {};
    return bytes;
}

// The distinct colours of a page and how many pixels have each, counted up to kMaxCountedColours
// (an open-addressed table: a page of text touches a few dozen to a few hundred colours).
class ColourCount
{
public:
    static constexpr quint32 kEmpty = 0xFFFFFFFFu; // never an RGB32 pixel masked to its colour

    // False as soon as the page has more than kMaxCountedColours colours.
    bool count(const QImage &page)
    {
        for (int y = 0; y < page.height(); ++y) {
            const auto *line = reinterpret_cast<const quint32 *>(page.constScanLine(y));
            std::size_t slot = kSlots;
            quint32 previous = kEmpty;
            for (int x = 0; x < page.width(); ++x) {
                const quint32 pixel = line[x] & 0x00FFFFFFu;
                if (pixel != previous) {
                    previous = pixel;
                    slot = find(pixel);
                    if (m_colours[slot] == kEmpty) {
                        if (++m_distinct > kMaxCountedColours)
                            return false;
                        m_colours[slot] = pixel;
                    }
                }
                ++m_pixels[slot];
            }
        }
        return true;
    }

    std::size_t find(quint32 colour) const
    {
        std::size_t slot = (colour * 2654435761u) >> (32 - kSlotBits);
        while (m_colours[slot] != kEmpty && m_colours[slot] != colour)
            slot = (slot + 1) & (kSlots - 1);
        return slot;
    }

    // The inUse in use, in table order.
    std::vector<std::size_t> used() const
    {
        std::vector<std::size_t> inUse;
        inUse.reserve(std::size_t(m_distinct));
        for (std::size_t slot = 0; slot < kSlots; ++slot)
            if (m_colours[slot] != kEmpty)
                inUse.push_back(slot);
        return inUse;
    }

    quint32 colour(std::size_t slot) const { return m_colours[slot]; }
    qint64 pixels(std::size_t slot) const { return m_pixels[slot]; }

    static constexpr int kSlotBits = 13; // twice kMaxCountedColours: short probes
    static constexpr std::size_t kSlots = std::size_t(1) << kSlotBits;

private:
    std::vector<quint32> m_colours = std::vector<quint32>(kSlots, kEmpty);
    std::vector<qint64> m_pixels = std::vector<qint64>(kSlots, 0);
    int m_distinct = 0;
};

int distance(quint32 a, quint32 b)
{
    const int red = int((a >> 16) & 0xFF) - int((b >> 16) & 0xFF);
    const int green = int((a >> 8) & 0xFF) - int((b >> 8) & 0xFF);
    const int blue = int(a & 0xFF) - int(b & 0xFF);
    return red * red + green * green + blue * blue;
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

QImage lineArtRendition(const QImage &page)
{
    if (page.format() != QImage::Format_RGB32 || page.isNull())
        return {};
    ColourCount count;
    if (!count.count(page))
        return {};
    std::vector<std::size_t> used = count.used();
    if (used.size() > std::size_t(kPaletteSize)) {
        // Which colours the palette keeps: those that would change the picture most if they went,
        // by their pixels times how far the nearest other colour is. One of a ramp of antialiasing
        // greys goes before a thin line's own red, however few pixels that line has.
        std::vector<qint64> cost(used.size());
        for (std::size_t i = 0; i < used.size(); ++i) {
            int nearest = std::numeric_limits<int>::max();
            for (std::size_t j = 0; j < used.size(); ++j)
                if (j != i)
                    nearest = std::min(nearest, distance(count.colour(used[i]), count.colour(used[j])));
            cost[i] = count.pixels(used[i]) * nearest;
        }
        std::vector<std::size_t> order(used.size());
        std::iota(order.begin(), order.end(), std::size_t(0));
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cost[a] > cost[b]; });
        std::vector<std::size_t> sorted;
        sorted.reserve(used.size());
        for (const std::size_t i : order)
            sorted.push_back(used[i]);
        used = std::move(sorted);
    }
    const std::size_t kept = std::min<std::size_t>(used.size(), kPaletteSize);
    const qint64 stray = std::accumulate(used.begin() + qsizetype(kept), used.end(), qint64(0),
                                         [&](qint64 sum, std::size_t slot) { return sum + count.pixels(slot); });
    if (stray * kStrayPixelsPerPixel > qint64(page.width()) * page.height())
        return {};

    QList<QRgb> palette;
    for (std::size_t i = 0; i < kept; ++i)
        palette.append(0xFF000000u | count.colour(used[i]));
    // Every counted colour's palette index: its own, or for a stray the nearest, if near enough.
    std::vector<uchar> indexOf(ColourCount::kSlots, 0);
    for (std::size_t i = 0; i < used.size(); ++i) {
        if (i < kept) {
            indexOf[used[i]] = uchar(i);
            continue;
        }
        int nearest = 0;
        int best = std::numeric_limits<int>::max();
        for (std::size_t j = 0; j < kept; ++j) {
            const int d = distance(count.colour(used[i]), count.colour(used[j]));
            if (d < best) {
                best = d;
                nearest = int(j);
            }
        }
        if (best > kMaxStrayDistance)
            return {}; // a rare colour of its own (a small photo, a logo): not line art
        indexOf[used[i]] = uchar(nearest);
    }

    QImage indexed(page.size(), QImage::Format_Indexed8);
    indexed.setColorTable(palette);
    for (int y = 0; y < page.height(); ++y) {
        const auto *line = reinterpret_cast<const quint32 *>(page.constScanLine(y));
        uchar *out = indexed.scanLine(y);
        quint32 previous = ColourCount::kEmpty;
        uchar index = 0;
        for (int x = 0; x < page.width(); ++x) {
            const quint32 pixel = line[x] & 0x00FFFFFFu;
            if (pixel != previous) {
                previous = pixel;
                index = indexOf[count.find(pixel)];
            }
            out[x] = index;
        }
    }
    return indexed;
}

PageImage encodePage(const QImage &page)
{
    const QImage opaque =
        page.format() == QImage::Format_RGB32 && page.textKeys().isEmpty() ? page : flattenedPage(page, page.size());
    PageImage result;
    result.size = opaque.size();
    if (const QImage lineArt = lineArtRendition(opaque); !lineArt.isNull()) {
        result.bytes = encoded(lineArt, "png", -1);
        result.format = wire::BOARD_IMAGE_FORMAT_PNG;
        if (!result.bytes.isEmpty())
            return result;
    }
    result.bytes = encoded(opaque, "jpeg", kJpegQuality, true);
    result.format = wire::BOARD_IMAGE_FORMAT_JPEG;
    return result;
}

} // namespace consult::board
