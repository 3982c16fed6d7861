#include "EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>

#include <cerrno>
#include <chrono>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace consult {

namespace {

constexpr int kMaxEventsPerWait = 256;

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_epoll < 0 || m_wakeFd < 0)
        qFatal("EpollEventDispatcher: cannot create epoll or eventfd descriptors");
    epoll_event event = {};
    event.events = EPOLLIN;
    event.data.fd = m_wakeFd;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event);
    m_ready.reserve(kMaxEventsPerWait);
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    ::close(m_wakeFd);
    ::close(m_epoll);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    Q_EMIT awake();
    // Posted events first, as Qt's dispatchers do. An event posted from now on calls wakeUp(), which
    // makes the epoll_wait below return at once.
    QCoreApplication::sendPostedEvents();
    if (m_interrupted.exchange(false))
        return true;

    const int timeoutMs = waitTimeoutMs(flags);
    if (timeoutMs != 0)
        Q_EMIT aboutToBlock();
    epoll_event events[kMaxEventsPerWait];
    int count = ::epoll_wait(m_epoll, events, kMaxEventsPerWait, timeoutMs);
    if (count < 0) {
        if (errno != EINTR)
            qWarning("EpollEventDispatcher: epoll_wait failed: %d", errno);
        count = 0;
    }
    if (timeoutMs != 0)
        Q_EMIT awake();

    bool processed = false;
    m_ready.clear();
    for (int i = 0; i < count; ++i) {
        if (events[i].data.fd == m_wakeFd) {
            quint64 value = 0;
            [[maybe_unused]] const auto read = ::read(m_wakeFd, &value, sizeof value);
            m_wakeUpPending.store(false);
            processed = true; // someone posted an event or wants the loop to look again
            continue;
        }
        m_ready.push_back(ReadyEvent{events[i].data.fd, events[i].events});
    }
    if (!(flags & QEventLoop::ExcludeSocketNotifiers))
        processed = activateSockets(static_cast<int>(m_ready.size())) || processed;
    processed = activateTimers() || processed;
    return processed;
}

bool EpollEventDispatcher::activateSockets(int readyCount)
{
    bool activated = false;
    // Handlers may register, unregister or delete notifiers (of this or other descriptors) while
    // this runs: each notifier is looked up again right before it is activated, so a removed one is
    // never touched. A deleted notifier has unregistered itself in its destructor.
    const auto activate = [this, &activated](int fd, QSocketNotifier *Watch::*which) {
        const auto it = m_watches.find(fd);
        if (it == m_watches.end() || !(it->second.*which))
            return;
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(it->second.*which, &event);
        activated = true;
    };
    for (int i = 0; i < readyCount; ++i) {
        const ReadyEvent ready = m_ready[static_cast<std::size_t>(i)];
        // Like poll(): an error or hang-up wakes readers and writers so they learn of it.
        const bool broken = ready.events & (EPOLLERR | EPOLLHUP);
        if (ready.events & (EPOLLIN | EPOLLRDHUP) || broken)
            activate(ready.fd, &Watch::read);
        if (ready.events & EPOLLOUT || broken)
            activate(ready.fd, &Watch::write);
        if (ready.events & EPOLLPRI)
            activate(ready.fd, &Watch::exception);
    }
    return activated;
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = static_cast<int>(notifier->socket());
    Watch &watch = m_watches[fd];
    switch (notifier->type()) {
    case QSocketNotifier::Read:
        watch.read = notifier;
        break;
    case QSocketNotifier::Write:
        watch.write = notifier;
        break;
    case QSocketNotifier::Exception:
        watch.exception = notifier;
        break;
    }
    updateWatch(fd, watch);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = static_cast<int>(notifier->socket());
    const auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    Watch &watch = it->second;
    if (watch.read == notifier)
        watch.read = nullptr;
    if (watch.write == notifier)
        watch.write = nullptr;
    if (watch.exception == notifier)
        watch.exception = nullptr;
    updateWatch(fd, watch);
    if (!watch.read && !watch.write && !watch.exception)
        m_watches.erase(it);
}

void EpollEventDispatcher::updateWatch(int fd, Watch &watch)
{
    quint32 wanted = 0;
    if (watch.read)
        wanted |= EPOLLIN | EPOLLRDHUP;
    if (watch.write)
        wanted |= EPOLLOUT;
    if (watch.exception)
        wanted |= EPOLLPRI;
    if (wanted == watch.events)
        return;
    epoll_event event = {};
    event.events = wanted;
    event.data.fd = fd;
    int result = 0;
    if (wanted == 0) {
        result = ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        if (result < 0 && (errno == ENOENT || errno == EBADF))
            result = 0; // the descriptor was closed already, which removed it from epoll
    } else if (watch.events == 0) {
        result = ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
        if (result < 0 && errno == EEXIST)
            result = ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
    } else {
        result = ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
        // Closed and reopened under the same number since we last looked: watch it afresh.
        if (result < 0 && errno == ENOENT)
            result = ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
    }
    if (result < 0) {
        qWarning("EpollEventDispatcher: cannot watch descriptor %d: %d", fd, errno);
        return;
    }
    watch.events = wanted;
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    Timer &timer = m_timers[timerId];
    timer.intervalMs = qMax<qint64>(0, interval);
    timer.type = timerType;
    timer.object = object;
    timer.schedule = m_schedule.end();
    schedule(timerId, timer, monotonicNs() + timer.intervalMs * 1'000'000);
}

void EpollEventDispatcher::schedule(int timerId, Timer &timer, qint64 dueNs)
{
    if (timer.schedule != m_schedule.end())
        m_schedule.erase(timer.schedule);
    timer.dueNs = dueNs;
    timer.schedule = m_schedule.emplace(dueNs, timerId);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    // The id itself goes back to Qt's pool in QObject::killTimer / QBasicTimer::stop / ~QObject, not
    // here (Qt 6.4; releasing it here too corrupted the pool and gave two timers one id).
    m_schedule.erase(it->second.schedule);
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->second.object == object) {
            m_schedule.erase(it->second.schedule);
            it = m_timers.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> list;
    for (const auto &[timerId, timer] : m_timers) {
        if (timer.object == object)
            list.append(TimerInfo(timerId, static_cast<int>(timer.intervalMs), timer.type));
    }
    return list;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return -1;
    return static_cast<int>(qMax<qint64>(0, (it->second.dueNs - monotonicNs() + 999'999) / 1'000'000));
}

int EpollEventDispatcher::waitTimeoutMs(QEventLoop::ProcessEventsFlags flags) const
{
    if (!(flags & QEventLoop::WaitForMoreEvents) || m_interrupted.load())
        return 0;
    if (m_schedule.empty())
        return -1;
    const qint64 remainingNs = m_schedule.begin()->first - monotonicNs();
    if (remainingNs <= 0)
        return 0;
    // Rounded up: waking a little early would only spin until the timer is due.
    return static_cast<int>(qMin<qint64>((remainingNs + 999'999) / 1'000'000, std::numeric_limits<int>::max()));
}

bool EpollEventDispatcher::activateTimers()
{
    if (m_schedule.empty())
        return false;
    const qint64 now = monotonicNs();
    // Only timers due now, in due order. Rescheduled ones land in the future (a zero-interval timer
    // at "now", which is not before the next pass), so one pass cannot loop for ever.
    std::vector<int> due;
    for (auto it = m_schedule.begin(); it != m_schedule.end() && it->first <= now; ++it)
        due.push_back(it->second);
    bool fired = false;
    for (int timerId : due) {
        const auto it = m_timers.find(timerId);
        if (it == m_timers.end() || it->second.dueNs > now)
            continue; // killed or restarted by an earlier timer's handler
        Timer &timer = it->second;
        // Next due time: keep the rhythm, but never try to catch up on missed intervals.
        qint64 next = timer.dueNs + timer.intervalMs * 1'000'000;
        if (next <= now)
            next = now + timer.intervalMs * 1'000'000;
        if (timer.intervalMs == 0)
            next = now + 1; // after this pass
        QObject *object = timer.object;
        schedule(timerId, timer, next);
        QTimerEvent event(timerId);
        QCoreApplication::sendEvent(object, &event);
        fired = true;
    }
    return fired;
}

void EpollEventDispatcher::wakeUp()
{
    // Any thread. One write is enough until the loop has read it.
    if (m_wakeUpPending.exchange(true))
        return;
    const quint64 one = 1;
    [[maybe_unused]] const auto written = ::write(m_wakeFd, &one, sizeof one);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.store(true);
    wakeUp();
}

} // namespace consult
