#include "media/video/TestPattern.h"

#include "media/video/FrameStamp.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace consult::media {

namespace {

struct Yuv
{
    uchar y, u, v;
};

// 75 % colour bars in BT.601 video range: white, yellow, cyan, green, magenta, red, blue, black.
constexpr std::array<Yuv, 8> kBars{{{180, 128, 128},
                                    {162, 44, 142},
                                    {131, 156, 44},
                                    {112, 72, 58},
                                    {84, 184, 198},
                                    {65, 100, 212},
                                    {35, 212, 114},
                                    {16, 128, 128}}};

constexpr int kBoxSize = 64;

// Position along a back-and-forth path of `span` pixels at `speed` pixels per frame.
int bounce(quint32 frameNumber, int speed, int span)
{
    if (span <= 0)
        return 0;
    const int travelled = int((quint64(frameNumber) * quint64(speed)) % quint64(2 * span));
    return travelled < span ? travelled : 2 * span - travelled;
}

} // namespace

TestPattern::TestPattern(Kind kind, int width, int height)
    : m_kind(kind)
    , m_width(width)
    , m_height(height)
{}

I420Frame TestPattern::render(quint32 frameNumber, qint64 captureUs) const
{
    I420Frame frame = I420Frame::blank(m_width, m_height);
    drawBarsAndGradient(frame, frameNumber);
    drawBox(frame, frameNumber);
    if (m_kind == Kind::Noisy)
        addNoise(frame, frameNumber);
    frame.captureUs = captureUs;
    frame.frameNumber = frameNumber;
    FrameStamp{frameNumber, quint32(captureUs / 1000)}.drawInto(frame);
    return frame;
}

void TestPattern::drawBarsAndGradient(I420Frame &frame, quint32 frameNumber) const
{
    const int barsHeight = m_height * 2 / 3;
    const int chromaWidth = (m_width + 1) / 2;
    const int chromaHeight = (m_height + 1) / 2;
    auto *y = reinterpret_cast<uchar *>(frame.y.data());
    auto *u = reinterpret_cast<uchar *>(frame.u.data());
    auto *v = reinterpret_cast<uchar *>(frame.v.data());
    // The gradient scrolls left 3 pixels per frame, so the encoder sees motion across the width.
    const int scroll = int(frameNumber * 3u % unsigned(m_width));

    for (int row = 0; row < m_height; ++row) {
        for (int column = 0; column < m_width; ++column) {
            uchar luma;
            if (row < barsHeight) {
                luma = kBars[std::size_t(column * 8 / m_width)].y;
            } else {
                const int position = (column + scroll) % m_width;
                luma = uchar(16 + position * 219 / std::max(1, m_width - 1));
            }
            y[qsizetype(row) * m_width + column] = luma;
        }
    }
    for (int row = 0; row < chromaHeight; ++row) {
        for (int column = 0; column < chromaWidth; ++column) {
            const qsizetype at = qsizetype(row) * chromaWidth + column;
            if (row * 2 < barsHeight) {
                const Yuv &bar = kBars[std::size_t(column * 2 * 8 / m_width)];
                u[at] = bar.u;
                v[at] = bar.v;
            } else {
                const int position = (column * 2 + scroll) % m_width;
                u[at] = uchar(64 + position * 128 / std::max(1, m_width));
                v[at] = uchar(192 - position * 128 / std::max(1, m_width));
            }
        }
    }
}

void TestPattern::drawBox(I420Frame &frame, quint32 frameNumber) const
{
    const int top0 = FrameStamp::bandHeight(m_width);
    const int left = bounce(frameNumber, 6, m_width - kBoxSize);
    const int top = top0 + bounce(frameNumber, 4, m_height - top0 - kBoxSize);
    auto *y = reinterpret_cast<uchar *>(frame.y.data());
    auto *u = reinterpret_cast<uchar *>(frame.u.data());
    auto *v = reinterpret_cast<uchar *>(frame.v.data());
    const int chromaWidth = (m_width + 1) / 2;
    // An orange box with a dark centre: edges and a texture the motion search must follow.
    for (int row = top; row < std::min(m_height, top + kBoxSize); ++row) {
        for (int column = left; column < std::min(m_width, left + kBoxSize); ++column) {
            const bool centre = std::abs(row - top - kBoxSize / 2) < 12 && std::abs(column - left - kBoxSize / 2) < 12;
            y[qsizetype(row) * m_width + column] = centre ? 40 : 170;
            const qsizetype at = qsizetype(row / 2) * chromaWidth + column / 2;
            u[at] = centre ? 128 : 60;
            v[at] = centre ? 128 : 190;
        }
    }
}

void TestPattern::addNoise(I420Frame &frame, quint32 frameNumber) const
{
    // xorshift32, seeded per frame: reproducible, and different in every frame like sensor noise.
    quint32 state = frameNumber * 2'654'435'761u + 1u;
    auto *y = reinterpret_cast<uchar *>(frame.y.data());
    for (qsizetype i = 0; i < frame.y.size(); ++i) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        const int noise = int(state % 25u) - 12; // ±12: a cheap webcam in a dim office
        y[i] = uchar(std::clamp(int(y[i]) + noise, 0, 255));
    }
}

} // namespace consult::media
