#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QUrl>

namespace consult {

// Where a client connects and how it knows it reached the bank's relay: the wss:// URL, the pinned
// SPKI hashes of the server key (current plus backup, C1) and, for development and tests, an extra
// CA to trust besides the system's.
struct ServerEndpoint
{
    QUrl url;
    QList<QByteArray> pins; // base64 SHA-256 of the server's SubjectPublicKeyInfo
    QList<QSslCertificate> extraCaCertificates;
};

} // namespace consult
