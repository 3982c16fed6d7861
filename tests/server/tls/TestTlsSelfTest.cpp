// T9: the start-up self-test passes the real profile and refuses broken ones, within 5 s.
#include "TlsTestSupport.h"

#include "tls/TlsProfile.h"
#include "tls/TlsSelfTest.h"

#include <QElapsedTimer>
#include <QTest>

using namespace consult;
using namespace consult::tls;
using namespace consult::tls::testing;

namespace {

constexpr qint64 selfTestBudgetMs = 5000; // T9: the server must give up within 5 s

QSslConfiguration withBackendOption(const QByteArray &option, const QByteArray &value)
{
    QSslConfiguration configuration = pkiServerConfiguration(QStringLiteral("server"));
    configuration.setBackendConfigurationOption(option, value);
    return configuration;
}

QSslConfiguration withoutBackendOption(const QByteArray &option)
{
    QSslConfiguration configuration = pkiServerConfiguration(QStringLiteral("server"));
    QMap<QByteArray, QVariant> options = configuration.backendConfiguration();
    options.remove(option);
    configuration.setBackendConfiguration(options);
    return configuration;
}

} // namespace

class TestTlsSelfTest final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(pkiProblem().isEmpty(), qPrintable(pkiProblem())); }

    void theProductProfilePasses()
    {
        QElapsedTimer elapsed;
        elapsed.start();
        const Status status = runTlsSelfTest(pkiServerConfiguration(QStringLiteral("server")));
        QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.problem().message));
        QVERIFY(elapsed.elapsed() < selfTestBudgetMs);
    }

    void aBrokenConfigurationIsRefusedWithAPreciseProblem_data()
    {
        QTest::addColumn<QSslConfiguration>("configuration");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("messageMentions");

        const QString handshake = QStringLiteral("tls_self_test_handshake");
        const QString policy = QStringLiteral("tls_self_test_policy");
        QTest::newRow("bogus Groups value")
            << withBackendOption("Groups", "nonsense") << handshake << QStringLiteral("Groups to nonsense");
        QTest::newRow("bogus Ciphersuites value")
            << withBackendOption("Ciphersuites", "NOPE") << handshake << QStringLiteral("Ciphersuites to NOPE");
        QTest::newRow("Options through SSL_CONF")
            << withBackendOption("Options", "-SessionTicket") << handshake << QStringLiteral("Options");
        QTest::newRow("unknown backend option")
            << withBackendOption("NumTickets", "0") << handshake << QStringLiteral("NumTickets");
        QTest::newRow("Groups left at OpenSSL's default")
            << withoutBackendOption("Groups") << policy << QStringLiteral("X25519");
        QTest::newRow("ChaCha20 added") << withBackendOption("Ciphersuites",
                                                             "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256")
                                        << policy << QStringLiteral("TLS_CHACHA20_POLY1305_SHA256");
        QSslConfiguration tls12 = pkiServerConfiguration(QStringLiteral("server"));
        tls12.setProtocol(QSsl::TlsV1_2OrLater);
        QTest::newRow("TLS 1.2 enabled") << tls12 << policy << QStringLiteral("TLS 1.2-only client");
        QTest::newRow("no certificate") << serverConfiguration({}, {}) << QStringLiteral("tls_self_test_configuration")
                                        << QStringLiteral("no certificate");
    }

    void aBrokenConfigurationIsRefusedWithAPreciseProblem()
    {
        QFETCH(QSslConfiguration, configuration);
        QFETCH(QString, code);
        QFETCH(QString, messageMentions);
        QElapsedTimer elapsed;
        elapsed.start();
        const Status status = runTlsSelfTest(configuration);
        QVERIFY(elapsed.elapsed() < selfTestBudgetMs);
        QVERIFY(!status.ok());
        QCOMPARE(status.problem().code, code);
        QVERIFY2(status.problem().message.contains(messageMentions), qPrintable(status.problem().message));
    }

    // A deadline that has already passed fails closed instead of blocking start-up.
    void anExhaustedTimeoutFailsClosed()
    {
        const Status status =
            runTlsSelfTest(pkiServerConfiguration(QStringLiteral("server")), std::chrono::milliseconds(0));
        QVERIFY(!status.ok());
        QCOMPARE(status.problem().code, QStringLiteral("tls_self_test_timeout"));
    }
};

QTEST_GUILESS_MAIN(TestTlsSelfTest)
#include "TestTlsSelfTest.moc"
