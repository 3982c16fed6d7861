#include "media/audio/AudioCapturePipeline.h"

#include "media/audio/AudioProcessor.h"

namespace consult::media {

AudioCapturePipeline::AudioCapturePipeline(AudioProcessor &processor, QObject *parent)
    : QObject(parent)
    , m_processor(processor)
{}

void AudioCapturePipeline::processFrame(const AudioFrame &input)
{
    AudioFrame frame = input;
    m_processor.processCapture(frame);
    m_meter.measure(frame.samples);
    if (++m_framesSinceLevel >= kLevelIntervalFrames) {
        m_framesSinceLevel = 0;
        Q_EMIT levelMeasured(m_meter.smoothed().rmsDbfs, m_meter.smoothed().peakDbfs);
    }

    const quint32 timestamp = m_frameTimestamp;
    m_frameTimestamp += kFrameSamples;
    if (m_muted)
        return;

    // A frame that starts a packet carries the packet's timestamp; the encoder pairs it with the next.
    std::optional<QByteArray> packet = m_encoder.encode(frame);
    if (!packet) {
        m_packetTimestamp = timestamp;
        m_packetCaptureUs = frame.captureUs;
        return;
    }
    ++m_packetsSent;
    Q_EMIT packetReady(m_sequence++, m_packetTimestamp, *packet, m_packetCaptureUs);
}

void AudioCapturePipeline::setMuted(bool muted)
{
    if (muted == m_muted)
        return;
    m_muted = muted;
    // Half a packet from before the switch must not be glued to audio from after it.
    m_encoder.dropPendingFrame();
    Q_EMIT mutedChanged(muted);
}

} // namespace consult::media
