#pragma once

#include <QAbstractEventDispatcher>

#include <atomic>
#include <map>
#include <unordered_map>

namespace consult {

// A Qt event dispatcher on Linux epoll, for the relay server's thread. Qt 6.4's own dispatchers
// (GLib and UNIX) pass every socket to poll() on every loop iteration; with thousands of
// connections that scan was 70 % of the server's CPU at 1,000 chat lines a second (measured with
// perf, see bench/chat_relay_bench). Here an iteration costs O(sockets that are ready), so the relay
// scales with traffic, not with the number of connections.
//
// Semantics follow Qt's: level-triggered socket notifiers (read, write, exception), timers of every
// type (coarse and very coarse ones are treated as precise, which only means more exact wake-ups),
// posted events sent at the start of each iteration, wakeUp() from any thread through an eventfd.
// One instance per thread; install it before the thread's event loop starts
// (QCoreApplication::setEventDispatcher before the application object, QThread::setEventDispatcher
// before start()).
class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    struct Watch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        quint32 events = 0; // what epoll watches for this descriptor now
    };
    struct Timer
    {
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        qint64 dueNs = 0;
        std::multimap<qint64, int>::iterator schedule;
    };

    void updateWatch(int fd, Watch &watch);
    void schedule(int timerId, Timer &timer, qint64 dueNs);
    bool activateSockets(int readyCount);
    bool activateTimers();
    int waitTimeoutMs(QEventLoop::ProcessEventsFlags flags) const;

    int m_epoll = -1;
    int m_wakeFd = -1;
    std::atomic<bool> m_wakeUpPending{false};
    std::atomic<bool> m_interrupted{false};
    std::unordered_map<int, Watch> m_watches;
    std::unordered_map<int, Timer> m_timers;
    std::multimap<qint64, int> m_schedule; // due time (ns, monotonic) -> timer id
    struct ReadyEvent
    {
        int fd;
        quint32 events;
    };
    std::vector<ReadyEvent> m_ready;
};

} // namespace consult
