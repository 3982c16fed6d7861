#include "validation/PhoneNumber.h"

#include <QChar>

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <string>

namespace consult::validation {
namespace {

using i18n::phonenumbers::NullLogger;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

Result<QString> refuse(const char *code, const QString &message)
{
    return Result<QString>::failure(QString::fromLatin1(code), message);
}

// The one libphonenumber instance, silenced before first use. The library writes its diagnostics, which
// can include the number being parsed, through a process-wide logger (stdout by default); P7 says a
// customer's number never reaches a log. This unit is the only user of libphonenumber in the project.
const PhoneNumberUtil &phoneNumberUtil()
{
    static const PhoneNumberUtil *const util = [] {
        PhoneNumberUtil *instance = PhoneNumberUtil::GetInstance(); // thread-safe singleton
        instance->SetLogger(new NullLogger());                      // takes ownership
        return instance;
    }();
    return *util;
}

// Digits and the separators people write between them. Letters are refused rather than read as
// vanity numbers ("0800-FLOWERS") or extensions ("ext. 12"): the advisor dials digits only.
bool isPhoneCharacter(QChar character)
{
    return (character >= u'0' && character <= u'9') || QStringView(u" \u00A0+-/().").contains(character);
}

// Numbers copied from contact apps or Outlook often arrive wrapped in U+202A ... U+202C or with
// zero-width joiners. The output is digits only, so dropping these format characters is safe and
// spares the customer an error they cannot see.
QString withoutFormatCharacters(const QString &text)
{
    QString result;
    result.reserve(text.size());
    for (const QChar character : text) {
        if (character.category() != QChar::Other_Format)
            result.append(character);
    }
    return result;
}

bool isE164(const QString &text)
{
    if (text.size() < 3 || text.size() > 16 || text[0] != u'+' || text[1] < u'1' || text[1] > u'9')
        return false;
    for (qsizetype i = 2; i < text.size(); ++i) {
        if (text[i] < u'0' || text[i] > u'9')
            return false;
    }
    return true;
}

} // namespace

Result<QString> normalisePhone(const QString &raw, const QString &defaultRegion)
{
    // I7: bounded before parsing, so the parser never works on hostile lengths.
    if (raw.size() > kMaxPhoneInputLength)
        return refuse("too_long", QStringLiteral("Phone number input exceeds %1 characters").arg(kMaxPhoneInputLength));
    const QString text = withoutFormatCharacters(raw).trimmed();
    if (text.isEmpty())
        return refuse("empty", QStringLiteral("Phone number is empty"));
    for (const QChar character : text) {
        if (!isPhoneCharacter(character))
            return refuse("forbidden_character", QStringLiteral("Phone number contains a character other than "
                                                                "digits, spaces and + - / ( ) ."));
    }

    const PhoneNumberUtil &util = phoneNumberUtil();
    const std::string region = defaultRegion.toStdString();
    if (util.GetCountryCodeForRegion(region) == 0)
        return refuse("unknown_region", QStringLiteral("Unknown default region %1").arg(defaultRegion.left(8)));

    PhoneNumber number;
    if (util.Parse(text.toStdString(), region, &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return refuse("invalid_number", QStringLiteral("Not a phone number"));
    if (number.has_extension() || !util.IsValidNumber(number))
        return refuse("invalid_number", QStringLiteral("Not a valid phone number"));
    if (util.GetNumberType(number) == PhoneNumberUtil::PREMIUM_RATE)
        return refuse("premium_rate", QStringLiteral("Premium-rate numbers are not accepted for a call-back"));

    std::string e164;
    util.Format(number, PhoneNumberUtil::E164, &e164);
    QString result = QString::fromStdString(e164);
    // I7: the stored form is exactly E.164; anything else here would be a library surprise.
    if (!isE164(result) || result.size() > kMaxE164Length)
        return refuse("invalid_number", QStringLiteral("Phone number has no E.164 form"));
    return result;
}

QString formatInternational(const QString &e164)
{
    if (!isE164(e164))
        return e164;
    const PhoneNumberUtil &util = phoneNumberUtil();
    PhoneNumber number;
    if (util.Parse(e164.toStdString(), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return e164;
    std::string formatted;
    util.Format(number, PhoneNumberUtil::INTERNATIONAL, &formatted);
    return QString::fromStdString(formatted);
}

} // namespace consult::validation
