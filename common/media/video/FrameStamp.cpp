#include "media/video/FrameStamp.h"

#include <QByteArrayView>

#include <array>

namespace consult::media {

namespace {

constexpr char kBlack = 16;
constexpr char kWhite = char(235);
constexpr int kThreshold = (16 + 235) / 2;
constexpr int kPayloadBytes = 8;

int blocksPerRow(int width)
{
    return width / FrameStamp::kBlockSize;
}

quint16 checksum(const std::array<char, kPayloadBytes> &payload)
{
    return qChecksum(QByteArrayView(payload.data(), payload.size()));
}

std::array<char, kPayloadBytes> payloadOf(quint32 counter, quint32 timestampMs)
{
    std::array<char, kPayloadBytes> bytes{};
    for (int i = 0; i < 4; ++i) {
        bytes[std::size_t(i)] = char(counter >> (24 - 8 * i));
        bytes[std::size_t(4 + i)] = char(timestampMs >> (24 - 8 * i));
    }
    return bytes;
}

} // namespace

int FrameStamp::bandHeight(int width)
{
    const int perRow = blocksPerRow(width);
    return perRow == 0 ? 0 : (kBits + perRow - 1) / perRow * kBlockSize;
}

void FrameStamp::drawInto(I420Frame &frame) const
{
    const int band = bandHeight(frame.width);
    if (band == 0 || band > frame.height)
        return;
    const auto payload = payloadOf(counter, timestampMs);
    const quint16 crc = checksum(payload);
    const int perRow = blocksPerRow(frame.width);
    char *luma = frame.y.data();
    for (int bit = 0; bit < kBits; ++bit) {
        const bool one = bit < 64 ? (payload[std::size_t(bit / 8)] >> (7 - bit % 8)) & 1 : (crc >> (79 - bit)) & 1;
        const int left = bit % perRow * kBlockSize;
        const int top = bit / perRow * kBlockSize;
        for (int row = top; row < top + kBlockSize; ++row)
            std::fill_n(luma + qsizetype(row) * frame.width + left, kBlockSize, one ? kWhite : kBlack);
    }
    const int chromaWidth = (frame.width + 1) / 2;
    const qsizetype chromaBytes = qsizetype(chromaWidth) * (band / 2);
    std::fill_n(frame.u.data(), chromaBytes, char(128));
    std::fill_n(frame.v.data(), chromaBytes, char(128));
}

std::optional<FrameStamp> FrameStamp::readFrom(const I420Frame &frame)
{
    const int band = bandHeight(frame.width);
    if (!frame.isValid() || band == 0 || band > frame.height)
        return std::nullopt;
    const int perRow = blocksPerRow(frame.width);
    const auto *luma = reinterpret_cast<const uchar *>(frame.y.constData());
    std::array<char, kPayloadBytes> payload{};
    quint16 crc = 0;
    for (int bit = 0; bit < kBits; ++bit) {
        // The block's centre quarter: its edges are where coding blurs into the neighbours.
        const int left = bit % perRow * kBlockSize + kBlockSize / 4;
        const int top = bit / perRow * kBlockSize + kBlockSize / 4;
        int sum = 0;
        for (int row = top; row < top + kBlockSize / 2; ++row)
            for (int column = left; column < left + kBlockSize / 2; ++column)
                sum += luma[qsizetype(row) * frame.width + column];
        const bool one = sum / (kBlockSize * kBlockSize / 4) > kThreshold;
        if (bit < 64)
            payload[std::size_t(bit / 8)] = char(payload[std::size_t(bit / 8)] | (one ? 1 << (7 - bit % 8) : 0));
        else
            crc = quint16(crc | (one ? 1 << (79 - bit) : 0));
    }
    if (crc != checksum(payload))
        return std::nullopt;
    const auto *bytes = reinterpret_cast<const uchar *>(payload.data());
    FrameStamp stamp;
    stamp.counter = quint32(bytes[0]) << 24 | quint32(bytes[1]) << 16 | quint32(bytes[2]) << 8 | bytes[3];
    stamp.timestampMs = quint32(bytes[4]) << 24 | quint32(bytes[5]) << 16 | quint32(bytes[6]) << 8 | bytes[7];
    return stamp;
}

} // namespace consult::media
