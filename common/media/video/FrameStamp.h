#pragma once

#include "media/MediaFrames.h"

#include <optional>

namespace consult::media {

// A frame counter and capture time drawn into the picture itself, so they survive encoding,
// transport and decoding, and a test or the glass-to-glass benchmark can read them off the decoded
// picture. Drawn as a band of 8x8 luma blocks along the top, one bit per block (black 0, white 1):
// 32 bits counter, 32 bits milliseconds, 16 bits CRC. The blocks are read at their centres with a
// threshold halfway between black and white, so coding noise does not flip them; the CRC tells a
// damaged band from a good one.
struct FrameStamp
{
    quint32 counter = 0;
    quint32 timestampMs = 0; // monotonic milliseconds (capture time / 1000, wrapping)

    static constexpr int kBlockSize = 8;
    static constexpr int kBits = 80;

    // Height of the band the stamp occupies in a picture of this width (8 rows when width >= 640).
    static int bandHeight(int width);

    // Draws the stamp over the top of the picture (luma blocks, neutral chroma below them).
    void drawInto(I420Frame &frame) const;

    // The stamp in the picture, or nothing when the band is missing or damaged.
    static std::optional<FrameStamp> readFrom(const I420Frame &frame);

    friend bool operator==(const FrameStamp &, const FrameStamp &) = default;
};

} // namespace consult::media
