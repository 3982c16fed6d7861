#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>

namespace consult::tls {

// C1 key pinning: the server's SubjectPublicKeyInfo must match one of a compiled-in set of pins
// (the current key plus at least one offline backup). Pins are checked in addition to, never
// instead of, chain and host-name validation: call matchesPin() from the socket's `encrypted`
// handler (by then validation has passed) and abort the connection on false, without a user
// override. Certificate errors are never ignored outside tests.

// base64(SHA-256(DER SubjectPublicKeyInfo)), the same value as
// `openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`.
QByteArray spkiSha256Base64(const QSslCertificate &certificate);

// True if the leaf's key matches one of `pinsBase64`. A null certificate or an empty set never matches.
bool matchesPin(const QSslCertificate &leaf, const QList<QByteArray> &pinsBase64);

} // namespace consult::tls
