// The monitoring port of the real server wiring (issue 14): ServerApplication in this process, real
// TLS for the clients on an ephemeral port, real HTTP scrapes of /healthz and /metrics on another.
// The figures move when a customer connects, waits, is taken and chats; the text never carries a
// name, phone number, consultation id, address or chat content (P3); and Prometheus' own checker
// accepts it (promtool check metrics, from Debian's prometheus package).
#include "support/RawClient.h"
#include "support/RawConsultation.h"
#include "support/TestAccounts.h"
#include "support/TestServer.h"

#include "accounts/PasswordHasher.h"
#include "advisors/AdvisorStore.h"
#include "app/ServerApplication.h"
#include "metrics/MonitoringServer.h"
#include "storage/Database.h"
#include "tls/ProcessTlsPolicy.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace consult;
using namespace consult::testing;
using namespace Qt::StringLiterals;

namespace {

struct HttpAnswer
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

// A GET on loopback, answered by the server in this same event loop.
HttpAnswer get(quint16 port, const QString &path)
{
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy); // loopback, whatever http_proxy says
    QNetworkReply *reply = manager.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1%2"_s.arg(port).arg(path))));
    HttpAnswer answer;
    if (!spinUntil([reply] { return reply->isFinished(); }, 10'000))
        return answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    answer.body = reply->readAll();
    reply->deleteLater();
    return answer;
}

// "name{labels}" -> value, for every sample line; comment lines checked for their form.
QHash<QString, double> parse(const QByteArray &text, QString *badLine)
{
    static const QRegularExpression sampleLine(u"^([a-zA-Z_:][a-zA-Z0-9_:]*(\\{[^}]*\\})?) (\\S+)$"_s);
    static const QRegularExpression commentLine(u"^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$"_s);
    QHash<QString, double> samples;
    for (const QString &line : QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(u'#')) {
            if (!commentLine.match(line).hasMatch())
                *badLine = line;
            continue;
        }
        const auto match = sampleLine.match(line);
        bool ok = false;
        const double value = match.captured(3).replace(u"+Inf"_s, u"inf"_s).toDouble(&ok);
        if (!match.hasMatch() || !ok) {
            *badLine = line;
            continue;
        }
        samples.insert(match.captured(1), value);
    }
    return samples;
}

ServerEndpoint endpointAt(quint16 port)
{
    ServerEndpoint endpoint;
    endpoint.url = QUrl(u"wss://localhost:%1/consult"_s.arg(port));
    QFile pin(testPkiPath(u"server.pin"_s));
    if (pin.open(QIODevice::ReadOnly))
        endpoint.pins = {pin.readAll().trimmed()};
    endpoint.extraCaCertificates = QSslCertificate::fromPath(testPkiPath(u"ca.pem"_s));
    return endpoint;
}

} // namespace

class TestMonitoring final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { tls::applyProcessTlsPolicy(); }

    void healthAndMetricsFollowTheServerAndCarryNothingPersonal()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        ServerConfig config;
        config.port = 0;
        config.monitoringPort = 0;
        config.certificateChainPath = testPkiPath(u"server.pem"_s);
        config.privateKeyPath = testPkiPath(u"server.key"_s);
        config.dataDirectory = directory.filePath(u"data"_s);
        config.keyDirectory = directory.filePath(u"keys"_s);
        QVERIFY(QDir().mkpath(config.dataDirectory));
        {
            auto database = Database::openSqlite(config.databasePath());
            QVERIFY(database.ok());
            const auto hash = PasswordHasher().hash(kTestPassword);
            QVERIFY(hash.ok());
            QVERIFY(AdvisorStore(*database.value())
                        .create(u"anna"_s, u"Anna Beraterin"_s, hash.value(), 3, QDateTime::currentMSecsSinceEpoch())
                        .ok());
        }
        ServerApplication server(config);
        const Status started = server.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.problem().message));
        const quint16 monitoring = server.monitoringPort();
        QVERIFY(monitoring != 0);
        QVERIFY(monitoring != server.port());

        const HttpAnswer health = get(monitoring, u"/healthz"_s);
        QCOMPARE(health.status, 200);
        QCOMPARE(health.body, QByteArray("ok\n"));
        QCOMPARE(get(monitoring, u"/elsewhere"_s).status, 404);

        auto scrape = [&] {
            const HttpAnswer answer = get(monitoring, u"/metrics"_s);
            [&] {
                QCOMPARE(answer.status, 200);
                QVERIFY(answer.contentType.startsWith("text/plain; version=0.0.4"));
            }();
            m_lastText = answer.body;
            QString badLine;
            const auto samples = parse(answer.body, &badLine);
            [&] { QVERIFY2(badLine.isEmpty(), qPrintable(badLine)); }();
            return samples;
        };

        auto before = scrape();
        QCOMPARE(before.value(u"consult_connections{role=\"customer\"}"_s, -1), 0.0);
        QCOMPARE(before.value(u"consult_customers_waiting{mode=\"chat\"}"_s, -1), 0.0);
        QCOMPARE(before.value(u"consult_consultations{mode=\"chat\"}"_s, -1), 0.0);
        QCOMPARE(before.value(u"consult_queue_wait_seconds_count"_s, -1), 0.0);
        QCOMPARE(before.value(u"consult_advisor_login_refusals_total{reason=\"failed\"}"_s, -1), 0.0);
        QVERIFY(before.contains(u"consult_relayed_packets_total{kind=\"chat\"}"_s));
        QVERIFY(before.contains(u"consult_event_loop_lag_seconds_count"_s));
        QVERIFY(before.contains(u"consult_handshake_refusals_total{reason=\"over_rate\"}"_s));
        QVERIFY(before.contains(u"consult_rate_limit_hits_total{limit=\"chat\"}"_s));

        // A refused log-in counts, without the name that was tried.
        RawClient intruder;
        QVERIFY(intruder.open(endpointAt(server.port())));
        QVERIFY(intruder.hello(wire::CLIENT_KIND_ADVISOR));
        QVERIFY(!intruder.advisorLogin(u"mallory"_s, u"not the password at all"_s));

        RawClient advisor;
        QVERIFY(advisor.open(endpointAt(server.port())));
        QVERIFY(advisor.hello(wire::CLIENT_KIND_ADVISOR));
        QVERIFY(advisor.advisorLogin(u"anna"_s, kTestPassword));
        RawClient customer;
        QVERIFY(customer.open(endpointAt(server.port())));
        QVERIFY(customer.hello(wire::CLIENT_KIND_CUSTOMER));
        QVERIFY(customer.customerLogin(u"Erika Mustermann"_s, u"030 1234567"_s));

        const auto waiting = scrape();
        QCOMPARE(waiting.value(u"consult_connections{role=\"customer\"}"_s), 1.0);
        QCOMPARE(waiting.value(u"consult_connections{role=\"advisor\"}"_s), 2.0); // anna and the intruder
        QCOMPARE(waiting.value(u"consult_customers_waiting{mode=\"chat\"}"_s), 1.0);
        QCOMPARE(waiting.value(u"consult_customers_waiting{mode=\"video\"}"_s), 0.0);
        QCOMPARE(waiting.value(u"consult_advisor_login_refusals_total{reason=\"failed\"}"_s), 1.0);

        const QString id = rawTake(advisor, customer, u"Erika Mustermann"_s);
        QVERIFY(!id.isEmpty());
        const auto taken = scrape();
        QCOMPARE(taken.value(u"consult_customers_waiting{mode=\"chat\"}"_s), 0.0);
        QCOMPARE(taken.value(u"consult_consultations{mode=\"chat\"}"_s), 1.0);
        QCOMPARE(taken.value(u"consult_consultations_started_total{mode=\"chat\"}"_s), 1.0);
        QCOMPARE(taken.value(u"consult_queue_wait_seconds_count"_s), 1.0);
        QCOMPARE(taken.value(u"consult_queue_wait_seconds_bucket{le=\"+Inf\"}"_s), 1.0);
        QCOMPARE(taken.value(u"consult_queue_wait_seconds_bucket{le=\"5\"}"_s), 1.0); // waited under 5 s

        const QString canary = u"Kanarienvogel-Gruss"_s;
        const int mark = advisor.mark();
        customer.sendReliable(chatEnvelope(id, u"c1"_s, canary));
        QVERIFY(advisor.waitForBody(wire::Envelope::kChatMessage, mark));
        const auto chatted = scrape();
        QCOMPARE(chatted.value(u"consult_relayed_packets_total{kind=\"chat\"}"_s),
                 taken.value(u"consult_relayed_packets_total{kind=\"chat\"}"_s) + 1);
        QCOMPARE(chatted.value(u"consult_relayed_bytes_total{kind=\"chat\"}"_s),
                 taken.value(u"consult_relayed_bytes_total{kind=\"chat\"}"_s) + canary.toUtf8().size());
        // The loop-lag probe samples every 100 ms; on a fast machine the test gets here before its first.
        QTRY_VERIFY_WITH_TIMEOUT(scrape().value(u"consult_event_loop_lag_seconds_count"_s) >= 1, 5000);

        // P3: counts only.
        for (const QString &personal : {u"Erika"_s, u"Mustermann"_s, u"1234567"_s, u"+4930"_s, u"anna"_s, u"Anna"_s,
                                        u"mallory"_s, u"127.0.0.1"_s, u"localhost"_s, canary, id}) {
            QVERIFY2(!m_lastText.contains(personal.toUtf8()), qPrintable(personal));
        }

        // Prometheus' own checker on the real text.
        const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
        if (promtool.isEmpty())
            QSKIP("promtool is not installed (Debian package prometheus; scripts/install-dependencies.sh installs it)");
        QProcess check;
        check.start(promtool, {u"check"_s, u"metrics"_s});
        QVERIFY(check.waitForStarted());
        check.write(m_lastText);
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(30'000));
        const QByteArray said = check.readAllStandardOutput() + check.readAllStandardError();
        QVERIFY2(check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0, said.constData());
    }

    void aNonLoopbackAddressIsRefusedUnlessTheOperatorsSayItIsProtected()
    {
        // Plain HTTP without authentication: the start stops with the reason, before anyone could scrape.
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        ServerConfig config;
        config.port = 0;
        config.monitoringPort = 0;
        config.monitoringAddress = QHostAddress(QHostAddress::AnyIPv4);
        config.certificateChainPath = testPkiPath(u"server.pem"_s);
        config.privateKeyPath = testPkiPath(u"server.key"_s);
        config.dataDirectory = directory.filePath(u"data"_s);
        config.keyDirectory = directory.filePath(u"keys"_s);
        ServerApplication server(config);
        const Status started = server.start();
        QVERIFY(!started.ok());
        QCOMPARE(started.problem().code, u"monitoring_address"_s);
        QVERIFY(started.problem().message.contains(u"allow_non_loopback"_s));
        QCOMPARE(server.monitoringPort(), quint16(0));
    }

    void healthSaysWhyWhenTheServerIsNotHealthy()
    {
        std::optional<QString> problem = u"database not answering: disk I/O error"_s;
        MonitoringServer monitoring([&problem] { return problem; }, [] { return QByteArray(); });
        QVERIFY(monitoring.listen(QHostAddress::LocalHost, 0).ok());
        const HttpAnswer sick = get(monitoring.port(), u"/healthz"_s);
        QCOMPARE(sick.status, 503);
        QCOMPARE(sick.body, QByteArray("database not answering: disk I/O error\n"));
        problem.reset();
        QCOMPARE(get(monitoring.port(), u"/healthz"_s).status, 200);
    }

private:
    QByteArray m_lastText;
};

QTEST_GUILESS_MAIN(TestMonitoring)
#include "TestMonitoring.moc"
