#include "tls/TlsProfile.h"

#include "tls/TlsPolicy.h"

#include <QSslDiffieHellmanParameters>

namespace consult::tls {

namespace {

QSslConfiguration profileBase()
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_3OrLater); // T1
    // T3: governs TLS 1.2 only, so it matters only if the protocol above is ever widened.
    configuration.setCiphers(QString(TlsPolicy::tls12Ciphers));
    // T2: TLS 1.3 suites must be set here. QSslConfiguration::setCiphers() silently drops names Qt
    // does not list, and Qt 6.4 does not list TLS_AES_128_CCM_SHA256.
    configuration.setBackendConfigurationOption("Ciphersuites", QByteArray(TlsPolicy::cipherSuites.latin1()));
    configuration.setBackendConfigurationOption("Groups", QByteArray(TlsPolicy::groups.latin1())); // T4
    configuration.setBackendConfigurationOption("SignatureAlgorithms",                             // T5
                                                QByteArray(TlsPolicy::signatureAlgorithms.latin1()));
    // T8. With TLS 1.3, OpenSSL answers SSL_OP_NO_TICKET with stateful tickets instead of none; they
    // cannot resume because Qt builds a fresh SSL_CTX (and session cache) per accepted socket.
    // Sending none needs NumTickets=0, which Qt's SSL_CONF context refuses (see the header).
    configuration.setSslOption(QSsl::SslOptionDisableSessionTickets, true);
    configuration.setSslOption(QSsl::SslOptionDisableCompression, true);         // T7
    configuration.setSslOption(QSsl::SslOptionDisableLegacyRenegotiation, true); // T7
    return configuration;
}

} // namespace

QSslConfiguration serverConfiguration(const QList<QSslCertificate> &chain, const QSslKey &key)
{
    QSslConfiguration configuration = profileBase();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    // Clients are authenticated by the application protocol, not by certificates. VerifyNone also
    // keeps the server from sending a CertificateRequest, which the default (QueryPeer) would.
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    // TLS 1.3 with EC groups never uses finite-field DH. Qt's built-in DH parameters are also
    // refused by OpenSSL 3.0 ("dh key too small"), and that error then leaks into later messages.
    configuration.setDiffieHellmanParameters(QSslDiffieHellmanParameters());
    return configuration;
}

QSslConfiguration clientConfiguration(const QList<QSslCertificate> &extraTrustedCas)
{
    QSslConfiguration configuration = profileBase();
    // addCaCertificates keeps the system store; setCaCertificates would replace it.
    configuration.addCaCertificates(extraTrustedCas);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer); // chain and host name, always (C1)
    return configuration;
}

} // namespace consult::tls
