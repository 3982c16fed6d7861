// The shipped configuration and the command line (P6: only allowlisted servers; C1: never unpinned).
#include "ClientConfig.h"

#include <QTemporaryFile>
#include <QTest>

#include <algorithm>

using namespace consult;
using namespace consult::customer;

namespace {

const QByteArray kPinA = QByteArrayLiteral("hbimnaQMFeNsDh+DdRGFviu0PdQUVYo3ASl/DZ/DbCE=");
const QByteArray kPinB = QByteArrayLiteral("RlJUvMF74jApLqrTzTmSc1a5cnRMZ8jXmlK2Zvyf+M0=");
const QByteArray kDevPin = QByteArrayLiteral("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");

ClientConfig bankConfig()
{
    const auto config = ClientConfig::fromJson("{\"bankName\": \"Sparkasse Teststadt\", \"servers\": [\n"
                                               "        {\"url\": \"wss://beratung.sparkasse.example/consult\", "
                                               "\"pins\": [\"hbimnaQMFeNsDh+DdRGFviu0PdQUVYo3ASl/DZ/DbCE=\",\n"
                                               "                                                                     "
                                               "\"RlJUvMF74jApLqrTzTmSc1a5cnRMZ8jXmlK2Zvyf+M0=\"]},\n"
                                               "        {\"url\": \"wss://reserve.sparkasse.example:8443/consult\", "
                                               "\"pins\": [\"RlJUvMF74jApLqrTzTmSc1a5cnRMZ8jXmlK2Zvyf+M0=\",\n"
                                               "                                                                       "
                                               "  \"hbimnaQMFeNsDh+DdRGFviu0PdQUVYo3ASl/DZ/DbCE=\"]}\n"
                                               "    ]}");
    if (!config)
        qFatal("test configuration: %s", qPrintable(config.problem().message));
    return config.value();
}

StartOptions parse(const QStringList &arguments)
{
    const auto options = parseStartOptions(QStringList{QStringLiteral("consult-customer")} + arguments);
    if (!options)
        qFatal("arguments: %s", qPrintable(options.problem().message));
    return options.value();
}

} // namespace

class TestClientConfig final : public QObject
{
    Q_OBJECT
private slots:
    void theShippedConfigurationIsValid()
    {
        const auto config = ClientConfig::loadShipped();
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.problem().message));
        QVERIFY(!config->bankName.isEmpty());
        QVERIFY(!config->servers.isEmpty());
        for (const AllowedServer &server : config->servers) {
            QCOMPARE(server.url.scheme(), QStringLiteral("wss"));
            QVERIFY(server.pins.size() >= 2);
        }
        QVERIFY(std::any_of(config->dialInNumber.cbegin(), config->dialInNumber.cend(),
                            [](QChar c) { return c.isDigit(); }));
    }

    // Seed 002: a video customer without microphone and speakers calls the bank instead.
    void theDialInNumberComesFromTheConfigurationOrTheDemoDefault()
    {
        QCOMPARE(bankConfig().dialInNumber, QString::fromLatin1(ClientConfig::kDemoDialInNumber));
        const auto config = ClientConfig::fromJson(
            "{\"bankName\": \"B\", \"dialInNumber\": \" 0800 123 456 \", \"servers\": [{\"url\": "
            "\"wss://b.example\", \"pins\": [\"hbimnaQMFeNsDh+DdRGFviu0PdQUVYo3ASl/DZ/DbCE=\", "
            "\"RlJUvMF74jApLqrTzTmSc1a5cnRMZ8jXmlK2Zvyf+M0=\"]}]}");
        QVERIFY(config.ok());
        QCOMPARE(config->dialInNumber, QStringLiteral("0800 123 456"));
    }

    void brokenConfigurationsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        QTest::newRow("not json") << QByteArray("{") << QStringLiteral("bad_json");
        QTest::newRow("no bank") << QByteArray("{\"servers\": []}") << QStringLiteral("no_bank_name");
        QTest::newRow("no servers") << QByteArray("{\"bankName\": \"B\", \"servers\": []}")
                                    << QStringLiteral("no_servers");
        QTest::newRow("plain ws")
            << QByteArray("{\"bankName\": \"B\", \"servers\": [{\"url\": \"ws://b.example\", \"pins\": []}]}")
            << QStringLiteral("bad_url");
        QTest::newRow("one pin only")
            << QByteArray(
                   "{\"bankName\": \"B\", \"servers\": [{\"url\": \"wss://b.example\",\n"
                   "                             \"pins\": [\"hbimnaQMFeNsDh+DdRGFviu0PdQUVYo3ASl/DZ/DbCE=\"]}]}")
            << QStringLiteral("too_few_pins");
        QTest::newRow("pin not sha256") << QByteArray("{\"bankName\": \"B\", \"servers\": [{\"url\": "
                                                      "\"wss://b.example\", \"pins\": [\"abcd\", \"efgh\"]}]}")
                                        << QStringLiteral("bad_pin");
        QTest::newRow("dial-in without digits")
            << QByteArray("{\"bankName\": \"B\", \"dialInNumber\": \"call us\", \"servers\": []}")
            << QStringLiteral("bad_dial_in");
    }

    void brokenConfigurationsAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        const auto config = ClientConfig::fromJson(json);
        QVERIFY(!config.ok());
        QCOMPARE(config.problem().code, code);
    }

    void withoutArgumentsTheFirstAllowedServerIsUsed()
    {
        const auto endpoint = resolveEndpoint(bankConfig(), parse({}), false);
        QVERIFY(endpoint.ok());
        QCOMPARE(endpoint->url, QUrl(QStringLiteral("wss://beratung.sparkasse.example/consult")));
        QCOMPARE(endpoint->pins, (QList<QByteArray>{kPinA, kPinB}));
        QVERIFY(endpoint->extraCaCertificates.isEmpty());
    }

    void anAllowedServerCanBeChosenWithItsShippedPins()
    {
        const auto endpoint = resolveEndpoint(
            bankConfig(),
            parse({QStringLiteral("--server"), QStringLiteral("wss://RESERVE.sparkasse.example:8443/consult")}), false);
        QVERIFY(endpoint.ok());
        QCOMPARE(endpoint->pins, (QList<QByteArray>{kPinB, kPinA}));
    }

    void anotherHostIsRefusedOutsideDevelopment_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("code");
        QTest::newRow("other host") << QStringList{QStringLiteral("--server"), QStringLiteral("wss://evil.example")}
                                    << QStringLiteral("not_allowed");
        QTest::newRow("allowed host, other port")
            << QStringList{QStringLiteral("--server"), QStringLiteral("wss://beratung.sparkasse.example:444")}
            << QStringLiteral("not_allowed");
        QTest::newRow("other host with pin")
            << QStringList{QStringLiteral("--server"), QStringLiteral("wss://localhost:8443"), QStringLiteral("--pin"),
                           QString::fromLatin1(kDevPin)}
            << QStringLiteral("not_development");
        QTest::newRow("extra CA") << QStringList{QStringLiteral("--ca"), QStringLiteral("/etc/ssl/certs/ca.pem")}
                                  << QStringLiteral("not_development");
    }

    void anotherHostIsRefusedOutsideDevelopment()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, code);
        const auto endpoint = resolveEndpoint(bankConfig(), parse(arguments), false);
        QVERIFY(!endpoint.ok());
        QCOMPARE(endpoint.problem().code, code);
    }

    void developmentBuildsTakeAPinnedServerFromTheCommandLine()
    {
        const auto endpoint = resolveEndpoint(bankConfig(),
                                              parse({QStringLiteral("--server"), QStringLiteral("wss://localhost:8443"),
                                                     QStringLiteral("--pin"), QString::fromLatin1(kDevPin)}),
                                              true);
        QVERIFY(endpoint.ok());
        QCOMPARE(endpoint->url, QUrl(QStringLiteral("wss://localhost:8443")));
        QCOMPARE(endpoint->pins, QList<QByteArray>{kDevPin});
    }

    void developmentNeverMeansUnpinned()
    {
        const auto endpoint = resolveEndpoint(
            bankConfig(), parse({QStringLiteral("--server"), QStringLiteral("wss://localhost:8443")}), true);
        QVERIFY(!endpoint.ok());
        QCOMPARE(endpoint.problem().code, QStringLiteral("no_pin"));
        const auto plain = resolveEndpoint(bankConfig(),
                                           parse({QStringLiteral("--server"), QStringLiteral("ws://localhost:8443"),
                                                  QStringLiteral("--pin"), QString::fromLatin1(kDevPin)}),
                                           true);
        QVERIFY(!plain.ok());
        QCOMPARE(plain.problem().code, QStringLiteral("bad_url"));
    }

    void aCaFileWithoutCertificateIsRefused()
    {
        QTemporaryFile empty;
        QVERIFY(empty.open());
        const auto endpoint = resolveEndpoint(
            bankConfig(),
            parse({QStringLiteral("--server"), QStringLiteral("wss://localhost:8443"), QStringLiteral("--pin"),
                   QString::fromLatin1(kDevPin), QStringLiteral("--ca"), empty.fileName()}),
            true);
        QVERIFY(!endpoint.ok());
        QCOMPARE(endpoint.problem().code, QStringLiteral("bad_ca"));
    }

    void badArgumentsAreRefused()
    {
        QVERIFY(!parseStartOptions({QStringLiteral("consult-customer"), QStringLiteral("--bogus")}).ok());
        QVERIFY(
            !parseStartOptions({QStringLiteral("consult-customer"), QStringLiteral("--language"), QStringLiteral("fr")})
                 .ok());
        QVERIFY(!parseStartOptions({QStringLiteral("consult-customer"), QStringLiteral("stray")}).ok());
        const auto pinWithoutServer =
            resolveEndpoint(bankConfig(), parse({QStringLiteral("--pin"), QString::fromLatin1(kDevPin)}), true);
        QCOMPARE(pinWithoutServer.problem().code, QStringLiteral("pin_without_server"));
    }
};

QTEST_GUILESS_MAIN(TestClientConfig)
#include "TestClientConfig.moc"
