#include "tls/KeyPins.h"

#include <QCryptographicHash>
#include <QSslKey>

#include <algorithm>

namespace consult::tls {

QByteArray spkiSha256Base64(const QSslCertificate &certificate)
{
    // QSslKey::toDer() of a public key is the DER SubjectPublicKeyInfo (the "PUBLIC KEY" PEM body).
    const QByteArray spki = certificate.publicKey().toDer();
    if (spki.isEmpty())
        return {};
    return QCryptographicHash::hash(spki, QCryptographicHash::Sha256).toBase64();
}

bool matchesPin(const QSslCertificate &leaf, const QList<QByteArray> &pinsBase64)
{
    const QByteArray pin = spkiSha256Base64(leaf);
    if (pin.isEmpty())
        return false;
    // Pins are public values, so a plain comparison leaks nothing worth a constant-time compare.
    return std::any_of(pinsBase64.cbegin(), pinsBase64.cend(),
                       [&pin](const QByteArray &candidate) { return candidate.trimmed() == pin; });
}

} // namespace consult::tls
