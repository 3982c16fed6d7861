#include "tls/ServerCredentials.h"

#include <QFile>
#include <QFileInfo>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace consult::tls {

namespace {

// T6 (TR-02102-1, Table 3.1): RSA at least 3000 bit, rounded up to the next common size; ECC >= 250 bit.
constexpr int minimumRsaBits = 3072;
constexpr int minimumEcBits = 256;

struct OpenSslFree
{
    void operator()(BIO *bio) const { BIO_free(bio); }
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
    void operator()(X509 *certificate) const { X509_free(certificate); }
};
using BioPtr = std::unique_ptr<BIO, OpenSslFree>;
using KeyPtr = std::unique_ptr<EVP_PKEY, OpenSslFree>;
using X509Ptr = std::unique_ptr<X509, OpenSslFree>;

// Never prompt on the terminal for a passphrase (OpenSSL's default callback would): an encrypted
// key simply fails to parse.
int refusePassphrase(char *, int, int, void *)
{
    return 0;
}

Problem problem(const char *code, QString message)
{
    return Problem{QString::fromLatin1(code), std::move(message)};
}

Result<QByteArray> readFile(const QString &path, const char *what)
{
    QFile file(path);
    if (!file.exists())
        return problem("tls_file_missing", QStringLiteral("%1 %2 does not exist").arg(QLatin1StringView(what), path));
    if (!file.open(QIODevice::ReadOnly))
        return problem("tls_file_unreadable",
                       QStringLiteral("cannot read %1 %2: %3").arg(QLatin1StringView(what), path, file.errorString()));
    return file.readAll();
}

QString octalMode(QFileDevice::Permissions permissions)
{
    const auto digit = [permissions](QFileDevice::Permission read, QFileDevice::Permission write,
                                     QFileDevice::Permission execute) {
        return (permissions.testFlag(read) ? 4 : 0) + (permissions.testFlag(write) ? 2 : 0) +
               (permissions.testFlag(execute) ? 1 : 0);
    };
    return QStringLiteral("0%1%2%3")
        .arg(digit(QFileDevice::ReadOwner, QFileDevice::WriteOwner, QFileDevice::ExeOwner))
        .arg(digit(QFileDevice::ReadGroup, QFileDevice::WriteGroup, QFileDevice::ExeGroup))
        .arg(digit(QFileDevice::ReadOther, QFileDevice::WriteOther, QFileDevice::ExeOther));
}

// T6: the private key must be private to its owner.
Status checkKeyFileMode(const QString &path)
{
    const QFileDevice::Permissions shared = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                                            QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    const QFileDevice::Permissions permissions = QFileInfo(path).permissions();
    if (permissions & shared)
        return problem("tls_key_permissions",
                       QStringLiteral("private key %1 has mode %2; group and others must have no access "
                                      "(0600 or stricter, T6)")
                           .arg(path, octalMode(permissions)));
    return success();
}

KeyPtr parsePrivateKey(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    if (!bio)
        return nullptr;
    return KeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassphrase, nullptr));
}

X509Ptr toOpenSsl(const QSslCertificate &certificate)
{
    const QByteArray der = certificate.toDer();
    auto *cursor = reinterpret_cast<const unsigned char *>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &cursor, static_cast<long>(der.size())));
}

Status checkKeyStrength(EVP_PKEY *key, const QString &path)
{
    const int bits = EVP_PKEY_get_bits(key);
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
        if (bits < minimumRsaBits)
            return problem("tls_key_too_weak", QStringLiteral("private key %1 is RSA %2 bit; at least %3 bit is "
                                                              "required (T6)")
                                                   .arg(path)
                                                   .arg(bits)
                                                   .arg(minimumRsaBits));
        return success();
    case EVP_PKEY_EC:
        if (bits < minimumEcBits)
            return problem("tls_key_too_weak", QStringLiteral("private key %1 is EC %2 bit; at least %3 bit is "
                                                              "required (T6)")
                                                   .arg(path)
                                                   .arg(bits)
                                                   .arg(minimumEcBits));
        return success();
    default:
        return problem(
            "tls_key_unsupported",
            QStringLiteral("private key %1 is neither RSA nor EC (T5 allows ECDSA and RSA-PSS only)").arg(path));
    }
}

Status checkValidity(const QSslCertificate &leaf, const QString &path, const QDateTime &now)
{
    if (leaf.expiryDate() < now)
        return problem(
            "tls_certificate_expired",
            QStringLiteral("certificate %1 expired on %2").arg(path, leaf.expiryDate().toString(Qt::ISODate)));
    if (leaf.effectiveDate() > now)
        return problem("tls_certificate_not_yet_valid", QStringLiteral("certificate %1 is valid only from %2")
                                                            .arg(path, leaf.effectiveDate().toString(Qt::ISODate)));
    return success();
}

} // namespace

Result<ServerCredentials> loadServerCredentials(const QString &certificateChainPemPath,
                                                const QString &privateKeyPemPath, const Clock &clock)
{
    const Result<QByteArray> chainPem = readFile(certificateChainPemPath, "certificate chain");
    if (!chainPem)
        return chainPem.problem();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*chainPem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return problem("tls_certificate_invalid",
                       QStringLiteral("%1 contains no PEM certificate").arg(certificateChainPemPath));
    const QSslCertificate &leaf = chain.first();

    // The mode is checked before the key is read: an exposed key is refused whatever it contains.
    if (!QFileInfo::exists(privateKeyPemPath))
        return problem("tls_file_missing", QStringLiteral("private key %1 does not exist").arg(privateKeyPemPath));
    if (const Status mode = checkKeyFileMode(privateKeyPemPath); !mode)
        return mode.problem();
    const Result<QByteArray> keyPem = readFile(privateKeyPemPath, "private key");
    if (!keyPem)
        return keyPem.problem();

    const KeyPtr key = parsePrivateKey(*keyPem);
    if (!key)
        return problem("tls_key_invalid",
                       QStringLiteral("%1 is not an unencrypted PEM private key").arg(privateKeyPemPath));
    const X509Ptr leafX509 = toOpenSsl(leaf);
    if (!leafX509 || X509_check_private_key(leafX509.get(), key.get()) != 1)
        return problem("tls_key_mismatch", QStringLiteral("private key %1 does not belong to the certificate %2")
                                               .arg(privateKeyPemPath, certificateChainPemPath));
    if (const Status strength = checkKeyStrength(key.get(), privateKeyPemPath); !strength)
        return strength.problem();
    if (const Status validity = checkValidity(leaf, certificateChainPemPath, clock.now()); !validity)
        return validity.problem();

    const QSsl::KeyAlgorithm algorithm = EVP_PKEY_get_base_id(key.get()) == EVP_PKEY_RSA ? QSsl::Rsa : QSsl::Ec;
    QSslKey privateKey(*keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
    if (privateKey.isNull())
        return problem("tls_key_invalid", QStringLiteral("Qt cannot use the private key %1").arg(privateKeyPemPath));
    return ServerCredentials{chain, privateKey};
}

} // namespace consult::tls
