#include "media/video/TestPattern.h"
#include "media/video/Vp8Encoder.h"

#include <QTest>

using namespace consult::media;

namespace {

constexpr qint64 kFrameUs = 40'000; // 25 fps

// Encodes frames [first, last) of the pattern at 25 fps; returns the bytes produced.
qint64 encodeRange(Vp8Encoder &encoder, const TestPattern &pattern, quint32 first, quint32 last)
{
    qint64 bytes = 0;
    for (quint32 n = first; n < last; ++n) {
        if (const auto encoded = encoder.encode(pattern.render(n, qint64(n) * kFrameUs)))
            bytes += encoded->data.size();
    }
    return bytes;
}

double kbps(qint64 bytes, int frames)
{
    return double(bytes) * 8.0 / (double(frames) * double(kFrameUs) / 1e6) / 1000.0;
}

} // namespace

class TestVp8Encoder final : public QObject
{
    Q_OBJECT
private slots:
    void onlyTheFirstFrameIsAKeyframeUntilOneIsAskedFor()
    {
        auto created = Vp8Encoder::create();
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.problem().message));
        Vp8Encoder &encoder = *created.value();
        const TestPattern pattern;
        const auto first = encoder.encode(pattern.render(0, 0));
        QVERIFY(first && first->keyframe);
        encodeRange(encoder, pattern, 1, 150);
        QCOMPARE(encoder.stats().keyframes, 1u);
        QCOMPARE(encoder.stats().framesIn, 150u);
    }

    void aRequestMakesTheNextFrameAKeyframe()
    {
        auto encoder = std::move(Vp8Encoder::create()).value();
        const TestPattern pattern;
        encodeRange(*encoder, pattern, 0, 50);
        encoder->requestKeyframe();
        QVERIFY(encoder->isKeyframePending());
        const auto next = encoder->encode(pattern.render(50, 50 * kFrameUs));
        QVERIFY(next && next->keyframe);
        QVERIFY(!encoder->isKeyframePending());
    }

    void aSecondRequestWithinHalfASecondWaitsForTheRateLimit()
    {
        auto encoder = std::move(Vp8Encoder::create()).value();
        const TestPattern pattern;
        encodeRange(*encoder, pattern, 0, 50);
        encoder->requestKeyframe();
        QVERIFY(encoder->encode(pattern.render(50, 50 * kFrameUs))->keyframe); // at 2.00 s

        encoder->requestKeyframe();
        for (quint32 n = 51; n <= 62; ++n) { // up to 2.48 s: within 500 ms of the last keyframe
            const auto frame = encoder->encode(pattern.render(n, qint64(n) * kFrameUs));
            QVERIFY(!frame || !frame->keyframe);
            QVERIFY(encoder->isKeyframePending());
        }
        const auto due = encoder->encode(pattern.render(63, 63 * kFrameUs)); // 2.52 s
        QVERIFY(due && due->keyframe);
        QCOMPARE(encoder->stats().keyframes, 3u);
    }

    void theBitrateFollowsATargetChangedWhileRunning()
    {
        // The noisy pattern has more detail than any bitrate here can carry, so the rate control,
        // not the content, decides the size.
        auto encoder = std::move(Vp8Encoder::create({.bitrateKbps = kMaxVideoBitrateKbps})).value();
        const TestPattern pattern(TestPattern::Kind::Noisy);
        encodeRange(*encoder, pattern, 0, 125);
        const double high = kbps(encodeRange(*encoder, pattern, 125, 250), 125);
        QCOMPARE(encoder->setTargetBitrate(kMinVideoBitrateKbps), kMinVideoBitrateKbps);
        encodeRange(*encoder, pattern, 250, 375);
        const double low = kbps(encodeRange(*encoder, pattern, 375, 500), 125);
        qInfo("noisy pattern: %.0f kbit/s at target 700, %.0f kbit/s at target 150; %u of 500 frames dropped", high,
              low, encoder->stats().framesDropped);
        QVERIFY2(std::abs(high - 700) <= 0.15 * 700, qPrintable(QString::number(high)));
        QVERIFY2(std::abs(low - 150) <= 0.15 * 150, qPrintable(QString::number(low)));
    }

    void theTargetStaysInsideTheRange()
    {
        auto encoder = std::move(Vp8Encoder::create()).value();
        QCOMPARE(encoder->targetBitrate(), kDefaultVideoBitrateKbps);
        QCOMPARE(encoder->setTargetBitrate(50), kMinVideoBitrateKbps);
        QCOMPARE(encoder->setTargetBitrate(5000), kMaxVideoBitrateKbps);
        QCOMPARE(encoder->targetBitrate(), kMaxVideoBitrateKbps);
    }

    void framesOfTheWrongSizeAreRefused()
    {
        auto encoder = std::move(Vp8Encoder::create()).value();
        QVERIFY(!encoder->encode(I420Frame::blank(320, 180)));
        QVERIFY(!encoder->encode(I420Frame{}));
        QCOMPARE(encoder->stats().framesRefused, 2u);
        QCOMPARE(encoder->stats().framesEncoded, 0u);
    }
};

QTEST_GUILESS_MAIN(TestVp8Encoder)
#include "TestVp8Encoder.moc"
