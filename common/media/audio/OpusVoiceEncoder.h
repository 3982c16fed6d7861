#pragma once

#include "media/MediaFrames.h"

#include <QByteArray>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>

struct OpusEncoder; // libopus's encoder state (global namespace, hence the name of ours)

namespace consult::media {

// Speech to Opus: 48 kHz mono, OPUS_APPLICATION_VOIP, one 20 ms packet from every two 10 ms
// frames. The bitrate is the knob of the rate control (about 24-32 kbit/s, down
// to 12 when the line is poor). In-band FEC is on: each packet also carries a coarse copy of the
// previous one, which the receiver uses when that one was lost, when the expected loss is set.
// One owner (the capture pipeline), one thread.
class OpusVoiceEncoder
{
public:
    static constexpr int kMinBitrate = 12'000;
    static constexpr int kDefaultBitrate = 24'000;
    static constexpr int kMaxBitrate = 32'000;

    explicit OpusVoiceEncoder(int bitrate = kDefaultBitrate);
    ~OpusVoiceEncoder();
    OpusVoiceEncoder(const OpusVoiceEncoder &) = delete;
    OpusVoiceEncoder &operator=(const OpusVoiceEncoder &) = delete;

    // Takes one 10 ms frame; returns the finished 20 ms packet on every second frame.
    std::optional<QByteArray> encode(const AudioFrame &frame);
    // Forgets a half-collected packet (the microphone was switched off between its two frames).
    void dropPendingFrame() { m_havePending = false; }

    // Clamped to [kMinBitrate, kMaxBitrate]; takes effect with the next packet.
    void setBitrate(int bitsPerSecond);
    int bitrate() const { return m_bitrate; }
    // The loss the receiver reports; Opus spends FEC bits in proportion. 0 turns FEC data off.
    void setExpectedPacketLossPercent(int percent);

private:
    struct Destroy
    {
        void operator()(::OpusEncoder *encoder) const;
    };

    std::unique_ptr<::OpusEncoder, Destroy> m_encoder;
    int m_bitrate = kDefaultBitrate;
    std::array<std::int16_t, 2 * kFrameSamples> m_pcm{};
    bool m_havePending = false;
};

} // namespace consult::media
