#include "media/audio/AudioPlayoutPipeline.h"

#include "media/audio/AudioProcessor.h"

#include <array>

namespace consult::media {

AudioPlayoutPipeline::AudioPlayoutPipeline(AudioProcessor *processor, QObject *parent)
    : QObject(parent)
    , m_processor(processor)
{}

void AudioPlayoutPipeline::push(quint16 sequence, quint32 timestamp, const QByteArray &packet)
{
    m_jitterBuffer.put(sequence, timestamp, packet);
}

AudioFrame AudioPlayoutPipeline::renderFrame()
{
    if (m_nextHalf == 0)
        m_audio = nextPacketAudio();
    const AudioFrame &frame = m_audio[m_nextHalf];
    m_nextHalf = 1 - m_nextHalf;
    if (m_processor)
        m_processor->processRender(frame);
    return frame;
}

PacketAudio AudioPlayoutPipeline::nextPacketAudio()
{
    const JitterSlot slot = m_jitterBuffer.get();
    PacketAudio audio{};
    switch (slot.kind) {
    case JitterSlot::Kind::Packet:
        if (std::optional<PacketAudio> decoded = m_decoder.decode(slot.packet)) {
            audio = *decoded;
            ++m_statistics.decoded;
        } else {
            ++m_statistics.invalid;
            ++m_statistics.concealed;
            audio = m_decoder.conceal();
        }
        break;
    case JitterSlot::Kind::Lost:
        // The next packet's FEC copy when it is already here and carries one, concealment otherwise.
        if (std::optional<PacketAudio> recovered = m_decoder.recover(slot.following)) {
            audio = *recovered;
            ++m_statistics.recoveredWithFec;
        } else {
            audio = m_decoder.conceal();
            ++m_statistics.concealed;
        }
        break;
    case JitterSlot::Kind::Stretch:
        // Concealment, not silence: a stretch forced by a loss falls in the middle of speech.
        audio = m_decoder.conceal();
        break;
    case JitterSlot::Kind::Idle:
        m_statistics.idleFrames += 2;
        break;
    }

    std::array<std::int16_t, 2 * kFrameSamples> both;
    std::copy(audio[0].samples.begin(), audio[0].samples.end(), both.begin());
    std::copy(audio[1].samples.begin(), audio[1].samples.end(), both.begin() + kFrameSamples);
    m_jitterBuffer.tick(m_silence.isSilent(both));

    m_statistics.jitter = m_jitterBuffer.statistics();
    m_statistics.bufferedMs = m_jitterBuffer.bufferedMs();
    return audio;
}

} // namespace consult::media
