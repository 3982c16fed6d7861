#include "media/video/FrameStamp.h"
#include "media/video/TestPattern.h"

#include <QRandomGenerator>
#include <QTest>

using namespace consult::media;

class TestFrameStamp final : public QObject
{
    Q_OBJECT
private slots:
    void counterAndTimestampReadBackExactly_data()
    {
        QTest::addColumn<quint32>("counter");
        QTest::addColumn<quint32>("timestampMs");
        QTest::newRow("zero") << 0u << 0u;
        QTest::newRow("all ones") << 0xffffffffu << 0xffffffffu;
        QTest::newRow("mixed") << 0x12345678u << 0x9abcdef0u;
        QTest::newRow("one bit") << 1u << 0x80000000u;
    }
    void counterAndTimestampReadBackExactly()
    {
        QFETCH(quint32, counter);
        QFETCH(quint32, timestampMs);
        I420Frame frame = I420Frame::blank(kVideoWidth, kVideoHeight);
        FrameStamp{counter, timestampMs}.drawInto(frame);
        const std::optional<FrameStamp> read = FrameStamp::readFrom(frame);
        QVERIFY(read);
        QCOMPARE(read->counter, counter);
        QCOMPARE(read->timestampMs, timestampMs);
    }

    void theStampSurvivesCodingNoise()
    {
        I420Frame frame = I420Frame::blank(kVideoWidth, kVideoHeight);
        FrameStamp{0xa5a5a5a5u, 0x5a5a5a5au}.drawInto(frame);
        // Noise of ±60 everywhere (far more than a 30 dB picture has): every block centre stays on
        // its side of the threshold.
        QRandomGenerator random(7);
        for (char &sample : frame.y)
            sample = char(std::clamp(int(uchar(sample)) + int(random.bounded(121)) - 60, 0, 255));
        const std::optional<FrameStamp> read = FrameStamp::readFrom(frame);
        QVERIFY(read);
        QCOMPARE(read->counter, 0xa5a5a5a5u);
    }

    void aDamagedBandIsRecognised()
    {
        I420Frame frame = I420Frame::blank(kVideoWidth, kVideoHeight);
        FrameStamp{1000, 2000}.drawInto(frame);
        // Invert the block of bit 3 of the counter.
        for (int row = 0; row < FrameStamp::kBlockSize; ++row)
            for (int column = 3 * 8; column < 4 * 8; ++column)
                frame.y[row * kVideoWidth + column] = char(235 + 16 - uchar(frame.y[row * kVideoWidth + column]));
        QVERIFY(!FrameStamp::readFrom(frame));
    }

    void aNarrowPictureUsesMoreRows()
    {
        QCOMPARE(FrameStamp::bandHeight(640), 8);
        QCOMPARE(FrameStamp::bandHeight(320), 16);
        I420Frame frame = I420Frame::blank(320, 180);
        FrameStamp{77, 88}.drawInto(frame);
        QCOMPARE(FrameStamp::readFrom(frame), (FrameStamp{77, 88}));
    }

    void aPictureWithoutAStampReadsAsNothing()
    {
        QVERIFY(!FrameStamp::readFrom(I420Frame::blank(kVideoWidth, kVideoHeight)));
        QVERIFY(!FrameStamp::readFrom(I420Frame::blank(4, 4)));
    }

    void theTestPatternCarriesItsFrameNumberAndTime()
    {
        const TestPattern pattern;
        const I420Frame frame = pattern.render(1234, 5'678'000);
        QVERIFY(frame.isValid());
        QCOMPARE(frame.frameNumber, 1234u);
        QCOMPARE(frame.captureUs, 5'678'000);
        QCOMPARE(FrameStamp::readFrom(frame), (FrameStamp{1234, 5678}));
    }

    void theTestPatternMovesAndRepeatsExactly_data()
    {
        QTest::addColumn<TestPattern::Kind>("kind");
        QTest::newRow("moving") << TestPattern::Kind::Moving;
        QTest::newRow("noisy") << TestPattern::Kind::Noisy;
    }
    void theTestPatternMovesAndRepeatsExactly()
    {
        QFETCH(TestPattern::Kind, kind);
        const TestPattern pattern(kind);
        const I420Frame first = pattern.render(10, 0);
        QCOMPARE(pattern.render(10, 0).y, first.y);
        QCOMPARE(pattern.render(10, 0).u, first.u);
        const QByteArray below = first.y.mid(FrameStamp::bandHeight(kVideoWidth) * kVideoWidth);
        QVERIFY(pattern.render(11, 0).y.mid(FrameStamp::bandHeight(kVideoWidth) * kVideoWidth) != below);
    }
};

QTEST_GUILESS_MAIN(TestFrameStamp)
#include "TestFrameStamp.moc"
