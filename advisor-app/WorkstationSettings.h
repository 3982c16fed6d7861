#pragma once

#include "media/devices/MediaDevices.h"

#include <QString>
#include <QUrl>

class QSettings;

namespace consult::advisor {

// The workstation's own preferences, kept in QSettings (the registry on Windows): never a token or
// a password (A6), only what makes the next start convenient and how the advisor likes to work.
struct WorkstationSettings
{
    QUrl server;
    QString username;
    bool stayLoggedIn = false;
    int alertIntervalSeconds = 30; // how often the waiting alert repeats (lesson 15)
    QString language = QStringLiteral("de");
    bool sideBySide = false;     // consultations side by side instead of in tabs
    media::DeviceChoice devices; // camera, microphone, speaker for video consultations (empty: the default)

    static constexpr int kMinAlertIntervalSeconds = 5;
    static constexpr int kMaxAlertIntervalSeconds = 600;

    static WorkstationSettings load(QSettings &settings);
    void save(QSettings &settings) const;
};

} // namespace consult::advisor
