#pragma once

#include "media/MediaFrames.h"

namespace consult::media {

// Brings a camera picture to the pipeline's size (640x360 unless told otherwise): first crops it
// centrally to the target's aspect ratio (a 4:3 camera loses a strip top and bottom rather than
// making faces wide), then halves it with a 2x2 box filter while it is at least twice too large,
// then fits the rest bilinearly. The box steps keep a 1080p camera from aliasing; 720p -> 360p is
// one exact halving. Stateless and thread-safe; a picture of the right size is returned as is.
I420Frame scaleI420(const I420Frame &source, int width = kVideoWidth, int height = kVideoHeight);

} // namespace consult::media
