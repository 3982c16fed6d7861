#pragma once

#include "media/MediaFrames.h"

#include <QObject>
#include <QString>

namespace consult::media {

// Where the pictures come from: a camera (CameraSource) or a synthetic pattern (TestPatternSource).
// Switching it on and off is the user's camera switch: while it is not Capturing it emits no frames,
// so nothing is encoded, and isCapturing() is the "camera on" state the session tells the peer.
//
// Threads: a source lives in the thread that created it (the GUI thread for a camera) and is
// started and stopped there. frameCaptured carries a finished 640x360 I420 copy by value (its planes
// are implicitly shared, so passing it costs no copy); connect it to an object in the encoding
// worker thread (VideoSender) and Qt queues the frame there. A source may emit it from a capture
// thread of the multimedia backend, never blocking on the encoder.
class VideoSource : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Off,       // switched off (or never started)
        Starting,  // switched on, device opening
        Capturing, // frames flow
        NoCamera,  // switched on, but the machine has no camera
        Failed,    // switched on, but the device refused (busy, unplugged, no usable format)
    };
    Q_ENUM(Status)

    using QObject::QObject;

    virtual void start() = 0;
    virtual void stop() = 0;

    Status status() const { return m_status; }
    bool isCapturing() const { return m_status == Status::Capturing; }
    // What went wrong when the status is Failed; empty otherwise. English, for logs.
    QString errorString() const { return m_errorString; }

Q_SIGNALS:
    void frameCaptured(const consult::media::I420Frame &frame);
    void statusChanged(consult::media::VideoSource::Status status);

protected:
    void setStatus(Status status, const QString &errorString = {})
    {
        m_errorString = errorString;
        if (status == m_status)
            return;
        m_status = status;
        Q_EMIT statusChanged(status);
    }

private:
    Status m_status = Status::Off;
    QString m_errorString;
};

} // namespace consult::media
