#include "media/audio/QtAudioInput.h"

#include <QAudioSource>
#include <QIODevice>

#include <chrono>

namespace consult::media {

QtAudioInput::QtAudioInput(const QAudioDevice &device, int bufferMs, QObject *parent)
    : QObject(parent)
    , m_device(device)
    , m_bufferMs(bufferMs)
{}

QtAudioInput::~QtAudioInput()
{
    stop();
}

Status QtAudioInput::start()
{
    stop();
    if (m_device.isNull())
        return Status::failure(QStringLiteral("no_device"), QStringLiteral("No microphone is available."));

    const QAudioFormat wanted = engineAudioFormat();
    const QAudioFormat format = m_device.isFormatSupported(wanted) ? wanted : m_device.preferredFormat();
    m_source = std::make_unique<QAudioSource>(m_device, format);
    // The buffer size only takes effect before start().
    m_source->setBufferSize(format.bytesForDuration(qint64(m_bufferMs) * 1000));
    m_converter.emplace(format);

    m_io = m_source->start();
    if (!m_io || m_source->error() != QAudio::NoError) {
        const QString device = m_device.description();
        stop();
        return Status::failure(QStringLiteral("device_error"),
                               QStringLiteral("The microphone \"%1\" could not be opened.").arg(device));
    }
    connect(m_io, &QIODevice::readyRead, this, &QtAudioInput::readAvailable);
    connect(m_source.get(), &QAudioSource::stateChanged, this, [this](QAudio::State state) {
        if (state == QAudio::StoppedState && m_source && m_source->error() != QAudio::NoError) {
            const QString reason = QStringLiteral("The microphone \"%1\" stopped working.").arg(m_device.description());
            Q_EMIT failed(reason);
            reportFailure(reason);
        }
    });
    return success();
}

void QtAudioInput::stop()
{
    if (m_source) {
        m_source->disconnect(this);
        m_source->stop();
    }
    m_io = nullptr;
    m_source.reset();
    m_converter.reset();
}

int QtAudioInput::latencyMs() const
{
    if (!m_source)
        return m_bufferMs;
    return int(m_source->format().durationForBytes(m_source->bufferSize()) / 1000);
}

QAudioFormat QtAudioInput::deviceFormat() const
{
    return m_source ? m_source->format() : QAudioFormat{};
}

void QtAudioInput::readAvailable()
{
    if (!m_io || !m_converter)
        return;
    const QByteArray bytes = m_io->readAll();
    m_frames.clear();
    m_converter->push(bytes, m_frames);
    // The newest sample was captured about now; each frame is 10 ms older than the next.
    using namespace std::chrono;
    const qint64 nowUs = duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
    qint64 captureUs = nowUs - qint64(m_frames.size()) * 10'000;
    for (AudioFrame &frame : m_frames) {
        frame.captureUs = captureUs;
        captureUs += 10'000;
        ++m_framesDelivered;
        deliver(frame);
    }
}

} // namespace consult::media
