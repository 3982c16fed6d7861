#include "FormTexts.h"

#include <QDate>
#include <QLocale>

namespace consult::customer {

namespace {

// A number or date bound of the definition as the customer reads it.
QString bound(const wire::FormField &field, const std::string &value)
{
    return FormTexts::display(field, QString::fromStdString(value));
}

} // namespace

QString FormTexts::problem(forms::ValueProblem problem, const wire::FormField &field)
{
    using forms::ValueProblem;
    const bool date = field.type() == wire::FORM_FIELD_TYPE_DATE;
    switch (problem) {
    case ValueProblem::None:
        return {};
    case ValueProblem::Missing:
        return field.type() == wire::FORM_FIELD_TYPE_CHECKBOX ? tr("Bitte setzen Sie hier ein Häkchen.")
               : field.type() == wire::FORM_FIELD_TYPE_CHOICE ? tr("Bitte wählen Sie eine der Möglichkeiten.")
                                                              : tr("Bitte füllen Sie dieses Feld aus.");
    case ValueProblem::TooLong:
        return tr("Bitte schreiben Sie höchstens %n Zeichen.", nullptr,
                  int(field.max_length() > 0 ? field.max_length() : 200));
    case ValueProblem::NotText:
        return tr("Bitte nur einfachen Text eingeben, ohne Steuerzeichen.");
    case ValueProblem::NotANumber:
        return tr("Bitte geben Sie eine Zahl ein, zum Beispiel 1.250,00.");
    case ValueProblem::OutOfRange:
        if (!field.minimum().empty() && !field.maximum().empty())
            return date ? tr("Bitte ein Datum vom %1 bis zum %2.")
                              .arg(bound(field, field.minimum()), bound(field, field.maximum()))
                        : tr("Bitte eine Zahl von %1 bis %2.")
                              .arg(bound(field, field.minimum()), bound(field, field.maximum()));
        if (!field.minimum().empty())
            return date ? tr("Bitte ein Datum ab dem %1.").arg(bound(field, field.minimum()))
                        : tr("Bitte eine Zahl ab %1.").arg(bound(field, field.minimum()));
        return date ? tr("Bitte ein Datum bis zum %1.").arg(bound(field, field.maximum()))
                    : tr("Bitte eine Zahl bis %1.").arg(bound(field, field.maximum()));
    case ValueProblem::NotADate:
        return tr("Bitte geben Sie ein Datum als TT.MM.JJJJ ein, zum Beispiel 01.03.2027.");
    case ValueProblem::NotAnEmail:
        return tr("Bitte geben Sie eine E-Mail-Adresse ein, zum Beispiel name@beispiel.de.");
    case ValueProblem::NotAPhone:
        return tr("Bitte geben Sie eine Telefonnummer ein, zum Beispiel 0561 123456.");
    case ValueProblem::NotAnIban:
        return tr("Diese IBAN stimmt nicht. Bitte prüfen Sie jede Stelle, sie beginnt zum Beispiel mit DE.");
    case ValueProblem::NotAChoice:
        return tr("Bitte wählen Sie eine der Möglichkeiten.");
    case ValueProblem::UnknownField:
    case ValueProblem::Duplicate:
        return tr("Dieses Feld gehört nicht zum Formular.");
    }
    return {};
}

QString FormTexts::display(const wire::FormField &field, const QString &wireValue)
{
    const QLocale locale;
    switch (field.type()) {
    case wire::FORM_FIELD_TYPE_DATE: {
        const QDate date = QDate::fromString(wireValue, Qt::ISODate);
        return date.isValid() ? locale.toString(date, QStringLiteral("dd.MM.yyyy")) : wireValue;
    }
    case wire::FORM_FIELD_TYPE_NUMBER: {
        // The wire's "-1234.56" with this language's decimal point; the digits stay exact.
        QString text = wireValue;
        return text.replace(u'.', locale.decimalPoint());
    }
    case wire::FORM_FIELD_TYPE_IBAN:
        return groupedIban(wireValue);
    case wire::FORM_FIELD_TYPE_CHECKBOX:
        return wireValue == u"true" ? tr("Ja") : tr("Nein");
    default:
        return wireValue;
    }
}

QString FormTexts::groupedIban(const QString &iban)
{
    QString grouped;
    for (qsizetype index = 0; index < iban.size(); ++index) {
        if (index > 0 && index % 4 == 0)
            grouped += u' ';
        grouped += iban.at(index);
    }
    return grouped;
}

QString FormTexts::when(const QDateTime &time)
{
    const QDateTime local = time.toLocalTime();
    const QLocale locale;
    return tr("%1 um %2 Uhr")
        .arg(locale.toString(local.date(), QStringLiteral("dd.MM.yyyy")),
             locale.toString(local.time(), QStringLiteral("HH:mm")));
}

} // namespace consult::customer
