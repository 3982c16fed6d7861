#include "DevicePreferences.h"

#include <QSettings>

namespace consult::customer {

namespace {

const QString kCamera = QStringLiteral("devices/camera");
const QString kMicrophone = QStringLiteral("devices/microphone");
const QString kSpeaker = QStringLiteral("devices/speaker");

} // namespace

media::DeviceChoice DevicePreferences::load(const QSettings &settings)
{
    media::DeviceChoice choice;
    choice.camera = settings.value(kCamera).toByteArray();
    choice.microphone = settings.value(kMicrophone).toByteArray();
    choice.speaker = settings.value(kSpeaker).toByteArray();
    return choice;
}

void DevicePreferences::save(QSettings &settings, const media::DeviceChoice &choice)
{
    settings.setValue(kCamera, choice.camera);
    settings.setValue(kMicrophone, choice.microphone);
    settings.setValue(kSpeaker, choice.speaker);
    settings.sync();
}

} // namespace consult::customer
