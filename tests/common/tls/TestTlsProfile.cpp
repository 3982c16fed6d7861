// The TLS profile against a real loopback server (T1, T2, T4, T5, T8).
#include "TlsTestSupport.h"

#include "tls/LoopbackHandshake.h"
#include "tls/TlsPolicy.h"
#include "tls/TlsProfile.h"

#include <QEventLoop>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace consult::tls;
using namespace consult::tls::testing;

namespace {

struct OpenSslRun
{
    int exitCode = -1;
    QString output;
};

} // namespace

class TestTlsProfile final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void profileClientGetsTls13AnAllowedSuiteAndANistGroup();
    void clientWithOpenSslDefaultsIsMovedOffX25519();
    void clientOutsideThePolicyIsRefused_data();
    void clientOutsideThePolicyIsRefused();
    void profileClientRefusesAServerThatOnlyOffersX25519();
    void serverRequestsNoClientCertificate();

    void opensslClientOutsideThePolicyIsRefused_data();
    void opensslClientOutsideThePolicyIsRefused();
    void opensslClientWithP256IsAccepted();
    void opensslCannotResumeASession();

private:
    HandshakeOutcome handshake(const QSslConfiguration &client);
    std::optional<OpenSslRun> runSClient(const QStringList &arguments);

    std::unique_ptr<LoopbackTlsServer> m_server;
    QString m_openssl;
};

void TestTlsProfile::initTestCase()
{
    QVERIFY2(pkiProblem().isEmpty(), qPrintable(pkiProblem()));
    m_server = std::make_unique<LoopbackTlsServer>(pkiServerConfiguration(QStringLiteral("server")));
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

HandshakeOutcome TestTlsProfile::handshake(const QSslConfiguration &client)
{
    return handshakeOnLoopback(*m_server, client, QStringLiteral("localhost"), handshakeDeadline());
}

void TestTlsProfile::profileClientGetsTls13AnAllowedSuiteAndANistGroup()
{
    const HandshakeOutcome outcome = handshake(pkiClientConfiguration());
    QVERIFY2(outcome.encrypted, qPrintable(outcome.clientError));
    QCOMPARE(outcome.protocol, QSsl::TlsV1_3);                          // T1
    QCOMPARE(outcome.cipher, QStringLiteral("TLS_AES_256_GCM_SHA384")); // T2, server preference
    QVERIFY(allowedCipherSuites().contains(outcome.cipher));            // T2
    QCOMPARE(outcome.ephemeralServerKey.algorithm(), QSsl::Ec);         // T4: Qt 6.4 shows X25519 as Opaque
    QCOMPARE(outcome.ephemeralServerKey.length(), 384);                 // T4: secp384r1 comes first
    QVERIFY(isAllowedEphemeralKey(outcome.ephemeralServerKey));
}

// T4: OpenSSL clients send an X25519 key share first; the server must answer with a retry request
// for a NIST curve rather than accept it.
void TestTlsProfile::clientWithOpenSslDefaultsIsMovedOffX25519()
{
    QSslConfiguration client = QSslConfiguration::defaultConfiguration();
    client.addCaCertificates({pkiCa()});
    const HandshakeOutcome outcome = handshake(client);
    QVERIFY2(outcome.encrypted, qPrintable(outcome.clientError));
    QCOMPARE(outcome.protocol, QSsl::TlsV1_3);
    QCOMPARE(outcome.ephemeralServerKey.algorithm(), QSsl::Ec);
    QVERIFY2(isAllowedEphemeralKey(outcome.ephemeralServerKey),
             qPrintable(describeEphemeralKey(outcome.ephemeralServerKey)));
}

void TestTlsProfile::clientOutsideThePolicyIsRefused_data()
{
    QTest::addColumn<QSslConfiguration>("client");
    const auto tls13With = [](const QByteArray &option, const QByteArray &value) {
        QSslConfiguration client = QSslConfiguration::defaultConfiguration();
        client.addCaCertificates({pkiCa()});
        client.setProtocol(QSsl::TlsV1_3OrLater);
        client.setBackendConfigurationOption(option, value);
        return client;
    };
    QSslConfiguration tls12 = QSslConfiguration::defaultConfiguration();
    tls12.addCaCertificates({pkiCa()});
    tls12.setProtocol(QSsl::TlsV1_2);
    QTest::newRow("T1: TLS 1.2 only") << tls12;
    QTest::newRow("T2: ChaCha20 only") << tls13With("Ciphersuites", "TLS_CHACHA20_POLY1305_SHA256");
    QTest::newRow("T2: CCM_8 only") << tls13With("Ciphersuites", "TLS_AES_128_CCM_8_SHA256");
    QTest::newRow("T4: X25519 only") << tls13With("Groups", "X25519");
    QTest::newRow("T4: X448 only") << tls13With("Groups", "X448");
    QTest::newRow("T4: ffdhe2048 only") << tls13With("Groups", "ffdhe2048");
}

void TestTlsProfile::clientOutsideThePolicyIsRefused()
{
    QFETCH(QSslConfiguration, client);
    const HandshakeOutcome outcome = handshake(client);
    QVERIFY(!outcome.timedOut);
    QVERIFY2(!outcome.encrypted, qPrintable(outcome.cipher));
    // The server refused it, not the client's own configuration.
    QVERIFY2(!outcome.serverErrors.isEmpty(), qPrintable(outcome.clientError));
}

// T4 holds on the client side too: our apps never settle for X25519.
void TestTlsProfile::profileClientRefusesAServerThatOnlyOffersX25519()
{
    QSslConfiguration x25519Server = pkiServerConfiguration(QStringLiteral("server"));
    x25519Server.setBackendConfigurationOption("Groups", QByteArray("X25519"));
    LoopbackTlsServer server(x25519Server);
    QVERIFY(server.listen());
    const HandshakeOutcome outcome =
        handshakeOnLoopback(server, pkiClientConfiguration(), QStringLiteral("localhost"), handshakeDeadline());
    QVERIFY(!outcome.timedOut);
    QVERIFY(!outcome.encrypted);
}

// The server does not authenticate clients by certificate, so it must not ask for one.
void TestTlsProfile::serverRequestsNoClientCertificate()
{
    QCOMPARE(pkiServerConfiguration(QStringLiteral("server")).peerVerifyMode(), QSslSocket::VerifyNone);
    if (m_openssl.isEmpty())
        QSKIP("openssl is not installed");
    const std::optional<OpenSslRun> run = runSClient({QStringLiteral("-tls1_3")});
    QVERIFY(run);
    QVERIFY2(run->output.contains(QStringLiteral("New, TLSv1.3")), qPrintable(run->output));
    QVERIFY2(!run->output.contains(QStringLiteral("Requested Signature Algorithms")), qPrintable(run->output));
}

// Cross-check with a second implementation of the client side: the openssl command line, as in
// the TLS requirements' automated tests.
void TestTlsProfile::opensslClientOutsideThePolicyIsRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("T1: -tls1_2") << QStringList{QStringLiteral("-tls1_2")};
    QTest::newRow("T1: -tls1_1") << QStringList{QStringLiteral("-tls1_1"), QStringLiteral("-cipher"),
                                                QStringLiteral("DEFAULT:@SECLEVEL=0")};
    QTest::newRow("T2: ChaCha20") << QStringList{QStringLiteral("-tls1_3"), QStringLiteral("-ciphersuites"),
                                                 QStringLiteral("TLS_CHACHA20_POLY1305_SHA256")};
    QTest::newRow("T4: X25519") << QStringList{QStringLiteral("-tls1_3"), QStringLiteral("-groups"),
                                               QStringLiteral("X25519")};
    QTest::newRow("T4: X448") << QStringList{QStringLiteral("-tls1_3"), QStringLiteral("-groups"),
                                             QStringLiteral("X448")};
    QTest::newRow("T4: ffdhe2048") << QStringList{QStringLiteral("-tls1_3"), QStringLiteral("-groups"),
                                                  QStringLiteral("ffdhe2048")};
    QTest::newRow("T5: ECDSA+SHA1") << QStringList{QStringLiteral("-tls1_3"), QStringLiteral("-sigalgs"),
                                                   QStringLiteral("ECDSA+SHA1")};
}

void TestTlsProfile::opensslClientOutsideThePolicyIsRefused()
{
    QFETCH(QStringList, arguments);
    if (m_openssl.isEmpty())
        QSKIP("openssl is not installed");
    const std::optional<OpenSslRun> run = runSClient(arguments);
    QVERIFY(run);
    QVERIFY2(run->exitCode != 0, qPrintable(run->output));
    QVERIFY2(run->output.contains(QStringLiteral("Cipher is (NONE)")), qPrintable(run->output));
}

void TestTlsProfile::opensslClientWithP256IsAccepted()
{
    if (m_openssl.isEmpty())
        QSKIP("openssl is not installed");
    const std::optional<OpenSslRun> run =
        runSClient({QStringLiteral("-tls1_3"), QStringLiteral("-groups"), QStringLiteral("P-256")});
    QVERIFY(run);
    QVERIFY2(run->exitCode == 0, qPrintable(run->output));
    QVERIFY2(run->output.contains(QStringLiteral("New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384")),
             qPrintable(run->output));
    QVERIFY2(run->output.contains(QStringLiteral("Server Temp Key: ECDH, prime256v1, 256 bits")),
             qPrintable(run->output));
    QVERIFY2(run->output.contains(QStringLiteral("Verify return code: 0 (ok)")), qPrintable(run->output));
}

// T8: a session saved from one connection is not resumed on the next. (Qt 6.4 has no API that
// tells whether a session was resumed, so openssl reports it.)
void TestTlsProfile::opensslCannotResumeASession()
{
    if (m_openssl.isEmpty())
        QSKIP("openssl is not installed");
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString session = directory.filePath(QStringLiteral("session.pem"));

    const std::optional<OpenSslRun> first = runSClient({QStringLiteral("-sess_out"), session});
    QVERIFY(first);
    QVERIFY2(first->output.contains(QStringLiteral("New, TLSv1.3")), qPrintable(first->output));
    if (!QFileInfo::exists(session))
        return; // no ticket was issued at all, so nothing could be resumed
    const std::optional<OpenSslRun> second = runSClient({QStringLiteral("-sess_in"), session});
    QVERIFY(second);
    QVERIFY2(second->output.contains(QStringLiteral("New, TLSv1.3")), qPrintable(second->output));
    QVERIFY2(!second->output.contains(QStringLiteral("Reused")), qPrintable(second->output));
}

std::optional<OpenSslRun> TestTlsProfile::runSClient(const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    // stdin stays open: s_client then ends when the server closes the connection after the
    // handshake, having read any session tickets first.
    process.start(m_openssl,
                  QStringList{QStringLiteral("s_client"), QStringLiteral("-connect"),
                              QStringLiteral("127.0.0.1:%1").arg(m_server->port()), QStringLiteral("-servername"),
                              QStringLiteral("localhost"), QStringLiteral("-CAfile"), pkiFile(QStringLiteral("ca.pem")),
                              QStringLiteral("-verify_return_error")} +
                      arguments);
    // The server runs in this thread, so wait in an event loop, never in waitForFinished().
    QEventLoop loop;
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(std::chrono::seconds(10), &loop, &QEventLoop::quit);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    if (process.error() == QProcess::FailedToStart)
        return std::nullopt;
    if (process.state() != QProcess::NotRunning || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        return std::nullopt;
    }
    return OpenSslRun{process.exitCode(), QString::fromLocal8Bit(process.readAll())};
}

QTEST_GUILESS_MAIN(TestTlsProfile)
#include "TestTlsProfile.moc"
