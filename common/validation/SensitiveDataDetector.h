#pragma once

#include <QList>
#include <QString>

namespace consult::validation {

// One piece of a text that looks like data a customer must never send in the chat (C2). The client
// shows its warning with Edit as the default action and may highlight [start, start + length).
struct SensitiveFinding
{
    enum class Kind
    {
        Iban,              // an IBAN, also one with a typo (see findSensitiveData)
        CardNumber,        // 13-19 digits passing Luhn
        SecretNearKeyword, // a standalone 4-8 digit number close to PIN, TAN, Passwort, ...; the span is the number
        SecretKeyword      // a keyword with its value ("Passwort: Sommer2024"); the span covers both
    };
    Kind kind;
    qsizetype start;  // UTF-16 index into the scanned text
    qsizetype length; // UTF-16 units, at least 1

    friend bool operator==(const SensitiveFinding &, const SensitiveFinding &) = default;
};

// C2: scans a chat message or an upload name for IBANs, payment card numbers, PINs, TANs, passwords
// and user IDs. Returns the findings ordered by start and without overlaps; empty when nothing was
// found. Talking about a secret ("Ich habe meine PIN vergessen", "Wie ändere ich mein Passwort?",
// "Die TAN-App zeigt nichts an") is fine; only a value next to the keyword is flagged.
//
// Rules, in the order they claim text (a later rule never reports text an earlier one claimed):
// - Iban: see findIbans() in PaymentNumbers.h. Decision: an IBAN of a known country with the right
//   length is flagged even when the mod-97 check fails; a typo'd IBAN still names an account, and a
//   bank would rather warn once too often. Elsewhere mod-97 must pass.
// - CardNumber: see findCardNumbers() in PaymentNumbers.h (13-19 digits, spaces or dashes, Luhn).
// - SecretNearKeyword: a standalone 4-8 digit number, also in single-space groups ("TAN 483 920"),
//   within five words after or three words before a keyword (PIN, TAN, pushTAN, Passwort, Kennwort,
//   Geheimzahl, Zugangsdaten, Anmeldename, Benutzerkennung, Legitimations-ID, PUK, password,
//   passcode, any inflection and "PIN-Nummer"-style compounds), in the same clause (no ".,;!?",
//   line break or conjunction between). Not a date, amount, time or phone number ("12.05.2025",
//   "1.500,00", "14:30", "030 1234567", "(030) 1234"), not behind a currency sign or "+", not before a
//   unit ("Euro", "Uhr", "Tage"), not behind a label ("PLZ", "Tel", "Aktenzeichen", "Endziffern").
//   A year-like number (1900-2099) needs a tight link, only words like "ist", "meine", "lautet"
//   between ("PIN 2024", "meine PIN ist 1999", "1999 ist meine PIN"), because "Seit 2024 bekomme
//   ich keine TAN" is ordinary chat.
// - SecretKeyword: the keyword with the value after it, linked by at most three words such as
//   "ist", "mein", "lautet": a word mixing letters and digits ("Sommer2024", not "4-stellig"),
//   letters with a symbol such as "@" or "#", nine or more digits, a quoted word, or after ":", "="
//   or "lautet" a single word that ends the clause and is no question ("Passwort: geheim", but not
//   "Passwort: vergessen" or "Frage zur TAN: Warum?"). Also the value before "ist mein Passwort".
//   The span covers keyword and value.
//
// Linear in the length of the text (no regular expressions): about 0.1-0.2 ms for a 4000-character
// message in an optimised build. Thread-safe.
QList<SensitiveFinding> findSensitiveData(const QString &text);

} // namespace consult::validation
