#include "media/engine/VideoStream.h"

#include "media/video/VideoReceiver.h"
#include "media/video/VideoSender.h"
#include "media/video/VideoSource.h"
#include "media/video/Vp8Decoder.h"

#include <QMetaObject>

namespace consult::media {

VideoStream::VideoStream(QObject *parent)
    : QObject(parent)
{
    m_encodeThread.setObjectName(QStringLiteral("video-encode"));
    m_decodeThread.setObjectName(QStringLiteral("video-decode"));
}

VideoStream::~VideoStream()
{
    stop();
}

Status VideoStream::start(VideoSource *source, const Vp8EncoderSettings &settings)
{
    if (m_sender)
        return success();
    Vp8EncoderSettings encoderSettings = settings;
    if (m_kbps > 0)
        encoderSettings.bitrateKbps = m_kbps;
    Result<std::unique_ptr<Vp8Encoder>> encoder = Vp8Encoder::create(encoderSettings);
    if (!encoder)
        return encoder.problem();
    Result<std::unique_ptr<Vp8Decoder>> decoder = Vp8Decoder::create();
    if (!decoder)
        return decoder.problem();

    m_sender = std::make_unique<VideoSender>(std::move(encoder).value());
    m_sender->setEnabled(m_enabled);
    m_sender->moveToThread(&m_encodeThread);
    connect(m_sender.get(), &VideoSender::fragmentsReady, this, &VideoStream::sendFragments);

    m_receiver = std::make_unique<VideoReceiver>(std::move(decoder).value());
    m_receiver->moveToThread(&m_decodeThread);
    connect(m_receiver.get(), &VideoReceiver::frameDecoded, this, [this](const I420Frame &frame) {
        ++m_framesDecoded;
        Q_EMIT frameDecoded(frame);
    });
    connect(m_receiver.get(), &VideoReceiver::keyframeNeeded, this, [this] {
        if (keyframeNeeded)
            keyframeNeeded();
    });

    m_source = nullptr;
    setCaptureSource(source);
    m_encodeThread.start(QThread::HighPriority);
    m_decodeThread.start(QThread::HighPriority);
    return success();
}

void VideoStream::setCaptureSource(VideoSource *source)
{
    if (m_source && m_sender)
        disconnect(m_source, nullptr, m_sender.get(), nullptr);
    const bool switched = m_source != nullptr;
    m_source = source;
    if (!source || !m_sender)
        return;
    // Straight to the encoding thread: submit() only parks the newest picture.
    VideoSender *sender = m_sender.get();
    connect(
        source, &VideoSource::frameCaptured, sender, [sender](const I420Frame &frame) { sender->submit(frame); },
        Qt::DirectConnection);
    if (switched)
        requestKeyframe(); // another camera: the peer gets a fresh start
}

void VideoStream::stop()
{
    if (!m_sender)
        return;
    if (m_source)
        disconnect(m_source, nullptr, m_sender.get(), nullptr);
    m_sender->setEnabled(false);
    m_encodeThread.quit();
    m_decodeThread.quit();
    m_encodeThread.wait();
    m_decodeThread.wait();
    // Both threads have ended: nothing runs on these objects any more.
    m_sender.reset();
    m_receiver.reset();
}

void VideoStream::setBitrateKbps(int kbps)
{
    if (kbps <= 0 || kbps == m_kbps)
        return;
    m_kbps = kbps;
    if (VideoSender *sender = m_sender.get())
        QMetaObject::invokeMethod(
            sender, [sender, kbps] { sender->setTargetBitrate(kbps); }, Qt::QueuedConnection);
}

void VideoStream::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (m_sender)
        m_sender->setEnabled(enabled); // thread-safe
}

void VideoStream::requestKeyframe()
{
    if (VideoSender *sender = m_sender.get())
        QMetaObject::invokeMethod(
            sender, [sender] { sender->requestKeyframe(); }, Qt::QueuedConnection);
}

void VideoStream::setDecoding(bool decoding)
{
    if (decoding == m_decoding)
        return;
    m_decoding = decoding;
    if (decoding && m_receiver && keyframeNeeded)
        keyframeNeeded(); // the session sends the KeyframeRequest (rate-limited there)
}

void VideoStream::push(const wire::MediaPacket &packet)
{
    VideoReceiver *receiver = m_receiver.get();
    if (!receiver)
        return;
    if (!m_decoding) {
        ++m_fragmentsNotDecoded;
        return;
    }
    VideoFragment fragment;
    fragment.frameId = packet.frame_id();
    // Larger values than 16 bits are no fragment of ours; the reassembler refuses them as such.
    fragment.fragmentIndex = quint16(std::min<quint32>(packet.fragment_index(), 0xffff));
    fragment.fragmentCount = quint16(std::min<quint32>(packet.fragment_count(), 0xffff));
    fragment.keyframe = packet.keyframe();
    fragment.captureUs = packet.capture_us();
    fragment.payload = QByteArray::fromStdString(packet.payload());
    QMetaObject::invokeMethod(
        receiver, [receiver, fragment = std::move(fragment)] { receiver->receiveFragment(fragment); },
        Qt::QueuedConnection);
}

void VideoStream::sendFragments(const QList<VideoFragment> &fragments)
{
    if (!deliver || !m_enabled)
        return; // encoded just before the camera or the ladder switched video off
    for (const VideoFragment &fragment : fragments) {
        wire::MediaPacket packet;
        packet.set_capture_us(fragment.captureUs);
        packet.set_frame_id(fragment.frameId);
        packet.set_fragment_index(fragment.fragmentIndex);
        packet.set_fragment_count(fragment.fragmentCount);
        packet.set_keyframe(fragment.keyframe);
        packet.set_payload(fragment.payload.toStdString());
        deliver(std::move(packet));
    }
}

VideoStream::Statistics VideoStream::statistics() const
{
    Statistics statistics;
    statistics.framesDecoded = m_framesDecoded;
    statistics.fragmentsNotDecoded = m_fragmentsNotDecoded;
    statistics.targetKbps = m_kbps;
    if (VideoSender *sender = m_sender.get())
        QMetaObject::invokeMethod(
            sender,
            [sender, &statistics] {
                statistics.encoder = sender->encoderStats();
                statistics.framesSkipped = sender->framesSkipped();
            },
            Qt::BlockingQueuedConnection);
    if (VideoReceiver *receiver = m_receiver.get())
        QMetaObject::invokeMethod(
            receiver,
            [receiver, &statistics] {
                statistics.reassembly = receiver->reassemblyStats();
                statistics.decodeFailures = receiver->decodeFailures();
            },
            Qt::BlockingQueuedConnection);
    return statistics;
}

} // namespace consult::media
