#pragma once

#include <QString>

namespace consult::customer {

// The result of checking one field as the customer types (I7 rules, the same functions the server
// uses): the normalised value to show, or the customer's words for what is wrong. An empty field is
// not ok but has no problem text: nothing is wrong yet.
struct FieldCheck
{
    bool ok = false;
    QString normalised; // E.164 for phones, the cleaned name for names
    QString display;    // what to show back: "+49 561 7001234"
    QString problem;    // empty when ok or when the field is empty
};

FieldCheck checkName(const QString &input);
FieldCheck checkPhone(const QString &input);

} // namespace consult::customer
