// Fuzz target: phone number normalisation (I7). Oracles: input over 40
// characters is refused; an accepted number matches ^\+[1-9]\d{1,14}$ (so at most 20 characters),
// normalising it again changes nothing, and its display form reads back as the same number.
#include "FuzzText.h"
#include "validation/PhoneNumber.h"

#include <QRegularExpression>

using namespace consult::fuzz;

namespace {

void checkPhone(const QString &raw)
{
    static const QRegularExpression kE164(QStringLiteral("^\\+[1-9]\\d{1,14}$"));
    const auto result = consult::validation::normalisePhone(raw);
    if (!result.ok()) {
        require(!result.problem().code.isEmpty());
        return;
    }
    require(raw.size() <= consult::validation::kMaxPhoneInputLength);
    const QString &e164 = result.value();
    require(kE164.match(e164).hasMatch());
    require(e164.size() <= consult::validation::kMaxE164Length);
    const auto again = consult::validation::normalisePhone(e164);
    require(again.ok() && again.value() == e164);
    const auto fromDisplay = consult::validation::normalisePhone(consult::validation::formatInternational(e164));
    require(fromDisplay.ok() && fromDisplay.value() == e164);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (const QString &raw : textsFrom(data, size))
        checkPhone(raw);
    return 0;
}
