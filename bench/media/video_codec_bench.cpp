// video_codec_bench: what VP8 costs per frame at the product's settings (target: encode median
// under 4 ms on one core for 640x360). Encodes and decodes the moving test pattern and a noisy
// variant (sensor-like noise, much harder to code) at the target bitrate, timing every frame, and
// times the capture path's copy of a 720p YUYV camera frame to 640x360 I420. Prints median, p99 and
// max per stage, the bitrate reached, PSNR and frames dropped. Not a test: it asserts nothing.
//
//   build/bench/media/video_codec_bench [--frames 1500] [--bitrate 450]
#include "media/video/FrameConverter.h"
#include "media/video/PictureQuality.h"
#include "media/video/TestPattern.h"
#include "media/video/VideoScaler.h"
#include "media/video/Vp8Decoder.h"
#include "media/video/Vp8Encoder.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace consult::media;

namespace {

constexpr int kFramesPerSecond = 25;
constexpr qint64 kFrameUs = 1'000'000 / kFramesPerSecond;

double nowMs()
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double processCpuMs()
{
    return double(std::clock()) * 1000.0 / CLOCKS_PER_SEC;
}

struct Spread
{
    double median = 0, p99 = 0, max = 0, mean = 0;
};

Spread spreadOf(std::vector<double> samples)
{
    Spread spread;
    if (samples.empty())
        return spread;
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double quantile) { return samples[std::size_t(quantile * double(samples.size() - 1))]; };
    spread.median = at(0.5);
    spread.p99 = at(0.99);
    spread.max = samples.back();
    for (double sample : samples)
        spread.mean += sample / double(samples.size());
    return spread;
}

struct CodecFigures
{
    Spread encode, decode;
    double kbps = 0, psnr = 0, cpuMsPerFrame = 0;
    quint32 dropped = 0, keyframes = 0;
};

CodecFigures runCodec(TestPattern::Kind kind, int frames, int bitrateKbps)
{
    auto encoder = std::move(Vp8Encoder::create({.bitrateKbps = bitrateKbps})).value();
    auto decoder = std::move(Vp8Decoder::create()).value();
    const TestPattern pattern(kind);
    std::vector<double> encodeMs, decodeMs;
    double psnrSum = 0, cpuMs = 0;
    int psnrFrames = 0;
    for (int n = 0; n < frames; ++n) {
        const I420Frame source = pattern.render(quint32(n), n * kFrameUs); // not timed
        // Keyframes as a session asks for them now and then (a new receiver, a loss): every 10 s.
        if (n > 0 && n % (10 * kFramesPerSecond) == 0)
            encoder->requestKeyframe();
        const double cpuBefore = processCpuMs();
        const double start = nowMs();
        const std::optional<EncodedVideoFrame> encoded = encoder->encode(source);
        const double encodedAt = nowMs();
        cpuMs += processCpuMs() - cpuBefore;
        encodeMs.push_back(encodedAt - start);
        if (!encoded)
            continue;
        const double decodeStart = nowMs();
        const consult::Result<I420Frame> picture = decoder->decode(*encoded);
        decodeMs.push_back(nowMs() - decodeStart);
        if (picture.ok() && n >= kFramesPerSecond) {
            psnrSum += lumaPsnr(source, picture.value());
            ++psnrFrames;
        }
    }
    CodecFigures figures;
    figures.encode = spreadOf(encodeMs);
    figures.decode = spreadOf(decodeMs);
    figures.kbps = double(encoder->stats().bytesOut) * 8.0 / (double(frames) / kFramesPerSecond) / 1000.0;
    figures.psnr = psnrFrames ? psnrSum / psnrFrames : 0;
    figures.dropped = encoder->stats().framesDropped;
    figures.keyframes = encoder->stats().keyframes;
    figures.cpuMsPerFrame = cpuMs / frames;
    return figures;
}

// A 1280x720 YUYV frame, the commonest webcam mode, as the camera would hand it over.
Spread runCapturePath(int frames)
{
    const int width = 1280, height = 720;
    std::vector<uchar> yuyv(std::size_t(width) * 2 * height);
    for (std::size_t i = 0; i < yuyv.size(); ++i)
        yuyv[i] = uchar(i * 7 + i / 4096);
    MappedFrame camera{QVideoFrameFormat::Format_YUYV, width, height, {PlaneView{yuyv.data(), width * 2}, {}, {}}};
    std::vector<double> samples;
    for (int n = 0; n < frames; ++n) {
        const double start = nowMs();
        const I420Frame scaled = scaleI420(*convertToI420(camera));
        samples.push_back(nowMs() - start);
        if (!scaled.isValid())
            std::fprintf(stderr, "capture path produced no picture\n");
    }
    return spreadOf(samples);
}

void printCodec(const char *name, const CodecFigures &f)
{
    std::printf(
        "%-7s  encode ms: median %5.2f  p99 %5.2f  max %5.2f  mean %5.2f (CPU %5.2f) | decode ms: median %5.2f  "
        "p99 %5.2f | %6.1f kbit/s  PSNR-Y %5.2f dB  dropped %u  keyframes %u\n",
        name, f.encode.median, f.encode.p99, f.encode.max, f.encode.mean, f.cpuMsPerFrame, f.decode.median,
        f.decode.p99, f.kbps, f.psnr, f.dropped, f.keyframes);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("VP8 encode/decode cost per frame at the product's settings"));
    parser.addHelpOption();
    const QCommandLineOption framesOption(QStringLiteral("frames"), QStringLiteral("frames per pattern (>= 1000)"),
                                          QStringLiteral("n"), QStringLiteral("1500"));
    const QCommandLineOption bitrateOption(QStringLiteral("bitrate"), QStringLiteral("target kbit/s"),
                                           QStringLiteral("kbps"), QString::number(kDefaultVideoBitrateKbps));
    parser.addOptions({framesOption, bitrateOption});
    parser.process(app);
    const int frames = std::max(1, parser.value(framesOption).toInt());
    const int bitrate = parser.value(bitrateOption).toInt();

    std::printf("VP8 %dx%d, %d fps, %d kbit/s target, one pass CBR, cpu-used -6, 1 encoder thread, %d frames per "
                "pattern\n",
                kVideoWidth, kVideoHeight, kFramesPerSecond, bitrate, frames);
    const CodecFigures moving = runCodec(TestPattern::Kind::Moving, frames, bitrate);
    printCodec("moving", moving);
    const CodecFigures noisy = runCodec(TestPattern::Kind::Noisy, frames, bitrate);
    printCodec("noisy", noisy);
    const Spread capture = runCapturePath(std::min(frames, 500));
    std::printf("capture path, 1280x720 YUYV -> I420 -> 640x360: median %.2f ms  p99 %.2f ms  max %.2f ms\n",
                capture.median, capture.p99, capture.max);
    const double worst = std::max(moving.encode.median, noisy.encode.median);
    std::printf("target: encode median under 4 ms on one core: %s (worst median %.2f ms)\n",
                worst < 4.0 ? "met" : "NOT met", worst);
    return 0;
}
