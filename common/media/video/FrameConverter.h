#pragma once

#include "media/MediaFrames.h"

#include <QVideoFrame>
#include <QVideoFrameFormat>

#include <array>
#include <optional>

namespace consult::media {

// Copies camera frames into the pipeline's I420, whatever pixel format the camera delivers:
// planar YUV 4:2:0 (YUV420P, YV12), semi-planar (NV12, NV21), packed 4:2:2 (YUYV, UYVY), grey (Y8)
// and the 32-bit RGB layouts (ARGB/XRGB, BGRA/BGRX, ABGR/XBGR, RGBA/RGBX; Qt 6 names them by byte
// order in memory). RGB becomes BT.601 video range, what VP8 assumes; YUV is copied as it comes.
// Stateless and thread-safe. The conversion itself works on plane pointers and strides, so tests
// can feed it synthetic buffers; convertToI420(QVideoFrame) only maps the frame and unmaps it.
// Never through QImage (QVideoFrame::toImage): slow, and it needs a GUI application.

// One mapped plane: its first row and the distance in bytes from one row to the next (negative
// when the picture is stored bottom row first).
struct PlaneView
{
    const uchar *data = nullptr;
    qsizetype bytesPerLine = 0;
};

struct MappedFrame
{
    QVideoFrameFormat::PixelFormat format = QVideoFrameFormat::Format_Invalid;
    int width = 0;
    int height = 0;
    std::array<PlaneView, 3> planes{};
};

bool canConvertToI420(QVideoFrameFormat::PixelFormat format);

// The picture as I420 of the same size, or nothing for a format not listed above. Sets neither
// captureUs nor frameNumber.
std::optional<I420Frame> convertToI420(const MappedFrame &frame);

// Maps `frame` read-only, converts it and unmaps it. Nothing when the format is not handled or the
// frame cannot be mapped (e.g. it lives only in GPU memory).
std::optional<I420Frame> convertToI420(const QVideoFrame &frame);

} // namespace consult::media
