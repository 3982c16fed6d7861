#include "media/audio/CollectingSink.h"

namespace consult::media {

void CollectingSink::pull(int frameCount)
{
    for (int i = 0; m_running && i < frameCount; ++i)
        m_frames.push_back(nextFrame());
}

std::vector<std::int16_t> CollectingSink::samples() const
{
    std::vector<std::int16_t> all;
    all.reserve(m_frames.size() * std::size_t(kFrameSamples));
    for (const AudioFrame &frame : m_frames)
        all.insert(all.end(), frame.samples.begin(), frame.samples.end());
    return all;
}

} // namespace consult::media
