#pragma once

#include <QProgressBar>

namespace consult {

// The microphone's level as a bar (the system check, the call's "am I heard"): -60 dBFS and below
// is empty, 0 dBFS full. A progress bar underneath, so screen readers read its value; the owner
// sets the accessible name. Lives in the GUI thread.
class LevelMeterBar final : public QProgressBar
{
    Q_OBJECT
public:
    static constexpr float kFloorDbfs = -60.0f;

    explicit LevelMeterBar(QWidget *parent = nullptr);

    float levelDbfs() const { return m_levelDbfs; }

public Q_SLOTS:
    void setLevel(float rmsDbfs);

private:
    float m_levelDbfs = -100.0f;
};

} // namespace consult
