#pragma once

#include "media/audio/SyntheticSource.h"

#include <QAudioFormat>
#include <QByteArrayView>
#include <QString>

#include <memory>
#include <vector>

namespace consult::media {

// A WAV file as an audio source: recorded far-end speech for the echo tests, a prompt for the
// pre-call check. Reads PCM (8, 16, 24, 32 bit) and 32-bit float at any rate and channel count,
// and converts it once, on load, to 48 kHz mono frames. Reading only: the product has no
// recording path (P1: "this consultation is not recorded"), so there is no writer here.
class WavFileSource final : public SyntheticSource
{
public:
    static Result<std::unique_ptr<WavFileSource>> open(const QString &path);
    static Result<std::unique_ptr<WavFileSource>> fromBytes(QByteArrayView wav);

    // Plays the file again from the start instead of ending.
    void setLooping(bool looping) { m_looping = looping; }
    void rewind() { m_next = 0; }

    std::optional<AudioFrame> nextFrame() override;

    int frameCount() const { return int(m_frames.size()); }
    // The format the file was stored in (before conversion).
    const QAudioFormat &fileFormat() const { return m_fileFormat; }

private:
    WavFileSource(QAudioFormat fileFormat, std::vector<AudioFrame> frames);

    QAudioFormat m_fileFormat;
    std::vector<AudioFrame> m_frames;
    std::size_t m_next = 0;
    bool m_looping = false;
};

} // namespace consult::media
