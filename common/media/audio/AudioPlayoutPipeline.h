#pragma once

#include "media/MediaFrames.h"
#include "media/audio/JitterBuffer.h"
#include "media/audio/OpusVoiceDecoder.h"
#include "media/audio/SilenceDetector.h"

#include <QByteArray>
#include <QObject>

namespace consult::media {

class AudioProcessor;

// The receiving half of the audio engine: packets from the peer -> jitter buffer -> Opus decoder
// (concealment for lost packets, FEC recovery when the next packet is already here) -> the far-end
// reference of the echo canceller -> the speaker. The speaker pulls (renderFrame() every 10 ms, on
// the device's clock); packets are pushed whenever they arrive. It knows nothing of the network.
//
// Every frame returned by renderFrame() is first given to AudioProcessor::processRender(): the
// echo canceller's reference is exactly what the speaker gets, in the same order.
//
// Threading: like AudioCapturePipeline, a plain object for the session's audio worker thread.
// The sink's frame provider calls renderFrame() directly (same thread); the connection's packets
// arrive through a queued call of the push() slot.
class AudioPlayoutPipeline final : public QObject
{
    Q_OBJECT
public:
    struct Statistics
    {
        // The jitter buffer's, including the catch-up's drops (droppedInSilence, droppedForced).
        JitterBuffer::Statistics jitter;
        qint64 decoded = 0;          // packets decoded
        qint64 concealed = 0;        // lost or invalid packets replaced by Opus concealment (PLC)
        qint64 recoveredWithFec = 0; // lost packets decoded from the FEC data in the packet after them
        qint64 invalid = 0;          // packets that were not valid 20 ms Opus
        qint64 idleFrames = 0;       // 10 ms frames of silence with no stream
        int bufferedMs = 0;          // jitter buffer depth at the last slot
    };

    // processor: the echo canceller that gets the far-end reference; nullptr when there is none
    // (a receive-only test, the pre-call check's speaker test).
    explicit AudioPlayoutPipeline(AudioProcessor *processor, QObject *parent = nullptr);

    // The next 10 ms for the speaker; never blocks, silence when there is nothing to play.
    AudioFrame renderFrame();

    const Statistics &statistics() const { return m_statistics; }

public Q_SLOTS:
    // A packet from the peer, as it arrived (any order, duplicates allowed).
    void push(quint16 sequence, quint32 timestamp, const QByteArray &packet);

private:
    PacketAudio nextPacketAudio();

    AudioProcessor *m_processor;
    JitterBuffer m_jitterBuffer;
    OpusVoiceDecoder m_decoder;
    SilenceDetector m_silence;
    PacketAudio m_audio{};
    std::size_t m_nextHalf = 0; // which 10 ms of the packet audio the speaker gets next
    Statistics m_statistics;
};

} // namespace consult::media
