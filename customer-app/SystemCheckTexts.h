#pragma once

#include "client/call/DeviceCheck.h"
#include "client/linkcheck/ConnectionCheck.h"
#include "protocol/consult.pb.h"

#include <QCoreApplication>
#include <QString>

namespace consult::customer {

// The customer's words for each line of the system check (seed 001 step 2): what was found and,
// where something is missing, what to do about it (connect a headset, use the telephone, use the
// text chat, move closer to the router). One place, so the check page, the consultation screen and
// the translation say the same.
class SystemCheckTexts final
{
    Q_DECLARE_TR_FUNCTIONS(consult::customer::SystemCheckTexts)
public:
    static QString lineName(DeviceCheck::Line line);
    static QString connectionName();
    static QString device(DeviceCheck::Line line, wire::CheckOutcome outcome);
    static QString connection(const ConnectionCheck::Result &result);
    static QString connectionRunning(int percent);
    // "1,2 Mbit/s" in the current language.
    static QString megabits(int kbps);
    // What the check means for the video consultation, or empty when everything passed.
    static QString summary(const wire::SystemCheck &check);
};

} // namespace consult::customer
