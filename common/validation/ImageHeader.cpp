#include "ImageHeader.h"

namespace consult::validation {

namespace {

constexpr char kPngSignature[] = "\x89PNG\r\n\x1a\n";
constexpr qsizetype kPngSignatureBytes = 8;
constexpr quint32 kPngMaxSide = 0x7fffffff; // the PNG specification's bound for a side

quint32 bigEndian32(QByteArrayView bytes, qsizetype at)
{
    return (quint32(quint8(bytes[at])) << 24) | (quint32(quint8(bytes[at + 1])) << 16) |
           (quint32(quint8(bytes[at + 2])) << 8) | quint32(quint8(bytes[at + 3]));
}

quint16 bigEndian16(QByteArrayView bytes, qsizetype at)
{
    return static_cast<quint16>((quint16(quint8(bytes[at])) << 8) | quint16(quint8(bytes[at + 1])));
}

Result<ImageHeader> failure(const char *code, const char *message)
{
    return Problem{QString::fromLatin1(code), QString::fromLatin1(message)};
}

Result<ImageHeader> readPng(QByteArrayView bytes)
{
    // The signature, then IHDR first: length 13, type, width, height, then depth and the rest.
    constexpr qsizetype kIhdrEnd = kPngSignatureBytes + 8 + 8;
    if (bytes.size() < kIhdrEnd)
        return failure("truncated", "the PNG ends before its IHDR chunk");
    if (bigEndian32(bytes, kPngSignatureBytes) != 13 || bytes.sliced(kPngSignatureBytes + 4, 4) != "IHDR")
        return failure("bad_header", "the PNG does not begin with an IHDR chunk");
    const quint32 width = bigEndian32(bytes, kPngSignatureBytes + 8);
    const quint32 height = bigEndian32(bytes, kPngSignatureBytes + 12);
    if (width == 0 || height == 0 || width > kPngMaxSide || height > kPngMaxSide)
        return failure("bad_header", "the PNG's size is impossible");
    return ImageHeader{ImageFormat::Png, width, height};
}

// SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
bool isStartOfFrame(quint8 marker)
{
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Markers that stand alone, without a length: TEM and the restart markers.
bool hasNoLength(quint8 marker)
{
    return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
}

Result<ImageHeader> readJpeg(QByteArrayView bytes)
{
    qsizetype at = 2; // after SOI
    while (true) {
        if (at >= bytes.size())
            return failure("truncated", "the JPEG ends before its frame header");
        if (quint8(bytes[at]) != 0xFF)
            return failure("bad_header", "a JPEG segment does not begin with a marker");
        // Fill bytes: any number of 0xFF before the marker code.
        while (at < bytes.size() && quint8(bytes[at]) == 0xFF)
            ++at;
        if (at >= bytes.size())
            return failure("truncated", "the JPEG ends inside a marker");
        const quint8 marker = quint8(bytes[at++]);
        if (hasNoLength(marker))
            continue;
        if (marker == 0x00 || marker == 0xD8 || marker == 0xD9 || marker == 0xDA)
            return failure("bad_header", "the JPEG has no frame header before its data");
        if (at + 2 > bytes.size())
            return failure("truncated", "the JPEG ends inside a segment length");
        const quint16 length = bigEndian16(bytes, at);
        if (length < 2)
            return failure("bad_header", "a JPEG segment length is impossible");
        if (isStartOfFrame(marker)) {
            // Length, precision, height, width, components.
            if (length < 8)
                return failure("bad_header", "the JPEG frame header is too short");
            if (at + 7 > bytes.size())
                return failure("truncated", "the JPEG ends inside its frame header");
            const quint16 height = bigEndian16(bytes, at + 3);
            const quint16 width = bigEndian16(bytes, at + 5);
            // A height of 0 defers it to a DNL marker after the scan: no page image does that.
            if (width == 0 || height == 0)
                return failure("bad_header", "the JPEG's size is impossible");
            return ImageHeader{ImageFormat::Jpeg, width, height};
        }
        at += length;
    }
}

} // namespace

Result<ImageHeader> readImageHeader(QByteArrayView bytes)
{
    if (bytes.size() >= kPngSignatureBytes && bytes.first(kPngSignatureBytes) == QByteArrayView(kPngSignature, 8))
        return readPng(bytes);
    if (bytes.size() >= 3 && quint8(bytes[0]) == 0xFF && quint8(bytes[1]) == 0xD8 && quint8(bytes[2]) == 0xFF)
        return readJpeg(bytes);
    return failure("unknown_format", "neither a PNG nor a JPEG signature");
}

} // namespace consult::validation
