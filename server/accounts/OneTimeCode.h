#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace consult {

// The advisors' second factor (A5): time-based one-time codes after RFC 6238 (HMAC-SHA-1, six
// digits, 30-second steps, what every authenticator app assumes), computed and checked by Debian's
// liboath, never by hand-written HMAC. Holds no state: the caller keeps the last accepted step per
// advisor, so that a code is accepted once. Used by the advisor desk (check) and the enrolment
// command (new secret, how the authenticator app is told about it).
namespace OneTimeCode {

constexpr int kSecretBytes = 20; // 160 bits, RFC 4226's recommended length
constexpr int kDigits = 6;
constexpr int kStepSeconds = 30;

// A fresh secret from the operating system's CSPRNG (S1).
QByteArray newSecret();

// The time step `code` belongs to if it is the code of the step at `nowMs` or of one step before or
// after it (clock skew between the server and the advisor's phone); otherwise nothing. Only six
// digits are ever compared.
std::optional<qint64> matchingStep(const QByteArray &secret, const QString &code, qint64 nowMs);

// The code for the step at `nowMs` (for tests and the enrolment check).
QString codeAt(const QByteArray &secret, qint64 nowMs);

// The secret in base32 without padding, as typed into an authenticator app.
QString base32(const QByteArray &secret);

// The otpauth://totp/ URI an authenticator app reads from the QR code: the issuer is the bank,
// the account the advisor's user name.
QString provisioningUri(const QByteArray &secret, const QString &issuer, const QString &username);

} // namespace OneTimeCode
} // namespace consult
