#pragma once

#include "core/Clock.h"
#include "media/video/VideoSource.h"

#include <QCameraDevice>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoFrameFormat>
#include <QVideoSink>

#include <atomic>
#include <memory>

class QCamera;
class QVideoFrame;

namespace consult::media {

// The machine's default camera, or a chosen one, through Qt Multimedia (QCamera -> QMediaCaptureSession ->
// QVideoSink), delivering 640x360 I420 frames. A machine without a camera is an ordinary state
// (NoCamera), not an error: start() returns at once, and the source starts by itself when a camera
// is plugged in while it is switched on.
//
// Threads: create, start and stop it in the GUI thread. Each frame is copied to I420 (and scaled)
// directly in the thread the backend delivers it in, then emitted; the camera's buffer is released
// at once and never waits in a queue behind the encoder. Frames emitted there travel to a
// receiver in the encoding worker as a queued signal.
class CameraSource final : public VideoSource
{
    Q_OBJECT
public:
    explicit CameraSource(const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);
    // The chosen camera (the device chooser's choice); the default one when it is null or no longer
    // present at start(). Unplugging it while capturing is a failure (the call reports it as lost).
    explicit CameraSource(const QCameraDevice &device, const Clock &clock = SystemClock::instance(),
                          QObject *parent = nullptr);
    ~CameraSource() override;

    void start() override;
    void stop() override;

    // What a camera offers, reduced to what the choice depends on (QCameraFormat cannot be made
    // outside Qt Multimedia, so tests use this).
    struct Mode
    {
        QVideoFrameFormat::PixelFormat pixelFormat = QVideoFrameFormat::Format_Invalid;
        QSize resolution;
        float maxFrameRate = 0;
    };
    // Index of the mode to ask for, or -1 when none has a pixel format we convert. Preferred, in
    // this order: at least 25 fps; at least 640x360; 16:9; the least to copy above 640x360 (the
    // most below it).
    static int preferredMode(const QList<Mode> &modes);

private:
    void openCamera();
    void closeCamera();
    void onVideoInputsChanged();
    void onCameraActiveChanged(bool active);
    void copyFrame(const QVideoFrame &frame);

    const Clock &m_clock;
    QMediaDevices m_devices;
    QVideoSink m_sink; // before the session, which refers to it until it goes
    QMediaCaptureSession m_session;
    std::unique_ptr<QCamera> m_camera;
    QCameraDevice m_chosen;     // null: the default camera
    QCameraDevice m_openDevice; // the one m_camera runs on
    bool m_wanted = false;      // switched on by the user
    // Read in the backend's delivery thread, written in ours.
    std::atomic<bool> m_delivering = false;
    std::atomic<quint32> m_nextFrameNumber = 0;
    std::atomic<bool> m_unconvertibleReported = false;
};

} // namespace consult::media
