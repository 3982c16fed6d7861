#include "media/video/VideoScaler.h"

#include <algorithm>
#include <vector>

namespace consult::media {

namespace {

// A region of one plane; the source regions point into the caller's picture.
struct Plane
{
    const uchar *data;
    qsizetype stride;
    int width;
    int height;
};

// 2x2 box average; an odd last row or column is averaged with itself.
std::vector<uchar> halve(const Plane &from, Plane &to)
{
    to.width = (from.width + 1) / 2;
    to.height = (from.height + 1) / 2;
    to.stride = to.width;
    std::vector<uchar> pixels(std::size_t(to.width) * std::size_t(to.height));
    for (int row = 0; row < to.height; ++row) {
        const uchar *top = from.data + from.stride * (2 * row);
        const uchar *bottom = 2 * row + 1 < from.height ? top + from.stride : top;
        uchar *out = pixels.data() + qsizetype(row) * to.width;
        for (int column = 0; column < to.width; ++column) {
            const int left = 2 * column;
            const int right = std::min(left + 1, from.width - 1);
            out[column] = uchar((top[left] + top[right] + bottom[left] + bottom[right] + 2) / 4);
        }
    }
    to.data = pixels.data();
    return pixels;
}

// Bilinear, sampling at pixel centres, 16.16 fixed point.
void resample(const Plane &from, uchar *out, int width, int height)
{
    const auto position = [](int index, int sourceSize, int targetSize) {
        const qint64 centre = ((2 * qint64(index) + 1) * sourceSize * 65536) / (2 * qint64(targetSize)) - 32768;
        return std::clamp<qint64>(centre, 0, qint64(sourceSize - 1) * 65536);
    };
    std::vector<int> left(static_cast<std::size_t>(width));
    std::vector<int> weight(static_cast<std::size_t>(width));
    for (int column = 0; column < width; ++column) {
        const qint64 x = position(column, from.width, width);
        left[std::size_t(column)] = int(x >> 16);
        weight[std::size_t(column)] = int(x & 0xffff);
    }
    for (int row = 0; row < height; ++row) {
        const qint64 y = position(row, from.height, height);
        const int top = int(y >> 16);
        const int down = int(y & 0xffff);
        const uchar *upper = from.data + from.stride * top;
        const uchar *lower = top + 1 < from.height ? upper + from.stride : upper;
        uchar *line = out + qsizetype(row) * width;
        for (int column = 0; column < width; ++column) {
            const int x0 = left[std::size_t(column)];
            const int x1 = std::min(x0 + 1, from.width - 1);
            const qint64 across = weight[std::size_t(column)];
            const qint64 a = upper[x0] * (65536 - across) + upper[x1] * across;
            const qint64 b = lower[x0] * (65536 - across) + lower[x1] * across;
            line[column] = uchar((a * (65536 - down) + b * down + (qint64(1) << 31)) >> 32);
        }
    }
}

void scalePlane(Plane from, QByteArray &to, int width, int height)
{
    std::vector<uchar> halved;
    while (from.width >= 2 * width && from.height >= 2 * height) {
        Plane smaller{};
        halved = halve(from, smaller);
        from = smaller;
    }
    resample(from, reinterpret_cast<uchar *>(to.data()), width, height);
}

} // namespace

I420Frame scaleI420(const I420Frame &source, int width, int height)
{
    if (!source.isValid() || width <= 0 || height <= 0 || (source.width == width && source.height == height))
        return source;

    // The largest centred region with the target's aspect ratio, on even coordinates so the
    // chroma planes crop at the same place.
    int cropWidth = source.width;
    int cropHeight = source.height;
    if (qint64(source.width) * height > qint64(source.height) * width)
        cropWidth = std::max(1, int(qint64(source.height) * width / height));
    else
        cropHeight = std::max(1, int(qint64(source.width) * height / width));
    const int x = ((source.width - cropWidth) / 2) & ~1;
    const int y = ((source.height - cropHeight) / 2) & ~1;

    const auto *luma = reinterpret_cast<const uchar *>(source.y.constData());
    const auto *u = reinterpret_cast<const uchar *>(source.u.constData());
    const auto *v = reinterpret_cast<const uchar *>(source.v.constData());
    const qsizetype chromaStride = (source.width + 1) / 2;
    const int chromaWidth = (cropWidth + 1) / 2;
    const int chromaHeight = (cropHeight + 1) / 2;

    I420Frame scaled = I420Frame::blank(width, height);
    scalePlane({luma + qsizetype(y) * source.width + x, source.width, cropWidth, cropHeight}, scaled.y, width, height);
    const int outChromaWidth = (width + 1) / 2;
    const int outChromaHeight = (height + 1) / 2;
    const qsizetype chromaOffset = qsizetype(y / 2) * chromaStride + x / 2;
    scalePlane({u + chromaOffset, chromaStride, chromaWidth, chromaHeight}, scaled.u, outChromaWidth, outChromaHeight);
    scalePlane({v + chromaOffset, chromaStride, chromaWidth, chromaHeight}, scaled.v, outChromaWidth, outChromaHeight);
    scaled.captureUs = source.captureUs;
    scaled.frameNumber = source.frameNumber;
    return scaled;
}

} // namespace consult::media
