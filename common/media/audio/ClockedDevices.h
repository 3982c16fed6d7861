#pragma once

#include "core/Clock.h"
#include "media/audio/AudioSink.h"
#include "media/audio/SyntheticSource.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace consult::media {

// A synthetic source paced like a device with a 10 ms period: every 10 ms of the clock it delivers
// the frames whose 10 ms have passed (catching up after a late timer, so no audio is lost to
// scheduling), each stamped with the monotonic time of its first sample. So a frame arrives 10 ms
// after its first sample, as from a microphone with the smallest buffer. Stands in for the microphone where a test or
// benchmark runs the whole engine in real time: the end-to-end tests through a server, glass-to-glass latency. Lives on
// the thread that calls start() (its timer runs there).
class ClockedSource final : public QObject, public AudioSource
{
    Q_OBJECT
public:
    explicit ClockedSource(std::unique_ptr<SyntheticSource> signal, const Clock &clock = SystemClock::instance(),
                           QObject *parent = nullptr);

    Status start() override;
    void stop() override;
    // One frame of buffering, like a device with a 10 ms period.
    int latencyMs() const override { return 10; }

private:
    void tick();

    std::unique_ptr<SyntheticSource> m_signal;
    const Clock &m_clock;
    QTimer m_timer;
    qint64 m_startUs = 0;
    qint64 m_delivered = 0;
};

// A sink paced like a speaker with a 10 ms period: every 10 ms of the clock it pulls the next frame
// from the engine while the one before plays, and hands each, with the monotonic time it starts
// to play (10 ms after the pull, as from a speaker with the smallest buffer), to the consumer (a test's
// recorder, a benchmark's onset detector). Lives on the thread that calls start().
class ClockedSink final : public QObject, public AudioSink
{
    Q_OBJECT
public:
    using Consumer = std::function<void(const AudioFrame &frame, qint64 playUs)>;

    explicit ClockedSink(Consumer consumer, const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);

    Status start() override;
    void stop() override;
    int latencyMs() const override { return 10; }

private:
    void tick();

    Consumer m_consumer;
    const Clock &m_clock;
    QTimer m_timer;
    qint64 m_startUs = 0;
    qint64 m_pulled = 0;
};

} // namespace consult::media
