#pragma once

#include "core/Result.h"
#include "media/MediaStream.h"
#include "media/video/VideoReassembler.h"
#include "media/video/Vp8Encoder.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>

namespace consult::media {

class VideoReceiver;
class VideoSender;
class VideoSource;

// The video of one call on one side, plugged into a MediaSession as its video source and sink:
// captured pictures -> VP8 -> fragments out, and fragments in -> whole frames -> VP8 -> decoded
// pictures (frameDecoded, for a VideoRenderer).
//
// Threads (docs/THREADING.md): encoding and decoding each run on their own thread (VideoSender,
// VideoReceiver); the capture source hands frames straight to the encoding thread. This object
// lives in the session's thread and crosses over only by queued calls.
class VideoStream final : public QObject, public MediaStreamSource, public MediaStreamSink
{
    Q_OBJECT
public:
    struct Statistics
    {
        Vp8Encoder::Stats encoder;
        quint32 framesSkipped = 0; // the encoder was still busy with an older picture
        VideoReassembler::Stats reassembly;
        quint32 decodeFailures = 0;
        quint32 framesDecoded = 0;
        quint32 fragmentsNotDecoded = 0; // received while decoding was off (setDecoding) and dropped
        int targetKbps = 0;
    };

    explicit VideoStream(QObject *parent = nullptr);
    ~VideoStream() override;

    // Starts both threads. source: where the pictures come from (camera or test pattern), not
    // owned; nullptr receives only. The source is switched on and off by its owner (the self-view
    // may run while nothing is sent); what is sent follows setEnabled().
    Status start(VideoSource *source, const Vp8EncoderSettings &settings = {});
    void stop();
    // Another camera mid-call (the user chose a different one, or nullptr: none left). Not owned.
    void setCaptureSource(VideoSource *source);

    // MediaStreamSource.
    wire::MediaKind kind() const override { return wire::MEDIA_KIND_VIDEO; }
    void setBitrateKbps(int kbps) override;
    void setEnabled(bool enabled) override;
    void requestKeyframe() override;

    // MediaStreamSink.
    void push(const wire::MediaPacket &packet) override;

    // Whether the peer's video is decoded at all (the customer's "Berater sehen"; on at the
    // start). Off: what arrives is dropped here, before the decoding thread, so a hidden picture
    // costs no CPU. Back on: asks the peer for a keyframe at once, because the decoder has missed
    // the frames the next ones build on (the reassembler would otherwise wait for the gap).
    void setDecoding(bool decoding);
    bool isDecoding() const { return m_decoding; }

    // Waits for both threads (tests, benchmarks, diagnostics).
    Statistics statistics() const;

Q_SIGNALS:
    // A decoded picture from the peer, in this object's thread.
    void frameDecoded(const consult::media::I420Frame &frame);

private:
    void sendFragments(const QList<consult::media::VideoFragment> &fragments);

    QThread m_encodeThread;
    QThread m_decodeThread;
    std::unique_ptr<VideoSender> m_sender;     // lives on m_encodeThread
    std::unique_ptr<VideoReceiver> m_receiver; // lives on m_decodeThread
    QPointer<VideoSource> m_source;
    bool m_enabled = false;
    int m_kbps = 0;
    quint32 m_framesDecoded = 0;
    bool m_decoding = true;
    quint32 m_fragmentsNotDecoded = 0;
};

} // namespace consult::media
