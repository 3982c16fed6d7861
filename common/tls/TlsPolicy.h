#pragma once

#include <QLatin1StringView>
#include <QStringList>

#include <array>

class QSslKey;

namespace consult::tls {

// What the TLS profile allows (T1-T5, BSI TR-02102-2). TlsProfile applies these strings to
// OpenSSL; the start-up self-test and the tests check negotiated sessions against them. Kept in a
// struct so the names cannot shadow local variables.
struct TlsPolicy
{
    // T2: TLS 1.3 suites in server preference order. Neither ChaCha20 nor CCM_8.
    static constexpr QLatin1StringView cipherSuites{
        "TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_SHA256"};
    // T4: NIST curves only. OpenSSL's default first choice, X25519, is not in the BSI list.
    static constexpr QLatin1StringView groups{"secp384r1:secp256r1:secp521r1"};
    // T5: ECDSA with SHA-2 or RSA-PSS; no SHA-1 and no PKCS#1 v1.5 handshake signatures.
    static constexpr QLatin1StringView signatureAlgorithms{
        "ECDSA+SHA384:ECDSA+SHA256:ECDSA+SHA512:rsa_pss_rsae_sha256:rsa_pss_rsae_sha384:rsa_pss_rsae_sha512"};
    // T3: only used if TLS 1.2 is ever re-enabled; ECDHE + AES-GCM with an ECDSA certificate.
    static constexpr QLatin1StringView tls12Ciphers{"ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256"};
    // T4: sizes of the ephemeral EC keys of secp256r1, secp384r1 and secp521r1.
    static constexpr std::array<int, 3> ephemeralKeyBits{256, 384, 521};
};

// The T2 suite names as a list, e.g. for comparing with QSslCipher::name().
QStringList allowedCipherSuites();

bool isAllowedCipherSuite(const QString &cipherName);

// T4: true for an EC key of one of the allowed curve sizes. Qt 6.4 reports X25519/X448 ephemeral
// keys as QSsl::Opaque with length -1 and finite-field groups as QSsl::Dh; both are refused.
bool isAllowedEphemeralKey(const QSslKey &ephemeralServerKey);

// A short description of an ephemeral key for problem messages, e.g. "EC 384 bit" or "opaque (X25519 or X448)".
QString describeEphemeralKey(const QSslKey &ephemeralServerKey);

} // namespace consult::tls
