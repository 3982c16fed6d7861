#pragma once

#include <QDeadlineTimer>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslKey>
#include <QSslServer>
#include <QString>
#include <QStringList>

namespace consult::tls {

// A TLS listener on 127.0.0.1 with an ephemeral port, for handshakes inside one process: the
// start-up self-test (T9) and tests. It completes handshakes with the given configuration, records
// what the server side reported, and closes each connection once it is encrypted.
// Single-threaded; owned by the caller; the event loop must run (handshakeOnLoopback() runs one).
class LoopbackTlsServer final
{
public:
    explicit LoopbackTlsServer(const QSslConfiguration &configuration);
    LoopbackTlsServer(const LoopbackTlsServer &) = delete;
    LoopbackTlsServer &operator=(const LoopbackTlsServer &) = delete;

    // False if the port could not be opened; errorString() says why.
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }

    // Errors the server side reported since the last call, oldest first, without repeats.
    QStringList takeErrors();

private:
    QSslServer m_server;
    QStringList m_errors;
};

// What one client saw of one handshake, plus what the server reported meanwhile.
struct HandshakeOutcome
{
    bool encrypted = false;
    bool timedOut = false;
    QSsl::SslProtocol protocol = QSsl::UnknownProtocol;
    QString cipher;
    QSslKey ephemeralServerKey; // QSsl::Opaque for X25519/X448 on Qt 6.4
    QSslCertificate peerCertificate;
    QList<QSslError> sslErrors; // validation errors (chain, host name); the handshake fails on them
    QString clientError;
    QStringList serverErrors;
};

// Connects a client with `clientConfiguration` to `server` over 127.0.0.1, validating the server's
// certificate for `peerName` (when the configuration verifies peers), and runs a local event loop
// until the handshake succeeds or fails or `deadline` expires. Never ignores SSL errors.
HandshakeOutcome handshakeOnLoopback(LoopbackTlsServer &server, const QSslConfiguration &clientConfiguration,
                                     const QString &peerName, QDeadlineTimer deadline);

} // namespace consult::tls
