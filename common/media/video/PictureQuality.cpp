#include "media/video/PictureQuality.h"

#include <cmath>

namespace consult::media {

double lumaPsnr(const I420Frame &reference, const I420Frame &picture)
{
    if (reference.width != picture.width || reference.height != picture.height || reference.y.isEmpty() ||
        reference.y.size() != picture.y.size())
        return 0.0;
    const auto *a = reinterpret_cast<const uchar *>(reference.y.constData());
    const auto *b = reinterpret_cast<const uchar *>(picture.y.constData());
    quint64 squared = 0;
    for (qsizetype i = 0; i < reference.y.size(); ++i) {
        const int difference = int(a[i]) - int(b[i]);
        squared += quint64(difference * difference);
    }
    if (squared == 0)
        return 100.0;
    const double meanSquared = double(squared) / double(reference.y.size());
    return 10.0 * std::log10(255.0 * 255.0 / meanSquared);
}

} // namespace consult::media
