#include "tls/TlsSelfTest.h"

#include "tls/LoopbackHandshake.h"
#include "tls/TlsPolicy.h"
#include "tls/TlsProfile.h"

#include <QSslSocket>

namespace consult::tls {

namespace {

struct Probe
{
    QString description;
    QSslConfiguration configuration;
};

Problem problem(const char *code, QString message)
{
    return Problem{QString::fromLatin1(code), std::move(message)};
}

// The probes skip certificate validation, deliberately. They test the negotiated parameters, not
// the deployment's chain of trust: a valid production chain often ends in a root that is not in
// the server's own file, and chain, key and expiry are checked by loadServerCredentials(). The
// probe talks only to the listener this process just opened, and instead of a chain check it
// compares the presented certificate with the configured one. Nothing secret is sent.
QSslConfiguration probeBase(QSslConfiguration configuration)
{
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

QSslConfiguration opensslDefaults(QSsl::SslProtocol protocol)
{
    QSslConfiguration configuration = probeBase(QSslConfiguration::defaultConfiguration());
    configuration.setProtocol(protocol);
    return configuration;
}

QSslConfiguration tls13With(const QByteArray &option, const QByteArray &value)
{
    QSslConfiguration configuration = opensslDefaults(QSsl::TlsV1_3OrLater);
    configuration.setBackendConfigurationOption(option, value);
    return configuration;
}

QList<Probe> probesThatMustConnect()
{
    return {
        {QStringLiteral("a client with the product's TLS profile"), probeBase(clientConfiguration())},
        {QStringLiteral("a client with OpenSSL's defaults (X25519 first, TLS 1.2 allowed)"),
         opensslDefaults(QSsl::TlsV1_2OrLater)},
    };
}

QList<Probe> probesThatMustBeRefused()
{
    return {
        {QStringLiteral("a TLS 1.2-only client (T1)"), opensslDefaults(QSsl::TlsV1_2)},
        {QStringLiteral("a client offering only TLS_CHACHA20_POLY1305_SHA256 (T2)"),
         tls13With("Ciphersuites", "TLS_CHACHA20_POLY1305_SHA256")},
        {QStringLiteral("a client offering only TLS_AES_128_CCM_8_SHA256 (T2)"),
         tls13With("Ciphersuites", "TLS_AES_128_CCM_8_SHA256")},
        {QStringLiteral("a client offering only X25519 (T4)"), tls13With("Groups", "X25519")},
        {QStringLiteral("a client offering only X448 (T4)"), tls13With("Groups", "X448")},
        {QStringLiteral("a client offering only ffdhe2048 (T4)"), tls13With("Groups", "ffdhe2048")},
    };
}

QString describeErrors(const HandshakeOutcome &outcome)
{
    const QString server =
        outcome.serverErrors.isEmpty() ? QStringLiteral("none") : outcome.serverErrors.join(QStringLiteral("; "));
    const QString client = outcome.clientError.isEmpty() ? QStringLiteral("none") : outcome.clientError;
    return QStringLiteral("server error: %1; client error: %2").arg(server, client);
}

Problem timeoutProblem(std::chrono::milliseconds timeout, const QString &description)
{
    return problem("tls_self_test_timeout", QStringLiteral("TLS self-test did not finish within %1 ms (stuck at %2)")
                                                .arg(timeout.count())
                                                .arg(description));
}

Status checkNegotiated(const HandshakeOutcome &outcome, const QString &description,
                       const QSslCertificate &configuredLeaf)
{
    const auto policyProblem = [&description](const QString &what) {
        return problem("tls_self_test_policy",
                       QStringLiteral("TLS self-test: %1 negotiated %2").arg(description, what));
    };
    if (outcome.protocol != QSsl::TlsV1_3)
        return policyProblem(QStringLiteral("a protocol other than TLS 1.3 (Qt protocol %1, T1)")
                                 .arg(static_cast<int>(outcome.protocol)));
    if (!isAllowedCipherSuite(outcome.cipher))
        return policyProblem(QStringLiteral("the cipher suite %1, which is not allowed (T2)").arg(outcome.cipher));
    if (!isAllowedEphemeralKey(outcome.ephemeralServerKey))
        return policyProblem(QStringLiteral("an ephemeral key %1, not secp256r1/secp384r1/secp521r1 (T4)")
                                 .arg(describeEphemeralKey(outcome.ephemeralServerKey)));
    if (outcome.peerCertificate != configuredLeaf)
        return policyProblem(QStringLiteral("a certificate other than the configured one (%1)")
                                 .arg(outcome.peerCertificate.subjectDisplayName()));
    return success();
}

} // namespace

Status runTlsSelfTest(const QSslConfiguration &serverConfiguration, std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    if (!QSslSocket::supportsSsl())
        return problem("tls_unavailable", QStringLiteral("no TLS backend is available (OpenSSL not loaded)"));
    const QSslCertificate leaf = serverConfiguration.localCertificate();
    if (leaf.isNull() || serverConfiguration.privateKey().isNull())
        return problem("tls_self_test_configuration",
                       QStringLiteral("TLS self-test: the server configuration has no certificate or no key"));

    LoopbackTlsServer server(serverConfiguration);
    if (!server.listen())
        return problem("tls_self_test_listen",
                       QStringLiteral("TLS self-test could not listen on 127.0.0.1: %1").arg(server.errorString()));

    for (const Probe &probe : probesThatMustConnect()) {
        if (deadline.hasExpired())
            return timeoutProblem(timeout, probe.description);
        const HandshakeOutcome outcome = handshakeOnLoopback(server, probe.configuration, QString(), deadline);
        if (outcome.timedOut)
            return timeoutProblem(timeout, probe.description);
        if (!outcome.encrypted)
            return problem("tls_self_test_handshake", QStringLiteral("TLS self-test: the handshake with %1 failed (%2)")
                                                          .arg(probe.description, describeErrors(outcome)));
        if (const Status negotiated = checkNegotiated(outcome, probe.description, leaf); !negotiated)
            return negotiated;
    }

    for (const Probe &probe : probesThatMustBeRefused()) {
        if (deadline.hasExpired())
            return timeoutProblem(timeout, probe.description);
        const HandshakeOutcome outcome = handshakeOnLoopback(server, probe.configuration, QString(), deadline);
        if (outcome.timedOut)
            return timeoutProblem(timeout, probe.description);
        if (outcome.encrypted)
            return problem("tls_self_test_policy", QStringLiteral("TLS self-test: the server accepted %1 "
                                                                  "(negotiated %2, ephemeral key %3)")
                                                       .arg(probe.description, outcome.cipher,
                                                            describeEphemeralKey(outcome.ephemeralServerKey)));
        // A probe that failed on its own side proves nothing about the server.
        if (outcome.serverErrors.isEmpty())
            return problem("tls_self_test_probe",
                           QStringLiteral("TLS self-test: %1 failed without the server refusing it (%2)")
                               .arg(probe.description, describeErrors(outcome)));
    }
    return success();
}

} // namespace consult::tls
