#pragma once

#include "media/audio/AudioSink.h"
#include "media/audio/DeviceFormatConverter.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class QAudioSink;
class QIODevice;

namespace consult::media {

// The speakers through Qt Multimedia. Asks for 48 kHz mono int16 and converts at this edge when
// the device refuses. Runs on the thread this object lives on (QAudioSink is created in start(),
// so call start() on that thread).
//
// Fed in push mode: every few milliseconds it tops the device buffer up with as many 10 ms frames
// as fit, pulled from the frame provider. The device's free space, not the timer, decides how
// many frames are taken, so playout follows the device's clock. Qt 6.4's pull mode was tried
// first and dropped: on PulseAudio it reads only whole 20 ms periods from a buffer the server cuts
// to 3/4 of the request, so it needs 40 ms requested and still underran 2-3 times a second in
// TestQtAudioDevices' private sound server; push mode at 20 ms (15 ms granted) ran clean.
class QtAudioOutput final : public QObject, public AudioSink
{
    Q_OBJECT
public:
    // About 20 ms of device buffer, set before start() (it cannot change afterwards).
    static constexpr int kDefaultBufferMs = 20;
    // How often the buffer is topped up.
    static constexpr int kFeedIntervalMs = 5;
    // A playing device always takes more: no room for this long means the device went away (Qt
    // 6.4's PulseAudio backend reports no error when the sink is removed).
    static constexpr int kStallMs = 1500;

    explicit QtAudioOutput(const QAudioDevice &device, int bufferMs = kDefaultBufferMs, QObject *parent = nullptr);
    ~QtAudioOutput() override;

    Status start() override;
    void stop() override;
    int latencyMs() const override;

    // The format the device actually runs at; valid after a successful start().
    QAudioFormat deviceFormat() const;
    qint64 framesPulled() const { return m_framesPulled; }

Q_SIGNALS:
    // The device stopped on its own after a successful start (unplugged, server gone).
    void failed(const QString &reason);

private:
    void feed();
    void checkStall();

    QAudioDevice m_device;
    int m_bufferMs;
    std::unique_ptr<QAudioSink> m_sink;
    QIODevice *m_io = nullptr; // owned by m_sink
    std::optional<PlaybackConverter> m_converter;
    QByteArray m_pending; // converted bytes that did not fit the device buffer yet
    QTimer m_feedTimer;
    qint64 m_framesPulled = 0;
    qint64 m_framesAtLastLook = 0;
    QTimer m_stallTimer;
};

} // namespace consult::media
