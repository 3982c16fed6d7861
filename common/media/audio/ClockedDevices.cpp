#include "media/audio/ClockedDevices.h"

namespace consult::media {

namespace {

constexpr qint64 kFrameUs = 10'000;

// Periods of kFrameUs completed between start and now.
qint64 periodsCompleted(qint64 startUs, qint64 nowUs)
{
    return (nowUs - startUs) / kFrameUs;
}

} // namespace

ClockedSource::ClockedSource(std::unique_ptr<SyntheticSource> signal, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_signal(std::move(signal))
    , m_clock(clock)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(int(kFrameUs / 1000));
    connect(&m_timer, &QTimer::timeout, this, &ClockedSource::tick);
}

Status ClockedSource::start()
{
    if (Status started = m_signal->start(); !started)
        return started;
    m_startUs = m_clock.monotonicUs();
    m_delivered = 0;
    m_timer.start();
    return success();
}

void ClockedSource::stop()
{
    m_timer.stop();
    m_signal->stop();
}

void ClockedSource::tick()
{
    // Like a device with a 10 ms period: a frame is delivered once its last sample is captured.
    const qint64 due = periodsCompleted(m_startUs, m_clock.monotonicUs());
    while (m_delivered < due) {
        std::optional<AudioFrame> frame = m_signal->nextFrame();
        if (!frame) {
            stop();
            return;
        }
        frame->captureUs = m_startUs + m_delivered * kFrameUs;
        ++m_delivered;
        deliver(*frame);
    }
}

ClockedSink::ClockedSink(Consumer consumer, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_consumer(std::move(consumer))
    , m_clock(clock)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(int(kFrameUs / 1000));
    connect(&m_timer, &QTimer::timeout, this, &ClockedSink::tick);
}

Status ClockedSink::start()
{
    m_startUs = m_clock.monotonicUs();
    m_pulled = 0;
    m_timer.start();
    return success();
}

void ClockedSink::stop()
{
    m_timer.stop();
}

void ClockedSink::tick()
{
    // Like a device with a 10 ms period: the frame pulled while one plays starts when that ends.
    const qint64 due = periodsCompleted(m_startUs, m_clock.monotonicUs()) + 1;
    while (m_pulled < due) {
        const AudioFrame frame = nextFrame();
        const qint64 playUs = m_startUs + (m_pulled + 1) * kFrameUs;
        ++m_pulled;
        if (m_consumer)
            m_consumer(frame, playUs);
    }
}

} // namespace consult::media
