#pragma once

#include "forms/FormRules.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace consult::customer {

// The customer's words for forms: what is wrong with a field's value (the shared FormRules decide,
// these words say it, with an example of what fits), how a submitted value reads (a date in German,
// an IBAN in groups of four), and when a form was sent. Plain German source strings.
class FormTexts final
{
    Q_DECLARE_TR_FUNCTIONS(consult::customer::FormTexts)
public:
    static QString problem(forms::ValueProblem problem, const wire::FormField &field);
    // A normalised wire value as the customer reads it ("2027-03-01" -> "01.03.2027").
    static QString display(const wire::FormField &field, const QString &wireValue);
    // "DE89370400440532013000" -> "DE89 3704 0044 0532 0130 00".
    static QString groupedIban(const QString &iban);
    // "07.12.2026 um 15:04 Uhr".
    static QString when(const QDateTime &time);
};

} // namespace consult::customer
