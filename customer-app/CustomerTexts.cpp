#include "CustomerTexts.h"

#include <QDateTime>
#include <QLocale>

namespace consult::customer {

QString CustomerTexts::connectionFailure(ClientConnection::Failure failure)
{
    using F = ClientConnection::Failure;
    switch (failure) {
    case F::None:
        return {};
    case F::ServerUnreachable:
        return tr("Der Beratungsserver ist nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung und "
                  "versuchen Sie es erneut.");
    case F::CertificateInvalid:
        return tr("Die Identität des Beratungsservers konnte nicht bestätigt werden. Zu Ihrer Sicherheit wurde "
                  "die Verbindung nicht aufgebaut.");
    case F::PinMismatch:
        return tr("Der Server hat sich nicht mit dem Schlüssel Ihrer Bank ausgewiesen. Zu Ihrer Sicherheit "
                  "wurde die Verbindung abgebrochen. Bitte versuchen Sie es später erneut oder rufen Sie uns an.");
    case F::ProtocolVersion:
        return tr("Diese Version der Anwendung wird nicht mehr unterstützt. Bitte installieren Sie die aktuelle "
                  "Version.");
    case F::ServerBusy:
        return tr("Der Beratungsserver ist gerade ausgelastet. Bitte versuchen Sie es in einigen Minuten erneut.");
    case F::ResumeRefused:
        return tr("Die Verbindung war zu lange unterbrochen. Die Sitzung konnte nicht fortgesetzt werden.");
    case F::ProtocolError:
        return tr("Bei der Verbindung ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.");
    }
    return {};
}

QString CustomerTexts::loginRefusal(wire::ErrorCode code, const QString &field, int retryAfterMs)
{
    switch (code) {
    case wire::ERROR_INVALID_INPUT:
        return field == u"phone" ? tr("Bitte prüfen Sie Ihre Telefonnummer.") : tr("Bitte prüfen Sie Ihren Namen.");
    case wire::ERROR_NOTICES_NOT_ACCEPTED:
        return tr("Die Hinweise wurden inzwischen aktualisiert. Bitte lesen und bestätigen Sie sie erneut.");
    case wire::ERROR_RATE_LIMITED:
        return tr("Von Ihrem Anschluss kamen in kurzer Zeit zu viele Anmeldungen. Bitte versuchen Sie es %1 erneut.")
            .arg(retryAfter(retryAfterMs));
    case wire::ERROR_QUEUE_FULL:
        return tr("Die Warteschlange ist gerade voll. Sie können uns eine Mitteilung schreiben.");
    case wire::ERROR_CLOSED:
        return tr("Der Service-Chat ist gerade geschlossen. Sie können uns eine Mitteilung schreiben.");
    default:
        return tr("Die Anmeldung ist fehlgeschlagen. Bitte versuchen Sie es erneut.");
    }
}

QString CustomerTexts::messageRefusal(wire::ErrorCode code, const QString &field, int retryAfterMs)
{
    switch (code) {
    case wire::ERROR_INVALID_INPUT:
        return field == u"callback_phone" ? tr("Bitte prüfen Sie die Telefonnummer für den Rückruf.")
                                          : tr("Bitte prüfen Sie Ihre Mitteilung (1 bis 4000 Zeichen).");
    case wire::ERROR_RATE_LIMITED:
        return tr("Von Ihrem Anschluss kamen in kurzer Zeit zu viele Mitteilungen. Bitte versuchen Sie es %1 "
                  "erneut.")
            .arg(retryAfter(retryAfterMs));
    case wire::ERROR_STORAGE_FAILED:
        return tr("Ihre Mitteilung konnte gerade nicht gespeichert werden. Es ist nichts verloren: Bitte senden "
                  "Sie sie noch einmal.");
    case wire::ERROR_INBOX_FULL:
        // I9: the inbox is at its cap; the text stays in the field, so nothing typed is lost.
        return tr("Wir können im Moment leider keine Mitteilungen annehmen. Bitte rufen Sie uns unter der "
                  "Service-Nummer Ihrer Bank an oder versuchen Sie es später noch einmal. Ihr Text bleibt hier "
                  "stehen.");
    default:
        return tr("Ihre Mitteilung konnte nicht gesendet werden. Bitte versuchen Sie es erneut.");
    }
}

QString CustomerTexts::chatRefusal(wire::ErrorCode code)
{
    switch (code) {
    case wire::ERROR_RATE_LIMITED:
        return tr("Sie haben sehr schnell hintereinander geschrieben. Die Nachricht wurde nicht gesendet; bitte "
                  "senden Sie sie gleich noch einmal.");
    case wire::ERROR_INVALID_INPUT:
        return tr("Die Nachricht wurde nicht gesendet: Sie ist leer, zu lang (mehr als 4000 Zeichen) oder enthält "
                  "unzulässige Zeichen.");
    default:
        return tr("Die Nachricht wurde nicht gesendet.");
    }
}

QString CustomerTexts::nameProblem(const Problem &problem)
{
    if (problem.code == u"too_long")
        return tr("Der Name ist zu lang (höchstens 100 Zeichen).");
    if (problem.code == u"forbidden_character" || problem.code == u"invalid_encoding")
        return tr("Bitte verwenden Sie nur Buchstaben, Leerzeichen, Bindestrich, Punkt und Apostroph.");
    if (problem.code == u"no_letter")
        return tr("Bitte geben Sie Ihren Namen mit Buchstaben ein.");
    return tr("Bitte geben Sie Ihren Namen ein.");
}

QString CustomerTexts::phoneProblem(const Problem &problem)
{
    if (problem.code == u"too_long")
        return tr("Die Telefonnummer ist zu lang.");
    if (problem.code == u"forbidden_character")
        return tr("Bitte verwenden Sie nur Ziffern, Leerzeichen und + ( ) / -.");
    if (problem.code == u"unknown_region")
        return tr("Bitte geben Sie die Nummer mit Ländervorwahl ein, z. B. +49 561 123456.");
    if (problem.code == u"premium_rate")
        return tr("Kostenpflichtige Sondernummern können wir nicht zurückrufen.");
    if (problem.code == u"invalid_number")
        return tr("Diese Telefonnummer scheint nicht vollständig oder nicht vergeben zu sein.");
    return tr("Bitte geben Sie eine Telefonnummer für Rückfragen ein.");
}

QString CustomerTexts::endReason(wire::EndReason reason)
{
    switch (reason) {
    case wire::END_REASON_CUSTOMER_ENDED:
        return tr("Sie haben die Beratung beendet.");
    case wire::END_REASON_ADVISOR_ENDED:
        return tr("Ihre Beraterin oder Ihr Berater hat die Beratung beendet.");
    case wire::END_REASON_ADVISOR_LOST:
        return tr("Die Verbindung zu Ihrer Beraterin oder Ihrem Berater ist abgebrochen. Die Beratung wurde "
                  "beendet.");
    case wire::END_REASON_CUSTOMER_LOST:
        return tr("Ihre Verbindung war zu lange unterbrochen. Die Beratung wurde beendet.");
    case wire::END_REASON_SERVER_SHUTDOWN:
        return tr("Der Beratungsdienst wurde gerade gewartet. Die Beratung wurde beendet.");
    default:
        return tr("Die Beratung ist beendet.");
    }
}

QString CustomerTexts::expectedWait(int seconds)
{
    if (seconds < 0)
        return tr("Die Wartezeit lässt sich gerade nicht abschätzen.");
    if (seconds < 60)
        return tr("Voraussichtliche Wartezeit: weniger als eine Minute");
    const int minutes = (seconds + 30) / 60;
    if (minutes == 1)
        return tr("Voraussichtliche Wartezeit: etwa eine Minute");
    return tr("Voraussichtliche Wartezeit: etwa %1 Minuten").arg(minutes);
}

QString CustomerTexts::retryAfter(int milliseconds)
{
    const int minutes = (qMax(0, milliseconds) + 59'999) / 60'000;
    if (minutes <= 1)
        return tr("in einer Minute");
    return tr("in %1 Minuten").arg(minutes);
}

QString CustomerTexts::serviceHours(const wire::ServiceHours &hours)
{
    const QString description = QString::fromStdString(hours.description());
    QString text = description.isEmpty() ? QString() : tr("Öffnungszeiten: %1").arg(description);
    if (!hours.open_now() && hours.next_opening() > 0) {
        const QDateTime next = QDateTime::fromMSecsSinceEpoch(hours.next_opening(), Qt::UTC).toLocalTime();
        const QLocale locale;
        //: Date format of the next opening (QLocale pattern), e.g. "Montag, 24. November".
        const QString date = locale.toString(next.date(), tr("dddd, d. MMMM"));
        const QString when = tr("%1, %2 Uhr").arg(date, locale.toString(next.time(), QStringLiteral("HH:mm")));
        text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + tr("Wir sind wieder da: %1").arg(when);
    }
    return text;
}

QString CustomerTexts::noticeKind(wire::NoticeKind kind)
{
    switch (kind) {
    case wire::NOTICE_KIND_SECURITY:
        return tr("Sicherheitshinweise");
    case wire::NOTICE_KIND_LEGAL:
        return tr("Rechtliche Hinweise");
    case wire::NOTICE_KIND_PRIVACY:
        return tr("Datenschutzhinweise");
    default:
        return tr("Hinweise");
    }
}

QString CustomerTexts::noticeAcceptance(wire::NoticeKind kind)
{
    switch (kind) {
    case wire::NOTICE_KIND_SECURITY:
        return tr("Ich habe die Sicherheitshinweise gelesen und akzeptiere sie.");
    case wire::NOTICE_KIND_LEGAL:
        return tr("Ich habe die rechtlichen Hinweise gelesen und akzeptiere sie.");
    case wire::NOTICE_KIND_PRIVACY:
        return tr("Ich habe die Datenschutzhinweise gelesen und akzeptiere sie.");
    default:
        return tr("Ich habe die Hinweise gelesen und akzeptiere sie.");
    }
}

} // namespace consult::customer
