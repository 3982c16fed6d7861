#pragma once

#include "client/call/DeviceCheck.h"
#include "client/call/VideoCall.h"
#include "protocol/consult.pb.h"

#include <QCoreApplication>
#include <QString>

namespace consult {

// The words both apps use for the video consultation, in one place so the customer and the advisor
// read the same: the quality ladder's steps (lesson 10: say why the picture changed), the devices'
// states, the system check's lines. German source strings through tr(); plain text. Stateless.
class MediaTexts final
{
    Q_DECLARE_TR_FUNCTIONS(MediaTexts)
public:
    // Our own step of the ladder (what we send), for a short notice; empty for the full quality.
    static QString ownQuality(wire::QualityLevel level);
    // The peer's step (what we receive); empty for the full quality.
    static QString peerQuality(wire::QualityLevel level);
    // Back to full quality after a step down.
    static QString qualityRestored();

    // A device's state as a line next to the switch; empty while it simply works.
    static QString deviceState(VideoCall::Device device, VideoCall::DeviceState state);
    // The device's name ("Kamera", "Mikrofon", "Lautsprecher").
    static QString deviceName(VideoCall::Device device);
    // The advisor's notice: the customer talks over the telephone.
    static QString peerOnPhone(const QString &phoneCode);

    // Placeholders in the video views.
    static QString ownCameraOff();
    static QString peerCameraOff();
    static QString peerVideoHidden();
    static QString peerMicrophoneOff();

    // A system check line's outcome, for the customer's check and the advisor's ticks.
    static QString checkLine(DeviceCheck::Line line);
    static QString checkOutcome(wire::CheckOutcome outcome);
};

} // namespace consult
