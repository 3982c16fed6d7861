#pragma once

#include "protocol/consult.pb.h"

#include <QList>
#include <QString>

namespace consult::forms {

// Why a field's value was refused; the apps show their own words per reason.
enum class ValueProblem
{
    None,
    Missing, // required and empty (a required checkbox not ticked)
    TooLong, // beyond max_length code points
    NotText, // control or bidi characters, or not plain text (I2)
    NotANumber,
    OutOfRange, // a number or date outside minimum..maximum
    NotADate,
    NotAnEmail,
    NotAPhone,
    NotAnIban, // the ISO 13616 check digits do not match
    NotAChoice,
    UnknownField, // a key the definition does not have
    Duplicate,    // the same key twice
};

// The checked value of one field: its normalised wire form (IBAN without spaces and upper case,
// phone in E.164, date as YYYY-MM-DD, number with a dot, text NFC and trimmed) or a problem.
struct CheckedValue
{
    ValueProblem problem = ValueProblem::None;
    QString normalised;
};

// One set of rules for a form's values, used by the customer's app as the customer types (a field
// shows its problem at once), and by the server when a form is submitted (the authority). Pure and
// thread-safe.
CheckedValue checkValue(const wire::FormField &field, const QString &raw);

// A whole submission: every field of `definition` in its order (missing keys are empty values),
// each checked; `firstProblemKey` is the first field with a problem (empty when all pass).
struct CheckedSubmission
{
    QList<wire::FormValue> values; // normalised, in the definition's order
    QString firstProblemKey;
    ValueProblem firstProblem = ValueProblem::None;

    bool accepted() const { return firstProblem == ValueProblem::None; }
};
CheckedSubmission checkSubmission(const wire::FormDefinition &definition,
                                  const google::protobuf::RepeatedPtrField<wire::FormValue> &values);

} // namespace consult::forms
