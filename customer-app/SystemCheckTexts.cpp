#include "SystemCheckTexts.h"

#include "CustomerTexts.h"

#include <QLocale>

namespace consult::customer {

QString SystemCheckTexts::lineName(DeviceCheck::Line line)
{
    switch (line) {
    case DeviceCheck::Line::Camera:
        return tr("Kamera");
    case DeviceCheck::Line::Microphone:
        return tr("Mikrofon");
    case DeviceCheck::Line::Speaker:
        return tr("Lautsprecher oder Headset");
    }
    return {};
}

QString SystemCheckTexts::connectionName()
{
    return tr("Internetverbindung");
}

QString SystemCheckTexts::device(DeviceCheck::Line line, wire::CheckOutcome outcome)
{
    switch (line) {
    case DeviceCheck::Line::Camera:
        switch (outcome) {
        case wire::CHECK_OUTCOME_PASSED:
            return tr("Ihre Kamera funktioniert. Das Bild sehen nur Sie, bis Sie es in der Beratung freigeben.");
        case wire::CHECK_OUTCOME_MISSING:
            return tr("Keine Kamera gefunden. Das ist kein Problem: Sie sehen Ihre Beraterin oder Ihren Berater "
                      "trotzdem. Wenn Sie gesehen werden möchten, schließen Sie eine Kamera an und prüfen Sie "
                      "erneut.");
        case wire::CHECK_OUTCOME_FAILED:
            return tr("Die Kamera liefert kein Bild. Schließen Sie Programme, die sie gerade nutzen, oder wählen Sie "
                      "eine andere Kamera. Sie sehen Ihre Beraterin oder Ihren Berater trotzdem.");
        default:
            return tr("Die Kamera wird geprüft …");
        }
    case DeviceCheck::Line::Microphone:
        switch (outcome) {
        case wire::CHECK_OUTCOME_PASSED:
            return tr("Ihr Mikrofon funktioniert: Wir können Sie hören.");
        case wire::CHECK_OUTCOME_MISSING:
            return tr("Kein Mikrofon gefunden. Schließen Sie ein Headset an, sprechen Sie per Telefon mit uns oder "
                      "schreiben Sie im Textchat.");
        case wire::CHECK_OUTCOME_FAILED:
            return tr("Vom Mikrofon kommt nichts an. Prüfen Sie, ob es eingeschaltet und nicht stummgeschaltet ist, "
                      "wählen Sie ein anderes und prüfen Sie erneut, oder sprechen Sie per Telefon mit uns.");
        default:
            return tr("Sagen Sie etwas: Der Balken zeigt, ob wir Sie hören.");
        }
    case DeviceCheck::Line::Speaker:
        switch (outcome) {
        case wire::CHECK_OUTCOME_PASSED:
            return tr("Sie hören den Ton: Lautsprecher oder Headset funktionieren.");
        case wire::CHECK_OUTCOME_MISSING:
            return tr("Keine Lautsprecher und kein Headset gefunden. Schließen Sie ein Headset an, sprechen Sie per "
                      "Telefon mit uns oder schreiben Sie im Textchat.");
        case wire::CHECK_OUTCOME_FAILED:
            return tr("Sie haben den Testton nicht gehört. Stellen Sie den Ton lauter, wählen Sie andere "
                      "Lautsprecher und spielen Sie ihn erneut ab, oder sprechen Sie per Telefon mit uns.");
        default:
            return tr("Spielen Sie den Testton ab und sagen Sie uns, ob Sie ihn hören.");
        }
    }
    return {};
}

QString SystemCheckTexts::megabits(int kbps)
{
    return tr("%1 Mbit/s").arg(QLocale().toString(kbps / 1000.0, 'f', 1));
}

QString SystemCheckTexts::connectionRunning(int percent)
{
    return tr("Die Verbindung zu unserem Server wird gemessen … %1 %").arg(percent);
}

QString SystemCheckTexts::connection(const ConnectionCheck::Result &result)
{
    using P = ConnectionCheck::Result::Problem;
    const QString figures = tr("Empfangen %1, senden %2, Antwortzeit %3 ms.")
                                .arg(megabits(result.downloadKbps), megabits(result.uploadKbps))
                                .arg(qMax(0, result.roundTripMs));
    switch (result.problem) {
    case P::None:
        if (result.outcome == wire::CHECK_OUTCOME_PASSED)
            return tr("Ihre Verbindung reicht für Bild und Ton.") + u' ' + figures;
        return tr("Die Verbindung wird noch nicht gemessen.");
    case P::TooSlow:
    case P::TimedOut:
        return tr("Ihre Verbindung ist zu langsam für Bild und Ton. Nötig sind 1 Mbit/s zum Empfangen und "
                  "0,5 Mbit/s zum Senden.") +
               (result.problem == P::TooSlow ? u' ' + figures : QString()) + u' ' +
               tr("Im WLAN hilft es, näher an den Router zu gehen oder ein Kabel zu nutzen; dann messen Sie erneut. "
                  "Der Textchat funktioniert auch so.");
    case P::RateLimited:
        return tr("Sie haben die Verbindung gerade mehrmals gemessen. Bitte messen Sie %1 erneut, oder fahren Sie "
                  "mit dem Textchat fort.")
            .arg(CustomerTexts::retryAfter(result.retryAfterMs));
    case P::ServerBusy:
        return tr("Unser Server ist gerade stark ausgelastet und kann Ihre Verbindung nicht messen. Bitte messen "
                  "Sie in einigen Minuten erneut, oder fahren Sie mit dem Textchat fort.");
    case P::NotConnected:
        return tr("Keine Verbindung zu unserem Server. Prüfen Sie Ihre Internetverbindung und messen Sie erneut.");
    }
    return {};
}

QString SystemCheckTexts::summary(const wire::SystemCheck &check)
{
    QStringList parts;
    if (check.connection() != wire::CHECK_OUTCOME_PASSED)
        parts.append(tr("Für Bild und Ton reicht Ihre Verbindung nicht. Sie können mit dem Textchat fortfahren."));
    const bool audio =
        check.microphone() == wire::CHECK_OUTCOME_PASSED && check.speaker() == wire::CHECK_OUTCOME_PASSED;
    if (check.connection() == wire::CHECK_OUTCOME_PASSED && !audio)
        parts.append(tr("Ohne Mikrofon oder Lautsprecher sprechen Sie per Telefon mit uns: Die Nummer und Ihren "
                        "Gesprächscode zeigen wir Ihnen in der Beratung. Schreiben können Sie immer."));
    // One of the two works: the telephone is where the consultation starts, the computer a choice.
    const bool oneOfTwo =
        (check.microphone() == wire::CHECK_OUTCOME_PASSED) != (check.speaker() == wire::CHECK_OUTCOME_PASSED);
    if (check.connection() == wire::CHECK_OUTCOME_PASSED && oneOfTwo)
        parts.append(tr("Möchten Sie es trotzdem über den Computer versuchen, wählen Sie dort „Über den Computer "
                        "sprechen“."));
    if (check.connection() == wire::CHECK_OUTCOME_PASSED && check.camera() != wire::CHECK_OUTCOME_PASSED)
        parts.append(tr("Ohne Kamera sehen und hören Sie Ihre Beraterin oder Ihren Berater trotzdem."));
    return parts.join(u' ');
}

} // namespace consult::customer
