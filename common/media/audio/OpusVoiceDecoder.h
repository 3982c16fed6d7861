#pragma once

#include "media/MediaFrames.h"

#include <QByteArrayView>

#include <array>
#include <memory>
#include <optional>

struct OpusDecoder; // libopus's decoder state (global namespace, hence the name of ours)

namespace consult::media {

// The audio of one 20 ms packet: two 10 ms frames.
using PacketAudio = std::array<AudioFrame, 2>;

// Opus to speech, with the two ways of filling a hole: concealment (PLC: Opus extrapolates the
// last audio, fading out over consecutive losses) and forward error correction (the coarse copy of
// a lost packet carried inside the packet after it). Accepts only 20 ms packets: anything else
// from the peer is refused as invalid, and the caller conceals instead. One owner, one thread.
class OpusVoiceDecoder
{
public:
    OpusVoiceDecoder();
    ~OpusVoiceDecoder();
    OpusVoiceDecoder(const OpusVoiceDecoder &) = delete;
    OpusVoiceDecoder &operator=(const OpusVoiceDecoder &) = delete;

    // Nothing when the packet is not a valid 20 ms Opus packet.
    std::optional<PacketAudio> decode(QByteArrayView packet);
    // A plausible 20 ms in place of a lost packet.
    PacketAudio conceal();
    // The lost packet's audio recovered from the FEC data in the packet that followed it; nothing
    // when that packet carries none (the sender expects no loss, or sent a CELT-only packet) or is
    // invalid: then the caller conceals.
    std::optional<PacketAudio> recover(QByteArrayView followingPacket);

    // Whether a 20 ms packet carries FEC data for the packet before it (SILK's LBRR flag).
    static bool carriesFec(QByteArrayView packet);

private:
    struct Destroy
    {
        void operator()(::OpusDecoder *decoder) const;
    };
    std::optional<PacketAudio> run(const unsigned char *data, int size, bool fec);

    std::unique_ptr<::OpusDecoder, Destroy> m_decoder;
};

} // namespace consult::media
