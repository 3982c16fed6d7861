#include "SampleSource.h"
#include "SignalAnalysis.h"
#include "SpeechLikeSignal.h"

#include "media/audio/OpusVoiceDecoder.h"
#include "media/audio/OpusVoiceEncoder.h"
#include "media/audio/ToneSource.h"

#include <QTest>

#include <cmath>

using namespace consult::media;
using namespace consult::media::testing;

namespace {

std::vector<QByteArray> encodeAll(OpusVoiceEncoder &encoder, const std::vector<AudioFrame> &frames)
{
    std::vector<QByteArray> packets;
    for (const AudioFrame &frame : frames) {
        if (std::optional<QByteArray> packet = encoder.encode(frame))
            packets.push_back(*packet);
    }
    return packets;
}

void append(std::vector<std::int16_t> &samples, const PacketAudio &audio)
{
    for (const AudioFrame &frame : audio)
        samples.insert(samples.end(), frame.samples.begin(), frame.samples.end());
}

std::vector<AudioFrame> toneFrames(double frequencyHz, float peakDbfs, int frames)
{
    ToneSource tone(frequencyHz, peakDbfs);
    std::vector<AudioFrame> out;
    for (int i = 0; i < frames; ++i)
        out.push_back(*tone.nextFrame());
    return out;
}

// Signal-to-error ratio of a decoded packet against the original, in dB.
double fidelityDb(std::span<const std::int16_t> original, std::span<const std::int16_t> decoded)
{
    std::vector<double> error(original.size());
    for (std::size_t i = 0; i < original.size(); ++i)
        error[i] = double(original[i]) - double(decoded[i]);
    return powerDbfs(original) - powerDbfs(std::span<const double>(error));
}

} // namespace

class TestOpusCodec final : public QObject
{
    Q_OBJECT
private slots:
    void everySecondFrameCompletesATwentyMillisecondPacket();
    void aToneSurvivesTheRoundTripAtItsFrequencyAndLevel();
    void theBitrateSetsThePacketSize_data();
    void theBitrateSetsThePacketSize();
    void theBitrateStaysInTheSpeechRange();
    void concealmentFillsAMissingPacketWithPlausibleAudio();
    void forwardErrorCorrectionRecoversALostPacketBetterThanConcealment();
    void packetsCarryFecDataOnlyWhenTheSenderExpectsLoss();
    void whatIsNotATwentyMillisecondOpusPacketIsRefused_data();
    void whatIsNotATwentyMillisecondOpusPacketIsRefused();
};

void TestOpusCodec::everySecondFrameCompletesATwentyMillisecondPacket()
{
    OpusVoiceEncoder encoder;
    const std::vector<AudioFrame> frames = toneFrames(440.0, -20.0f, 4);
    QVERIFY(!encoder.encode(frames[0]));
    QVERIFY(encoder.encode(frames[1]));
    QVERIFY(!encoder.encode(frames[2]));
    encoder.dropPendingFrame(); // frame 2 is forgotten: frame 3 starts a new packet
    QVERIFY(!encoder.encode(frames[3]));
}

void TestOpusCodec::aToneSurvivesTheRoundTripAtItsFrequencyAndLevel()
{
    OpusVoiceEncoder encoder;
    OpusVoiceDecoder decoder;
    const std::vector<AudioFrame> frames = toneFrames(440.0, -20.0f, 200);
    std::vector<std::int16_t> decoded;
    for (const QByteArray &packet : encodeAll(encoder, frames)) {
        std::optional<PacketAudio> audio = decoder.decode(packet);
        QVERIFY(audio);
        append(decoded, *audio);
    }
    QCOMPARE(decoded.size(), std::size_t(2 * kSampleRate));
    const std::span<const std::int16_t> settled = std::span(decoded).subspan(kSampleRate / 2);
    const double level = tonePowerDbfs(settled, 440.0);
    qInfo("440 Hz at -20 dBFS peak: decoded %.2f dBFS RMS (expected -23.01), dominance %.1f dB", level,
          toneDominanceDb(settled, 440.0));
    QVERIFY(std::abs(level - -23.01) < 1.0);
    QVERIFY(toneDominanceDb(settled, 440.0) > 30.0);
}

void TestOpusCodec::theBitrateSetsThePacketSize_data()
{
    QTest::addColumn<int>("bitrate");
    QTest::newRow("poor line") << 12'000;
    QTest::newRow("default") << 24'000;
    QTest::newRow("best") << 32'000;
}

void TestOpusCodec::theBitrateSetsThePacketSize()
{
    QFETCH(int, bitrate);
    OpusVoiceEncoder encoder(bitrate);
    const std::vector<std::int16_t> speech = speechLikeSignal(10'000, 7, -12.0);
    qint64 bytes = 0;
    const std::vector<QByteArray> packets = encodeAll(encoder, framesOf(speech));
    for (const QByteArray &packet : packets)
        bytes += packet.size();
    const double measured = double(bytes) * 8.0 / (double(packets.size()) * 0.020);
    qInfo("target %d bit/s: measured %.0f bit/s over %zu packets", bitrate, measured, packets.size());
    QVERIFY(measured > bitrate * 0.6);
    QVERIFY(measured < bitrate * 1.15);
}

void TestOpusCodec::theBitrateStaysInTheSpeechRange()
{
    OpusVoiceEncoder encoder;
    encoder.setBitrate(4'000);
    QCOMPARE(encoder.bitrate(), OpusVoiceEncoder::kMinBitrate);
    encoder.setBitrate(128'000);
    QCOMPARE(encoder.bitrate(), OpusVoiceEncoder::kMaxBitrate);
    encoder.setBitrate(28'000);
    QCOMPARE(encoder.bitrate(), 28'000);
}

void TestOpusCodec::concealmentFillsAMissingPacketWithPlausibleAudio()
{
    OpusVoiceEncoder encoder;
    OpusVoiceDecoder decoder;
    const std::vector<QByteArray> packets = encodeAll(encoder, toneFrames(440.0, -20.0f, 100));
    for (std::size_t i = 0; i < 40; ++i)
        QVERIFY(decoder.decode(packets[i]));

    std::vector<std::int16_t> concealed;
    append(concealed, decoder.conceal()); // packet 40 is lost
    const double level = powerDbfs(concealed);
    qInfo("concealed packet: %.1f dBFS (the tone is at -23 dBFS), 440 Hz at %.1f dBFS", level,
          tonePowerDbfs(concealed, 440.0));
    // Not silence, and not louder than the signal it stands in for.
    QVERIFY(level > -23.0 - 10.0);
    QVERIFY(level < -23.0 + 1.0);
    QVERIFY(decoder.decode(packets[41])); // and decoding carries on
}

void TestOpusCodec::forwardErrorCorrectionRecoversALostPacketBetterThanConcealment()
{
    const std::vector<std::int16_t> speech = speechLikeSignal(4'000, 11, -12.0);
    const std::vector<AudioFrame> frames = framesOf(speech);
    OpusVoiceEncoder encoder;
    encoder.setExpectedPacketLossPercent(10); // makes Opus carry FEC data
    const std::vector<QByteArray> packets = encodeAll(encoder, frames);

    double fecTotal = 0.0;
    double plcTotal = 0.0;
    int compared = 0;
    // Lose each of several packets in voiced speech in turn; recover it both ways.
    for (std::size_t lost = 50; lost < packets.size() - 1; lost += 17) {
        const std::span<const std::int16_t> original = std::span(speech).subspan(lost * 960, 960);
        if (powerDbfs(original) < -40.0)
            continue; // a pause: nothing to recover
        OpusVoiceDecoder withFec;
        OpusVoiceDecoder withPlc;
        for (std::size_t i = 0; i < lost; ++i) {
            QVERIFY(withFec.decode(packets[i]));
            QVERIFY(withPlc.decode(packets[i]));
        }
        std::optional<PacketAudio> recovered = withFec.recover(packets[lost + 1]);
        QVERIFY(recovered);
        std::vector<std::int16_t> fec;
        std::vector<std::int16_t> plc;
        append(fec, *recovered);
        append(plc, withPlc.conceal());
        // Opus delays its output slightly against the input: compare against the decoder's own
        // output for that packet instead of the raw input.
        OpusVoiceDecoder reference;
        for (std::size_t i = 0; i < lost; ++i)
            QVERIFY(reference.decode(packets[i]));
        std::vector<std::int16_t> clean;
        append(clean, *reference.decode(packets[lost]));
        fecTotal += fidelityDb(clean, fec);
        plcTotal += fidelityDb(clean, plc);
        ++compared;
    }
    QVERIFY(compared >= 5);
    qInfo("lost packets in speech: FEC %.1f dB, PLC %.1f dB signal-to-error (mean over %d)", fecTotal / compared,
          plcTotal / compared, compared);
    QVERIFY(fecTotal / compared > plcTotal / compared + 3.0);
}

void TestOpusCodec::packetsCarryFecDataOnlyWhenTheSenderExpectsLoss()
{
    const std::vector<AudioFrame> frames = framesOf(speechLikeSignal(2'000, 12, -12.0));
    OpusVoiceEncoder confident;
    OpusVoiceEncoder cautious;
    cautious.setExpectedPacketLossPercent(10);
    const std::vector<QByteArray> without = encodeAll(confident, frames);
    const std::vector<QByteArray> with = encodeAll(cautious, frames);
    const auto carrying = [](const std::vector<QByteArray> &packets) {
        return std::count_if(packets.begin() + 1, packets.end(),
                             [](const QByteArray &p) { return OpusVoiceDecoder::carriesFec(p); });
    };
    qInfo("packets with FEC data: %lld of %zu without expected loss, %lld of %zu with 10 %%", qint64(carrying(without)),
          without.size(), qint64(carrying(with)), with.size());
    QCOMPARE(carrying(without), 0);
    QVERIFY(carrying(with) > qint64(with.size()) / 2);

    OpusVoiceDecoder decoder;
    QVERIFY(!decoder.recover(without[20])); // nothing to recover from: the caller conceals
    QVERIFY(decoder.recover(with[20]));
}

void TestOpusCodec::whatIsNotATwentyMillisecondOpusPacketIsRefused_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::newRow("empty") << QByteArray();
    // TOC byte: config 3 (SILK narrowband 60 ms), mono, one frame.
    QTest::newRow("60 ms packet") << QByteArray::fromHex("18") + QByteArray(20, '\x55');
    // TOC byte: config 14 (hybrid fullband 10 ms), mono, one frame.
    QTest::newRow("10 ms packet") << QByteArray::fromHex("70") + QByteArray(20, '\x55');
    // TOC byte: code 3 (several frames) without the frame count byte that must follow.
    QTest::newRow("truncated") << QByteArray::fromHex("0b");
}

void TestOpusCodec::whatIsNotATwentyMillisecondOpusPacketIsRefused()
{
    QFETCH(QByteArray, packet);
    OpusVoiceDecoder decoder;
    QVERIFY(!decoder.decode(packet));
    QVERIFY(!decoder.recover(packet));
}

QTEST_GUILESS_MAIN(TestOpusCodec)
#include "TestOpusCodec.moc"
