#include "media/audio/OpusVoiceDecoder.h"

#include <opus.h>

#include <algorithm>

namespace consult::media {

namespace {
constexpr int kPacketSamples = 2 * kFrameSamples;

bool isTwentyMilliseconds(QByteArrayView packet)
{
    const auto *data = reinterpret_cast<const unsigned char *>(packet.data());
    return !packet.isEmpty() &&
           opus_packet_get_nb_samples(data, opus_int32(packet.size()), kSampleRate) == kPacketSamples;
}
} // namespace

void OpusVoiceDecoder::Destroy::operator()(::OpusDecoder *decoder) const
{
    opus_decoder_destroy(decoder);
}

OpusVoiceDecoder::OpusVoiceDecoder()
{
    int error = OPUS_OK;
    m_decoder.reset(opus_decoder_create(kSampleRate, 1, &error));
    if (!m_decoder)
        qFatal("opus_decoder_create: %s", opus_strerror(error));
}

OpusVoiceDecoder::~OpusVoiceDecoder() = default;

std::optional<PacketAudio> OpusVoiceDecoder::run(const unsigned char *data, int size, bool fec)
{
    std::array<opus_int16, kPacketSamples> pcm{};
    const int samples = opus_decode(m_decoder.get(), data, size, pcm.data(), kPacketSamples, fec ? 1 : 0);
    if (samples != kPacketSamples)
        return std::nullopt;
    PacketAudio audio;
    std::copy_n(pcm.begin(), kFrameSamples, audio[0].samples.begin());
    std::copy_n(pcm.begin() + kFrameSamples, kFrameSamples, audio[1].samples.begin());
    return audio;
}

std::optional<PacketAudio> OpusVoiceDecoder::decode(QByteArrayView packet)
{
    if (!isTwentyMilliseconds(packet))
        return std::nullopt;
    return run(reinterpret_cast<const unsigned char *>(packet.data()), int(packet.size()), false);
}

PacketAudio OpusVoiceDecoder::conceal()
{
    // A null packet asks Opus for concealment of frame_size samples; it cannot fail.
    return run(nullptr, 0, false).value_or(PacketAudio{});
}

bool OpusVoiceDecoder::carriesFec(QByteArrayView packet)
{
    if (!isTwentyMilliseconds(packet))
        return false;
    const auto *data = reinterpret_cast<const unsigned char *>(packet.data());
    const int config = data[0] >> 3;
    if (config >= 16)
        return false; // CELT-only: no SILK layer, no FEC
    const unsigned char *frames[48];
    opus_int16 sizes[48];
    if (opus_packet_parse(data, opus_int32(packet.size()), nullptr, frames, sizes, nullptr) < 1 || sizes[0] == 0)
        return false;
    // The SILK layer starts the range-coded frame with one voice activity flag per 20 ms SILK
    // frame, then the LBRR (FEC) flag, each an even-odds bit: for 20 ms, the second bit of the
    // first byte (how libopus 1.5's opus_packet_has_lbrr reads it; 1.3 has no such call).
    const bool stereo = (data[0] & 0x4) != 0;
    return ((frames[0][0] >> 6) & 1) != 0 || (stereo && ((frames[0][0] >> 4) & 1) != 0);
}

std::optional<PacketAudio> OpusVoiceDecoder::recover(QByteArrayView followingPacket)
{
    if (!carriesFec(followingPacket))
        return std::nullopt;
    return run(reinterpret_cast<const unsigned char *>(followingPacket.data()), int(followingPacket.size()), true);
}

} // namespace consult::media
