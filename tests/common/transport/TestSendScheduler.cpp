// The send scheduler (I1) against a recording socket: no network, no
// event loop. The socket's backlog is whatever the test says, as the kernel would decide it.
#include "transport/SendScheduler.h"

#include "core/Clock.h"
#include "protocol/EnvelopeCodec.h"

#include <QTest>

using namespace consult;
using namespace std::chrono_literals;

namespace {

// A socket whose backlog grows with what is written until the test lets the kernel take it.
class RecordingWriter final : public FrameWriter
{
public:
    void writeFrame(const QByteArray &frame) override
    {
        frames.append(frame);
        backlog += frame.size();
    }
    qint64 backlogBytes() const override { return backlog; }

    // The kernel took everything.
    void flush() { backlog = 0; }

    QList<QByteArray> frames;
    qint64 backlog = 0;
};

QByteArray frame(char tag, int size = 100)
{
    return QByteArray(size, tag);
}

// The first byte of every written frame, in order: "ARVB" style.
QByteArray tags(const QList<QByteArray> &frames)
{
    QByteArray result;
    for (const QByteArray &f : frames)
        result.append(f.isEmpty() ? '-' : f.front());
    return result;
}

wire::Envelope bulkChunk(const std::string &text)
{
    wire::Envelope envelope;
    envelope.mutable_send_chat()->set_text(text);
    return envelope;
}

SendScheduler::Limits smallLimits()
{
    SendScheduler::Limits limits;
    limits.lowWatermarkBytes = 1000;
    limits.maxBacklogBytes = 10'000;
    limits.maxReliableFrames = 50;
    limits.maxRealtimeFrames = 10;
    limits.maxRealtimeBytes = 5000;
    limits.audioDeadlineMs = 300;
    limits.videoDeadlineMs = 200;
    limits.maxBulkFramesPerStream = 2;
    limits.maxBulkBytesPerStream = 100'000;
    return limits;
}

} // namespace

class TestSendScheduler final : public QObject
{
    Q_OBJECT
private slots:
    void framesGoStraightThroughWhileTheSocketKeepsUp()
    {
        RecordingWriter socket;
        ManualClock clock;
        SendScheduler scheduler(socket, clock, smallLimits());
        QCOMPARE(scheduler.send(SendClass::Reliable, frame('R')), SendScheduler::Outcome::Written);
        QCOMPARE(scheduler.send(SendClass::Video, frame('V')), SendScheduler::Outcome::Written);
        QCOMPARE(scheduler.send(SendClass::Audio, frame('A')), SendScheduler::Outcome::Written);
        QCOMPARE(tags(socket.frames), QByteArray("RVA")); // no reordering while nothing waits
        QCOMPARE(scheduler.queuedFrames(), 0);
    }

    void nothingIsWrittenOnceTheBacklogReachesTheLowWatermark()
    {
        RecordingWriter socket;
        ManualClock clock;
        SendScheduler scheduler(socket, clock, smallLimits());
        for (int i = 0; i < 10; ++i)
            scheduler.send(SendClass::Reliable, frame('R', 300));
        // 300, 600, 900 are under the 1000-byte watermark; the fourth frame takes it to 1200.
        QCOMPARE(socket.frames.size(), 4);
        QCOMPARE(scheduler.queuedFrames(), 6);
        QCOMPARE(scheduler.queuedBytes(), 1800);
        QCOMPARE(scheduler.heldBytes(), 1800 + 1200);
        socket.backlog = 800; // the kernel took some: one more fits under the watermark
        scheduler.drain();
        QCOMPARE(socket.frames.size(), 5);
        socket.flush();
        scheduler.drain();
        QCOMPARE(socket.frames.size(), 9);
    }

    void queuedFramesLeaveAudioFirstThenReliableThenVideoThenBulk()
    {
        RecordingWriter socket;
        ManualClock clock;
        SendScheduler scheduler(socket, clock, smallLimits());
        scheduler.setBulkEncoder([](wire::Envelope &) { return QByteArray(50, 'B'); });
        scheduler.openBulkStream(1, [] {});
        socket.backlog = 5000; // congested
        QVERIFY(scheduler.sendBulk(1, bulkChunk("page")));
        scheduler.send(SendClass::Video, frame('V'));
        scheduler.send(SendClass::Reliable, frame('R'));
        scheduler.send(SendClass::Audio, frame('A'));
        scheduler.send(SendClass::Video, frame('v'));
        scheduler.send(SendClass::Reliable, frame('r'));
        scheduler.send(SendClass::Audio, frame('a'));
        QVERIFY(socket.frames.isEmpty());
        socket.flush();
        scheduler.drain();
        QCOMPARE(tags(socket.frames), QByteArray("AaRrVvB"));
    }

    void audioOvertakesAReliableBacklogButReliableFramesKeepTheirOrder()
    {
        RecordingWriter socket;
        ManualClock clock;
        SendScheduler scheduler(socket, clock, smallLimits());
        socket.backlog = 5000;
        for (char c = 'a'; c <= 'e'; ++c)
            scheduler.send(SendClass::Reliable, frame(c, 400));
        socket.flush();
        scheduler.drain(); // a, b, c fit (400, 800, 1200)
        QCOMPARE(tags(socket.frames), QByteArray("abc"));
        scheduler.send(SendClass::Audio, frame('A'));
        socket.flush();
        scheduler.drain();
        QCOMPARE(tags(socket.frames), QByteArray("abcAde"));
    }

    void theRealtimeQueueIsBoundedInCountAndBytesVideoDroppedFirst_data()
    {
        QTest::addColumn<int>("frameBytes");
        QTest::addColumn<int>("expectedQueued"); // what is left after 8 audio and 8 video frames
        QTest::addColumn<quint64>("expectedDroppedVideo");
        QTest::addColumn<quint64>("expectedDroppedAudio");
        QTest::addColumn<QByteArray>("expectedWritten");
        // Count bound (10 frames): 6 video go, all 8 audio stay.
        QTest::newRow("count") << 100 << 10 << quint64(6) << quint64(0) << QByteArray("AAAAAAAAVV");
        // Byte bound (5000 bytes, 1000 a frame: 5 frames): every video and the 3 oldest audio go.
        QTest::newRow("bytes") << 1000 << 5 << quint64(8) << quint64(3) << QByteArray("AAAAA");
    }

    void theRealtimeQueueIsBoundedInCountAndBytesVideoDroppedFirst()
    {
        QFETCH(int, frameBytes);
        QFETCH(int, expectedQueued);
        QFETCH(quint64, expectedDroppedVideo);
        QFETCH(quint64, expectedDroppedAudio);
        QFETCH(QByteArray, expectedWritten);
        RecordingWriter socket;
        ManualClock clock;
        SendScheduler scheduler(socket, clock, smallLimits());
        QList<SendClass> observed;
        scheduler.setDropObserver([&](SendClass dropped, const QByteArray &) { observed.append(dropped); });
        socket.backlog = 5000;
        for (int i = 0; i < 8; ++i) {
            scheduler.send(SendClass::Video, frame('V', frameBytes));
            scheduler.send(SendClass::Audio, frame('A', frameBytes));
        }
        QCOMPARE(scheduler.queuedFrames(), expectedQueued);
        QVERIFY(scheduler.queuedBytes() <= 5000);
        QCOMPARE(scheduler.statistics().droppedVideo, expectedDroppedVideo);
        QCOMPARE(scheduler.statistics().droppedAudio, expectedDroppedAudio);
        QCOMPARE(observed.count(SendClass::Video), int(expectedDroppedVideo));
        QCOMPARE(observed.count(SendClass::Audio), int(expectedDroppedAudio));
        // What is left, audio first; the frames are 100 or 1000 bytes, so one drain writes them all
        // only for the small ones: drain until nothing waits.
        for (int pass = 0; pass < 10 && scheduler.queuedFrames() > 0; ++pass) {
            socket.flush();
            scheduler.drain();
        }
        QCOMPARE(tags(socket.frames), expectedWritten);
    }

    void aVideoFrameMeetingAQueueFullOfAudioIsTheOneDropped()
    {
        RecordingWriter socket;
        ManualClock clock;
        SendScheduler scheduler(socket, clock, smallLimits());
        socket.backlog = 5000;
        for (int i = 0; i < 10; ++i)
            QCOMPARE(scheduler.send(SendClass::Audio, frame('A')), SendScheduler::Outcome::Queued);
        QCOMPARE(scheduler.send(SendClass::Video, frame('V')), SendScheduler::Outcome::Dropped);
        QCOMPARE(scheduler.statistics().droppedAudio, 0u);
        // Audio over the bound displaces the oldest audio.
        QCOMPARE(scheduler.send(SendClass::Audio, frame('a')), SendScheduler::Outcome::Queued);
        QCOMPARE(scheduler.statistics().droppedAudio, 1u);
    }

    void staleRealtimeFramesAreDroppedVideoBeforeAudio()
    {
        RecordingWriter socket;
        ManualClock clock;
        SendScheduler scheduler(socket, clock, smallLimits());
        socket.backlog = 5000;
        scheduler.send(SendClass::Audio, frame('A'));
        scheduler.send(SendClass::Video, frame('V'));
        clock.advance(250ms); // past video's 200 ms, within audio's 300 ms
        socket.flush();
        scheduler.drain();
        QCOMPARE(tags(socket.frames), QByteArray("A"));
        QCOMPARE(scheduler.statistics().droppedVideo, 1u);

        socket.backlog = 5000;
        scheduler.send(SendClass::Audio, frame('a'));
        clock.advance(301ms);
        socket.flush();
        scheduler.drain();
        QCOMPARE(tags(socket.frames), QByteArray("A"));
        QCOMPARE(scheduler.statistics().droppedAudio, 1u);
        QCOMPARE(scheduler.queuedFrames(), 0);
    }

    void reliableFramesAreNeverDropped()
    {
        RecordingWriter socket;
        ManualClock clock;
        SendScheduler scheduler(socket, clock, smallLimits());
        socket.backlog = 1000;
        // 40 frames of 200 bytes: far over the real-time bounds, under the reliable cap.
        for (int i = 0; i < 40; ++i)
            QCOMPARE(scheduler.send(SendClass::Reliable, frame(char('0' + i % 10), 200)),
                     SendScheduler::Outcome::Queued);
        clock.advance(10s); // reliable frames have no deadline
        for (int pass = 0; pass < 20 && scheduler.queuedFrames() > 0; ++pass) {
            socket.flush();
            scheduler.drain();
        }
        QCOMPARE(socket.frames.size(), 40);
        for (int i = 0; i < 40; ++i)
            QCOMPARE(socket.frames.at(i).front(), char('0' + i % 10));
    }

    void passingTheCapMeansThePeerIsNotReading_data()
    {
        QTest::addColumn<qint64>("socketBacklog");
        QTest::addColumn<int>("frameBytes");
        QTest::addColumn<int>("framesUntilRefused");
        // I1: 10,000 bytes of reliable queue and socket backlog together.
        QTest::newRow("bytes queued here") << qint64(1000) << 1000 << 10;
        // The ciphertext below counts: with 9,500 bytes in the socket, the first queued frame passes.
        QTest::newRow("bytes in the socket") << qint64(9500) << 1000 << 1;
        // 50 frames, however small.
        QTest::newRow("count") << qint64(1000) << 10 << 51;
    }

    void passingTheCapMeansThePeerIsNotReading()
    {
        QFETCH(qint64, socketBacklog);
        QFETCH(int, frameBytes);
        QFETCH(int, framesUntilRefused);
        RecordingWriter socket;
        ManualClock clock;
        SendScheduler scheduler(socket, clock, smallLimits());
        socket.backlog = socketBacklog;
        for (int i = 1; i < framesUntilRefused; ++i)
            QCOMPARE(scheduler.send(SendClass::Reliable, frame('R', frameBytes)), SendScheduler::Outcome::Queued);
        QCOMPARE(scheduler.send(SendClass::Reliable, frame('R', frameBytes)), SendScheduler::Outcome::PeerNotReading);
        QVERIFY(scheduler.peerNotReading());
        // What was held is let go at once, and nothing more is taken, of any class.
        QCOMPARE(scheduler.queuedBytes(), 0);
        QCOMPARE(scheduler.send(SendClass::Audio, frame('A')), SendScheduler::Outcome::PeerNotReading);
        socket.flush();
        scheduler.drain();
        QVERIFY(socket.frames.isEmpty());
    }

    void realtimeFramesAloneNeverPassTheCap()
    {
        // Media is dropped, not accumulated: a peer that only misses media is not closed for it.
        RecordingWriter socket;
        ManualClock clock;
        SendScheduler scheduler(socket, clock, smallLimits());
        socket.backlog = 9999;
        for (int i = 0; i < 1000; ++i)
            QVERIFY(scheduler.send(SendClass::Video, frame('V', 1000)) != SendScheduler::Outcome::PeerNotReading);
        QVERIFY(!scheduler.peerNotReading());
        QVERIFY(scheduler.queuedBytes() <= 5000);
        QVERIFY(scheduler.statistics().peakHeldBytes <= 9999 + 5000 + 1000);
    }

    void bulkStreamsQueueOnlyWithCreditAndAreToldWhenItReturns()
    {
        RecordingWriter socket;
        ManualClock clock;
        SendScheduler scheduler(socket, clock, smallLimits());
        int told = 0;
        scheduler.openBulkStream(7, [&] { ++told; });
        QCOMPARE(scheduler.bulkCredit(7), 2);
        QCOMPARE(scheduler.bulkCredit(8), 0); // not open
        QVERIFY(!scheduler.sendBulk(8, bulkChunk("x")));
        socket.backlog = 5000;
        QVERIFY(scheduler.sendBulk(7, bulkChunk("one")));
        QVERIFY(scheduler.sendBulk(7, bulkChunk("two")));
        QCOMPARE(scheduler.bulkCredit(7), 0);
        QVERIFY(!scheduler.sendBulk(7, bulkChunk("three"))); // refused, not queued
        QCOMPARE(scheduler.queuedFrames(), 2);
        QCOMPARE(scheduler.bulkQueued(7), 2);
        QCOMPARE(scheduler.bulkQueued(8), 0);
        QCOMPARE(told, 0);
        socket.backlog = 995; // room for one small chunk
        scheduler.drain();
        QCOMPARE(socket.frames.size(), 1);
        QCOMPARE(told, 1);
        QCOMPARE(scheduler.bulkCredit(7), 1);
        QCOMPARE(scheduler.bulkQueued(7), 1);
        socket.flush();
        scheduler.drain();
        QCOMPARE(told, 1); // told once per time it ran out
        QCOMPARE(scheduler.bulkCredit(7), 2);
        QCOMPARE(scheduler.bulkQueued(7), 0); // everything written: what the link test's result waits for
        QCOMPARE(std::get<wire::Envelope>(protocol::decode(socket.frames.at(1))).send_chat().text(), "two");
        scheduler.closeBulkStream(7);
        QCOMPARE(scheduler.bulkCredit(7), 0);
    }

    void sequencedBulkIsNumberedAsItLeavesAndTheProducerIsToldWhich()
    {
        // Whiteboard pages: numbered by the owner's reliable channel when they leave, so a reliable
        // frame queued after them still goes first; the producer learns which envelope was numbered,
        // and what was still queued when the socket went is not told (it is sent anew on the next).
        RecordingWriter socket;
        ManualClock clock;
        SendScheduler scheduler(socket, clock, smallLimits());
        quint64 nextSeq = 1;
        scheduler.setBulkEncoder([&](wire::Envelope &envelope) {
            envelope.set_seq(nextSeq++);
            return protocol::encode(envelope);
        });
        QList<std::pair<std::string, quint64>> told;
        scheduler.openBulkStream(
            3, [] {},
            [&](const wire::Envelope &envelope) {
                told.append({envelope.send_chat().text(), envelope.seq()});
            });
        socket.backlog = 5000;
        QVERIFY(scheduler.sendBulk(3, bulkChunk("page-1")));
        QVERIFY(scheduler.sendBulk(3, bulkChunk("page-2")));
        scheduler.send(SendClass::Reliable, frame('R'));
        QVERIFY(told.isEmpty()); // nothing left yet: nothing numbered
        socket.flush();
        scheduler.drain();
        QCOMPARE(tags(socket.frames).left(1), QByteArray("R")); // the later reliable frame first
        QCOMPARE(told.size(), 2);
        QCOMPARE(told.at(0).first, "page-1");
        QCOMPARE(told.at(0).second, 1u);
        QCOMPARE(told.at(1).second, 2u);
        socket.backlog = 5000;
        QVERIFY(scheduler.sendBulk(3, bulkChunk("page-3")));
        scheduler.clear(); // the socket went before page-3 left
        QCOMPARE(told.size(), 2);
        QCOMPARE(nextSeq, 3u); // and it was never numbered

        // An encoder that cannot number (a broken session) writes nothing and tells nothing.
        scheduler.setBulkEncoder([](wire::Envelope &) { return QByteArray(); });
        scheduler.openBulkStream(
            3, [] {},
            [&](const wire::Envelope &envelope) {
                told.append({envelope.send_chat().text(), envelope.seq()});
            });
        socket.flush();
        const auto written = socket.frames.size();
        QVERIFY(scheduler.sendBulk(3, bulkChunk("page-3")));
        QCOMPARE(socket.frames.size(), written);
        QCOMPARE(told.size(), 2);
    }

    void bulkStreamsTakeTurns()
    {
        RecordingWriter socket;
        ManualClock clock;
        SendScheduler scheduler(socket, clock, smallLimits());
        scheduler.openBulkStream(1, [] {});
        scheduler.openBulkStream(2, [] {});
        socket.backlog = 5000;
        scheduler.sendBulk(1, bulkChunk("1a"));
        scheduler.sendBulk(1, bulkChunk("1b"));
        scheduler.sendBulk(2, bulkChunk("2a"));
        scheduler.sendBulk(2, bulkChunk("2b"));
        socket.flush();
        scheduler.drain();
        QStringList order;
        for (const QByteArray &f : socket.frames)
            order.append(QString::fromStdString(std::get<wire::Envelope>(protocol::decode(f)).send_chat().text()));
        QCOMPARE(order,
                 QStringList({QStringLiteral("1a"), QStringLiteral("2a"), QStringLiteral("1b"), QStringLiteral("2b")}));
    }

    void bulkIsNumberedWhenItLeavesSoALaterChatLineOvertakesIt()
    {
        // The reliable sequence stays in order on the wire although chat overtakes the document.
        RecordingWriter socket;
        ManualClock clock;
        SendScheduler scheduler(socket, clock, smallLimits());
        quint64 nextSeq = 1;
        const auto numbered = [&nextSeq](const char *text) {
            wire::Envelope envelope;
            envelope.set_seq(nextSeq++);
            envelope.mutable_send_chat()->set_text(text);
            return protocol::encode(envelope);
        };
        scheduler.setBulkEncoder([&nextSeq](wire::Envelope &envelope) {
            envelope.set_seq(nextSeq++);
            return protocol::encode(envelope);
        });
        scheduler.openBulkStream(1, [] {});
        socket.backlog = 5000;
        QVERIFY(scheduler.sendBulk(1, bulkChunk("chunk")));
        scheduler.send(SendClass::Reliable, numbered("chat"));
        socket.flush();
        scheduler.drain();
        QCOMPARE(socket.frames.size(), 2);
        const auto first = std::get<wire::Envelope>(protocol::decode(socket.frames.at(0)));
        const auto second = std::get<wire::Envelope>(protocol::decode(socket.frames.at(1)));
        QCOMPARE(first.send_chat().text(), "chat");
        QCOMPARE(first.seq(), 1u);
        QCOMPARE(second.send_chat().text(), "chunk");
        QCOMPARE(second.seq(), 2u);
    }

    void clearForgetsWhatWaitedAndAcceptsFramesAgain()
    {
        RecordingWriter socket;
        ManualClock clock;
        SendScheduler scheduler(socket, clock, smallLimits());
        socket.backlog = 9500;
        scheduler.send(SendClass::Audio, frame('A'));
        QCOMPARE(scheduler.send(SendClass::Reliable, frame('R', 1000)), SendScheduler::Outcome::PeerNotReading);
        scheduler.clear(); // a new socket
        socket.flush();
        QCOMPARE(scheduler.queuedFrames(), 0);
        QVERIFY(!scheduler.peerNotReading());
        QCOMPARE(scheduler.send(SendClass::Reliable, frame('R')), SendScheduler::Outcome::Written);
        QCOMPARE(tags(socket.frames), QByteArray("R"));
    }

    // A deliberate close (the session ended): the reliable frames waiting behind a full socket, the
    // session's last words, are written at once and in order; audio, video and bulk stay behind.
    void flushReliableWritesTheWaitingReliableFramesWhateverTheBacklog()
    {
        RecordingWriter socket;
        ManualClock clock;
        SendScheduler scheduler(socket, clock, smallLimits());
        socket.backlog = 5000; // over the low watermark: everything waits
        scheduler.send(SendClass::Audio, frame('A'));
        scheduler.send(SendClass::Reliable, frame('E'));
        scheduler.send(SendClass::Video, frame('V'));
        scheduler.send(SendClass::Reliable, frame('S'));
        QVERIFY(socket.frames.isEmpty());
        scheduler.flushReliable();
        QCOMPARE(tags(socket.frames), QByteArray("ES"));
        QCOMPARE(scheduler.queuedFrames(), 2);
        QCOMPARE(scheduler.queuedBytes(), 200); // the audio and video frame, nothing counted twice
        socket.flush();
        scheduler.drain();
        QCOMPARE(tags(socket.frames), QByteArray("ESAV"));
    }

    // After the cap was passed the peer does not read: nothing more is written for it.
    void flushReliableWritesNothingForAPeerThatDoesNotRead()
    {
        RecordingWriter socket;
        ManualClock clock;
        SendScheduler scheduler(socket, clock, smallLimits());
        socket.backlog = 9500;
        QCOMPARE(scheduler.send(SendClass::Reliable, frame('R', 1000)), SendScheduler::Outcome::PeerNotReading);
        scheduler.flushReliable();
        QVERIFY(socket.frames.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestSendScheduler)
#include "TestSendScheduler.moc"
