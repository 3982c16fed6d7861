#pragma once

#include "media/MediaFrames.h"
#include "media/audio/LevelMeter.h"
#include "media/audio/OpusVoiceEncoder.h"

#include <QByteArray>
#include <QObject>

namespace consult::media {

class AudioProcessor;

// The sending half of the audio engine: microphone frame -> echo cancellation, noise suppression,
// gain control -> level meter -> Opus -> one 20 ms packet every second frame, out through
// packetReady(sequence, timestamp, bytes). It knows nothing of the network.
//
// Microphone off (muted): nothing is encoded and no packet leaves; the sequence number stops and
// the timestamp (the 48 kHz sample clock of the frames offered) runs on, so the receiver sees a
// pause, not a loss. The processor and the meter keep running while muted: the echo canceller
// stays converged for the moment the microphone comes back, and the UI can say "you are muted"
// when the user talks. The session signals `muted` to the peer.
//
// Threading: plain object for one thread, no locks. The session runs the engine on its audio
// worker thread (never on the GUI thread): it creates this pipeline, the
// AudioPlayoutPipeline, their shared AudioProcessor and the devices on that QThread (or moves them
// there before starting the devices), wires the source's frame handler to processFrame() directly
// (same thread), and crosses threads only through Qt's queued connections: packetReady to the
// connection, setMuted() and setBitrate() invoked from the GUI or the rate control.
class AudioCapturePipeline final : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool muted READ isMuted WRITE setMuted NOTIFY mutedChanged)
public:
    // Frames between two levelMeasured signals: 50 ms, 20 updates per second for the meter.
    static constexpr int kLevelIntervalFrames = 5;

    explicit AudioCapturePipeline(AudioProcessor &processor, QObject *parent = nullptr);

    // One 10 ms microphone frame; call from the source's frame handler.
    void processFrame(const AudioFrame &frame);

    bool isMuted() const { return m_muted; }
    AudioLevel level() const { return m_meter.smoothed(); }
    int bitrate() const { return m_encoder.bitrate(); }
    qint64 packetsSent() const { return m_packetsSent; }

public Q_SLOTS:
    void setMuted(bool muted);
    // Rate control: 12-32 kbit/s (clamped).
    void setBitrate(int bitsPerSecond) { m_encoder.setBitrate(bitsPerSecond); }
    // Loss the peer reports; sizes Opus's in-band FEC.
    void setExpectedPacketLossPercent(int percent) { m_encoder.setExpectedPacketLossPercent(percent); }

Q_SIGNALS:
    // sequence: +1 per packet sent; timestamp: 48 kHz sample clock of the packet's first sample;
    // captureUs: that sample's capture time (AudioFrame::captureUs).
    void packetReady(quint16 sequence, quint32 timestamp, const QByteArray &packet, qint64 captureUs);
    void mutedChanged(bool muted);
    // The smoothed microphone level after processing, every kLevelIntervalFrames frames.
    void levelMeasured(float rmsDbfs, float peakDbfs);

private:
    AudioProcessor &m_processor;
    OpusVoiceEncoder m_encoder;
    LevelMeter m_meter;
    bool m_muted = false;
    quint16 m_sequence = 0;
    quint32 m_frameTimestamp = 0;  // of the frame being processed
    quint32 m_packetTimestamp = 0; // of the first frame of the packet being collected
    qint64 m_packetCaptureUs = 0;
    qint64 m_packetsSent = 0;
    int m_framesSinceLevel = 0;
};

} // namespace consult::media
