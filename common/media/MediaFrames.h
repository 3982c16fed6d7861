#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <array>
#include <cstdint>

namespace consult::media {

// The media formats every stage of the pipeline agrees on.

// Audio: 48 kHz, mono, 16-bit, processed in 10 ms frames (webrtc-audio-processing's unit); Opus
// packets carry 20 ms (two frames).
inline constexpr int kSampleRate = 48'000;
inline constexpr int kFrameSamples = kSampleRate / 100; // 10 ms
inline constexpr int kOpusPacketMs = 20;

struct AudioFrame
{
    std::array<std::int16_t, kFrameSamples> samples{};
    qint64 captureUs = 0; // monotonic microseconds when the frame's first sample was captured
};

// Video: I420 (planar Y, then U and V at half resolution), 640x360 nominal, up to 30 fps.
inline constexpr int kVideoWidth = 640;
inline constexpr int kVideoHeight = 360;

struct I420Frame
{
    int width = 0;
    int height = 0;
    // Tightly packed planes: y is width*height bytes, u and v are ((width+1)/2)*((height+1)/2) each.
    QByteArray y;
    QByteArray u;
    QByteArray v;
    qint64 captureUs = 0; // monotonic microseconds at capture
    quint32 frameNumber = 0;

    static I420Frame blank(int width, int height)
    {
        I420Frame frame;
        frame.width = width;
        frame.height = height;
        const int chroma = ((width + 1) / 2) * ((height + 1) / 2);
        frame.y = QByteArray(width * height, char(16));
        frame.u = QByteArray(chroma, char(128));
        frame.v = QByteArray(chroma, char(128));
        return frame;
    }
    bool isValid() const
    {
        const int chroma = ((width + 1) / 2) * ((height + 1) / 2);
        return width > 0 && height > 0 && y.size() == width * height && u.size() == chroma && v.size() == chroma;
    }
};

} // namespace consult::media
