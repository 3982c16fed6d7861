#pragma once

#include "core/Clock.h"
#include "media/video/TestPattern.h"
#include "media/video/VideoSource.h"

#include <QTimer>

namespace consult::media {

// A synthetic camera: TestPattern frames at a steady rate, stamped with the clock's monotonic time.
// For headless tests, the pre-call check without a camera, and the glass-to-glass benchmark.
// Lives in any thread with an event loop (its timer runs there).
class TestPatternSource final : public VideoSource
{
    Q_OBJECT
public:
    explicit TestPatternSource(TestPattern::Kind kind = TestPattern::Kind::Moving, int framesPerSecond = 25,
                               const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);

    void start() override;
    void stop() override;

    // Emits the next frame now (the timer calls this); does nothing while switched off. Tests call
    // it directly instead of waiting for the timer.
    void captureFrame();

private:
    TestPattern m_pattern;
    const Clock &m_clock;
    QTimer m_timer;
    quint32 m_nextFrameNumber = 0;
};

} // namespace consult::media
