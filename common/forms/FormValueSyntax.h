#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace consult::forms {

// The syntax of the typed values FormRules checks and FormDefinitionParser reads for a field's
// minimum and maximum, kept in one place so both read "1.234,56" and a date alike. Pure.

// TEXT and MULTILINE fields without max_length.
inline constexpr int kDefaultMaxLength = 200;
// Digits of a number in all (integer and fraction); more is not an amount anybody types.
inline constexpr int kMaxNumberDigits = 30;

// A decimal in German ("1.234,56", "-3,5") or English ("1,234.56", "1234.5") notation, as
// "-1234.56" (no grouping, "." as the decimal point, no leading zeros). The bank's customers write
// German: a single "," is the decimal comma, and a single "." before exactly three digits groups
// thousands ("100.000"); any other single "." is a decimal point ("850.00"). With both separators
// the last one is the decimal one; grouping must be groups of three digits. Empty when the text is
// not such a number.
std::optional<QString> parseDecimal(const QString &text);

// The wire's own notation, as parseDecimal returns it and a definition's minimum and maximum are
// written ("-1234.56", "0.01": "." is always the decimal point, no grouping); returned as
// parseDecimal would (leading zeros dropped). Empty for anything else.
std::optional<QString> parseCanonicalDecimal(const QString &text);

// Compares two decimals as parseDecimal returns them: negative, zero or positive.
int compareDecimals(const QString &left, const QString &right);

// A date as "YYYY-MM-DD" or German "TT.MM.JJJJ" ("1.2.2027" too), years 1000-9999.
std::optional<QDate> parseDate(const QString &text);

// An e-mail address (local part of the usual unquoted characters, a domain of at least two labels,
// at most 254 characters); returned with the domain in lower case.
std::optional<QString> parseEmail(const QString &text);

} // namespace consult::forms
