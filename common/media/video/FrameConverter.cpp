#include "media/video/FrameConverter.h"

#include <algorithm>
#include <cstring>

namespace consult::media {

namespace {

using Format = QVideoFrameFormat::PixelFormat;

// Byte positions of the colour channels inside one 4-byte pixel.
struct RgbLayout
{
    int r, g, b;
};

std::optional<RgbLayout> rgbLayout(Format format)
{
    switch (format) {
    case QVideoFrameFormat::Format_ARGB8888:
    case QVideoFrameFormat::Format_ARGB8888_Premultiplied: // cameras deliver opaque pixels: alpha 255
    case QVideoFrameFormat::Format_XRGB8888:
        return RgbLayout{1, 2, 3};
    case QVideoFrameFormat::Format_BGRA8888:
    case QVideoFrameFormat::Format_BGRA8888_Premultiplied:
    case QVideoFrameFormat::Format_BGRX8888:
        return RgbLayout{2, 1, 0};
    case QVideoFrameFormat::Format_ABGR8888:
    case QVideoFrameFormat::Format_XBGR8888:
        return RgbLayout{3, 2, 1};
    case QVideoFrameFormat::Format_RGBA8888:
    case QVideoFrameFormat::Format_RGBX8888:
        return RgbLayout{0, 1, 2};
    default:
        return std::nullopt;
    }
}

const uchar *rowOf(const PlaneView &plane, int row)
{
    return plane.data + plane.bytesPerLine * row;
}

uchar *bytesOf(QByteArray &plane)
{
    return reinterpret_cast<uchar *>(plane.data());
}

void copyPlane(const PlaneView &from, int width, int height, QByteArray &to)
{
    for (int row = 0; row < height; ++row)
        std::memcpy(bytesOf(to) + qsizetype(row) * width, rowOf(from, row), std::size_t(width));
}

// Semi-planar chroma: U and V interleaved, `uFirst` says which comes first (NV12 yes, NV21 no).
void splitChroma(const PlaneView &from, bool uFirst, int chromaWidth, int chromaHeight, I420Frame &to)
{
    for (int row = 0; row < chromaHeight; ++row) {
        const uchar *in = rowOf(from, row);
        uchar *u = bytesOf(to.u) + qsizetype(row) * chromaWidth;
        uchar *v = bytesOf(to.v) + qsizetype(row) * chromaWidth;
        for (int column = 0; column < chromaWidth; ++column) {
            u[column] = in[2 * column + (uFirst ? 0 : 1)];
            v[column] = in[2 * column + (uFirst ? 1 : 0)];
        }
    }
}

// Packed 4:2:2 (two pixels in four bytes) to 4:2:0: chroma of each row pair averaged.
void unpack422(const PlaneView &from, int yAt, int uAt, int vAt, I420Frame &to)
{
    const int width = to.width;
    const int chromaWidth = (width + 1) / 2;
    for (int row = 0; row < to.height; ++row) {
        const uchar *in = rowOf(from, row);
        uchar *y = bytesOf(to.y) + qsizetype(row) * width;
        for (int column = 0; column < width; ++column)
            y[column] = in[column / 2 * 4 + yAt + column % 2 * 2];
    }
    for (int row = 0; row < (to.height + 1) / 2; ++row) {
        const uchar *top = rowOf(from, 2 * row);
        const uchar *bottom = 2 * row + 1 < to.height ? rowOf(from, 2 * row + 1) : top;
        uchar *u = bytesOf(to.u) + qsizetype(row) * chromaWidth;
        uchar *v = bytesOf(to.v) + qsizetype(row) * chromaWidth;
        for (int column = 0; column < chromaWidth; ++column) {
            u[column] = uchar((top[4 * column + uAt] + bottom[4 * column + uAt] + 1) / 2);
            v[column] = uchar((top[4 * column + vAt] + bottom[4 * column + vAt] + 1) / 2);
        }
    }
}

// BT.601 video range in 8-bit fixed point (the coefficients libyuv and most encoders use).
uchar lumaOf(int r, int g, int b)
{
    return uchar(((66 * r + 129 * g + 25 * b + 128) >> 8) + 16);
}
uchar blueDifferenceOf(int r, int g, int b)
{
    return uchar(((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128);
}
uchar redDifferenceOf(int r, int g, int b)
{
    return uchar(((112 * r - 94 * g - 18 * b + 128) >> 8) + 128);
}

void convertRgb(const PlaneView &from, const RgbLayout &layout, I420Frame &to)
{
    const int width = to.width;
    const int height = to.height;
    const int chromaWidth = (width + 1) / 2;
    for (int row = 0; row < height; ++row) {
        const uchar *in = rowOf(from, row);
        uchar *y = bytesOf(to.y) + qsizetype(row) * width;
        for (int column = 0; column < width; ++column) {
            const uchar *pixel = in + 4 * column;
            y[column] = lumaOf(pixel[layout.r], pixel[layout.g], pixel[layout.b]);
        }
    }
    // Chroma from the average colour of each 2x2 block (fewer pixels at odd right/bottom edges).
    for (int row = 0; row < (height + 1) / 2; ++row) {
        const int rows = 2 * row + 1 < height ? 2 : 1;
        uchar *u = bytesOf(to.u) + qsizetype(row) * chromaWidth;
        uchar *v = bytesOf(to.v) + qsizetype(row) * chromaWidth;
        for (int column = 0; column < chromaWidth; ++column) {
            const int columns = 2 * column + 1 < width ? 2 : 1;
            int r = 0, g = 0, b = 0;
            for (int dy = 0; dy < rows; ++dy) {
                for (int dx = 0; dx < columns; ++dx) {
                    const uchar *pixel = rowOf(from, 2 * row + dy) + 4 * (2 * column + dx);
                    r += pixel[layout.r];
                    g += pixel[layout.g];
                    b += pixel[layout.b];
                }
            }
            const int n = rows * columns;
            r = (r + n / 2) / n;
            g = (g + n / 2) / n;
            b = (b + n / 2) / n;
            u[column] = blueDifferenceOf(r, g, b);
            v[column] = redDifferenceOf(r, g, b);
        }
    }
}

// Rows and bytes per row the converter reads from each plane: to find the first row of a picture
// stored bottom row first, and to check that a mapped buffer really holds that much.
int planeRows(Format format, int plane, int height)
{
    const bool chroma420 =
        plane > 0 && (format == QVideoFrameFormat::Format_YUV420P || format == QVideoFrameFormat::Format_YV12 ||
                      format == QVideoFrameFormat::Format_NV12 || format == QVideoFrameFormat::Format_NV21);
    return chroma420 ? (height + 1) / 2 : height;
}

qsizetype planeRowBytes(Format format, int plane, int width)
{
    const qsizetype chromaWidth = (width + 1) / 2;
    switch (format) {
    case QVideoFrameFormat::Format_YUV420P:
    case QVideoFrameFormat::Format_YV12:
        return plane == 0 ? width : chromaWidth;
    case QVideoFrameFormat::Format_NV12:
    case QVideoFrameFormat::Format_NV21:
        return plane == 0 ? width : 2 * chromaWidth;
    case QVideoFrameFormat::Format_YUYV:
    case QVideoFrameFormat::Format_UYVY:
        return 4 * chromaWidth;
    case QVideoFrameFormat::Format_Y8:
        return width;
    default:
        return 4 * qsizetype(width);
    }
}

int planesOf(Format format)
{
    switch (format) {
    case QVideoFrameFormat::Format_YUV420P:
    case QVideoFrameFormat::Format_YV12:
        return 3;
    case QVideoFrameFormat::Format_NV12:
    case QVideoFrameFormat::Format_NV21:
        return 2;
    default:
        return 1;
    }
}

} // namespace

bool canConvertToI420(QVideoFrameFormat::PixelFormat format)
{
    switch (format) {
    case QVideoFrameFormat::Format_YUV420P:
    case QVideoFrameFormat::Format_YV12:
    case QVideoFrameFormat::Format_NV12:
    case QVideoFrameFormat::Format_NV21:
    case QVideoFrameFormat::Format_YUYV:
    case QVideoFrameFormat::Format_UYVY:
    case QVideoFrameFormat::Format_Y8:
        return true;
    default:
        return rgbLayout(format).has_value();
    }
}

std::optional<I420Frame> convertToI420(const MappedFrame &frame)
{
    if (!canConvertToI420(frame.format) || frame.width <= 0 || frame.height <= 0)
        return std::nullopt;
    for (int plane = 0; plane < planesOf(frame.format); ++plane) {
        if (!frame.planes[std::size_t(plane)].data)
            return std::nullopt;
    }
    I420Frame out = I420Frame::blank(frame.width, frame.height);
    const int chromaWidth = (frame.width + 1) / 2;
    const int chromaHeight = (frame.height + 1) / 2;
    const auto &planes = frame.planes;

    switch (frame.format) {
    case QVideoFrameFormat::Format_YUV420P:
    case QVideoFrameFormat::Format_YV12: {
        const bool uSecond = frame.format == QVideoFrameFormat::Format_YUV420P;
        copyPlane(planes[0], frame.width, frame.height, out.y);
        copyPlane(planes[uSecond ? 1 : 2], chromaWidth, chromaHeight, out.u);
        copyPlane(planes[uSecond ? 2 : 1], chromaWidth, chromaHeight, out.v);
        break;
    }
    case QVideoFrameFormat::Format_NV12:
    case QVideoFrameFormat::Format_NV21:
        copyPlane(planes[0], frame.width, frame.height, out.y);
        splitChroma(planes[1], frame.format == QVideoFrameFormat::Format_NV12, chromaWidth, chromaHeight, out);
        break;
    case QVideoFrameFormat::Format_YUYV:
        unpack422(planes[0], 0, 1, 3, out);
        break;
    case QVideoFrameFormat::Format_UYVY:
        unpack422(planes[0], 1, 0, 2, out);
        break;
    case QVideoFrameFormat::Format_Y8:
        copyPlane(planes[0], frame.width, frame.height, out.y); // chroma stays neutral
        break;
    default:
        convertRgb(planes[0], *rgbLayout(frame.format), out);
        break;
    }
    return out;
}

std::optional<I420Frame> convertToI420(const QVideoFrame &frame)
{
    if (!canConvertToI420(frame.pixelFormat()))
        return std::nullopt;
    QVideoFrame mapped = frame; // a shallow copy: map() is not const
    if (!mapped.map(QVideoFrame::ReadOnly))
        return std::nullopt;
    MappedFrame view;
    view.format = mapped.pixelFormat();
    view.width = mapped.width();
    view.height = mapped.height();
    const bool bottomUp = mapped.surfaceFormat().scanLineDirection() == QVideoFrameFormat::BottomToTop;
    bool fits = mapped.planeCount() >= planesOf(view.format);
    for (int plane = 0; fits && plane < planesOf(view.format); ++plane) {
        PlaneView &target = view.planes[std::size_t(plane)];
        target.data = mapped.bits(plane);
        target.bytesPerLine = mapped.bytesPerLine(plane);
        // A backend's buffer that is shorter than its format says is refused, not overread.
        const int rows = planeRows(view.format, plane, view.height);
        const qsizetype rowBytes = planeRowBytes(view.format, plane, view.width);
        fits = target.data && target.bytesPerLine >= rowBytes &&
               (rows - 1) * target.bytesPerLine + rowBytes <= mapped.mappedBytes(plane);
        if (bottomUp) {
            target.data += target.bytesPerLine * (rows - 1);
            target.bytesPerLine = -target.bytesPerLine;
        }
    }
    std::optional<I420Frame> converted = fits ? convertToI420(view) : std::nullopt;
    mapped.unmap();
    return converted;
}

} // namespace consult::media
