#pragma once

#include "core/Clock.h"
#include "core/Result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace consult::tls {

// The server's certificate chain (leaf first) and its private key, checked against T6.
struct ServerCredentials
{
    QList<QSslCertificate> chain;
    QSslKey privateKey;
};

// Reads a PEM certificate chain and an unencrypted PEM private key (PKCS#8 or traditional). Refuses,
// with a Problem naming the file: a missing or unreadable file; a key file that group or others may
// access (T6: mode 0600 or stricter); a key that does not belong to the leaf; RSA below 3072 bit or
// EC below 256 bit (T6); a leaf that is expired or not yet valid at `clock`'s time.
Result<ServerCredentials> loadServerCredentials(const QString &certificateChainPemPath,
                                                const QString &privateKeyPemPath,
                                                const Clock &clock = SystemClock::instance());

} // namespace consult::tls
