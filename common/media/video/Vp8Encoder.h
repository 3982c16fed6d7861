#pragma once

#include "core/Result.h"
#include "media/MediaFrames.h"
#include "media/video/EncodedVideo.h"

#include <memory>
#include <optional>

namespace consult::media {

// The bitrate range of the product (150-700 kbit/s); the bitrate control moves within it.
inline constexpr int kMinVideoBitrateKbps = 150;
inline constexpr int kDefaultVideoBitrateKbps = 450;
inline constexpr int kMaxVideoBitrateKbps = 700;

struct Vp8EncoderSettings
{
    int width = kVideoWidth;
    int height = kVideoHeight;
    int framesPerSecond = 25;
    int bitrateKbps = kDefaultVideoBitrateKbps;
    int threads = 1;
    // At most one keyframe per this interval, however often they are asked for: each costs about
    // seven ordinary frames, and a receiver that keeps asking must not flood a thin uplink.
    qint64 keyframeMinIntervalUs = 500'000;
};

// VP8 for real-time video with WebRTC's settings: one pass, CBR, no lag frames,
// cpu-used -6, error resilient, keyframes only when asked for (kf_max_dist 3000 is a safety net).
// Not thread-safe: create and use it on one thread, the encoding worker (see VideoSender).
// Time comes from the frames' capture timestamps, so the keyframe rate limit needs no clock.
class Vp8Encoder
{
public:
    struct Stats
    {
        quint32 framesIn = 0;
        quint32 framesEncoded = 0;
        quint32 framesDropped = 0; // skipped by libvpx's rate control to hold the bitrate
        quint32 framesRefused = 0; // wrong size or encoder error
        quint32 keyframes = 0;
        qint64 bytesOut = 0;
    };

    static Result<std::unique_ptr<Vp8Encoder>> create(const Vp8EncoderSettings &settings = {});
    ~Vp8Encoder();
    Vp8Encoder(const Vp8Encoder &) = delete;
    Vp8Encoder &operator=(const Vp8Encoder &) = delete;

    // Encodes one frame of the configured size. Nothing when libvpx dropped the frame to hold the
    // bitrate, or refused it (see stats()). The result's frameId is left for the packetizer.
    std::optional<EncodedVideoFrame> encode(const I420Frame &frame);

    // The next frame will be a keyframe, or the first frame once keyframeMinIntervalUs has passed
    // since the last keyframe. Requests while one is pending are merged.
    void requestKeyframe() { m_keyframeRequested = true; }
    bool isKeyframePending() const { return m_keyframeRequested; }

    // Takes effect from the next frame; clamped to [kMinVideoBitrateKbps, kMaxVideoBitrateKbps].
    // Returns the bitrate now in force.
    int setTargetBitrate(int kbps);
    int targetBitrate() const;

    const Stats &stats() const { return m_stats; }

private:
    struct Codec;
    Vp8Encoder(std::unique_ptr<Codec> codec, const Vp8EncoderSettings &settings);
    bool keyframeDue(qint64 captureUs) const;

    std::unique_ptr<Codec> m_codec;
    Vp8EncoderSettings m_settings;
    bool m_keyframeRequested = false;
    std::optional<qint64> m_lastKeyframeUs;
    std::optional<qint64> m_firstCaptureUs;
    qint64 m_lastPts = -1;
    Stats m_stats;
};

} // namespace consult::media
