#pragma once

#include "SimulatedLink.h"

#include "media/audio/AudioCapturePipeline.h"
#include "media/audio/AudioPlayoutPipeline.h"
#include "media/audio/AudioProcessor.h"
#include "media/audio/CollectingSink.h"
#include "media/audio/SyntheticSource.h"

#include <QObject>

namespace consult::media::testing {

// One direction of a call, headless and on the test's clock: a synthetic source on the sender's
// capture pipeline, a simulated link, the receiver's playout pipeline and a collecting sink.
// advance(n) runs n 10 ms steps as fast as the CPU allows: the source delivers a frame, packets
// that have arrived are pushed, the sink pulls a frame.
class SimulatedCall
{
public:
    SimulatedCall(SyntheticSource &source, const AudioProcessingSettings &senderProcessing, SimulatedLink &link)
        : m_source(source)
        , m_senderProcessor(senderProcessing)
        , m_capture(m_senderProcessor)
        , m_playout(&m_receiverProcessor)
        , m_link(link)
    {
        QObject::connect(&m_capture, &AudioCapturePipeline::packetReady, &m_capture,
                         [this](quint16 sequence, quint32 timestamp, const QByteArray &packet) {
                             m_link.send(m_nowMs, sequence, timestamp, packet);
                         });
        m_source.setFrameHandler([this](const AudioFrame &frame) { m_capture.processFrame(frame); });
        m_sink.setFrameProvider([this] { return m_playout.renderFrame(); });
        (void)m_source.start();
        (void)m_sink.start();
    }

    void advance(int steps)
    {
        for (int i = 0; i < steps; ++i) {
            m_source.pump(1);
            for (const LinkPacket &packet : m_link.arrivals(m_nowMs))
                m_playout.push(packet.sequence, packet.timestamp, packet.bytes);
            m_sink.pull(1);
            m_nowMs += 10;
        }
    }

    AudioCapturePipeline &capture() { return m_capture; }
    AudioPlayoutPipeline &playout() { return m_playout; }
    CollectingSink &sink() { return m_sink; }
    int nowMs() const { return m_nowMs; }

private:
    SyntheticSource &m_source;
    AudioProcessor m_senderProcessor;
    AudioProcessor m_receiverProcessor;
    AudioCapturePipeline m_capture;
    AudioPlayoutPipeline m_playout;
    CollectingSink m_sink;
    SimulatedLink &m_link;
    int m_nowMs = 0;
};

} // namespace consult::media::testing
