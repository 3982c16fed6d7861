#pragma once

#include "media/MediaFrames.h"

namespace consult::media {

// Peak signal-to-noise ratio of the luma planes in dB (how far a decoded picture is from its
// source); 100 for identical planes, 0 when the sizes differ. For tests and benchmarks.
double lumaPsnr(const I420Frame &reference, const I420Frame &picture);

} // namespace consult::media
