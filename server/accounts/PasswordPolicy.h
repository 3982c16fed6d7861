#pragma once

#include "core/Result.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace consult {

struct PasswordPolicyConfig
{
    int minLength = 12;  // code points (A4; ASVS 6.2.1 asks for at least 8, recommends 15)
    int maxLength = 128; // code points; at least 64 must be allowed (ASVS 6.2.9)
    // Words every advisor's context contains: the bank and the product (ASVS 6.2.11).
    QStringList productWords = {QStringLiteral("sparkasse"), QStringLiteral("sparkassen"),
                                QStringLiteral("beratung"),  QStringLiteral("videoberatung"),
                                QStringLiteral("berater"),   QStringLiteral("beraterin"),
                                QStringLiteral("consult"),   QStringLiteral("consultation")};
};

// Decides whether a new advisor password may be set (A4). No composition rules and no expiry
// (ASVS 6.2.5, 6.2.10); instead length, a list of common/breached passwords and context words.
//
// Lengths count code points of the NFKC-normalised password (PasswordText), the text the hasher
// hashes; the word rules compare its case-folded form. The checks, in order, with their Problem codes:
//   "too_short" fewer than minLength code points;
//   "too_long"  more than maxLength code points;
//   "context"   context words make up the password: delete every occurrence of every context word
//               (the caller's words such as user name and display name, each also split at
//               characters that are neither letters nor digits, plus productWords; parts shorter
//               than 3 code points are ignored) from the password, also from its de-leeted form
//               ("5p4rk4553" -> "sparkasse"); if fewer than minLength code points remain in either,
//               the context words carried the length and the password is refused. So
//               "Sparkasse2024!" (remainder "2024!") is refused, while a passphrase that merely
//               contains such a word ("Mein Hund mag die Sparkasse nicht") keeps enough around it;
//   "common"    the password is on the list, or is a listed entry padded with non-letters at either
//               end ("Passwort1234!"), also de-leeted ("P@ssw0rt2024"), or is trivial: one unit of at
//               most 4 code points or one listed entry repeated ("abcabcabcabc", "hallohallohallo"),
//               or a run with a constant step of -1, 0 or +1 ("abcdefghijkl", "zzzzzzzzzzzz").
// Thread-safe: const after construction; the list is loaded once per process.
class PasswordPolicy final
{
public:
    explicit PasswordPolicy(PasswordPolicyConfig config = {});

    Status check(const QString &password, const QStringList &contextWords) const;

private:
    QStringList contextFragments(const QStringList &contextWords) const;
    bool isMadeOfContext(const QString &folded, const QStringList &fragments) const;
    bool isCommon(const QString &folded) const;
    bool isListed(const QString &folded) const;

    PasswordPolicyConfig m_config;
    const QSet<QString> &m_commonPasswords;
};

} // namespace consult
