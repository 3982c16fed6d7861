#pragma once

#include "core/Result.h"

#include <QString>

namespace consult::validation {

// I7: the longest stored phone number. E.164 itself allows "+" and 15 digits.
inline constexpr int kMaxE164Length = 20;
// Input longer than this is refused before libphonenumber sees it; "+49 (0) 561 / 12 34 56 - 78" fits.
inline constexpr int kMaxPhoneInputLength = 40;

// Turns the call-back number a customer types into E.164 ("+49561123456") with libphonenumber (I7).
// Accepts the usual notations ("0561 123456", "+49 (561) 12 34 56", "0049 561 123456",
// "0171/1234567", "+49 (0) 561 123456"); a number without country code is read in defaultRegion
// (ISO 3166 code, e.g. "DE").
//
// The number must be valid, not only possible: libphonenumber then checks it against the numbering
// plan of its country, so a number of plausible length in an unassigned range ("0561 1") or an
// emergency or service code ("110") is refused. An advisor calls this number back, so a typo should be
// caught while the customer can still correct it. The cost: a range opened after the metadata shipped
// with Debian's libphonenumber is refused until the package is updated. Premium-rate numbers are
// refused too, so that a customer cannot make the bank call an expensive line (toll fraud).
//
// Problem codes: "empty", "too_long", "forbidden_character" (letters and any other symbol),
// "unknown_region", "invalid_number", "premium_rate". Messages never quote the number (P7).
// Thread-safe.
Result<QString> normalisePhone(const QString &raw, const QString &defaultRegion = QStringLiteral("DE"));

// The E.164 number in international notation for display, e.g. "+49 561 123456". Input that is not
// an E.164 number comes back unchanged.
QString formatInternational(const QString &e164);

} // namespace consult::validation
