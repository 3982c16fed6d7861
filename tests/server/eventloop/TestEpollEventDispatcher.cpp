#include "eventloop/EpollEventDispatcher.h"
#include "support/EpollTestMain.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>

#include <sys/socket.h>
#include <unistd.h>

using namespace consult;

class TestEpollEventDispatcher final : public QObject
{
    Q_OBJECT
private slots:
    void theApplicationRunsOnTheEpollDispatcher()
    {
        QVERIFY(qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()));
    }

    void timersFireInTheOrderTheyAreDue()
    {
        QStringList order;
        QTimer slow;
        QTimer fast;
        slow.setSingleShot(true);
        fast.setSingleShot(true);
        connect(&slow, &QTimer::timeout, this, [&] { order.append(QStringLiteral("slow")); });
        connect(&fast, &QTimer::timeout, this, [&] { order.append(QStringLiteral("fast")); });
        slow.start(60);
        fast.start(10);
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, 5000);
        QCOMPARE(order, (QStringList{QStringLiteral("fast"), QStringLiteral("slow")}));
    }

    void aRepeatingTimerKeepsFiringAndAStoppedOneDoesNot()
    {
        QTimer repeating;
        repeating.setInterval(5);
        int fired = 0;
        connect(&repeating, &QTimer::timeout, this, [&] {
            if (++fired == 5)
                repeating.stop();
        });
        repeating.start();
        QTRY_COMPARE_WITH_TIMEOUT(fired, 5, 5000);
        QTest::qWait(50);
        QCOMPARE(fired, 5);
    }

    void aTimerDoesNotFireEarly()
    {
        QElapsedTimer clock;
        qint64 firedAfterMs = -1;
        QTimer::singleShot(50, Qt::PreciseTimer, this, [&] { firedAfterMs = clock.elapsed(); });
        clock.start();
        QTRY_VERIFY_WITH_TIMEOUT(firedAfterMs >= 0, 5000);
        QVERIFY2(firedAfterMs >= 49, qPrintable(QString::number(firedAfterMs)));
    }

    void timersAfterSingleShotsKeepTheirOwnIds()
    {
        // A double release once gave two live timers the same id: the second start overwrote the first.
        for (int i = 0; i < 20; ++i)
            QTimer::singleShot(1, this, [] {});
        QTest::qWait(50);
        QTimer first;
        QTimer second;
        first.start(1000);
        second.start(1000);
        QVERIFY(first.timerId() != second.timerId());
        QCOMPARE(QAbstractEventDispatcher::instance()->registeredTimers(&first).size(), 1);
        QCOMPARE(QAbstractEventDispatcher::instance()->registeredTimers(&second).size(), 1);
    }

    void killingATimerFromAnotherTimersHandlerStopsIt()
    {
        QTimer victim;
        QTimer killer;
        int victimFired = 0;
        victim.setSingleShot(true);
        killer.setSingleShot(true);
        connect(&victim, &QTimer::timeout, this, [&] { ++victimFired; });
        connect(&killer, &QTimer::timeout, this, [&] { victim.stop(); });
        // Both due in the same pass; the killer was started first, so it runs first.
        killer.start(20);
        victim.start(20);
        QTest::qWait(100);
        QCOMPARE(victimFired, 0);
    }

    void timerIdsAreHandedBackForReuse()
    {
        // Qt hands ids back in killTimer; the dispatcher must neither leak nor release them twice.
        QTimer timer;
        timer.setInterval(1000);
        int highest = 0;
        for (int i = 0; i < 5000; ++i) {
            timer.start();
            highest = qMax(highest, timer.timerId());
            timer.stop();
        }
        QVERIFY2(highest < 100, qPrintable(QString::number(highest)));
    }

    void aZeroIntervalTimerDoesNotStarveSockets()
    {
        int fds[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
        QSocketNotifier reader(fds[0], QSocketNotifier::Read);
        int reads = 0;
        connect(&reader, &QSocketNotifier::activated, this, [&] {
            char byte;
            if (::read(fds[0], &byte, 1) == 1)
                ++reads;
        });
        QTimer spinning;
        spinning.setInterval(0);
        int spins = 0;
        connect(&spinning, &QTimer::timeout, this, [&] { ++spins; });
        spinning.start();
        QCOMPARE(::write(fds[1], "x", 1), 1);
        QTRY_COMPARE_WITH_TIMEOUT(reads, 1, 5000);
        QVERIFY(spins > 0);
        spinning.stop();
        ::close(fds[0]);
        ::close(fds[1]);
    }

    void readAndWriteNotifiersFollowTheDescriptor()
    {
        int fds[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
        QSocketNotifier reader(fds[0], QSocketNotifier::Read);
        QSocketNotifier writer(fds[0], QSocketNotifier::Write);
        QSignalSpy readable(&reader, &QSocketNotifier::activated);
        QSignalSpy writable(&writer, &QSocketNotifier::activated);
        // A connected socket is writable at once; nothing to read yet.
        QTRY_VERIFY_WITH_TIMEOUT(writable.size() > 0, 5000);
        writer.setEnabled(false);
        QCOMPARE(readable.size(), 0);
        const qsizetype writesSoFar = writable.size();
        QCOMPARE(::write(fds[1], "hello", 5), 5);
        QTRY_VERIFY_WITH_TIMEOUT(readable.size() > 0, 5000);
        char buffer[8];
        QCOMPARE(::read(fds[0], buffer, sizeof buffer), 5);
        QTest::qWait(20);
        QCOMPARE(writable.size(), writesSoFar); // disabled: no more activations
        // Level-triggered: nothing left to read, no more read activations.
        const qsizetype readsSoFar = readable.size();
        QTest::qWait(20);
        QCOMPARE(readable.size(), readsSoFar);
        ::close(fds[0]);
        ::close(fds[1]);
    }

    void aNotifierDeletedByAnotherNotifiersHandlerIsNotActivated()
    {
        int first[2];
        int second[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM, 0, first), 0);
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM, 0, second), 0);
        auto *a = new QSocketNotifier(first[0], QSocketNotifier::Read);
        auto *b = new QSocketNotifier(second[0], QSocketNotifier::Read);
        int activations = 0;
        // Whichever runs first deletes the other; both descriptors are ready in the same wait.
        connect(a, &QSocketNotifier::activated, this, [&] {
            ++activations;
            delete b;
            b = nullptr;
            a->setEnabled(false);
        });
        connect(b, &QSocketNotifier::activated, this, [&] {
            ++activations;
            delete a;
            a = nullptr;
            b->setEnabled(false);
        });
        QCOMPARE(::write(first[1], "x", 1), 1);
        QCOMPARE(::write(second[1], "y", 1), 1);
        QTRY_COMPARE_WITH_TIMEOUT(activations, 1, 5000);
        QTest::qWait(20);
        QCOMPARE(activations, 1);
        delete a;
        delete b;
        for (int fd : {first[0], first[1], second[0], second[1]})
            ::close(fd);
    }

    void anEventPostedFromAnotherThreadWakesTheWaitingLoop()
    {
        QElapsedTimer clock;
        qint64 arrivedAfterMs = -1;
        QThread thread;
        QObject receiver;
        QObject::connect(
            &thread, &QThread::started, &thread,
            [&] {
                QThread::msleep(50); // the main loop is asleep in epoll_wait by now
                QMetaObject::invokeMethod(
                    &receiver, [&] { arrivedAfterMs = clock.elapsed(); }, Qt::QueuedConnection);
            },
            Qt::DirectConnection);
        clock.start();
        thread.start();
        QTRY_VERIFY_WITH_TIMEOUT(arrivedAfterMs >= 0, 5000);
        thread.quit();
        thread.wait();
        // With nothing else to wake it, only the eventfd can have ended the wait this soon.
        QVERIFY2(arrivedAfterMs < 1000, qPrintable(QString::number(arrivedAfterMs)));
    }

    void aNestedEventLoopQuitsWhenAsked()
    {
        QEventLoop loop;
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        QElapsedTimer clock;
        clock.start();
        loop.exec();
        QVERIFY(clock.elapsed() < 2000);
    }
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestEpollEventDispatcher)
#include "TestEpollEventDispatcher.moc"
