// The customer app as a release build (CMakePresets.json "release", CONSULT_CUSTOMER_DEVELOPMENT_SERVERS
// OFF): customer-app/ClientConfig.cpp compiled once more without the development switch, and the
// function main() calls. P6: only the bank's servers; C1: only the shipped pins.
#include "ClientConfig.h"

#include <QTest>

using namespace consult;
using namespace consult::customer;

namespace {

const QByteArray kDevPin = QByteArrayLiteral("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");

ClientConfig bankConfig()
{
    const auto config = ClientConfig::fromJson("{\"bankName\": \"Sparkasse Teststadt\", \"servers\": [{\"url\": "
                                               "\"wss://beratung.sparkasse.example/consult\", \"pins\": "
                                               "[\"hbimnaQMFeNsDh+DdRGFviu0PdQUVYo3ASl/DZ/DbCE=\", "
                                               "\"RlJUvMF74jApLqrTzTmSc1a5cnRMZ8jXmlK2Zvyf+M0=\"]}]}");
    if (!config)
        qFatal("test configuration: %s", qPrintable(config.problem().message));
    return config.value();
}

Result<ServerEndpoint> startWith(const QStringList &arguments)
{
    const auto options = parseStartOptions(QStringList{QStringLiteral("consult-customer")} + arguments);
    if (!options)
        qFatal("arguments: %s", qPrintable(options.problem().message));
    return resolveEndpointForThisBuild(bankConfig(), options.value());
}

} // namespace

class TestCustomerReleaseBuild final : public QObject
{
    Q_OBJECT
private slots:
    void thisBinaryIsNotADevelopmentBuild() { QVERIFY(!isDevelopmentBuild()); }

    void developmentSwitchesAreRefused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("code");
        const QString pin = QString::fromLatin1(kDevPin);
        QTest::newRow("--server with --pin, as run-local.sh passes it")
            << QStringList{QStringLiteral("--server"), QStringLiteral("wss://localhost:8443"), QStringLiteral("--pin"),
                           pin}
            << QStringLiteral("not_development");
        QTest::newRow("--server alone") << QStringList{QStringLiteral("--server"),
                                                       QStringLiteral("wss://localhost:8443")}
                                        << QStringLiteral("not_allowed");
        QTest::newRow("--pin for the bank's own server")
            << QStringList{QStringLiteral("--server"), QStringLiteral("wss://beratung.sparkasse.example/consult"),
                           QStringLiteral("--pin"), pin}
            << QStringLiteral("not_development");
        QTest::newRow("--ca") << QStringList{QStringLiteral("--ca"), QStringLiteral("/etc/ssl/certs/ca.pem")}
                              << QStringLiteral("not_development");
    }
    void developmentSwitchesAreRefused()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, code);
        const auto endpoint = startWith(arguments);
        QVERIFY(!endpoint.ok());
        QCOMPARE(endpoint.problem().code, code);
        QVERIFY(!endpoint.problem().message.isEmpty());
    }

    void theShippedServerIsTakenWithItsPins()
    {
        const auto endpoint = startWith({});
        QVERIFY(endpoint.ok());
        QCOMPARE(endpoint->url.host(), QStringLiteral("beratung.sparkasse.example"));
        QCOMPARE(endpoint->pins.size(), 2);
        QVERIFY(endpoint->extraCaCertificates.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCustomerReleaseBuild)
#include "TestCustomerReleaseBuild.moc"
