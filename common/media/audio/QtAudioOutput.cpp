#include "media/audio/QtAudioOutput.h"

#include <QAudioSink>
#include <QIODevice>

#include <algorithm>

namespace consult::media {

QtAudioOutput::QtAudioOutput(const QAudioDevice &device, int bufferMs, QObject *parent)
    : QObject(parent)
    , m_device(device)
    , m_bufferMs(bufferMs)
    , m_feedTimer(this) // a child, so that moveToThread() takes it along
{
    m_feedTimer.setTimerType(Qt::PreciseTimer);
    m_feedTimer.setInterval(kFeedIntervalMs);
    connect(&m_feedTimer, &QTimer::timeout, this, &QtAudioOutput::feed);
}

QtAudioOutput::~QtAudioOutput()
{
    stop();
}

Status QtAudioOutput::start()
{
    stop();
    if (m_device.isNull())
        return Status::failure(QStringLiteral("no_device"), QStringLiteral("No speaker is available."));

    const QAudioFormat wanted = engineAudioFormat();
    const QAudioFormat format = m_device.isFormatSupported(wanted) ? wanted : m_device.preferredFormat();
    m_sink = std::make_unique<QAudioSink>(m_device, format);
    // The buffer size only takes effect before start().
    m_sink->setBufferSize(format.bytesForDuration(qint64(m_bufferMs) * 1000));
    m_converter.emplace(format);

    m_io = m_sink->start();
    if (!m_io || m_sink->error() != QAudio::NoError) {
        const QString device = m_device.description();
        stop();
        return Status::failure(QStringLiteral("device_error"),
                               QStringLiteral("The speaker \"%1\" could not be opened.").arg(device));
    }
    connect(m_sink.get(), &QAudioSink::stateChanged, this, [this](QAudio::State state) {
        // Idle after an underrun is normal in push mode; only a stop with an error is a failure.
        if (state == QAudio::StoppedState && m_sink && m_sink->error() != QAudio::NoError) {
            const QString reason = QStringLiteral("The speaker \"%1\" stopped working.").arg(m_device.description());
            Q_EMIT failed(reason);
            reportFailure(reason);
        }
    });
    feed();
    m_feedTimer.start();
    return success();
}

void QtAudioOutput::stop()
{
    m_feedTimer.stop();
    if (m_sink) {
        m_sink->disconnect(this);
        m_sink->stop();
    }
    m_io = nullptr;
    m_sink.reset();
    m_converter.reset();
    m_pending.clear();
}

void QtAudioOutput::feed()
{
    if (!m_io || !m_converter)
        return;
    qsizetype room = m_sink->bytesFree();
    while (room > 0) {
        if (m_pending.isEmpty()) {
            m_pending = m_converter->convert(nextFrame());
            ++m_framesPulled;
        }
        const qint64 written = m_io->write(m_pending.constData(), std::min(room, m_pending.size()));
        if (written <= 0)
            break;
        m_pending.remove(0, written);
        room -= written;
    }
}

int QtAudioOutput::latencyMs() const
{
    if (!m_sink)
        return m_bufferMs;
    return int(m_sink->format().durationForBytes(m_sink->bufferSize()) / 1000);
}

QAudioFormat QtAudioOutput::deviceFormat() const
{
    return m_sink ? m_sink->format() : QAudioFormat{};
}

} // namespace consult::media
