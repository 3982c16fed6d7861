#pragma once

#include "media/devices/MediaDevices.h"

class QSettings;

namespace consult::customer {

// The customer's choice of camera, microphone and speakers from the system check, remembered across
// runs in the app's QSettings (group "devices"). Only device ids are kept: nothing about a person or
// a consultation (C4). An id that is gone falls back to the default device (MediaDevices).
struct DevicePreferences
{
    static media::DeviceChoice load(const QSettings &settings);
    static void save(QSettings &settings, const media::DeviceChoice &choice);
};

} // namespace consult::customer
