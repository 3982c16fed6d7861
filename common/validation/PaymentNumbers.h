#pragma once

#include <QList>
#include <QStringView>

namespace consult::validation {

// A half-open range [start, end) of UTF-16 indexes into a text.
struct TextSpan
{
    qsizetype start;
    qsizetype end;

    friend bool operator==(const TextSpan &, const TextSpan &) = default;
};

// Where a free text holds an IBAN (ISO 13616): two letters, two digits and 11-30 letters or digits,
// any case, single spaces between groups allowed, ending where a word ends. A country of the table
// must have its length (DE 22, AT 20, CH 21, ...) and is accepted even when the mod-97 check fails,
// as long as the check digits are 02-98 and the national part has the country's shape: a typo'd IBAN
// still names an account (C2). Other countries need 15-34 characters and a passing mod-97 check.
// Linear in the length of the text.
QList<TextSpan> findIbans(QStringView text);

// True when the text is one IBAN-shaped string (2 letters, 2 digits, 15-34 characters in all, spaces
// allowed) that passes the ISO 7064 mod 97-10 check. No country table involved.
bool passesIbanChecksum(QStringView iban);

// Where a free text holds a payment card number (ISO/IEC 7812): 13-19 digits, single spaces or dashes
// between groups allowed, first digit 2-6, passing Luhn. Digits glued to a word, behind "+" or
// continued by ",00" are not a card; trailing or leading groups of a longer run are dropped when the
// rest is a card ("4111 1111 1111 1111 123"). Linear in the length of the text.
QList<TextSpan> findCardNumbers(QStringView text);

} // namespace consult::validation
