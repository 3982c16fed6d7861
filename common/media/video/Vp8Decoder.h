#pragma once

#include "core/Result.h"
#include "media/MediaFrames.h"
#include "media/video/EncodedVideo.h"

#include <memory>

namespace consult::media {

// Decodes VP8 frames into tightly packed I420. A failure (corrupt data, or a frame whose reference
// was lost) means the stream needs a keyframe: tell the reassembler (requireKeyframe).
// Not thread-safe: use it on one thread, the decoding worker (see VideoReceiver).
class Vp8Decoder
{
public:
    static Result<std::unique_ptr<Vp8Decoder>> create(int threads = 1);
    ~Vp8Decoder();
    Vp8Decoder(const Vp8Decoder &) = delete;
    Vp8Decoder &operator=(const Vp8Decoder &) = delete;

    // The decoded picture carries the frame's capture time; its frameNumber is the frame id.
    Result<I420Frame> decode(const EncodedVideoFrame &frame);

private:
    struct Codec;
    explicit Vp8Decoder(std::unique_ptr<Codec> codec);

    std::unique_ptr<Codec> m_codec;
};

} // namespace consult::media
