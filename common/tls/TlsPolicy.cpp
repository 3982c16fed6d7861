#include "tls/TlsPolicy.h"

#include <QSslKey>

#include <algorithm>

namespace consult::tls {

QStringList allowedCipherSuites()
{
    return QString(TlsPolicy::cipherSuites).split(QLatin1Char(':'));
}

bool isAllowedCipherSuite(const QString &cipherName)
{
    return allowedCipherSuites().contains(cipherName);
}

bool isAllowedEphemeralKey(const QSslKey &ephemeralServerKey)
{
    if (ephemeralServerKey.isNull() || ephemeralServerKey.algorithm() != QSsl::Ec)
        return false;
    return std::ranges::find(TlsPolicy::ephemeralKeyBits, ephemeralServerKey.length()) !=
           TlsPolicy::ephemeralKeyBits.end();
}

QString describeEphemeralKey(const QSslKey &ephemeralServerKey)
{
    if (ephemeralServerKey.isNull())
        return QStringLiteral("none");
    switch (ephemeralServerKey.algorithm()) {
    case QSsl::Ec:
        return QStringLiteral("EC %1 bit").arg(ephemeralServerKey.length());
    case QSsl::Dh:
        return QStringLiteral("finite-field DH %1 bit").arg(ephemeralServerKey.length());
    case QSsl::Opaque:
        return QStringLiteral("opaque (X25519 or X448)");
    case QSsl::Rsa:
    case QSsl::Dsa:
        break;
    }
    return QStringLiteral("unexpected algorithm %1").arg(static_cast<int>(ephemeralServerKey.algorithm()));
}

} // namespace consult::tls
