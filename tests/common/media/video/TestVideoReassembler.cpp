#include "media/video/VideoPacketizer.h"
#include "media/video/VideoReassembler.h"

#include <QTest>

#include <algorithm>

using namespace consult::media;

namespace {

// A sender's frames: `frames[i]` has id i, 3 fragments of distinct bytes, keyframe as given.
struct Stream
{
    VideoPacketizer packetizer;
    QList<QList<VideoFragment>> frames;
    QList<QByteArray> data;

    void add(bool keyframe, int size = 3000)
    {
        EncodedVideoFrame frame;
        for (int i = 0; i < size; ++i)
            frame.data.append(char(i + frames.size() * 7));
        frame.keyframe = keyframe;
        frame.captureUs = frames.size() * 40'000;
        data.append(frame.data);
        frames.append(packetizer.packetize(frame));
    }
};

struct Receiver
{
    int keyframeRequests = 0;
    VideoReassembler reassembler{[this] { ++keyframeRequests; }, 300'000, 1'000'000};
    QList<quint32> completed;

    // Feeds the fragments; returns the ids of the frames they completed.
    void feed(const QList<VideoFragment> &fragments, qint64 nowUs = 0)
    {
        for (const VideoFragment &fragment : fragments) {
            if (const auto frame = reassembler.accept(fragment, nowUs))
                completed.append(frame->frameId);
        }
    }
};

} // namespace

class TestVideoReassembler final : public QObject
{
    Q_OBJECT
private slots:
    void fragmentsInOrderGiveBackTheFrame()
    {
        Stream stream;
        stream.add(true);
        VideoReassembler reassembler([] {});
        std::optional<EncodedVideoFrame> frame;
        for (const VideoFragment &fragment : stream.frames[0]) {
            QVERIFY(!frame);
            frame = reassembler.accept(fragment, 0);
        }
        QVERIFY(frame);
        QCOMPARE(frame->data, stream.data[0]);
        QVERIFY(frame->keyframe);
        QCOMPARE(frame->frameId, 0u);
        QCOMPARE(frame->captureUs, 0);
    }

    void fragmentsOutOfOrderWithinAFrameStillGiveIt()
    {
        Stream stream;
        stream.add(true, 5000);
        stream.add(false, 5000);
        Receiver receiver;
        QList<VideoFragment> reversed = stream.frames[0];
        std::reverse(reversed.begin(), reversed.end());
        receiver.feed(reversed);
        QList<VideoFragment> shuffled = stream.frames[1];
        std::swap(shuffled[0], shuffled[3]);
        std::swap(shuffled[1], shuffled[4]);
        receiver.feed(shuffled);
        QCOMPARE(receiver.completed, (QList<quint32>{0, 1}));
        QCOMPARE(receiver.keyframeRequests, 0);
    }

    void duplicatesAreIgnored()
    {
        Stream stream;
        stream.add(true);
        Receiver receiver;
        const QList<VideoFragment> &fragments = stream.frames[0];
        receiver.feed({fragments[0], fragments[0], fragments[1], fragments[1], fragments[2], fragments[2]});
        QCOMPARE(receiver.completed, (QList<quint32>{0}));
        QCOMPARE(receiver.reassembler.stats().fragmentsDuplicate, 2u);
        QCOMPARE(receiver.reassembler.stats().fragmentsLate, 1u); // after completion: nothing to add to
    }

    void anIncompleteFrameIsDroppedWhenANewerOneCompletes()
    {
        Stream stream;
        stream.add(true);
        stream.add(false); // will lose its last fragment
        stream.add(true);
        Receiver receiver;
        receiver.feed(stream.frames[0]);
        receiver.feed(stream.frames[1].mid(0, 2));
        receiver.feed(stream.frames[2]);
        receiver.feed(stream.frames[1].mid(2)); // the missing piece, too late
        QCOMPARE(receiver.completed, (QList<quint32>{0, 2}));
        QCOMPARE(receiver.reassembler.stats().framesDropped, 1u);
        QCOMPARE(receiver.reassembler.stats().fragmentsLate, 1u);
    }

    void aLostFrameAsksForAKeyframeAndRefusesDeltasUntilOneComes()
    {
        Stream stream;
        stream.add(true);
        for (int i = 1; i < 5; ++i)
            stream.add(false);
        stream.add(true);  // 5: the sender's answer
        stream.add(false); // 6
        Receiver receiver;
        receiver.feed(stream.frames[0], 0);
        receiver.feed(stream.frames[1], 40'000);
        // frame 2 never arrives
        receiver.feed(stream.frames[3], 120'000);
        QCOMPARE(receiver.keyframeRequests, 1);
        QVERIFY(receiver.reassembler.isWaitingForKeyframe());
        receiver.feed(stream.frames[4], 160'000);
        QCOMPARE(receiver.keyframeRequests, 1); // asked already; not again so soon
        receiver.feed(stream.frames[5], 200'000);
        receiver.feed(stream.frames[6], 240'000);
        QCOMPARE(receiver.completed, (QList<quint32>{0, 1, 5, 6}));
        QCOMPARE(receiver.reassembler.stats().framesRefused, 2u);
        QVERIFY(!receiver.reassembler.isWaitingForKeyframe());
    }

    void theRequestIsRepeatedWhileNoKeyframeComes()
    {
        Stream stream;
        stream.add(true);
        for (int i = 1; i < 40; ++i)
            stream.add(false);
        Receiver receiver;
        receiver.feed(stream.frames[0], 0);
        for (int i = 2; i < 40; ++i) // frame 1 lost; 38 frames over 1.5 s
            receiver.feed(stream.frames[i], i * 40'000);
        QCOMPARE(receiver.keyframeRequests, 2); // at 80 ms and again at 1,080 ms
        QCOMPARE(receiver.completed, (QList<quint32>{0}));
    }

    void aNewReceiverWaitsForAKeyframe()
    {
        Stream stream;
        stream.add(true);
        stream.add(false);
        stream.add(false);
        stream.add(true);
        Receiver receiver;
        receiver.feed(stream.frames[1]); // joined after the first keyframe
        receiver.feed(stream.frames[2]);
        receiver.feed(stream.frames[3]);
        QCOMPARE(receiver.completed, (QList<quint32>{3}));
        QCOMPARE(receiver.keyframeRequests, 1);
    }

    void anIncompleteFrameTimesOut()
    {
        Stream stream;
        stream.add(true);
        stream.add(false);
        Receiver receiver;
        receiver.feed(stream.frames[0], 0);
        receiver.feed(stream.frames[1].mid(0, 1), 40'000);
        receiver.reassembler.expire(300'000);
        QCOMPARE(receiver.reassembler.stats().framesDropped, 0u); // not yet: 260 ms old
        receiver.reassembler.expire(400'000);
        QCOMPARE(receiver.reassembler.stats().framesDropped, 1u);
        QCOMPARE(receiver.keyframeRequests, 1);
        receiver.feed(stream.frames[1].mid(1), 410'000);
        QCOMPARE(receiver.completed, (QList<quint32>{0}));
    }

    void aRestartedSenderIsFollowed()
    {
        Stream before;
        before.packetizer = VideoPacketizer(10'000);
        before.add(true);
        Stream after; // ids start at 0 again
        after.add(true);
        after.add(false);
        Receiver receiver;
        receiver.feed(before.frames[0]);
        receiver.feed(after.frames[0]);
        receiver.feed(after.frames[1]);
        QCOMPARE(receiver.completed, (QList<quint32>{10'000, 0, 1}));
    }

    void malformedFragmentsAreRejected_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("size");
        QTest::newRow("no fragments") << 0 << 0 << 10;
        QTest::newRow("index past the count") << 3 << 3 << 10;
        QTest::newRow("too many fragments") << 0 << kMaxFragmentsPerFrame + 1 << 10;
        QTest::newRow("payload too large") << 0 << 2 << kMaxFragmentPayload + 1;
    }
    void malformedFragmentsAreRejected()
    {
        QFETCH(int, index);
        QFETCH(int, count);
        QFETCH(int, size);
        VideoReassembler reassembler([] {});
        VideoFragment fragment;
        fragment.fragmentIndex = quint16(index);
        fragment.fragmentCount = quint16(count);
        fragment.payload = QByteArray(size, 'x');
        fragment.keyframe = true;
        QVERIFY(!reassembler.accept(fragment, 0));
        QCOMPARE(reassembler.stats().fragmentsRejected, 1u);
    }

    void aFragmentContradictingItsFrameIsRejected()
    {
        Stream stream;
        stream.add(true);
        Receiver receiver;
        receiver.feed(stream.frames[0].mid(0, 1));
        VideoFragment liar = stream.frames[0][1];
        liar.fragmentCount = 2; // says the frame has two fragments, the first said three
        receiver.feed({liar});
        QCOMPARE(receiver.reassembler.stats().fragmentsRejected, 1u);
        receiver.feed(stream.frames[0].mid(1));
        QCOMPARE(receiver.completed, (QList<quint32>{0}));
    }
};

QTEST_GUILESS_MAIN(TestVideoReassembler)
#include "TestVideoReassembler.moc"
