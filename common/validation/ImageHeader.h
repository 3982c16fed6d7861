#pragma once

#include "core/Result.h"

#include <QByteArrayView>

namespace consult::validation {

// The encoded image formats the whiteboard carries.
enum class ImageFormat
{
    Png,
    Jpeg,
};

// What an image's header says it is, before anything is decoded.
struct ImageHeader
{
    ImageFormat format = ImageFormat::Png;
    quint32 width = 0;
    quint32 height = 0;
};

// Reads the format and the pixel size of an encoded PNG (its signature and IHDR chunk) or JPEG (its
// SOI marker and the first start-of-frame segment, SOF0..SOF15 without DHT, JPG and DAC), without
// decoding a pixel, so the server can check that a page image is what it claims (U2, U3) with QtCore
// alone. Walks at most the bytes it is given and never allocates. Problem codes: "unknown_format"
// (neither signature), "truncated" (the header ends early), "bad_header" (a length, marker or size
// that no valid file has, such as a zero side or a scan before the frame header).
Result<ImageHeader> readImageHeader(QByteArrayView bytes);

} // namespace consult::validation
