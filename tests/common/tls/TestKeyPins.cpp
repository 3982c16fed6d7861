// C1: key pinning on top of chain and host-name validation, over real loopback TLS.
#include "TlsTestSupport.h"

#include "tls/KeyPins.h"
#include "tls/LoopbackHandshake.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace consult::tls;
using namespace consult::tls::testing;

namespace {

QByteArray pinFile()
{
    QFile file(pkiFile(QStringLiteral("server.pin")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().trimmed();
}

// The client side of C1 as an app does it: normal validation decides the handshake; once it is
// encrypted, the pin decides whether the connection is used.
struct PinnedConnection
{
    HandshakeOutcome handshake;
    bool accepted = false;
};

PinnedConnection connectPinned(const QString &serverName, const QList<QByteArray> &pins)
{
    PinnedConnection connection;
    LoopbackTlsServer server(pkiServerConfiguration(serverName));
    if (!server.listen())
        return connection;
    connection.handshake =
        handshakeOnLoopback(server, pkiClientConfiguration(), QStringLiteral("localhost"), handshakeDeadline());
    connection.accepted = connection.handshake.encrypted && matchesPin(connection.handshake.peerCertificate, pins);
    return connection;
}

bool hasError(const HandshakeOutcome &outcome, QSslError::SslError error)
{
    return std::any_of(outcome.sslErrors.cbegin(), outcome.sslErrors.cend(),
                       [error](const QSslError &candidate) { return candidate.error() == error; });
}

} // namespace

class TestKeyPins final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(pkiProblem().isEmpty(), qPrintable(pkiProblem()));
        QVERIFY(!pinFile().isEmpty());
    }

    // server.pin was written by the openssl pipeline of the C1 requirement (C1).
    void pinEqualsTheOpenSslPipeline()
    {
        QCOMPARE(spkiSha256Base64(pkiChain(QStringLiteral("server")).first()), pinFile());
    }

    void pinEqualsTheOpenSslPipelineForRsaToo()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl is not installed");
        const QString pipeline = QStringLiteral("'%1' x509 -in '%2' -pubkey -noout | '%1' pkey -pubin -outform der"
                                                " | '%1' dgst -sha256 -binary | '%1' base64 -A")
                                     .arg(openssl, pkiFile(QStringLiteral("rsa2048.pem")));
        QProcess process;
        process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), pipeline});
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(spkiSha256Base64(pkiChain(QStringLiteral("rsa2048")).first()), process.readAllStandardOutput());
    }

    void differentKeysHaveDifferentPins()
    {
        QVERIFY(spkiSha256Base64(pkiChain(QStringLiteral("server")).first()) !=
                spkiSha256Base64(pkiChain(QStringLiteral("other")).first()));
    }

    void aBackupPinMatchesAndNothingMatchesAnEmptySet()
    {
        const QSslCertificate server = pkiChain(QStringLiteral("server")).first();
        const QByteArray backup = spkiSha256Base64(pkiChain(QStringLiteral("other")).first());
        QVERIFY(matchesPin(server, {backup, pinFile()}));
        QVERIFY(!matchesPin(server, {backup}));
        QVERIFY(!matchesPin(server, {}));
        QVERIFY(!matchesPin(QSslCertificate(), {pinFile()}));
    }

    // (a) the pinned key with a valid chain and name: connected and kept.
    void thePinnedServerIsAccepted()
    {
        const PinnedConnection connection = connectPinned(QStringLiteral("server"), {pinFile()});
        QVERIFY2(connection.handshake.encrypted, qPrintable(connection.handshake.clientError));
        QVERIFY(connection.handshake.sslErrors.isEmpty());
        QVERIFY(connection.accepted);
    }

    // (b) another key from the same trusted CA passes validation but fails the pin.
    void anotherKeyWithAValidChainFailsThePin()
    {
        const PinnedConnection connection = connectPinned(QStringLiteral("other"), {pinFile()});
        QVERIFY2(connection.handshake.encrypted, qPrintable(connection.handshake.clientError));
        QVERIFY(!connection.accepted);
    }

    // (c) an expired certificate never gets as far as the pin check.
    void anExpiredCertificateFailsChainValidation()
    {
        const QByteArray expiredPin = spkiSha256Base64(pkiChain(QStringLiteral("expired")).first());
        const PinnedConnection connection = connectPinned(QStringLiteral("expired"), {expiredPin});
        QVERIFY(!connection.handshake.timedOut);
        QVERIFY(!connection.handshake.encrypted);
        QVERIFY(hasError(connection.handshake, QSslError::CertificateExpired));
        QVERIFY(!connection.accepted);
    }

    // (d) a certificate for another name fails host-name validation, even with a matching pin.
    void aCertificateForAnotherNameFailsHostNameValidation()
    {
        const QByteArray wrongSanPin = spkiSha256Base64(pkiChain(QStringLiteral("wrongsan")).first());
        const PinnedConnection connection = connectPinned(QStringLiteral("wrongsan"), {wrongSanPin});
        QVERIFY(!connection.handshake.timedOut);
        QVERIFY(!connection.handshake.encrypted);
        QVERIFY(hasError(connection.handshake, QSslError::HostNameMismatch));
        QVERIFY(!connection.accepted);
    }
};

QTEST_GUILESS_MAIN(TestKeyPins)
#include "TestKeyPins.moc"
