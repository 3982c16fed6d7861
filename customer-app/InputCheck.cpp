#include "InputCheck.h"

#include "CustomerTexts.h"
#include "validation/DisplayName.h"
#include "validation/PhoneNumber.h"

namespace consult::customer {

FieldCheck checkName(const QString &input)
{
    FieldCheck check;
    if (input.trimmed().isEmpty())
        return check;
    const auto name = validation::normaliseName(input);
    if (!name) {
        check.problem = CustomerTexts::nameProblem(name.problem());
        return check;
    }
    check.ok = true;
    check.normalised = name.value();
    check.display = name.value();
    return check;
}

FieldCheck checkPhone(const QString &input)
{
    FieldCheck check;
    if (input.trimmed().isEmpty())
        return check;
    const auto phone = validation::normalisePhone(input);
    if (!phone) {
        check.problem = CustomerTexts::phoneProblem(phone.problem());
        return check;
    }
    check.ok = true;
    check.normalised = phone.value();
    check.display = validation::formatInternational(phone.value());
    return check;
}

} // namespace consult::customer
