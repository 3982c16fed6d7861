#include "media/video/TestPatternSource.h"

#include <algorithm>

namespace consult::media {

TestPatternSource::TestPatternSource(TestPattern::Kind kind, int framesPerSecond, const Clock &clock, QObject *parent)
    : VideoSource(parent)
    , m_pattern(kind)
    , m_clock(clock)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1000 / std::max(1, framesPerSecond));
    connect(&m_timer, &QTimer::timeout, this, &TestPatternSource::captureFrame);
}

void TestPatternSource::start()
{
    setStatus(Status::Capturing);
    m_timer.start();
}

void TestPatternSource::stop()
{
    m_timer.stop();
    setStatus(Status::Off);
}

void TestPatternSource::captureFrame()
{
    if (!isCapturing())
        return;
    Q_EMIT frameCaptured(m_pattern.render(m_nextFrameNumber++, m_clock.monotonicUs()));
}

} // namespace consult::media
