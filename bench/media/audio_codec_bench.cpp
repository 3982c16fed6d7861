// audio_codec_bench: what the audio engine costs on this machine, per unit of real time. Times
// every call over a synthetic talker (speech-like syllables and pauses, looped):
//   Opus encode and decode of one 20 ms packet at the product's settings, Opus concealment of a
//   lost packet, the echo canceller / noise suppressor / gain control on one 10 ms frame (render
//   reference plus capture), the jitter buffer's put+get per packet, and the resampler on 10 ms
//   of a 44.1 kHz device.
// Prints median, p99 and max per stage and the share of one core the stage needs in a call.
// Not a test: it asserts nothing.
//
//   build/bench/media/audio_codec_bench [--iterations 10000] [--bitrate 24000]
#include "EchoPath.h"
#include "SampleSource.h"
#include "SpeechLikeSignal.h"

#include "media/audio/AudioProcessor.h"
#include "media/audio/JitterBuffer.h"
#include "media/audio/OpusVoiceDecoder.h"
#include "media/audio/OpusVoiceEncoder.h"
#include "media/audio/Resampler.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

using namespace consult::media;
using namespace consult::media::testing;

namespace {

struct Spread
{
    double median = 0.0;
    double p99 = 0.0;
    double max = 0.0;
    double mean = 0.0;
};

Spread spreadOf(std::vector<double> microseconds)
{
    Spread spread;
    std::sort(microseconds.begin(), microseconds.end());
    const auto at = [&](double quantile) {
        return microseconds[std::size_t(quantile * double(microseconds.size() - 1))];
    };
    spread.median = at(0.5);
    spread.p99 = at(0.99);
    spread.max = microseconds.back();
    for (const double sample : microseconds)
        spread.mean += sample / double(microseconds.size());
    return spread;
}

// Times step(i) for i in [0, iterations); returns each call's duration in microseconds.
std::vector<double> timeEach(int iterations, const std::function<void(int)> &step)
{
    std::vector<double> durations;
    durations.reserve(std::size_t(iterations));
    for (int i = 0; i < iterations; ++i) {
        const auto start = std::chrono::steady_clock::now();
        step(i);
        durations.push_back(
            std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
    }
    return durations;
}

void print(const char *stage, const std::vector<double> &durations, double realTimeUs)
{
    const Spread spread = spreadOf(durations);
    std::printf("%-42s %9.1f %9.1f %9.1f %9.1f %8.2f %%\n", stage, spread.median, spread.p99, spread.max, spread.mean,
                100.0 * spread.mean / realTimeUs);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Cost of the audio engine's stages per packet and per frame."));
    parser.addHelpOption();
    const QCommandLineOption iterationsOption(QStringLiteral("iterations"), QStringLiteral("Calls timed per stage."),
                                              QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption bitrateOption(QStringLiteral("bitrate"), QStringLiteral("Opus bitrate in bit/s."),
                                           QStringLiteral("bps"), QString::number(OpusVoiceEncoder::kDefaultBitrate));
    parser.addOptions({iterationsOption, bitrateOption});
    parser.process(application);
    const int iterations = std::max(100, parser.value(iterationsOption).toInt());
    const int bitrate = parser.value(bitrateOption).toInt();

    // 20 s of a talker, looped; its echo in a room for the echo canceller.
    const std::vector<std::int16_t> talker = speechLikeSignal(20'000, 1, -10.0);
    const std::vector<AudioFrame> frames = framesOf(talker);
    const std::vector<AudioFrame> echoes = framesOf(echoOf(talker, 60, -12.0, -65.0, 2));
    const auto frame = [&frames](int i) -> const AudioFrame & { return frames[std::size_t(i) % frames.size()]; };

    std::printf("audio_codec_bench: %d calls per stage, Opus at %d bit/s, %zu s of talker looped\n", iterations,
                bitrate, frames.size() / 100);
    std::printf("%-42s %9s %9s %9s %9s %10s\n", "stage (microseconds)", "median", "p99", "max", "mean", "of a core");

    OpusVoiceEncoder encoder(bitrate);
    encoder.setExpectedPacketLossPercent(5);
    std::vector<QByteArray> packets;
    packets.reserve(std::size_t(iterations));
    print("Opus encode, one 20 ms packet",
          timeEach(iterations,
                   [&](int i) {
                       encoder.encode(frame(2 * i));
                       packets.push_back(encoder.encode(frame(2 * i + 1)).value());
                   }),
          20'000.0);

    OpusVoiceDecoder decoder;
    print("Opus decode, one 20 ms packet",
          timeEach(iterations, [&](int i) { decoder.decode(packets[std::size_t(i)]); }), 20'000.0);
    OpusVoiceDecoder concealer;
    print("Opus concealment (PLC), one lost packet",
          timeEach(iterations,
                   [&](int i) {
                       if (i % 2 == 0)
                           concealer.decode(packets[std::size_t(i)]);
                       else
                           concealer.conceal();
                   }),
          20'000.0);

    AudioProcessor processor;
    processor.setStreamDelayMs(40);
    print("APM render + capture, one 10 ms frame",
          timeEach(iterations,
                   [&](int i) {
                       processor.processRender(frame(i));
                       AudioFrame microphone = echoes[std::size_t(i) % echoes.size()];
                       processor.processCapture(microphone);
                   }),
          10'000.0);

    JitterBuffer jitterBuffer;
    print("jitter buffer put + get + tick, one packet",
          timeEach(iterations,
                   [&](int i) {
                       jitterBuffer.put(quint16(i), quint32(i) * 960, packets[std::size_t(i)]);
                       jitterBuffer.get();
                       jitterBuffer.tick(i % 50 < 10);
                   }),
          20'000.0);

    Resampler resampler(44'100, kSampleRate);
    const std::vector<std::int16_t> deviceChunk(441, 1000);
    std::vector<std::int16_t> resampled;
    print("resampler 44.1 -> 48 kHz, 10 ms",
          timeEach(iterations,
                   [&](int) {
                       resampled.clear();
                       resampler.process(deviceChunk, resampled);
                   }),
          10'000.0);
    return 0;
}
