#include "OneTimeCode.h"

#include "core/SecureRandom.h"

#include <QRegularExpression>
#include <QUrl>

#include <liboath/oath.h>

#include <cstdlib>
#include <mutex>

namespace consult::OneTimeCode {

namespace {

// liboath wants oath_init() once before use (it sets up its crypto backend).
void initialiseOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { (void)oath_init(); });
}

time_t secondsOf(qint64 nowMs)
{
    return static_cast<time_t>(nowMs / 1000);
}

} // namespace

QByteArray newSecret()
{
    return SecureRandom::bytes(kSecretBytes);
}

std::optional<qint64> matchingStep(const QByteArray &secret, const QString &code, qint64 nowMs)
{
    static const QRegularExpression sixDigits(QStringLiteral("^[0-9]{6}$"));
    if (secret.isEmpty() || !sixDigits.match(code).hasMatch())
        return std::nullopt;
    initialiseOnce();
    const QByteArray otp = code.toLatin1();
    int position = 0;
    uint64_t counter = 0;
    // Window 1: the step before, the current one and the one after.
    const int result =
        oath_totp_validate3(secret.constData(), static_cast<size_t>(secret.size()), secondsOf(nowMs), kStepSeconds,
                            OATH_TOTP_DEFAULT_START_TIME, 1, &position, &counter, otp.constData());
    if (result < 0)
        return std::nullopt;
    return static_cast<qint64>(counter);
}

QString codeAt(const QByteArray &secret, qint64 nowMs)
{
    initialiseOnce();
    char otp[kDigits + 1] = {};
    if (oath_totp_generate(secret.constData(), static_cast<size_t>(secret.size()), secondsOf(nowMs), kStepSeconds,
                           OATH_TOTP_DEFAULT_START_TIME, kDigits, otp) != OATH_OK)
        return {};
    return QString::fromLatin1(otp);
}

QString base32(const QByteArray &secret)
{
    initialiseOnce();
    char *encoded = nullptr;
    size_t length = 0;
    if (oath_base32_encode(secret.constData(), static_cast<size_t>(secret.size()), &encoded, &length) != OATH_OK)
        return {};
    QString text = QString::fromLatin1(encoded, static_cast<qsizetype>(length));
    ::free(encoded); // NOLINT: liboath allocates with malloc
    while (text.endsWith(u'='))
        text.chop(1);
    return text;
}

QString provisioningUri(const QByteArray &secret, const QString &issuer, const QString &username)
{
    // Key URI format of Google Authenticator, which the other apps follow: the label is
    // "issuer:account", both percent-encoded, and the issuer repeated as a parameter.
    const QString label = QString::fromLatin1(QUrl::toPercentEncoding(issuer)) + u':' +
                          QString::fromLatin1(QUrl::toPercentEncoding(username));
    return QStringLiteral("otpauth://totp/%1?secret=%2&issuer=%3&algorithm=SHA1&digits=%4&period=%5")
        .arg(label, base32(secret), QString::fromLatin1(QUrl::toPercentEncoding(issuer)))
        .arg(kDigits)
        .arg(kStepSeconds);
}

} // namespace consult::OneTimeCode
