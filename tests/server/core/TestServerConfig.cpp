#include "app/ServerApplication.h"
#include "config/ServerConfig.h"
#include "queue/OpeningHours.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace consult;
using namespace Qt::StringLiterals;

namespace {

const QString kCertificates = QStringLiteral("[network]\ncertificate_chain = tls/chain.pem\n"
                                             "private_key = tls/key.pem\n");

QString problemText(const Problem &problem)
{
    return problem.code + QStringLiteral(": ") + problem.message;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// Keys the example documents, active or commented out (";key = value"), as "section/key".
// Prose comments begin with "; " and never match.
QStringList documentedKeys(const QString &ini)
{
    static const QRegularExpression section(QStringLiteral("^\\[([a-z_]+)\\]\\s*$"));
    static const QRegularExpression key(QStringLiteral("^;?([a-z_]+)\\s*="));
    QStringList keys;
    QString current;
    for (const QString &line : ini.split(u'\n')) {
        if (const auto header = section.match(line); header.hasMatch()) {
            current = header.captured(1);
        } else if (const auto entry = key.match(line); entry.hasMatch()) {
            keys.append(current.isEmpty() ? entry.captured(1) : current + u'/' + entry.captured(1));
        }
    }
    return keys;
}

} // namespace

// The INI configuration: every key read, bad values and unknown keys refused by name, paths resolved
// against the file, and the documented example (server/consult-server.example.ini) in step with the code.
class TestServerConfig final : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_directory = std::make_unique<QTemporaryDir>();
        QVERIFY(m_directory->isValid());
    }

    void aCompleteFileSetsEveryValue()
    {
        const QString ini = QStringLiteral(R"([network]
listen_address = 192.0.2.7
port = 9443
certificate_chain = /etc/consult/chain.pem
private_key = /etc/consult/key.pem
allowed_origins = https://a.example, https://b.example
trusted_proxies = 10.0.0.5, 10.0.1.0/24, 2001:db8::/48
max_connections_per_address = 7
max_connections = 700
max_pending_handshakes = 70
handshake_timeout_ms = 5000
client_hello_timeout_ms = 2000
handshakes_per_address = 30
handshake_window_seconds = 20
max_message_bytes = 32768
max_outgoing_buffer_bytes = 1048576

[session]
resume_ttl_seconds = 120
ping_interval_seconds = 15
ping_timeout_seconds = 45
client_ping_interval_seconds = 3
max_unacknowledged_messages = 1000

[limits]
chat_per_second = 2.5
chat_burst = 10
control_per_second = 4
control_burst = 12
max_protocol_errors = 3
envelopes_per_second = 25.5
envelope_burst = 99
entries_per_address = 4
messages_per_address = 2
entry_window_minutes = 15

[queue]
max_length = 500
default_handling_seconds = 600
pickup_seconds = 30

[inbox]
max_items = 250

[hours]
monday = 08:00-12:00, 13:00-18:00
tuesday = 08:00-18:00
wednesday = 08:00-13:00
thursday = 08:00-19:00
friday = 08:00-16:00
saturday = 09:00-12:00
sunday = closed
closed_dates = 2026-12-24, 2026-12-25
time_zone = Europe/Vienna

[advisors]
default_capacity = 2
idle_timeout_minutes = 20
absolute_lifetime_hours = 8
greeting_de = "Grüß Gott, hier ist %1."
greeting_en = "Hi, %1 here."
transfer_greeting_de = "Servus, hier ist %1; ich übernehme."
transfer_greeting_en = "Hi, %1 here; I am taking over."
transfer_history_lines = 50
allowed_networks = 10.0.0.0/8, 192.168.1.0/24

[media]
window_bytes = 65536
audio_deadline_ms = 250
video_deadline_ms = 150
max_uplink_kbps = 1500

[diagnostics]
loop_lag_probe_ms = 7

[whiteboard]
max_documents = 4
max_pages = 20
max_page_bytes = 1048576
max_board_bytes = 8388608
operations_per_second = 25.5
operation_burst = 50
max_operations = 2000
max_points = 900

[documents]
max_file_bytes = 5242880
max_files = 12
max_consultation_bytes = 31457280
max_server_bytes = 1073741824
directory = /var/lib/consult/vault
max_image_side = 8000
max_image_pixels = 20000000
max_pdf_pages = 60
check_threads = 3

[linktest]
max_download_bytes = 262144
max_upload_bytes = 131072
time_limit_ms = 8000
tests_per_address = 4
window_minutes = 30
max_concurrent = 12
busy_loop_lag_ms = 80
busy_window_ms = 3000

[forms]
directory = /etc/consult/forms
max_per_consultation = 4

[storage]
data_directory = /var/lib/consult
database_file = main.sqlite
key_directory = /etc/consult/keys
inbox_key_file = at-rest.key

[retention]
inbox_days = 30
statistics_days = 365
access_log_days = 3

[monitoring]
enabled = false
listen_address = 10.0.0.7
port = 9999
allow_non_loopback = yes

[service]
bank_name = "Kreissparkasse Musterstadt"
notices_directory = /etc/consult/notices
)");
        // The file above must name every key, so that a new key needs a line here.
        const QStringList inFile = documentedKeys(ini);
        const QStringList known = ServerConfig::knownKeys();
        QCOMPARE(QSet<QString>(inFile.begin(), inFile.end()), QSet<QString>(known.begin(), known.end()));

        const auto loaded = ServerConfig::load(writeIni(ini));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : problemText(loaded.problem())));
        const ServerConfig &c = loaded.value();
        QCOMPARE(c.listenAddress, QHostAddress(QStringLiteral("192.0.2.7")));
        QCOMPARE(c.port, quint16(9443));
        QCOMPARE(c.certificateChainPath, QStringLiteral("/etc/consult/chain.pem"));
        QCOMPARE(c.privateKeyPath, QStringLiteral("/etc/consult/key.pem"));
        QCOMPARE(c.allowedOrigins,
                 (QStringList{QStringLiteral("https://a.example"), QStringLiteral("https://b.example")}));
        QCOMPARE(c.trustedProxies, (QList<QPair<QHostAddress, int>>{{QHostAddress(QStringLiteral("10.0.0.5")), 32},
                                                                    {QHostAddress(QStringLiteral("10.0.1.0")), 24},
                                                                    {QHostAddress(QStringLiteral("2001:db8::")), 48}}));
        QCOMPARE(c.maxConnectionsPerAddress, 7);
        QCOMPARE(c.maxConnections, 700);
        QCOMPARE(c.maxPendingHandshakes, 70);
        QCOMPARE(c.handshakeTimeoutMs, 5000);
        QCOMPARE(c.clientHelloTimeoutMs, 2000);
        QCOMPARE(c.handshakesPerAddress, 30);
        QCOMPARE(c.handshakeWindowSeconds, 20);
        QCOMPARE(c.maxMessageBytes, 32768);
        QCOMPARE(c.maxOutgoingBufferBytes, qint64(1048576));
        QCOMPARE(c.resumeTtlSeconds, 120);
        QCOMPARE(c.pingIntervalSeconds, 15);
        QCOMPARE(c.pingTimeoutSeconds, 45);
        QCOMPARE(c.clientPingIntervalSeconds, 3);
        QCOMPARE(c.maxUnacknowledgedMessages, 1000);
        QCOMPARE(c.chatPerSecond, 2.5);
        QCOMPARE(c.chatBurst, 10.0);
        QCOMPARE(c.controlPerSecond, 4.0);
        QCOMPARE(c.controlBurst, 12.0);
        QCOMPARE(c.maxProtocolErrors, 3);
        QCOMPARE(c.envelopesPerSecond, 25.5);
        QCOMPARE(c.envelopeBurst, 99.0);
        QCOMPARE(c.entriesPerAddress, 4);
        QCOMPARE(c.messagesPerAddress, 2);
        QCOMPARE(c.entryWindowMinutes, 15);
        QCOMPARE(c.maxQueueLength, 500);
        QCOMPARE(c.defaultHandlingSeconds, 600);
        QCOMPARE(c.pickupSeconds, 30);
        QCOMPARE(c.inboxMaxItems, 250);
        QCOMPARE(c.openingHours.size(), 7);
        QCOMPARE(c.openingHours.value(QStringLiteral("monday")), QStringLiteral("08:00-12:00,13:00-18:00"));
        QCOMPARE(c.openingHours.value(QStringLiteral("sunday")), QStringLiteral("closed"));
        QCOMPARE(c.closedDates, QStringLiteral("2026-12-24, 2026-12-25"));
        QCOMPARE(c.timeZone, QStringLiteral("Europe/Vienna"));
        QCOMPARE(c.defaultCapacity, 2);
        QCOMPARE(c.idleTimeoutMinutes, 20);
        QCOMPARE(c.absoluteLifetimeHours, 8);
        QCOMPARE(c.greetingGerman, QStringLiteral("Grüß Gott, hier ist %1."));
        QCOMPARE(c.greetingEnglish, QStringLiteral("Hi, %1 here."));
        QCOMPARE(c.mediaWindowBytes, 65536);
        QCOMPARE(c.mediaAudioDeadlineMs, 250);
        QCOMPARE(c.mediaVideoDeadlineMs, 150);
        QCOMPARE(c.mediaMaxUplinkKbps, 1500);
        QCOMPARE(c.loopLagProbeMs, 7);
        QCOMPARE(c.whiteboardMaxDocuments, 4);
        QCOMPARE(c.whiteboardMaxPages, 20);
        QCOMPARE(c.whiteboardMaxPageBytes, 1048576);
        QCOMPARE(c.whiteboardMaxBoardBytes, 8388608);
        QCOMPARE(c.whiteboardOperationsPerSecond, 25.5);
        QCOMPARE(c.whiteboardOperationBurst, 50.0);
        QCOMPARE(c.whiteboardMaxOperations, 2000);
        QCOMPARE(c.whiteboardMaxPoints, 900);
        QCOMPARE(c.documentsMaxFileBytes, qint64(5242880));
        QCOMPARE(c.documentsMaxFiles, 12);
        QCOMPARE(c.documentsMaxConsultationBytes, qint64(31457280));
        QCOMPARE(c.documentsMaxServerBytes, qint64(1073741824));
        QCOMPARE(c.documentsDirectory, QStringLiteral("/var/lib/consult/vault"));
        QCOMPARE(c.documentsPath(), QStringLiteral("/var/lib/consult/vault"));
        QCOMPARE(c.documentsMaxImageSide, 8000);
        QCOMPARE(c.documentsMaxImagePixels, qint64(20000000));
        QCOMPARE(c.documentsMaxPdfPages, 60);
        QCOMPARE(c.documentsCheckThreads, 3);
        QCOMPARE(c.linkTestMaxDownloadBytes, 262144);
        QCOMPARE(c.linkTestMaxUploadBytes, 131072);
        QCOMPARE(c.linkTestTimeLimitMs, 8000);
        QCOMPARE(c.linkTestsPerAddress, 4);
        QCOMPARE(c.linkTestWindowMinutes, 30);
        QCOMPARE(c.linkTestMaxConcurrent, 12);
        QCOMPARE(c.linkTestBusyLoopLagMs, 80);
        QCOMPARE(c.linkTestBusyWindowMs, 3000);
        QCOMPARE(c.formsDirectory, QStringLiteral("/etc/consult/forms"));
        QCOMPARE(c.formsMaxPerConsultation, 4);
        QCOMPARE(c.transferGreetingGerman, QStringLiteral("Servus, hier ist %1; ich übernehme."));
        QCOMPARE(c.transferGreetingEnglish, QStringLiteral("Hi, %1 here; I am taking over."));
        QCOMPARE(c.transferHistoryLines, 50);
        QCOMPARE(c.advisorNetworks.toStrings(), (QStringList{u"10.0.0.0/8"_s, u"192.168.1.0/24"_s}));
        QVERIFY(!c.advisorNetworks.allows(QHostAddress(u"127.0.0.1"_s)));
        QCOMPARE(c.dataDirectory, QStringLiteral("/var/lib/consult"));
        QCOMPARE(c.databasePath(), QStringLiteral("/var/lib/consult/main.sqlite"));
        QCOMPARE(c.inboxKeyPath(), QStringLiteral("/etc/consult/keys/at-rest.key"));
        QCOMPARE(c.legacyInboxKeyPath(), QStringLiteral("/var/lib/consult/at-rest.key"));
        QCOMPARE(c.inboxRetentionDays, 30);
        QCOMPARE(c.statisticsRetentionDays, 365);
        QCOMPARE(c.accessLogRetentionDays, 3);
        QCOMPARE(c.monitoringEnabled, false);
        QCOMPARE(c.monitoringAddress, QHostAddress(QStringLiteral("10.0.0.7")));
        QCOMPARE(c.monitoringPort, quint16(9999));
        QCOMPARE(c.monitoringAllowNonLoopback, true);
        QCOMPARE(c.bankName, QStringLiteral("Kreissparkasse Musterstadt"));
        QCOMPARE(c.noticesDirectory, QStringLiteral("/etc/consult/notices"));
        // The documented schedule is one the queue accepts.
        QVERIFY(OpeningHours::parse(c.openingHours, c.closedDates, c.timeZone).ok());
    }

    void badValuesAreRefusedNamingTheKey_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");

        QTest::newRow("address not an address") << u"network"_s << u"listen_address"_s << u"localhorst"_s;
        QTest::newRow("trusted proxy not an address")
            << u"network"_s << u"trusted_proxies"_s << u"10.0.0.5, lb.example"_s;
        QTest::newRow("trusted proxy prefix too long") << u"network"_s << u"trusted_proxies"_s << u"10.0.0.0/33"_s;
        QTest::newRow("port above 65535") << u"network"_s << u"port"_s << u"65536"_s;
        QTest::newRow("port negative") << u"network"_s << u"port"_s << u"-1"_s;
        QTest::newRow("port not a number") << u"network"_s << u"port"_s << u"https"_s;
        QTest::newRow("port empty") << u"network"_s << u"port"_s << u""_s;
        QTest::newRow("port with unit") << u"network"_s << u"port"_s << u"8443tcp"_s;
        QTest::newRow("handshake timeout too short") << u"network"_s << u"handshake_timeout_ms"_s << u"99"_s;
        QTest::newRow("handshake timeout too long") << u"network"_s << u"handshake_timeout_ms"_s << u"10001"_s;
        QTest::newRow("message limit below 1 KiB") << u"network"_s << u"max_message_bytes"_s << u"1023"_s;
        QTest::newRow("no connections") << u"network"_s << u"max_connections"_s << u"0"_s;
        QTest::newRow("monitoring switch not a yes or no") << u"monitoring"_s << u"enabled"_s << u"maybe"_s;
        QTest::newRow("monitoring address not an address") << u"monitoring"_s << u"listen_address"_s << u"lo"_s;
        QTest::newRow("monitoring port above 65535") << u"monitoring"_s << u"port"_s << u"65536"_s;
        // S10: a resume token lives at most 120 s.
        QTest::newRow("resume ttl above 120 s") << u"session"_s << u"resume_ttl_seconds"_s << u"121"_s;
        QTest::newRow("resume ttl zero") << u"session"_s << u"resume_ttl_seconds"_s << u"0"_s;
        QTest::newRow("fractional seconds") << u"session"_s << u"ping_interval_seconds"_s << u"1.5"_s;
        QTest::newRow("chat rate zero") << u"limits"_s << u"chat_per_second"_s << u"0"_s;
        QTest::newRow("envelope rate zero") << u"limits"_s << u"envelopes_per_second"_s << u"0"_s;
        QTest::newRow("chat rate word") << u"limits"_s << u"chat_per_second"_s << u"fast"_s;
        QTest::newRow("queue empty") << u"queue"_s << u"max_length"_s << u"0"_s;
        QTest::newRow("capacity above 20") << u"advisors"_s << u"default_capacity"_s << u"21"_s;
        QTest::newRow("no files") << u"documents"_s << u"max_files"_s << u"0"_s;
        QTest::newRow("file limit below 1 KiB") << u"documents"_s << u"max_file_bytes"_s << u"1023"_s;
        // A7: the absolute lifetime is at most a day.
        QTest::newRow("lifetime above 24 h") << u"advisors"_s << u"absolute_lifetime_hours"_s << u"25"_s;
        // P1: the chat a transfer hands over stays bounded.
        QTest::newRow("transfer history above 5000") << u"advisors"_s << u"transfer_history_lines"_s << u"5001"_s;
        QTest::newRow("advisor network a name") << u"advisors"_s << u"allowed_networks"_s << u"office"_s;
        QTest::newRow("advisor network prefix above 32")
            << u"advisors"_s << u"allowed_networks"_s << u"10.0.0.0/8, 192.168.1.0/33"_s;
        QTest::newRow("inbox kept over a year") << u"retention"_s << u"inbox_days"_s << u"366"_s;
        // P5: IP addresses are kept at most 7 days.
        QTest::newRow("access log 8 days") << u"retention"_s << u"access_log_days"_s << u"8"_s;
        QTest::newRow("access log 0 days") << u"retention"_s << u"access_log_days"_s << u"0"_s;
        // S11: the connection check stays bounded in bytes and seconds.
        QTest::newRow("link test download above 4 MiB") << u"linktest"_s << u"max_download_bytes"_s << u"4194305"_s;
        QTest::newRow("link test over 30 s") << u"linktest"_s << u"time_limit_ms"_s << u"30001"_s;
        QTest::newRow("no link tests at all") << u"linktest"_s << u"tests_per_address"_s << u"0"_s;
        QTest::newRow("no documents on the board") << u"whiteboard"_s << u"max_documents"_s << u"0"_s;
        QTest::newRow("page images above 16 MiB") << u"whiteboard"_s << u"max_page_bytes"_s << u"16777217"_s;
        QTest::newRow("a stroke of one point") << u"whiteboard"_s << u"max_points"_s << u"1"_s;
        QTest::newRow("no form per consultation") << u"forms"_s << u"max_per_consultation"_s << u"0"_s;
        QTest::newRow("more than 100 forms per consultation") << u"forms"_s << u"max_per_consultation"_s << u"101"_s;
    }

    void badValuesAreRefusedNamingTheKey()
    {
        QFETCH(QString, section);
        QFETCH(QString, key);
        QFETCH(QString, value);
        const QString ini = section == u"network"
                                ? kCertificates + QStringLiteral("%1 = %2\n").arg(key, value)
                                : kCertificates + QStringLiteral("[%1]\n%2 = %3\n").arg(section, key, value);
        const auto loaded = ServerConfig::load(writeIni(ini));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.problem().code, QStringLiteral("bad_value"));
        QVERIFY2(loaded.problem().message.contains(section + u'/' + key), qPrintable(loaded.problem().message));
    }

    void theLimitsThemselvesAreAccepted_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("resume ttl 120 s") << u"session"_s << u"resume_ttl_seconds"_s << u"120"_s;
        QTest::newRow("access log 7 days") << u"retention"_s << u"access_log_days"_s << u"7"_s;
        QTest::newRow("access log 1 day") << u"retention"_s << u"access_log_days"_s << u"1"_s;
        QTest::newRow("lifetime 24 h") << u"advisors"_s << u"absolute_lifetime_hours"_s << u"24"_s;
        QTest::newRow("no transfer history") << u"advisors"_s << u"transfer_history_lines"_s << u"0"_s;
        QTest::newRow("advisor networks")
            << u"advisors"_s << u"allowed_networks"_s << u"10.0.0.0/8, 192.168.1.0/24, 2001:db8::/32"_s;
        QTest::newRow("value with spaces") << u"queue"_s << u"max_length"_s << u"  42  "_s;
    }

    void theLimitsThemselvesAreAccepted()
    {
        QFETCH(QString, section);
        QFETCH(QString, key);
        QFETCH(QString, value);
        const auto loaded =
            ServerConfig::load(writeIni(kCertificates + QStringLiteral("[%1]\n%2 = %3\n").arg(section, key, value)));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : problemText(loaded.problem())));
    }

    void unknownKeysAreRefusedNamingTheKey_data()
    {
        QTest::addColumn<QString>("ini");
        QTest::addColumn<QString>("unknown");
        QTest::newRow("misspelt key") << kCertificates + QStringLiteral("prot = 8443\n") << u"network/prot"_s;
        QTest::newRow("misspelt section")
            << kCertificates + QStringLiteral("[sesion]\nresume_ttl_seconds = 60\n") << u"sesion/resume_ttl_seconds"_s;
        QTest::newRow("key in the wrong section")
            << kCertificates + QStringLiteral("[session]\nport = 8443\n") << u"session/port"_s;
        QTest::newRow("key outside any section") << QStringLiteral("port = 8443\n") + kCertificates << u"port"_s;
        QTest::newRow("misspelt weekday")
            << kCertificates + QStringLiteral("[hours]\nmondy = 08:00-18:00\n") << u"hours/mondy"_s;
        QTest::newRow("hash is no comment") << kCertificates + QStringLiteral("#port = 8443\n") << u"network/#port"_s;
        QTest::newRow("upper case") << kCertificates + QStringLiteral("PORT = 8443\n") << u"network/PORT"_s;
    }

    void unknownKeysAreRefusedNamingTheKey()
    {
        QFETCH(QString, ini);
        QFETCH(QString, unknown);
        const auto loaded = ServerConfig::load(writeIni(ini));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.problem().code, QStringLiteral("unknown_key"));
        QVERIFY2(loaded.problem().message.contains(unknown), qPrintable(loaded.problem().message));
    }

    void theCertificateAndKeyAreRequired_data()
    {
        QTest::addColumn<QString>("ini");
        QTest::newRow("neither") << QStringLiteral("[network]\nport = 8443\n");
        QTest::newRow("chain only") << QStringLiteral("[network]\ncertificate_chain = chain.pem\n");
        QTest::newRow("key only") << QStringLiteral("[network]\nprivate_key = key.pem\n");
        QTest::newRow("empty key") << QStringLiteral("[network]\ncertificate_chain = chain.pem\nprivate_key =\n");
    }

    void theCertificateAndKeyAreRequired()
    {
        QFETCH(QString, ini);
        const auto loaded = ServerConfig::load(writeIni(ini));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.problem().code, QStringLiteral("missing_certificate"));
    }

    void aMissingFileIsRefused()
    {
        const auto loaded = ServerConfig::load(m_directory->filePath(QStringLiteral("missing.ini")));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.problem().code, QStringLiteral("unreadable"));
    }

    void relativePathsAreResolvedAgainstTheFilesDirectory_data()
    {
        QTest::addColumn<QString>("line");     // under [network], [storage] or [service] as the key needs
        QTest::addColumn<QString>("path");     // which resolved path to look at
        QTest::addColumn<QString>("expected"); // relative to the INI's directory unless absolute

        QTest::newRow("chain relative") << u"network/certificate_chain = tls/chain.pem"_s << u"chain"_s
                                        << u"tls/chain.pem"_s;
        QTest::newRow("key with dot-dot")
            << u"network/private_key = ../secret/key.pem"_s << u"key"_s << u"../secret/key.pem"_s;
        QTest::newRow("key absolute") << u"network/private_key = /srv/tls/key.pem"_s << u"key"_s
                                      << u"/srv/tls/key.pem"_s;
        QTest::newRow("data directory default") << u""_s << u"data"_s << u"data"_s;
        QTest::newRow("data directory relative") << u"storage/data_directory = var/lib"_s << u"data"_s << u"var/lib"_s;
        QTest::newRow("database in the data directory")
            << u"storage/data_directory = var/lib"_s << u"database"_s << u"var/lib/consult.sqlite"_s;
        // R-at-rest: the key is not where the data is, so a backup of the data directory cannot read it.
        QTest::newRow("inbox key apart from the data directory by default")
            << u"storage/data_directory = var"_s << u"inbox key"_s << u"keys/inbox.key"_s;
        QTest::newRow("inbox key in the key directory")
            << u"storage/key_directory = /etc/consult/keys"_s << u"inbox key"_s << u"/etc/consult/keys/inbox.key"_s;
        QTest::newRow("inbox key file relative to the key directory")
            << u"storage/inbox_key_file = sub/inbox.key"_s << u"inbox key"_s << u"keys/sub/inbox.key"_s;
        QTest::newRow("database file absolute")
            << u"storage/database_file = /srv/db.sqlite"_s << u"database"_s << u"/srv/db.sqlite"_s;
        QTest::newRow("notices relative") << u"service/notices_directory = notices"_s << u"notices"_s << u"notices"_s;
        QTest::newRow("notices default is built in") << u""_s << u"notices"_s << u""_s;
        QTest::newRow("forms default next to the file") << u""_s << u"forms"_s << u"forms"_s;
        QTest::newRow("forms relative") << u"forms/directory = library"_s << u"forms"_s << u"library"_s;
        QTest::newRow("forms empty: none") << u"forms/directory ="_s << u"forms"_s << u""_s;
    }

    void relativePathsAreResolvedAgainstTheFilesDirectory()
    {
        QFETCH(QString, line);
        QFETCH(QString, path);
        QFETCH(QString, expected);

        QString ini = QStringLiteral("[network]\ncertificate_chain = chain.pem\nprivate_key = key.pem\n");
        if (!line.isEmpty()) {
            const QString section = line.section(u'/', 0, 0);
            const QString setting = line.section(u'/', 1);
            if (section == u"network")
                ini = QStringLiteral("[network]\n%1\n").arg(setting) +
                      (setting.startsWith(u"certificate_chain") ? QStringLiteral("private_key = key.pem\n")
                                                                : QStringLiteral("certificate_chain = chain.pem\n"));
            else
                ini += QStringLiteral("[%1]\n%2\n").arg(section, setting);
        }
        const QString etc = m_directory->filePath(QStringLiteral("etc"));
        QVERIFY(QDir().mkpath(etc));
        const QString iniPath = writeIni(ini, etc);

        // Resolution must not depend on the working directory.
        QTemporaryDir elsewhere;
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(elsewhere.path()));
        const auto loaded = ServerConfig::load(iniPath);
        QVERIFY(QDir::setCurrent(previous));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : problemText(loaded.problem())));

        const ServerConfig &c = loaded.value();
        const QString actual = path == u"chain"      ? c.certificateChainPath
                               : path == u"key"      ? c.privateKeyPath
                               : path == u"data"     ? c.dataDirectory
                               : path == u"database" ? c.databasePath()
                               : path == u"notices"  ? c.noticesDirectory
                               : path == u"forms"    ? c.formsDirectory
                                                     : c.inboxKeyPath();
        const QString wanted = expected.isEmpty() || QDir::isAbsolutePath(expected)
                                   ? expected
                                   : QDir::cleanPath(QDir(etc).absoluteFilePath(expected));
        QCOMPARE(actual, wanted);
    }

    void everyDocumentedKeyIsKnownAndEveryKnownKeyIsDocumented()
    {
        const QString example = readText(QStringLiteral(CONSULT_EXAMPLE_INI));
        QVERIFY(!example.isEmpty());
        const QStringList documented = documentedKeys(example);
        const QSet<QString> documentedSet(documented.begin(), documented.end());
        QCOMPARE(documentedSet.size(), documented.size()); // each key documented once
        const QStringList known = ServerConfig::knownKeys();
        const QSet<QString> knownSet(known.begin(), known.end());
        QCOMPARE(knownSet.size(), known.size());

        QStringList undocumented = QSet<QString>(knownSet).subtract(documentedSet).values();
        QStringList unknown = QSet<QString>(documentedSet).subtract(knownSet).values();
        undocumented.sort();
        unknown.sort();
        QVERIFY2(undocumented.isEmpty(), qPrintable(QStringLiteral("not in the example: ") + undocumented.join(u", ")));
        QVERIFY2(unknown.isEmpty(), qPrintable(QStringLiteral("not read by the server: ") + unknown.join(u", ")));
    }

    void everyDocumentedKeyHasAnExplanation()
    {
        // Each key, or each group of consecutive keys, follows a prose comment ("; ...").
        const QStringList lines = readText(QStringLiteral(CONSULT_EXAMPLE_INI)).split(u'\n');
        static const QRegularExpression key(QStringLiteral("^;?[a-z_]+\\s*="));
        int keyLines = 0;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (!key.match(lines.at(i)).hasMatch())
                continue;
            ++keyLines;
            qsizetype above = i - 1;
            while (above >= 0 && key.match(lines.at(above)).hasMatch())
                --above;
            QVERIFY2(above >= 0 && lines.at(above).startsWith(QStringLiteral("; ")), qPrintable(lines.at(i)));
        }
        QCOMPARE(keyLines, ServerConfig::knownKeys().size());
    }

    void theExampleLoadsWithTheBuiltInDefaults()
    {
        QString example = readText(QStringLiteral(CONSULT_EXAMPLE_INI));
        QCOMPARE(example.count(QStringLiteral("\n;certificate_chain =")), 1);
        QCOMPARE(example.count(QStringLiteral("\n;private_key =")), 1);
        example.replace(QStringLiteral("\n;certificate_chain ="), QStringLiteral("\ncertificate_chain ="));
        example.replace(QStringLiteral("\n;private_key ="), QStringLiteral("\nprivate_key ="));
        const auto loaded = ServerConfig::load(writeIni(example));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : problemText(loaded.problem())));

        const ServerConfig &c = loaded.value();
        const ServerConfig d;
        QVERIFY(!c.certificateChainPath.isEmpty());
        QVERIFY(!c.privateKeyPath.isEmpty());
        QCOMPARE(c.listenAddress, d.listenAddress);
        QCOMPARE(c.port, d.port);
        QCOMPARE(c.allowedOrigins, d.allowedOrigins);
        QVERIFY(c.trustedProxies.isEmpty());
        QCOMPARE(c.maxConnectionsPerAddress, d.maxConnectionsPerAddress);
        QCOMPARE(c.maxConnections, d.maxConnections);
        QCOMPARE(c.maxPendingHandshakes, d.maxPendingHandshakes);
        QCOMPARE(c.handshakeTimeoutMs, d.handshakeTimeoutMs);
        QCOMPARE(c.maxMessageBytes, d.maxMessageBytes);
        QCOMPARE(c.maxOutgoingBufferBytes, d.maxOutgoingBufferBytes);
        QCOMPARE(c.resumeTtlSeconds, d.resumeTtlSeconds);
        QCOMPARE(c.pingIntervalSeconds, d.pingIntervalSeconds);
        QCOMPARE(c.pingTimeoutSeconds, d.pingTimeoutSeconds);
        QCOMPARE(c.clientPingIntervalSeconds, d.clientPingIntervalSeconds);
        QCOMPARE(c.maxUnacknowledgedMessages, d.maxUnacknowledgedMessages);
        QCOMPARE(c.chatPerSecond, d.chatPerSecond);
        QCOMPARE(c.chatBurst, d.chatBurst);
        QCOMPARE(c.controlPerSecond, d.controlPerSecond);
        QCOMPARE(c.controlBurst, d.controlBurst);
        QCOMPARE(c.maxProtocolErrors, d.maxProtocolErrors);
        QCOMPARE(c.envelopesPerSecond, d.envelopesPerSecond);
        QCOMPARE(c.envelopeBurst, d.envelopeBurst);
        QCOMPARE(c.entriesPerAddress, d.entriesPerAddress);
        QCOMPARE(c.messagesPerAddress, d.messagesPerAddress);
        QCOMPARE(c.entryWindowMinutes, d.entryWindowMinutes);
        QCOMPARE(c.maxQueueLength, d.maxQueueLength);
        QCOMPARE(c.defaultHandlingSeconds, d.defaultHandlingSeconds);
        QCOMPARE(c.pickupSeconds, d.pickupSeconds);
        QCOMPARE(c.inboxMaxItems, d.inboxMaxItems);
        // No weekday and no closed date: the server opens around the clock.
        QVERIFY(c.openingHours.isEmpty());
        QVERIFY(c.closedDates.isEmpty());
        QCOMPARE(c.timeZone, d.timeZone);
        QCOMPARE(c.defaultCapacity, d.defaultCapacity);
        QCOMPARE(c.idleTimeoutMinutes, d.idleTimeoutMinutes);
        QCOMPARE(c.absoluteLifetimeHours, d.absoluteLifetimeHours);
        QVERIFY(c.advisorNetworks.allowsEveryone()); // empty: advisors from anywhere
        QCOMPARE(c.greetingGerman, d.greetingGerman);
        QCOMPARE(c.greetingEnglish, d.greetingEnglish);
        QCOMPARE(c.dataDirectory, QDir(m_directory->path()).absoluteFilePath(d.dataDirectory));
        QCOMPARE(c.databaseFile, d.databaseFile);
        QCOMPARE(c.inboxKeyFile, d.inboxKeyFile);
        QCOMPARE(c.linkTestMaxDownloadBytes, d.linkTestMaxDownloadBytes);
        QCOMPARE(c.linkTestMaxUploadBytes, d.linkTestMaxUploadBytes);
        QCOMPARE(c.linkTestTimeLimitMs, d.linkTestTimeLimitMs);
        QCOMPARE(c.linkTestsPerAddress, d.linkTestsPerAddress);
        QCOMPARE(c.linkTestWindowMinutes, d.linkTestWindowMinutes);
        QCOMPARE(c.linkTestMaxConcurrent, d.linkTestMaxConcurrent);
        QCOMPARE(c.linkTestBusyLoopLagMs, d.linkTestBusyLoopLagMs);
        QCOMPARE(c.linkTestBusyWindowMs, d.linkTestBusyWindowMs);
        QCOMPARE(c.inboxRetentionDays, d.inboxRetentionDays);
        QCOMPARE(c.statisticsRetentionDays, d.statisticsRetentionDays);
        QCOMPARE(c.accessLogRetentionDays, d.accessLogRetentionDays);
        QCOMPARE(c.monitoringEnabled, d.monitoringEnabled);
        QCOMPARE(c.monitoringAddress, d.monitoringAddress);
        QCOMPARE(c.monitoringPort, d.monitoringPort);
        QCOMPARE(c.monitoringAllowNonLoopback, d.monitoringAllowNonLoopback);
        QCOMPARE(c.bankName, d.bankName);
        QCOMPARE(c.noticesDirectory, d.noticesDirectory);
        QCOMPARE(c.documentsMaxFileBytes, d.documentsMaxFileBytes);
        QCOMPARE(c.documentsMaxFiles, d.documentsMaxFiles);
        QCOMPARE(c.documentsMaxConsultationBytes, d.documentsMaxConsultationBytes);
        QCOMPARE(c.documentsMaxServerBytes, d.documentsMaxServerBytes);
        QCOMPARE(c.documentsDirectory, d.documentsDirectory);
        QCOMPARE(c.documentsPath(), QDir(c.dataDirectory).absoluteFilePath(QStringLiteral("documents")));
        QCOMPARE(c.documentsMaxImageSide, d.documentsMaxImageSide);
        QCOMPARE(c.documentsMaxImagePixels, d.documentsMaxImagePixels);
        QCOMPARE(c.documentsMaxPdfPages, d.documentsMaxPdfPages);
        QCOMPARE(c.documentsCheckThreads, d.documentsCheckThreads);
        QCOMPARE(c.formsDirectory, QDir(m_directory->path()).absoluteFilePath(QStringLiteral("forms")));
        QCOMPARE(c.formsMaxPerConsultation, d.formsMaxPerConsultation);
    }

    void theExamplesScheduleIsAValidOne()
    {
        // Uncommenting the documented weekly schedule and closed dates gives hours the queue accepts.
        QString example = readText(QStringLiteral(CONSULT_EXAMPLE_INI));
        for (const char *key : {"certificate_chain", "private_key", "monday", "tuesday", "wednesday", "thursday",
                                "friday", "saturday", "sunday", "closed_dates"}) {
            const QString commented = QStringLiteral("\n;%1 =").arg(QLatin1StringView(key));
            QCOMPARE(example.count(commented), 1);
            example.replace(commented, commented.mid(2).prepend(u'\n'));
        }
        const auto loaded = ServerConfig::load(writeIni(example));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : problemText(loaded.problem())));
        QCOMPARE(loaded->openingHours.size(), 7);
        const auto hours = OpeningHours::parse(loaded->openingHours, loaded->closedDates, loaded->timeZone);
        QVERIFY2(hours.ok(), qPrintable(hours.ok() ? QString() : problemText(hours.problem())));
        QVERIFY(!hours->isAlwaysOpen());
        const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
        QVERIFY(hours->isOpen(QDateTime(QDate(2026, 12, 21), QTime(10, 0), berlin).toUTC()));  // a Monday
        QVERIFY(!hours->isOpen(QDateTime(QDate(2026, 12, 20), QTime(10, 0), berlin).toUTC())); // a Sunday
        QVERIFY(!hours->isOpen(QDateTime(QDate(2026, 12, 24), QTime(10, 0), berlin).toUTC())); // closed date
    }

    void closedDatesAloneMeanOpenAroundTheClockExceptThen_data()
    {
        QTest::addColumn<QString>("hours");
        QTest::addColumn<bool>("openOnAnOrdinaryMonday");
        // As the [hours] comment says: without a weekly schedule the service is open around the clock,
        // closed dates included or not; a schedule closes what it does not list.
        QTest::newRow("closed dates only") << u"closed_dates = 2026-12-24\n"_s << true;
        QTest::newRow("weekdays only, closed dates") << u"monday = 08:00-18:00\nclosed_dates = 2026-12-24\n"_s << false;
        QTest::newRow("all weekdays 00:00-24:00")
            << u"monday = 00:00-24:00\ntuesday = 00:00-24:00\nwednesday = 00:00-24:00\nthursday = 00:00-24:00\n"
               "friday = 00:00-24:00\nsaturday = 00:00-24:00\nsunday = 00:00-24:00\nclosed_dates = 2026-12-24\n"_s
            << true;
    }

    void closedDatesAloneMeanOpenAroundTheClockExceptThen()
    {
        QFETCH(QString, hours);
        QFETCH(bool, openOnAnOrdinaryMonday);
        const auto loaded = ServerConfig::load(writeIni(kCertificates + u"[hours]\n"_s + hours));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : problemText(loaded.problem())));
        const auto parsed = ServerApplication::openingHours(loaded.value());
        QVERIFY(parsed.ok());
        const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
        QCOMPARE(parsed->isOpen(QDateTime(QDate(2026, 12, 21), QTime(3, 0), berlin).toUTC()), openOnAnOrdinaryMonday);
        QVERIFY(!parsed->isOpen(QDateTime(QDate(2026, 12, 24), QTime(10, 0), berlin).toUTC()));
    }

    void aTextWithACommaKeepsItsSpacing()
    {
        // An operator who writes the greeting without quotes expects it verbatim.
        const auto loaded = ServerConfig::load(
            writeIni(kCertificates +
                     QStringLiteral("[advisors]\ngreeting_de = Guten Tag, hier ist %1. Wie kann ich helfen?\n")));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->greetingGerman, QStringLiteral("Guten Tag, hier ist %1. Wie kann ich helfen?"));
    }

private:
    QString writeIni(const QString &content, const QString &directory = {})
    {
        const QString path =
            QDir(directory.isEmpty() ? m_directory->path() : directory).filePath(QStringLiteral("consult-server.ini"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(content.toUtf8());
        return path;
    }

    std::unique_ptr<QTemporaryDir> m_directory;
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "TestServerConfig.moc"
