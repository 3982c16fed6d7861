#pragma once

#include "media/MediaFrames.h"

namespace consult::media {

// A synthetic moving picture (after Jami's test pattern source): colour bars, a box bouncing across
// them, a scrolling gradient, and a FrameStamp band at the top carrying the frame number and
// capture time. The picture is a pure function of the frame number, so a test can render the same
// source frame again to compare a decoded one against it. The noisy kind adds sensor-like luma
// noise, which is much harder to encode (the benchmark's second case).
class TestPattern
{
public:
    enum class Kind
    {
        Moving,
        Noisy,
    };

    explicit TestPattern(Kind kind = Kind::Moving, int width = kVideoWidth, int height = kVideoHeight);

    I420Frame render(quint32 frameNumber, qint64 captureUs) const;

    int width() const { return m_width; }
    int height() const { return m_height; }

private:
    void drawBarsAndGradient(I420Frame &frame, quint32 frameNumber) const;
    void drawBox(I420Frame &frame, quint32 frameNumber) const;
    void addNoise(I420Frame &frame, quint32 frameNumber) const;

    Kind m_kind;
    int m_width;
    int m_height;
};

} // namespace consult::media
