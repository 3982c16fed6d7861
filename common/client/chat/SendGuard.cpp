#include "SendGuard.h"

namespace consult {

SendCheck SendGuard::check(const QString &text)
{
    return SendCheck{validation::findSensitiveData(text), validation::detectOrderIntent(text)};
}

QString SendGuard::sensitiveTitle()
{
    return tr("Vertrauliche Daten?");
}

QString SendGuard::sensitiveHeadline()
{
    return tr("Geben Sie niemals PIN, TAN, Passwort oder Anmeldenamen ein.");
}

QString SendGuard::orderTitle()
{
    return tr("Keine Aufträge im Chat");
}

QString SendGuard::orderHeadline()
{
    return tr("Im Chat können wir keine rechtsverbindlichen Aufträge annehmen.");
}

QString SendGuard::sensitiveText(const QList<validation::SensitiveFinding> &findings)
{
    QStringList kinds;
    const auto add = [&](const QString &kind) {
        if (!kinds.contains(kind))
            kinds.append(kind);
    };
    for (const validation::SensitiveFinding &finding : findings) {
        switch (finding.kind) {
        case validation::SensitiveFinding::Kind::Iban:
            add(tr("eine IBAN"));
            break;
        case validation::SensitiveFinding::Kind::CardNumber:
            add(tr("eine Kartennummer"));
            break;
        case validation::SensitiveFinding::Kind::SecretNearKeyword:
            add(tr("eine PIN oder TAN"));
            break;
        case validation::SensitiveFinding::Kind::SecretKeyword:
            add(tr("ein Passwort oder Zugangsdaten"));
            break;
        }
    }
    return tr("Ihre Nachricht enthält etwas, das wie %1 aussieht. Wir fragen Sie im Chat nie danach. Bitte "
              "entfernen Sie es, bevor Sie die Nachricht senden.")
        .arg(kinds.join(tr(" und ")));
}

QString SendGuard::orderText(validation::OrderIntent order)
{
    QString channel;
    switch (order) {
    case validation::OrderIntent::CardBlocking:
        channel = tr("Möchten Sie eine Karte sperren lassen? Rufen Sie bitte sofort den Sperr-Notruf 116 116 an "
                     "(aus dem Ausland +49 116 116), rund um die Uhr erreichbar.");
        break;
    case validation::OrderIntent::Transfer:
        channel = tr("Überweisungen und Daueraufträge erteilen Sie bitte im Online-Banking oder in Ihrer Filiale.");
        break;
    case validation::OrderIntent::SecuritiesOrder:
        channel = tr("Wertpapierorders erteilen Sie bitte im Online-Banking oder in Ihrer Filiale.");
        break;
    case validation::OrderIntent::None:
        return {};
    }
    return channel + u'\n' + u'\n' + tr("Fragen dazu beantworten wir Ihnen hier gern.");
}

} // namespace consult
