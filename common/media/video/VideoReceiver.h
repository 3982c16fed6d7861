#pragma once

#include "core/Clock.h"
#include "media/video/VideoReassembler.h"
#include "media/video/Vp8Decoder.h"

#include <QObject>

#include <memory>

namespace consult::media {

// The receiving half of a video stream on its own worker thread: fragments -> whole frames -> VP8
// -> I420 pictures. Move it to the decoding QThread like VideoSender; feed it received fragments
// (queued), connect frameDecoded to a VideoRenderer in the GUI thread (queued) and keyframeNeeded
// to the session, which sends a KeyframeRequest to the peer. A frame the decoder cannot use also
// asks for a keyframe and keeps deltas away until one comes.
class VideoReceiver final : public QObject
{
    Q_OBJECT
public:
    explicit VideoReceiver(std::unique_ptr<Vp8Decoder> decoder, const Clock &clock = SystemClock::instance(),
                           QObject *parent = nullptr);
    ~VideoReceiver() override;

    void receiveFragment(const consult::media::VideoFragment &fragment);

    // Worker thread.
    const VideoReassembler::Stats &reassemblyStats() const { return m_reassembler.stats(); }
    quint32 decodeFailures() const { return m_decodeFailures; }

Q_SIGNALS:
    void frameDecoded(const consult::media::I420Frame &frame);
    void keyframeNeeded();

private:
    std::unique_ptr<Vp8Decoder> m_decoder;
    const Clock &m_clock;
    VideoReassembler m_reassembler;
    quint32 m_decodeFailures = 0;
};

} // namespace consult::media
