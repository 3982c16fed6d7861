#include "accounts/PasswordHasher.h"

#include "accounts/PasswordText.h"

#include <QtGlobal>

#include <sodium.h>

#include <array>

namespace consult {

namespace {

void initialiseSodium()
{
    // sodium_init() is thread-safe and idempotent; the static only saves repeated calls.
    static const int status = sodium_init();
    if (status < 0)
        qFatal("libsodium failed to initialise");
}

} // namespace

PasswordHasher::PasswordHasher(Argon2idParameters parameters)
    : m_parameters(parameters)
{
    initialiseSodium();
    // A3: a hash of a random secret nobody knows, made with the current parameters so a dummy
    // verification costs exactly what a real one does.
    std::array<unsigned char, 32> secret{};
    randombytes_buf(secret.data(), secret.size());
    const QString dummyPassword =
        QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(secret.data()), secret.size()).toBase64());
    sodium_memzero(secret.data(), secret.size());
    Result<QString> dummy = hash(dummyPassword);
    if (!dummy)
        qFatal("cannot compute the dummy password hash: %s", qPrintable(dummy.problem().message));
    m_dummyPhc = std::move(dummy).value();
}

std::size_t PasswordHasher::memoryBytes() const
{
    return m_parameters.memoryKiB * 1024U;
}

Result<QString> PasswordHasher::hash(const QString &password) const
{
    const PasswordText::Utf8Secret secret(password);
    std::array<char, crypto_pwhash_STRBYTES> phc{};
    if (crypto_pwhash_str_alg(phc.data(), secret.data(), static_cast<unsigned long long>(secret.size()),
                              m_parameters.iterations, memoryBytes(), crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Result<QString>::failure(QStringLiteral("hash_failed"),
                                        QStringLiteral("Argon2id hashing failed (out of memory?)"));
    }
    return QString::fromLatin1(phc.data());
}

bool PasswordHasher::verify(const QString &password, const QString &phc) const
{
    const QByteArray phcBytes = phc.toLatin1();
    if (phcBytes.isEmpty() || phcBytes.size() >= crypto_pwhash_STRBYTES)
        return false;
    const PasswordText::Utf8Secret secret(password);
    return crypto_pwhash_str_verify(phcBytes.constData(), secret.data(),
                                    static_cast<unsigned long long>(secret.size())) == 0;
}

bool PasswordHasher::needsRehash(const QString &phc) const
{
    const QByteArray phcBytes = phc.toLatin1();
    // crypto_pwhash_str_needs_rehash() also accepts argon2i strings; only argon2id is current.
    if (!phcBytes.startsWith(crypto_pwhash_argon2id_STRPREFIX) || phcBytes.size() >= crypto_pwhash_STRBYTES)
        return true;
    // 0: same parameters; 1: different; -1: not parseable (rehash is the safe answer).
    return crypto_pwhash_str_needs_rehash(phcBytes.constData(), m_parameters.iterations, memoryBytes()) != 0;
}

bool PasswordHasher::verifyDummy(const QString &password) const
{
    // The result is discarded on purpose; only the cost matters (A3).
    [[maybe_unused]] const bool matched = verify(password, m_dummyPhc);
    return false;
}

} // namespace consult
