#pragma once

#include "media/audio/AudioSource.h"
#include "media/audio/DeviceFormatConverter.h"

#include <QAudioDevice>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

class QAudioSource;
class QIODevice;

namespace consult::media {

// The microphone through Qt Multimedia (PulseAudio on Linux, WASAPI on Windows). Asks the device
// for 48 kHz mono int16; when it refuses, takes the device's preferred format and converts at this
// edge. Delivers frames as the device's clock produces them, on the thread this object lives on
// (QAudioSource is created in start(), so call start() on that thread).
class QtAudioInput final : public QObject, public AudioSource
{
    Q_OBJECT
public:
    // About 20 ms of device buffer: short enough for the latency budget (target: audio
    // glass-to-glass under 80 ms), long enough that a busy scheduler does not overrun it.
    static constexpr int kDefaultBufferMs = 20;
    // A microphone delivers all the time (silence too): nothing for this long after a start means
    // the device went away. Qt 6.4's PulseAudio backend reports no error when the source is removed
    // (the stream just stops), so this is how an unplugged microphone is noticed.
    static constexpr int kStallMs = 1500;

    explicit QtAudioInput(const QAudioDevice &device, int bufferMs = kDefaultBufferMs, QObject *parent = nullptr);
    ~QtAudioInput() override;

    Status start() override;
    void stop() override;
    int latencyMs() const override;

    // The format the device actually runs at; valid after a successful start().
    QAudioFormat deviceFormat() const;
    qint64 framesDelivered() const { return m_framesDelivered; }

Q_SIGNALS:
    // The device stopped on its own after a successful start (unplugged, server gone).
    void failed(const QString &reason);

private:
    void readAvailable();
    void checkStall();

    QAudioDevice m_device;
    int m_bufferMs;
    std::unique_ptr<QAudioSource> m_source;
    QIODevice *m_io = nullptr; // owned by m_source
    std::optional<CaptureConverter> m_converter;
    std::vector<AudioFrame> m_frames;
    qint64 m_framesDelivered = 0;
    qint64 m_framesAtLastLook = 0;
    QTimer m_stallTimer;
};

} // namespace consult::media
