#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

namespace consult::tls {

// The one TLS profile of the product (T1-T8): TLS 1.3 only (T1), the BSI suites (T2),
// groups (T4) and signature schemes (T5), no session tickets (T8). Both ends are our own Qt
// programs, so server and client use the same policy.
//
// Qt 6.4 notes that shape this code (all checked on Debian 12, Qt 6.4.2, OpenSSL 3.0):
// - Suites, groups and signature schemes go through setBackendConfigurationOption (SSL_CONF_cmd).
//   Never pass "Options" that way: Qt does not mark the SSL_CONF context as server or client, so
//   OpenSSL rejects every Options value and the TLS context fails to build, for every handshake.
// - A bad backend option is only reported when a socket starts its handshake, never when the
//   configuration is built. runTlsSelfTest() is what turns it into a refusal to start (T9).

// For the wss:// listener. `chain` is leaf first; the server does not ask clients for certificates.
QSslConfiguration serverConfiguration(const QList<QSslCertificate> &chain, const QSslKey &key);

// For our apps and for TLS clients inside the server: verifies the peer's chain and host name
// against the system store plus `extraTrustedCas`. Key pins (C1) are checked in addition.
QSslConfiguration clientConfiguration(const QList<QSslCertificate> &extraTrustedCas = {});

} // namespace consult::tls
