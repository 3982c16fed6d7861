#include "StatusTexts.h"

#include <QLocale>

namespace consult::advisor {

QString StatusTexts::loginRefusal(wire::ErrorCode code, int retryAfterMs)
{
    switch (code) {
    case wire::ERROR_LOGIN_FAILED:
        // A3: the server gives one answer for every wrong credential; so does the workstation.
        return tr("Benutzername oder Passwort ist falsch.");
    case wire::ERROR_LOGIN_THROTTLED:
        return tr("Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie noch %1 (Minuten:Sekunden).")
            .arg(duration(qMax(1000, retryAfterMs)));
    case wire::ERROR_SESSION_EXPIRED:
        return tr("Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.");
    case wire::ERROR_STORAGE_FAILED:
        return tr("Der Server konnte die Anmeldung gerade nicht speichern. Bitte versuchen Sie es erneut.");
    default:
        return tr("Die Anmeldung wurde abgelehnt (Fehler %1).").arg(static_cast<int>(code));
    }
}

QString StatusTexts::connectionFailure(ClientConnection::Failure failure)
{
    using Failure = ClientConnection::Failure;
    switch (failure) {
    case Failure::ServerUnreachable:
        return tr("Der Server ist nicht erreichbar. Bitte prüfen Sie die Adresse und Ihre Netzwerkverbindung.");
    case Failure::CertificateInvalid:
        return tr("Das Zertifikat des Servers ist ungültig. Aus Sicherheitsgründen wird keine Verbindung aufgebaut.");
    case Failure::PinMismatch:
        return tr("Der Server weist sich nicht mit dem Schlüssel der Bank aus. Aus Sicherheitsgründen wird keine "
                  "Verbindung aufgebaut. Bitte informieren Sie die IT.");
    case Failure::ProtocolVersion:
        return tr("Diese Version des Beratungsplatzes passt nicht zum Server. Bitte aktualisieren Sie die Anwendung.");
    case Failure::ServerBusy:
        return tr("Der Server ist ausgelastet. Bitte versuchen Sie es gleich noch einmal.");
    case Failure::ResumeRefused:
        return tr(
            "Die Verbindung war zu lange unterbrochen; die Sitzung ist beendet. Bitte melden Sie sich erneut an.");
    case Failure::ProtocolError:
        return tr("Die Verbindung zum Server wurde wegen eines Fehlers beendet. Bitte melden Sie sich erneut an.");
    case Failure::None:
        break;
    }
    return tr("Die Verbindung zum Server ist beendet.");
}

QString StatusTexts::requestRefusal(wire::ErrorCode code)
{
    switch (code) {
    case wire::ERROR_QUEUE_EMPTY:
        return tr("Zurzeit wartet niemand.");
    case wire::ERROR_AT_CAPACITY:
        return tr("Sie führen bereits so viele Beratungen gleichzeitig, wie für Sie eingestellt sind.");
    case wire::ERROR_NOT_AVAILABLE:
        return tr("Sie sind auf Pause. Schalten Sie auf „Verfügbar“, um Kunden anzunehmen.");
    case wire::ERROR_NOT_FOUND:
        return tr("Dieser Eintrag ist nicht mehr vorhanden; vermutlich hat ihn jemand anderes übernommen.");
    case wire::ERROR_RATE_LIMITED:
        return tr("Zu viele Anfragen in kurzer Zeit. Bitte einen Moment warten.");
    case wire::ERROR_VIDEO_IN_PROGRESS:
        return videoInProgress();
    default:
        return tr("Die Anfrage wurde abgelehnt (Fehler %1).").arg(static_cast<int>(code));
    }
}

QString StatusTexts::transferRefusal(wire::ErrorCode code, const QString &colleague)
{
    switch (code) {
    case wire::ERROR_NOT_FOUND:
        return tr("Übergabe nicht möglich: %1 ist nicht mehr angemeldet.").arg(colleague);
    case wire::ERROR_NOT_AVAILABLE:
        return tr("Übergabe nicht möglich: %1 ist gerade nicht verfügbar.").arg(colleague);
    case wire::ERROR_AT_CAPACITY:
        return tr("Übergabe nicht möglich: %1 hat keinen freien Platz mehr.").arg(colleague);
    case wire::ERROR_INVALID_INPUT:
        return tr("Übergabe nicht möglich: Sie können eine Beratung nicht an sich selbst übergeben.");
    default:
        return tr("Übergabe nicht möglich (Fehler %1).").arg(static_cast<int>(code));
    }
}

QString StatusTexts::endReason(wire::EndReason reason, const QString &customer, const QString &transferredTo)
{
    switch (reason) {
    case wire::END_REASON_CUSTOMER_ENDED:
        return tr("%1 hat die Beratung beendet.").arg(customer);
    case wire::END_REASON_ADVISOR_ENDED:
        return tr("Sie haben die Beratung beendet.");
    case wire::END_REASON_CUSTOMER_LOST:
        return tr("Die Verbindung zu %1 ist abgebrochen; die Beratung ist beendet.").arg(customer);
    case wire::END_REASON_ADVISOR_LOST:
        return tr("Ihre Verbindung war zu lange unterbrochen; die Beratung ist beendet.");
    case wire::END_REASON_SERVER_SHUTDOWN:
        return tr("Der Server wurde angehalten; die Beratung ist beendet.");
    case wire::END_REASON_TRANSFERRED:
        return tr("An %1 übergeben.").arg(transferredTo);
    default:
        return tr("Die Beratung ist beendet.");
    }
}

QString StatusTexts::mode(wire::ConsultationMode mode)
{
    return mode == wire::CONSULTATION_MODE_VIDEO ? tr("Video") : tr("Chat");
}

QString StatusTexts::videoInProgress()
{
    return tr("Sie führen bereits eine Videoberatung. Einen weiteren Videokunden können Sie erst nach deren Ende "
              "annehmen; Chat-Kunden können Sie weiter annehmen.");
}

QString StatusTexts::systemCheck(const wire::SystemCheck &check)
{
    const auto outcome = [](wire::CheckOutcome value) {
        switch (value) {
        case wire::CHECK_OUTCOME_PASSED:
            return tr("in Ordnung");
        case wire::CHECK_OUTCOME_MISSING:
            return tr("nicht vorhanden");
        case wire::CHECK_OUTCOME_FAILED:
            return tr("funktioniert nicht");
        case wire::CHECK_OUTCOME_TOO_SLOW:
            return tr("zu langsam");
        default:
            return tr("nicht geprüft");
        }
    };
    return tr("Kamera: %1 · Mikrofon: %2 · Lautsprecher: %3 · Verbindung: %4")
        .arg(outcome(check.camera()), outcome(check.microphone()), outcome(check.speaker()),
             outcome(check.connection()));
}

QString StatusTexts::systemCheckFigures(const wire::SystemCheck &check)
{
    if (check.download_kbps() == 0 && check.upload_kbps() == 0 && check.round_trip_ms() == 0)
        return tr("Die Verbindung wurde nicht gemessen.");
    const QLocale locale;
    const auto mbits = [&locale](quint32 kbps) { return locale.toString(kbps / 1000.0, 'f', 1); };
    return tr("Gemessen: %1 Mbit/s empfangen, %2 Mbit/s gesendet, %3 ms Umlaufzeit (nötig: 1 Mbit/s und 0,5 "
              "Mbit/s)")
        .arg(mbits(check.download_kbps()), mbits(check.upload_kbps()))
        .arg(check.round_trip_ms());
}

QString StatusTexts::noSystemCheck()
{
    return tr("keine (Chat ohne Bild und Ton)");
}

QString StatusTexts::duration(qint64 milliseconds)
{
    const qint64 total = qMax<qint64>(0, milliseconds) / 1000;
    const QChar zero(u'0');
    if (total < 3600)
        return QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, zero);
    return QStringLiteral("%1:%2:%3")
        .arg(total / 3600)
        .arg((total / 60) % 60, 2, 10, zero)
        .arg(total % 60, 2, 10, zero);
}

} // namespace consult::advisor
