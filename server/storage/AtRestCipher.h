#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace consult {

// Encrypts what stays on disk beyond a session, such as the messages customers leave for advisors,
// so that a copied database file or backup is unreadable without the key file.
//
// XChaCha20-Poly1305 (IETF) from libsodium. A sealed record is nonce (24 random bytes) || ciphertext
// || tag (16 bytes). The associated data is a caller-chosen record context, such as the table and
// row id, so a ciphertext moved to another row fails to open instead of showing the wrong message.
// Random 192-bit nonces need no counter and are safe for far more records than a bank will store.
//
// The 32-byte key lives in guarded, locked memory (sodium_malloc), read-only after loading, and is
// wiped when the cipher is destroyed. Move-only (a moved-from cipher must not be used). seal() and
// open() are const and thread-safe.
class AtRestCipher final
{
public:
    static constexpr int kKeyBytes = 32;
    static constexpr int kNonceBytes = 24;
    static constexpr int kTagBytes = 16;

    // Loads the key from `path`, or creates the file with a fresh random key if it does not exist.
    // A new file is created atomically with mode 0600 (T6 applies to this key as to the TLS key).
    // An existing file is refused if group or others have any access ("key_file_permissions"), if
    // another user owns it ("key_file_owner"), if it is not a regular file or not exactly 32 bytes
    // ("key_file_size"), or if it cannot be read or created ("key_file_io").
    static Result<AtRestCipher> openOrCreateKeyFile(const QString &path);

    AtRestCipher(AtRestCipher &&) noexcept;
    AtRestCipher &operator=(AtRestCipher &&) noexcept;
    ~AtRestCipher();

    QByteArray seal(const QByteArray &plaintext, const QByteArray &associatedData) const;

    // The plaintext, or Problem "tampered" when the record was altered, truncated, sealed under
    // other associated data or with another key.
    Result<QByteArray> open(const QByteArray &sealed, const QByteArray &associatedData) const;

private:
    struct SecureKey;
    explicit AtRestCipher(std::unique_ptr<SecureKey> key);

    std::unique_ptr<SecureKey> m_key;
};

} // namespace consult
