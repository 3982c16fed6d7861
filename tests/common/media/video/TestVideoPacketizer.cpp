#include "media/video/VideoPacketizer.h"

#include <QTest>

using namespace consult::media;

class TestVideoPacketizer final : public QObject
{
    Q_OBJECT
private slots:
    void fragmentsStayWithinTheLimitAndRebuildTheFrame_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("fragments");
        QTest::newRow("empty") << 0 << 1;
        QTest::newRow("one byte") << 1 << 1;
        QTest::newRow("exactly the limit") << kMaxFragmentPayload << 1;
        QTest::newRow("one past the limit") << kMaxFragmentPayload + 1 << 2;
        QTest::newRow("typical delta") << 2300 << 3;
        QTest::newRow("keyframe") << 17'000 << 16;
        QTest::newRow("largest allowed") << kMaxFragmentsPerFrame * kMaxFragmentPayload << kMaxFragmentsPerFrame;
    }
    void fragmentsStayWithinTheLimitAndRebuildTheFrame()
    {
        QFETCH(int, size);
        QFETCH(int, fragments);
        EncodedVideoFrame frame;
        for (int i = 0; i < size; ++i)
            frame.data.append(char(i * 31));
        frame.keyframe = true;
        frame.captureUs = 987'654;
        VideoPacketizer packetizer(41);

        const QList<VideoFragment> out = packetizer.packetize(frame);
        QCOMPARE(frame.frameId, 41u);
        QCOMPARE(out.size(), fragments);
        QByteArray rebuilt;
        qsizetype smallest = kMaxFragmentPayload, largest = 0;
        for (int i = 0; i < out.size(); ++i) {
            const VideoFragment &fragment = out[i];
            QVERIFY(fragment.payload.size() <= kMaxFragmentPayload);
            QCOMPARE(fragment.fragmentIndex, i);
            QCOMPARE(fragment.fragmentCount, fragments);
            QCOMPARE(fragment.frameId, 41u);
            QVERIFY(fragment.keyframe);
            QCOMPARE(fragment.captureUs, 987'654);
            smallest = std::min(smallest, fragment.payload.size());
            largest = std::max(largest, fragment.payload.size());
            rebuilt += fragment.payload;
        }
        QCOMPARE(rebuilt, frame.data);
        QVERIFY(largest - smallest <= 1); // evenly split, no runt fragment
    }

    void frameIdsCountUpByOne()
    {
        VideoPacketizer packetizer;
        for (quint32 expected = 0; expected < 5; ++expected) {
            EncodedVideoFrame frame;
            frame.data = QByteArray(100, 'x');
            QCOMPARE(packetizer.packetize(frame).first().frameId, expected);
        }
        QCOMPARE(packetizer.nextFrameId(), 5u);
    }
};

QTEST_GUILESS_MAIN(TestVideoPacketizer)
#include "TestVideoPacketizer.moc"
