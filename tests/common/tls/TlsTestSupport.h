#pragma once

#include <QDeadlineTimer>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

// Access to the test PKI made by tests/support/make-test-pki.sh, found through $CONSULT_TEST_PKI.
namespace consult::tls::testing {

// Absolute path of a file in the test PKI, e.g. pkiFile("server.pem"); empty if the variable is unset.
QString pkiFile(const QString &fileName);

// Why the test PKI cannot be used, or an empty string if it can.
QString pkiProblem();

// <name>.pem as a chain, leaf first.
QList<QSslCertificate> pkiChain(const QString &name);

// <name>.key, read with the algorithm of <name>.pem's public key.
QSslKey pkiKey(const QString &name);

QSslCertificate pkiCa();

// The product's server profile with <name>.pem and <name>.key.
QSslConfiguration pkiServerConfiguration(const QString &name);

// The product's client profile trusting the test CA.
QSslConfiguration pkiClientConfiguration();

// Generous for one loopback handshake on a loaded CI machine; the self-test itself has 5 s (T9).
QDeadlineTimer handshakeDeadline();

} // namespace consult::tls::testing
