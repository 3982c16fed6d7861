#include "widgets/MediaTexts.h"

namespace consult {

QString MediaTexts::ownQuality(wire::QualityLevel level)
{
    switch (level) {
    case wire::QUALITY_LEVEL_REDUCED_VIDEO:
        return tr("Ihre Verbindung ist langsam: Ihr Bild wird in geringerer Qualität übertragen.");
    case wire::QUALITY_LEVEL_AUDIO_ONLY:
        return tr("Ihre Verbindung ist langsam: Ihr Bild ist angehalten, damit der Ton erhalten bleibt.");
    case wire::QUALITY_LEVEL_TEXT_ONLY:
        return tr("Ihre Verbindung reicht nur noch für den Chat: Bild und Ton sind angehalten.");
    default:
        return {};
    }
}

QString MediaTexts::peerQuality(wire::QualityLevel level)
{
    switch (level) {
    case wire::QUALITY_LEVEL_REDUCED_VIDEO:
        return tr("Die Verbindung Ihres Gegenübers ist langsam: Das Bild kommt in geringerer Qualität.");
    case wire::QUALITY_LEVEL_AUDIO_ONLY:
        return tr("Die Verbindung Ihres Gegenübers ist langsam: Das Bild ist angehalten, der Ton läuft weiter.");
    case wire::QUALITY_LEVEL_TEXT_ONLY:
        return tr("Die Verbindung Ihres Gegenübers reicht nur noch für den Chat: Bild und Ton sind angehalten.");
    default:
        return {};
    }
}

QString MediaTexts::qualityRestored()
{
    return tr("Die Verbindung ist wieder gut: Bild und Ton in voller Qualität.");
}

QString MediaTexts::deviceName(VideoCall::Device device)
{
    switch (device) {
    case VideoCall::Device::Camera:
        return tr("Kamera");
    case VideoCall::Device::Microphone:
        return tr("Mikrofon");
    case VideoCall::Device::Speaker:
        return tr("Lautsprecher");
    }
    return {};
}

QString MediaTexts::deviceState(VideoCall::Device device, VideoCall::DeviceState state)
{
    using State = VideoCall::DeviceState;
    switch (device) {
    case VideoCall::Device::Camera:
        switch (state) {
        case State::Off:
            return tr("Ihre Kamera ist aus.");
        case State::Missing:
            return tr("Keine Kamera gefunden. Sie sehen und hören Ihr Gegenüber trotzdem.");
        case State::Failed:
            return tr("Die Kamera liefert kein Bild. Vielleicht nutzt ein anderes Programm sie.");
        case State::Lost:
            return tr("Die Kamera wurde getrennt. Das Gespräch geht ohne Ihr Bild weiter.");
        case State::On:
            return {};
        }
        break;
    case VideoCall::Device::Microphone:
        switch (state) {
        case State::Off:
            return tr("Ihr Mikrofon ist aus.");
        case State::Missing:
            return tr("Kein Mikrofon gefunden.");
        case State::Failed:
            return tr("Das Mikrofon ließ sich nicht öffnen. Vielleicht nutzt ein anderes Programm es.");
        case State::Lost:
            return tr("Das Mikrofon wurde getrennt. Sie können weiter schreiben oder telefonieren.");
        case State::On:
            return {};
        }
        break;
    case VideoCall::Device::Speaker:
        switch (state) {
        case State::Missing:
            return tr("Kein Lautsprecher gefunden.");
        case State::Failed:
            return tr("Der Lautsprecher ließ sich nicht öffnen.");
        case State::Lost:
            return tr("Der Lautsprecher wurde getrennt.");
        case State::Off:
        case State::On:
            return {};
        }
        break;
    }
    return {};
}

QString MediaTexts::peerOnPhone(const QString &phoneCode)
{
    if (phoneCode.isEmpty())
        return tr("Der Kunde spricht per Telefon.");
    return tr("Der Kunde spricht per Telefon (Code %1).").arg(phoneCode);
}

QString MediaTexts::ownCameraOff()
{
    return tr("Kamera ist aus");
}

QString MediaTexts::peerCameraOff()
{
    return tr("Die Kamera Ihres Gegenübers ist aus");
}

QString MediaTexts::peerVideoHidden()
{
    return tr("Bild ausgeblendet");
}

QString MediaTexts::peerMicrophoneOff()
{
    return tr("Das Mikrofon Ihres Gegenübers ist aus.");
}

QString MediaTexts::checkLine(DeviceCheck::Line line)
{
    switch (line) {
    case DeviceCheck::Line::Camera:
        return tr("Kamera");
    case DeviceCheck::Line::Microphone:
        return tr("Mikrofon");
    case DeviceCheck::Line::Speaker:
        return tr("Lautsprecher");
    }
    return {};
}

QString MediaTexts::checkOutcome(wire::CheckOutcome outcome)
{
    switch (outcome) {
    case wire::CHECK_OUTCOME_PASSED:
        return tr("in Ordnung");
    case wire::CHECK_OUTCOME_MISSING:
        return tr("nicht vorhanden");
    case wire::CHECK_OUTCOME_FAILED:
        return tr("funktioniert nicht");
    case wire::CHECK_OUTCOME_TOO_SLOW:
        return tr("zu langsam");
    default:
        return tr("noch nicht geprüft");
    }
}

} // namespace consult
