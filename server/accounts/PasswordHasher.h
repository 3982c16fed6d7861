#pragma once

#include "core/Result.h"

#include <QString>

#include <cstddef>

namespace consult {

// Argon2id cost parameters (A1; ASVS 11.4.2 appendix C, OWASP Password Storage Cheat Sheet).
// libsodium always uses one lane (p = 1). Only tests that are not about the cost may lower them.
struct Argon2idParameters
{
    unsigned long long iterations = 2; // t
    std::size_t memoryKiB = 19456;     // m, 19 MiB
};

// Hashes and verifies advisor passwords as Argon2id PHC strings
// (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`, 16-byte random salt) through libsodium.
//
// One hash costs ~50-100 ms and 19 MiB, so callers run it on a worker thread. After construction
// the object holds no mutable state: every const method may run on several threads at once.
// Passwords are NFKC-normalised before hashing (PasswordText) and the UTF-8 copies are wiped.
class PasswordHasher final
{
public:
    // Computes the dummy hash for verifyDummy() (one hash's cost). Aborts if libsodium cannot
    // initialise or the machine cannot spare the memory for a single hash: the server must not
    // run without A1/A3.
    explicit PasswordHasher(Argon2idParameters parameters = {});

    // A PHC string with a fresh random salt; fails only when the memory cannot be allocated.
    Result<QString> hash(const QString &password) const;

    // True when `password` matches `phc`. A malformed or foreign PHC string is simply false.
    bool verify(const QString &password, const QString &phc) const;

    // True when `phc` was made with other parameters or another algorithm than this hasher's, so
    // the caller should store a new hash after the next successful login.
    bool needsRehash(const QString &phc) const;

    // A3: the same work as verify() against a real hash, for unknown user names, so that the
    // response time does not reveal whether an account exists. Always false.
    bool verifyDummy(const QString &password) const;

    const Argon2idParameters &parameters() const { return m_parameters; }

private:
    std::size_t memoryBytes() const;

    Argon2idParameters m_parameters;
    QString m_dummyPhc;
};

} // namespace consult
