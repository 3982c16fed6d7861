#include "SendGuard.h"

#include <QMessageBox>
#include <QPushButton>

namespace consult::customer {

namespace {

// A warning whose default and Escape action is "Bearbeiten".
SendGuard::Decision ask(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
                        const QString &details, const QString &sendLabel, const QString &editLabel)
{
    QMessageBox box(icon, title, text, QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("sendGuard"));
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(details);
    QPushButton *edit = box.addButton(editLabel, QMessageBox::RejectRole);
    edit->setObjectName(QStringLiteral("edit"));
    QPushButton *send = box.addButton(sendLabel, QMessageBox::AcceptRole);
    send->setObjectName(QStringLiteral("sendAnyway"));
    box.setDefaultButton(edit);
    box.setEscapeButton(edit);
    box.exec();
    return box.clickedButton() == send ? SendGuard::Decision::Send : SendGuard::Decision::Edit;
}

} // namespace

SendCheck SendGuard::check(const QString &text)
{
    return SendCheck{validation::findSensitiveData(text), validation::detectOrderIntent(text)};
}

SendGuard::Decision SendGuard::confirm(const SendCheck &check, QWidget *parent)
{
    if (!check.findings.isEmpty() &&
        ask(parent, QMessageBox::Warning, tr("Vertrauliche Daten?"),
            tr("Geben Sie niemals PIN, TAN, Passwort oder Anmeldenamen ein."), sensitiveText(check.findings),
            tr("Trotzdem senden"), tr("Bearbeiten")) == Decision::Edit)
        return Decision::Edit;
    if (check.order != validation::OrderIntent::None &&
        ask(parent, QMessageBox::Information, tr("Keine Aufträge im Chat"),
            tr("Im Chat können wir keine rechtsverbindlichen Aufträge annehmen."), orderText(check.order),
            tr("Nachricht senden"), tr("Bearbeiten")) == Decision::Edit)
        return Decision::Edit;
    return Decision::Send;
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

} // namespace consult::customer
