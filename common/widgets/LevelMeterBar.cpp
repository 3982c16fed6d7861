#include "widgets/LevelMeterBar.h"

#include <algorithm>
#include <cmath>

namespace consult {

LevelMeterBar::LevelMeterBar(QWidget *parent)
    : QProgressBar(parent)
{
    setRange(0, 100);
    setValue(0);
    setTextVisible(false);
    setAccessibleName(tr("Mikrofonpegel"));
    setMaximumHeight(16);
}

void LevelMeterBar::setLevel(float rmsDbfs)
{
    m_levelDbfs = rmsDbfs;
    const float fraction = std::clamp((rmsDbfs - kFloorDbfs) / -kFloorDbfs, 0.0f, 1.0f);
    setValue(int(std::lround(fraction * 100.0f)));
}

} // namespace consult
