#include "media/video/FrameStamp.h"
#include "media/video/PictureQuality.h"
#include "media/video/TestPattern.h"
#include "media/video/VideoPacketizer.h"
#include "media/video/VideoReassembler.h"
#include "media/video/Vp8Decoder.h"
#include "media/video/Vp8Encoder.h"

#include <QTest>

#include <functional>

using namespace consult;
using namespace consult::media;

namespace {

constexpr int kFramesPerSecond = 25;
constexpr qint64 kFrameUs = 1'000'000 / kFramesPerSecond;

// The whole video path in one thread, without the network: test pattern -> VP8 -> fragments ->
// reassembly -> VP8 -> picture. Keyframe requests go straight back to the encoder, as the session
// would carry them.
struct Pipeline
{
    std::unique_ptr<Vp8Encoder> encoder = std::move(Vp8Encoder::create({.bitrateKbps = 450})).value();
    VideoPacketizer packetizer;
    int keyframeRequests = 0;
    VideoReassembler reassembler{[this] {
        ++keyframeRequests;
        encoder->requestKeyframe();
    }};
    std::unique_ptr<Vp8Decoder> decoder = std::move(Vp8Decoder::create()).value();
    TestPattern pattern;

    struct Step
    {
        I420Frame source;
        std::optional<EncodedVideoFrame> encoded; // nothing: the encoder dropped the frame
        std::optional<I420Frame> decoded;         // nothing: not (yet) decodable
        bool decodeFailed = false;
        int largestFragment = 0;
    };

    // Runs frame n through; `lose` says which of its fragments the network loses.
    Step run(quint32 n, const std::function<bool(const VideoFragment &)> &lose = {})
    {
        Step step;
        const qint64 captureUs = qint64(n) * kFrameUs;
        step.source = pattern.render(n, captureUs);
        step.encoded = encoder->encode(step.source);
        if (!step.encoded)
            return step;
        for (const VideoFragment &fragment : packetizer.packetize(*step.encoded)) {
            step.largestFragment = std::max(step.largestFragment, int(fragment.payload.size()));
            if (lose && lose(fragment))
                continue;
            if (auto frame = reassembler.accept(fragment, captureUs + 5'000)) {
                Result<I420Frame> picture = decoder->decode(*frame);
                step.decodeFailed = !picture.ok();
                if (picture.ok())
                    step.decoded = std::move(picture).value();
            }
        }
        return step;
    }
};

} // namespace

class TestVideoPipeline final : public QObject
{
    Q_OBJECT
private slots:
    void thePatternCrossesThePathAt450kbpsInOrderAndSharp()
    {
        Pipeline pipeline;
        const int frames = 10 * kFramesPerSecond;
        double psnrSum = 0, psnrMin = 100;
        int measured = 0, dropped = 0, decoded = 0, largestFragment = 0;
        qint64 bytes = 0, keyframeBytes = 0;
        std::optional<quint32> lastCounter;
        for (quint32 n = 0; n < quint32(frames); ++n) {
            const Pipeline::Step step = pipeline.run(n);
            largestFragment = std::max(largestFragment, step.largestFragment);
            if (!step.encoded) {
                ++dropped;
                continue;
            }
            bytes += step.encoded->data.size();
            if (step.encoded->keyframe)
                keyframeBytes = step.encoded->data.size();
            QVERIFY2(step.decoded, qPrintable(QStringLiteral("frame %1 was not decoded").arg(n)));
            ++decoded;
            const std::optional<FrameStamp> stamp = FrameStamp::readFrom(*step.decoded);
            QVERIFY2(stamp, qPrintable(QStringLiteral("frame %1: stamp unreadable").arg(n)));
            QCOMPARE(stamp->counter, n);
            QCOMPARE(stamp->timestampMs, quint32(n * kFrameUs / 1000));
            QVERIFY(!lastCounter || stamp->counter > *lastCounter);
            lastCounter = stamp->counter;
            if (n >= quint32(kFramesPerSecond)) { // after the first second: rate control settled
                const double psnr = lumaPsnr(step.source, *step.decoded);
                psnrSum += psnr;
                psnrMin = std::min(psnrMin, psnr);
                ++measured;
            }
        }
        const double psnr = psnrSum / measured;
        const double kbps = double(bytes) * 8.0 / 10.0 / 1000.0;
        qInfo("450 kbit/s, 640x360, 25 fps, 10 s: %.1f kbit/s (%+.1f %%), PSNR Y mean %.2f dB, min %.2f dB, "
              "%d of %d frames dropped by the encoder, keyframe %lld bytes, largest fragment %d bytes",
              kbps, (kbps / 450.0 - 1.0) * 100.0, psnr, psnrMin, dropped, frames, keyframeBytes, largestFragment);
        QCOMPARE(dropped, 0);
        QCOMPARE(decoded, frames);
        QVERIFY2(psnr >= 30.0, qPrintable(QString::number(psnr)));
        QVERIFY2(std::abs(kbps - 450.0) <= 0.15 * 450.0, qPrintable(QString::number(kbps)));
        QVERIFY(largestFragment <= kMaxFragmentPayload);
        QCOMPARE(pipeline.keyframeRequests, 0);
    }

    void aLostFrameIsRepairedByTheNextKeyframe()
    {
        Pipeline pipeline;
        const quint32 lost = 60; // 2.4 s in, well past the keyframe rate limit
        for (quint32 n = 0; n < lost; ++n)
            QVERIFY(pipeline.run(n).decoded);

        const Pipeline::Step gone = pipeline.run(lost, [](const VideoFragment &) { return true; });
        QVERIFY(gone.encoded && !gone.encoded->keyframe);
        QVERIFY(!gone.decoded);

        // The next frame shows the gap: refused (its reference is gone), and a keyframe is asked for.
        const Pipeline::Step detected = pipeline.run(lost + 1);
        QVERIFY(!detected.decoded);
        QCOMPARE(pipeline.keyframeRequests, 1);
        QVERIFY(pipeline.encoder->isKeyframePending());

        // The encoder answers with the very next frame.
        const Pipeline::Step repaired = pipeline.run(lost + 2);
        QVERIFY(repaired.encoded && repaired.encoded->keyframe);
        QVERIFY(repaired.decoded);
        const qint64 recoveryMs = (repaired.source.captureUs - gone.source.captureUs) / 1000;

        double psnrSum = 0;
        int measured = 0;
        for (quint32 n = lost + 2; n < lost + 2 + 2 * kFramesPerSecond; ++n) {
            const Pipeline::Step step = n == lost + 2 ? repaired : pipeline.run(n);
            QVERIFY(step.decoded && !step.decodeFailed);
            QCOMPARE(FrameStamp::readFrom(*step.decoded)->counter, n);
            psnrSum += lumaPsnr(step.source, *step.decoded);
            ++measured;
        }
        qInfo("keyframe recovery: picture back %lld ms after the lost frame's capture (2 frames at 25 fps, no network "
              "round trip), keyframe %lld bytes, then PSNR Y mean %.2f dB over 2 s; %d keyframe request(s)",
              recoveryMs, qint64(repaired.encoded->data.size()), psnrSum / measured, pipeline.keyframeRequests);
        QCOMPARE(recoveryMs, 2 * kFrameUs / 1000);
        QVERIFY(psnrSum / measured >= 30.0);
        QCOMPARE(pipeline.keyframeRequests, 1);
    }

    void aLostKeyframeIsRepairedAfterTheRateLimit()
    {
        Pipeline pipeline;
        for (quint32 n = 0; n < 30; ++n)
            pipeline.run(n);
        pipeline.encoder->requestKeyframe(); // e.g. for a new receiver
        const Pipeline::Step damaged = pipeline.run(30, [](const VideoFragment &f) { return f.fragmentIndex == 0; });
        QVERIFY(damaged.encoded && damaged.encoded->keyframe);
        QVERIFY(!damaged.decoded);
        std::optional<quint32> firstDecoded;
        for (quint32 n = 31; n < 75 && !firstDecoded; ++n) {
            if (pipeline.run(n).decoded)
                firstDecoded = n;
        }
        QVERIFY(firstDecoded);
        // The repair waits for the keyframe rate limit (500 ms after the damaged keyframe).
        QVERIFY(*firstDecoded >= 30 + 500'000 / kFrameUs);
        QVERIFY(*firstDecoded <= 30 + 500'000 / kFrameUs + 1);
    }
};

QTEST_GUILESS_MAIN(TestVideoPipeline)
#include "TestVideoPipeline.moc"
