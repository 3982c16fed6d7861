#include "WorkstationSettings.h"

#include <QSettings>

namespace consult::advisor {

WorkstationSettings WorkstationSettings::load(QSettings &settings)
{
    WorkstationSettings loaded;
    loaded.server = QUrl(settings.value(QStringLiteral("login/server")).toString());
    loaded.username = settings.value(QStringLiteral("login/username")).toString();
    loaded.stayLoggedIn = settings.value(QStringLiteral("login/stay_logged_in"), false).toBool();
    loaded.alertIntervalSeconds =
        qBound(kMinAlertIntervalSeconds, settings.value(QStringLiteral("alert/interval_seconds"), 30).toInt(),
               kMaxAlertIntervalSeconds);
    const QString language = settings.value(QStringLiteral("view/language"), QStringLiteral("de")).toString();
    loaded.language = language == u"en" ? language : QStringLiteral("de");
    loaded.sideBySide = settings.value(QStringLiteral("view/side_by_side"), false).toBool();
    loaded.devices.camera = settings.value(QStringLiteral("devices/camera")).toByteArray();
    loaded.devices.microphone = settings.value(QStringLiteral("devices/microphone")).toByteArray();
    loaded.devices.speaker = settings.value(QStringLiteral("devices/speaker")).toByteArray();
    return loaded;
}

void WorkstationSettings::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("login/server"), server.toString());
    settings.setValue(QStringLiteral("login/username"), username);
    settings.setValue(QStringLiteral("login/stay_logged_in"), stayLoggedIn);
    settings.setValue(QStringLiteral("alert/interval_seconds"), alertIntervalSeconds);
    settings.setValue(QStringLiteral("view/language"), language);
    settings.setValue(QStringLiteral("view/side_by_side"), sideBySide);
    settings.setValue(QStringLiteral("devices/camera"), devices.camera);
    settings.setValue(QStringLiteral("devices/microphone"), devices.microphone);
    settings.setValue(QStringLiteral("devices/speaker"), devices.speaker);
    settings.sync();
}

} // namespace consult::advisor
