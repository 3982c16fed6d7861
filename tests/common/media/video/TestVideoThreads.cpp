#include "media/video/FrameStamp.h"
#include "media/video/TestPatternSource.h"
#include "media/video/VideoReceiver.h"
#include "media/video/VideoSender.h"

#include <QMutex>
#include <QSemaphore>
#include <QSet>
#include <QTest>
#include <QThread>

#include <functional>

using namespace consult;
using namespace consult::media;

namespace {

// What arrived on the far side, written from the worker threads.
struct Observed
{
    QMutex mutex;
    QList<quint32> counters;       // stamps of the decoded pictures, in arrival order
    QSet<QThread *> encodeThreads; // where fragmentsReady was emitted
    QSet<QThread *> decodeThreads; // where frameDecoded was emitted
    int keyframeRequests = 0;
};

// Sender and receiver each on their own worker thread, wired as the session will wire them.
struct Workers
{
    QThread encodeThread;
    QThread decodeThread;
    VideoSender *sender = new VideoSender(std::move(Vp8Encoder::create()).value());
    VideoReceiver *receiver = new VideoReceiver(std::move(Vp8Decoder::create()).value());
    std::atomic<bool> linkUp = true; // false: the network loses every fragment

    explicit Workers(Observed &observed)
    {
        sender->moveToThread(&encodeThread);
        receiver->moveToThread(&decodeThread);
        QObject::connect(&encodeThread, &QThread::finished, sender, &QObject::deleteLater);
        QObject::connect(&decodeThread, &QThread::finished, receiver, &QObject::deleteLater);
        QObject::connect(sender, &VideoSender::fragmentsReady, receiver, [this](const QList<VideoFragment> &fragments) {
            if (!linkUp)
                return;
            for (const VideoFragment &fragment : fragments)
                receiver->receiveFragment(fragment);
        });
        QObject::connect(
            sender, &VideoSender::fragmentsReady, sender,
            [&observed] {
                QMutexLocker lock(&observed.mutex);
                observed.encodeThreads.insert(QThread::currentThread());
            },
            Qt::DirectConnection);
        QObject::connect(
            receiver, &VideoReceiver::frameDecoded, receiver,
            [&observed](const I420Frame &picture) {
                QMutexLocker lock(&observed.mutex);
                observed.decodeThreads.insert(QThread::currentThread());
                if (const auto stamp = FrameStamp::readFrom(picture))
                    observed.counters.append(stamp->counter);
            },
            Qt::DirectConnection);
        QObject::connect(receiver, &VideoReceiver::keyframeNeeded, sender, [this, &observed] {
            {
                QMutexLocker lock(&observed.mutex);
                ++observed.keyframeRequests;
            }
            sender->requestKeyframe(); // runs in the encoding thread: the connection is queued there
        });
        encodeThread.start();
        decodeThread.start();
    }
    ~Workers()
    {
        encodeThread.quit();
        decodeThread.quit();
        encodeThread.wait();
        decodeThread.wait();
    }
};

// Waits until everything posted so far has been worked off: the sender's frame, the receiver's
// fragments, and a keyframe request the receiver may have sent back.
void settle(Workers &workers)
{
    const auto barrier = [](QObject *worker) {
        QMetaObject::invokeMethod(
            worker, [] {}, Qt::BlockingQueuedConnection);
    };
    barrier(workers.sender);
    barrier(workers.receiver);
    barrier(workers.sender);
}

template <typename T>
T onWorker(QObject *worker, const std::function<T()> &read)
{
    T value{};
    QMetaObject::invokeMethod(
        worker, [&] { value = read(); }, Qt::BlockingQueuedConnection);
    return value;
}

} // namespace

class TestVideoThreads final : public QObject
{
    Q_OBJECT
private slots:
    void framesAreEncodedAndDecodedOnTheWorkerThreads()
    {
        Observed observed;
        Workers workers(observed);
        ManualClock clock;
        TestPatternSource source(TestPattern::Kind::Moving, 25, clock);
        QObject::connect(&source, &VideoSource::frameCaptured, workers.sender, &VideoSender::submit,
                         Qt::DirectConnection);
        source.start();
        QList<quint32> sent;
        for (quint32 n = 0; n < 50; ++n) {
            source.captureFrame();
            sent.append(n);
            clock.advance(std::chrono::milliseconds(40));
            settle(workers);
        }
        QMutexLocker lock(&observed.mutex);
        QCOMPARE(observed.counters, sent);
        QCOMPARE(observed.encodeThreads, QSet<QThread *>{&workers.encodeThread});
        QCOMPARE(observed.decodeThreads, QSet<QThread *>{&workers.decodeThread});
        QCOMPARE(observed.keyframeRequests, 0);
    }

    void aBusyEncoderTakesOnlyTheNewestFrame()
    {
        Observed observed;
        Workers workers(observed);
        QSemaphore busy;
        QMetaObject::invokeMethod(
            workers.sender, [&busy] { busy.acquire(); }, Qt::QueuedConnection);
        const TestPattern pattern;
        for (quint32 n = 0; n < 10; ++n)
            workers.sender->submit(pattern.render(n, n * 40'000));
        busy.release();
        settle(workers);
        QCOMPARE(workers.sender->framesSkipped(), 9u);
        QCOMPARE(onWorker<quint32>(workers.sender, [&] { return workers.sender->encoderStats().framesEncoded; }), 1u);
        QMutexLocker lock(&observed.mutex);
        QCOMPARE(observed.counters, QList<quint32>{9});
    }

    void aReceiverThatMissedTheStartGetsAKeyframeAcrossTheThreads()
    {
        Observed observed;
        Workers workers(observed);
        ManualClock clock;
        TestPatternSource source(TestPattern::Kind::Moving, 25, clock);
        QObject::connect(&source, &VideoSource::frameCaptured, workers.sender, &VideoSender::submit,
                         Qt::DirectConnection);
        source.start();
        workers.linkUp = false; // the first keyframe is lost on the way
        source.captureFrame();
        settle(workers);
        workers.linkUp = true;
        // Deltas arrive, the receiver asks, the sender answers once its rate limit allows: frame 13
        // is the first captured 500 ms or more after the lost keyframe.
        for (int i = 1; i < 20; ++i) {
            clock.advance(std::chrono::milliseconds(40));
            source.captureFrame();
            settle(workers);
        }
        QMutexLocker lock(&observed.mutex);
        QCOMPARE(observed.keyframeRequests, 1);
        QVERIFY(!observed.counters.isEmpty());
        QCOMPARE(observed.counters.first(), 13u);
        QCOMPARE(observed.counters.last(), 19u);
    }

    void aDisabledSenderEncodesNothing()
    {
        Observed observed;
        Workers workers(observed);
        workers.sender->setEnabled(false);
        const TestPattern pattern;
        for (quint32 n = 0; n < 10; ++n)
            workers.sender->submit(pattern.render(n, n * 40'000));
        settle(workers);
        QCOMPARE(onWorker<quint32>(workers.sender, [&] { return workers.sender->encoderStats().framesIn; }), 0u);
        workers.sender->setEnabled(true);
        workers.sender->submit(pattern.render(10, 400'000));
        settle(workers);
        QCOMPARE(onWorker<quint32>(workers.sender, [&] { return workers.sender->encoderStats().framesIn; }), 1u);
    }
};

QTEST_GUILESS_MAIN(TestVideoThreads)
#include "TestVideoThreads.moc"
