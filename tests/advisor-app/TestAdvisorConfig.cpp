// The workstation's packaged configuration: the relay's address and its pins (C1), as the bank
// installs them with the app (packaging/apps/consult-advisor.ini).
#include "AdvisorConfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace consult;
using namespace consult::advisor;

namespace {

const QByteArray kPinA = QByteArrayLiteral("hbimnaQMFeNsDh+DdRGFviu0PdQUVYo3ASl/DZ/DbCE=");
const QByteArray kPinB = QByteArrayLiteral("RlJUvMF74jApLqrTzTmSc1a5cnRMZ8jXmlK2Zvyf+M0=");

} // namespace

class TestAdvisorConfig final : public QObject
{
    Q_OBJECT
private slots:
    void theRelayAndBothPinsAreRead()
    {
        const auto config =
            load("[server]\nurl = wss://beratung.sparkasse.example:443\npins = " + kPinA + ", " + kPinB + "\n");
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.problem().message));
        QCOMPARE(config->endpoint.url, QUrl(QStringLiteral("wss://beratung.sparkasse.example:443")));
        QCOMPARE(config->endpoint.pins, (QList<QByteArray>{kPinA, kPinB}));
        QVERIFY(config->endpoint.extraCaCertificates.isEmpty());
    }

    void anExtraCaIsReadBesideTheFile()
    {
        const QString pki = qEnvironmentVariable("CONSULT_TEST_PKI");
        if (pki.isEmpty())
            QSKIP("CONSULT_TEST_PKI is not set");
        QVERIFY(QFile::copy(pki + QStringLiteral("/ca.pem"), m_dir.filePath(QStringLiteral("bank-ca.pem"))));
        const auto config = load("[server]\nurl = wss://relay.bank.example:8443\npins = " + kPinA + ", " + kPinB +
                                 "\nca = bank-ca.pem\n");
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.problem().message));
        QCOMPARE(config->endpoint.extraCaCertificates.size(), 1);
    }

    void aBrokenFileIsRefused_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("code");
        const QByteArray pins = "pins = " + kPinA + ", " + kPinB + "\n";
        QTest::newRow("no url") << QByteArray("[server]\n" + pins) << QStringLiteral("bad_url");
        QTest::newRow("plain ws") << QByteArray("[server]\nurl = ws://relay.bank.example:80\n" + pins)
                                  << QStringLiteral("bad_url");
        QTest::newRow("one pin only (no backup, C1)")
            << QByteArray("[server]\nurl = wss://relay.bank.example\npins = " + kPinA + "\n")
            << QStringLiteral("too_few_pins");
        QTest::newRow("not a pin") << QByteArray("[server]\nurl = wss://relay.bank.example\npins = " + kPinA +
                                                 ", c2hvcnQ=\n")
                                   << QStringLiteral("bad_pin");
        QTest::newRow("no pins") << QByteArray("[server]\nurl = wss://relay.bank.example\n")
                                 << QStringLiteral("too_few_pins");
        QTest::newRow("a CA file without a certificate")
            << QByteArray("[server]\nurl = wss://relay.bank.example\n" + pins + "ca = missing.pem\n")
            << QStringLiteral("bad_ca");
    }
    void aBrokenFileIsRefused()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, code);
        const auto config = load(ini);
        QVERIFY(!config.ok());
        QCOMPARE(config.problem().code, code);
        QVERIFY(config.problem().message.contains(m_dir.path()));
    }

    void aMissingFileIsRefused()
    {
        const auto config = AdvisorConfig::load(m_dir.filePath(QStringLiteral("absent.ini")));
        QVERIFY(!config.ok());
        QCOMPARE(config.problem().code, QStringLiteral("missing"));
    }

    void thePackagedTemplateIsRefusedUntilTheBankFillsItIn()
    {
        const auto config = AdvisorConfig::load(QStringLiteral(CONSULT_PACKAGED_ADVISOR_INI));
        QVERIFY(!config.ok());
        QCOMPARE(config.problem().code, QStringLiteral("bad_url"));
    }

private:
    Result<AdvisorConfig> load(const QByteArray &ini)
    {
        const QString path = m_dir.filePath(QStringLiteral("consult-advisor.ini"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(ini) != ini.size())
            qFatal("cannot write %s", qPrintable(path));
        file.close();
        return AdvisorConfig::load(path);
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestAdvisorConfig)
#include "TestAdvisorConfig.moc"
