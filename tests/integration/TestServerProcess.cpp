// The real consult-server binary (issue 13, "the real binary under test"): what the in-process
// harness cannot see because it builds the server's wiring itself. A bad TLS setting stops the start
// with its reason (T6, T9); the running process keeps no core dump (core limit 0); SIGTERM closes
// every client with 1001 and exits 0 (R2); SIGKILL and a restart lose no left message; after a
// consultation its stdout, stderr and TMPDIR hold nothing of it and TMPDIR stays empty (P1, C4); an
// OPENSSL_CONF of the operator's, which would drop the no-tickets policy, stops the start (T8); and it opens no
// connection of its own (statistics never leave the bank, seed 002).
#include "support/CanarySearch.h"
#include "support/EpollTestMain.h"
#include "support/RawConsultation.h"
#include "support/ServerProcess.h"
#include "support/TestServer.h"

#include "core/SecureRandom.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <array>
#include <memory>

#include <unistd.h>

using namespace consult;
using namespace consult::testing;

namespace {

QString binary()
{
    return QStringLiteral(CONSULT_SERVER_BINARY);
}

// The body of a GET on the loopback port (empty on failure); the server is another process.
QByteArray httpGet(quint16 port, const QString &path)
{
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy); // loopback, whatever http_proxy says
    std::unique_ptr<QNetworkReply> reply(
        manager.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)))));
    if (!spinUntil([&reply] { return reply->isFinished(); }, 10'000) || reply->error() != QNetworkReply::NoError)
        return {};
    return reply->readAll();
}

// The socket inodes among a process's open files (/proc/<pid>/fd/N -> "socket:[inode]").
QSet<QString> socketInodes(qint64 pid)
{
    QSet<QString> inodes;
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    const QRegularExpression socket(QStringLiteral("^socket:\\[(\\d+)\\]$"));
    for (const QString &fd : fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
        // The raw link: QFileInfo would resolve "socket:[...]" as a relative path.
        std::array<char, 128> target{};
        const ssize_t length =
            ::readlink(QFile::encodeName(fds.filePath(fd)).constData(), target.data(), target.size() - 1);
        if (length <= 0)
            continue;
        const auto match = socket.match(QString::fromLatin1(target.data(), qsizetype(length)));
        if (match.hasMatch())
            inodes.insert(match.captured(1));
    }
    return inodes;
}

// One line of /proc/<pid>/net/{tcp,tcp6,udp,udp6} that belongs to one of `inodes`.
struct SocketEntry
{
    QString table;
    quint16 localPort = 0;
    QString remote; // hex address:port, all zeros when unconnected
    QString state;  // hex: 0A = LISTEN, 01 = ESTABLISHED
};

QList<SocketEntry> socketsOf(qint64 pid, const QSet<QString> &inodes)
{
    QList<SocketEntry> entries;
    for (const QString &table :
         {QStringLiteral("tcp"), QStringLiteral("tcp6"), QStringLiteral("udp"), QStringLiteral("udp6")}) {
        QFile file(QStringLiteral("/proc/%1/net/%2").arg(pid).arg(table));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QStringList fields = QString::fromLatin1(lines[i]).simplified().split(u' ');
            if (fields.size() < 10 || !inodes.contains(fields[9]))
                continue;
            SocketEntry entry;
            entry.table = table;
            entry.localPort = quint16(fields[1].section(u':', -1).toUInt(nullptr, 16));
            entry.remote = fields[2];
            entry.state = fields[3];
            entries.append(entry);
        }
    }
    return entries;
}

} // namespace

class TestServerProcess final : public QObject
{
    Q_OBJECT
private slots:
    void aBadTlsSettingStopsTheStartWithItsReason_data();
    void aBadTlsSettingStopsTheStartWithItsReason();
    void theRunningProcessKeepsNoCoreDump();
    void anOperatorsOpensslConfigurationStopsTheStart();
    void sigtermClosesEveryClientWithGoingAwayAndExitsZero();
    void aKilledServerLosesNoLeftMessage();
    void theInboxKeyIsKeptApartFromTheDataAndAnOldOneIsMovedThere();
    void libprotobufsLinesGoThroughTheServersLoggingWithALimit();
    void refusedLogInsWriteAtMostTwentyLinesAMinute();
    void nothingOfAConsultationReachesItsOutputOrTmpdirAndItOpensNoConnectionOfItsOwn();
};

void TestServerProcess::aBadTlsSettingStopsTheStartWithItsReason_data()
{
    QTest::addColumn<QString>("chain");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing chain") << QStringLiteral("/nonexistent/server.pem")
                                   << testPkiPath(QStringLiteral("server.key"))
                                   << QStringLiteral("/nonexistent/server.pem does not exist");
    QTest::newRow("key of another certificate (T9)")
        << testPkiPath(QStringLiteral("server.pem")) << testPkiPath(QStringLiteral("other.key"))
        << QStringLiteral("does not belong to the certificate");
    QTest::newRow("expired certificate") << testPkiPath(QStringLiteral("expired.pem"))
                                         << testPkiPath(QStringLiteral("expired.key")) << QStringLiteral("expired on");
    QTest::newRow("RSA 2048 (T6)") << testPkiPath(QStringLiteral("rsa2048.pem"))
                                   << testPkiPath(QStringLiteral("rsa2048.key")) << QStringLiteral("at least 3072 bit");
}

void TestServerProcess::aBadTlsSettingStopsTheStartWithItsReason()
{
    QFETCH(QString, chain);
    QFETCH(QString, key);
    QFETCH(QString, reason);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    ServerProcess server(root.path(), binary());
    QFile ini(server.iniPath());
    QVERIFY(ini.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ini.write(QStringLiteral("[network]\nport = 0\ncertificate_chain = %1\nprivate_key = %2\n"
                             "[storage]\ndata_directory = %3\n")
                  .arg(chain, key, server.dataDirectory())
                  .toUtf8());
    ini.close();
    QVERIFY2(server.runToExit(), "the server runs with a bad TLS setting");
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QVERIFY(server.exitCode() != 0);
    const QString said = QString::fromUtf8(server.log() + server.output());
    QVERIFY2(said.contains(reason), qPrintable(said));
    QVERIFY(!said.contains(QStringLiteral("listening on")));
}

void TestServerProcess::theRunningProcessKeepsNoCoreDump()
{
    // A core dump would hold whatever the relay had in RAM: chat lines, document keys (P2).
    QTemporaryDir root;
    QVERIFY(root.isValid());
    ServerProcess server(root.path(), binary());
    QVERIFY(server.start());
    QFile limits(QStringLiteral("/proc/%1/limits").arg(server.processId()));
    QVERIFY(limits.open(QIODevice::ReadOnly));
    const QRegularExpression core(QStringLiteral("Max core file size\\s+(\\S+)\\s+(\\S+)"));
    const auto match = core.match(QString::fromLatin1(limits.readAll()));
    QVERIFY(match.hasMatch());
    QCOMPARE(match.captured(1), QStringLiteral("0"));
    QCOMPARE(match.captured(2), QStringLiteral("0"));
    // PR_SET_DUMPABLE 0 is set too; it shows only to a reader without CAP_SYS_PTRACE, which a test
    // run as root is not, so this test reads the core limit alone.
}

// T8 depends on the server's own OpenSSL configuration (no session tickets); one set by the operator
// through OPENSSL_CONF would silently replace it, so the server refuses to start and says why.
void TestServerProcess::anOperatorsOpensslConfigurationStopsTheStart()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QFile openssl(root.filePath(QStringLiteral("openssl.cnf")));
    QVERIFY(openssl.open(QIODevice::WriteOnly));
    openssl.write("# the operator's own\n");
    openssl.close();
    ServerProcess server(root.path(), binary());
    server.setEnvironment(QStringLiteral("OPENSSL_CONF"), openssl.fileName());
    QVERIFY2(server.runToExit(), "the server runs with an OPENSSL_CONF of the operator's");
    QVERIFY(server.exitCode() != 0);
    const QString said = QString::fromUtf8(server.log() + server.output());
    QVERIFY2(said.contains(QStringLiteral("OPENSSL_CONF is set")), qPrintable(said));

    // A parent that ran the policy itself (a test with an in-process server) passes its memfd path
    // on; the descriptor is not inherited, so the server replaces it and starts.
    ServerProcess child(root.path(), binary());
    child.setEnvironment(QStringLiteral("OPENSSL_CONF"), QStringLiteral("/proc/self/fd/7"));
    QVERIFY(child.start());
}

void TestServerProcess::sigtermClosesEveryClientWithGoingAwayAndExitsZero()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    ServerProcess server(root.path(), binary());
    QVERIFY(server.addAdvisor(QStringLiteral("anna"), 3));
    QVERIFY(server.start());
    auto advisor = advisorAt(server, QStringLiteral("anna"));
    QVERIFY(advisor);
    auto customer = waitingCustomerAt(server, QStringLiteral("Erika Muster"));
    QVERIFY(customer);
    QVERIFY(!rawTake(*advisor, *customer, QStringLiteral("Erika Muster")).isEmpty());
    auto waiting = waitingCustomerAt(server, QStringLiteral("Karl Warte"));
    QVERIFY(waiting);

    QVERIFY(server.terminate());
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    for (RawClient *client : {advisor.get(), customer.get(), waiting.get()}) {
        QVERIFY(client->waitForClosed());
        QCOMPARE(client->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    }
}

void TestServerProcess::aKilledServerLosesNoLeftMessage()
{
    // Lesson 2 (ANCHORS): a stored message is never lost, even across a crash of the server.
    QTemporaryDir root;
    QVERIFY(root.isValid());
    ServerProcess server(root.path(), binary());
    QVERIFY(server.addAdvisor(QStringLiteral("anna"), 3));
    QVERIFY(server.start());
    auto customer = waitingCustomerAt(server, QStringLiteral("Erika Muster"));
    QVERIFY(customer);
    const int mark = customer->mark();
    wire::Envelope leave;
    leave.mutable_leave_message()->set_request_id(7);
    leave.mutable_leave_message()->set_text("Bitte rufen Sie mich morgen an.");
    customer->sendReliable(leave);
    const auto stored = customer->waitForBody(wire::Envelope::kMessageStored, mark);
    QVERIFY(stored);
    QCOMPARE(stored->message_stored().request_id(), 7u);
    server.kill(); // SIGKILL: no shutdown, no flush but what the store did before it confirmed
    customer.reset();

    QVERIFY(server.start());
    auto advisor = advisorAt(server, QStringLiteral("anna"));
    QVERIFY(advisor);
    const auto inbox = advisor->waitForBody(wire::Envelope::kInboxSnapshot, 0);
    QVERIFY(inbox);
    QCOMPARE(inbox->inbox_snapshot().items_size(), 1);
    QCOMPARE(inbox->inbox_snapshot().items(0).text(), std::string("Bitte rufen Sie mich morgen an."));
}

// Issue 13, weakness 4 (R-at-rest): the key that encrypts left messages is not in the data directory,
// so a backup of that directory holds only ciphertext. A key an older version kept there is moved
// out on the next start (not replaced: the messages stay readable), and the move is logged.
void TestServerProcess::theInboxKeyIsKeptApartFromTheDataAndAnOldOneIsMovedThere()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    ServerProcess server(root.path(), binary());
    QVERIFY(server.addAdvisor(QStringLiteral("anna"), 3));
    QVERIFY(server.start());
    const QString keyPath = root.filePath(QStringLiteral("keys/inbox.key"));
    const QString oldKeyPath = server.dataDirectory() + QStringLiteral("/inbox.key");
    QVERIFY(QFileInfo::exists(keyPath));
    QVERIFY(!QFileInfo::exists(oldKeyPath));
    QCOMPARE(QFileInfo(keyPath).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    auto customer = waitingCustomerAt(server, QStringLiteral("Erika Muster"));
    QVERIFY(customer);
    const int mark = customer->mark();
    wire::Envelope leave;
    leave.mutable_leave_message()->set_request_id(3);
    leave.mutable_leave_message()->set_text("Bitte um Rückruf wegen der Baufinanzierung.");
    customer->sendReliable(leave);
    QVERIFY(customer->waitForBody(wire::Envelope::kMessageStored, mark));
    customer.reset();
    QVERIFY(server.terminate());
    const QStringList data = QDir(server.dataDirectory()).entryList(QDir::Files | QDir::Hidden);
    QVERIFY2(!data.join(u' ').contains(QStringLiteral(".key")), qPrintable(data.join(u' ')));

    // The layout of an older version: the key beside the database.
    QVERIFY(QFile::rename(keyPath, oldKeyPath));
    QVERIFY(server.start());
    QVERIFY(QFileInfo::exists(keyPath));
    QVERIFY(!QFileInfo::exists(oldKeyPath));
    QVERIFY2(server.log().contains("moved the inbox key out of the data directory"), server.log().constData());
    auto advisor = advisorAt(server, QStringLiteral("anna"));
    QVERIFY(advisor);
    const auto inbox = advisor->waitForBody(wire::Envelope::kInboxSnapshot, 0);
    QVERIFY(inbox);
    QCOMPARE(inbox->inbox_snapshot().items_size(), 1);
    QCOMPARE(inbox->inbox_snapshot().items(0).text(), std::string("Bitte um Rückruf wegen der Baufinanzierung."));
}

// Issue 13, log flooding: a string field with invalid UTF-8 makes libprotobuf write a line of its own;
// the server routes those into its category consult.protobuf and writes at most ten a minute, so a
// client sending forty such messages cannot flood the log.
void TestServerProcess::libprotobufsLinesGoThroughTheServersLoggingWithALimit()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    ServerProcess server(root.path(), binary());
    QVERIFY(server.start());
    int sent = 0;
    for (int client = 0; client < 4; ++client) {
        auto customer = waitingCustomerAt(server, QStringLiteral("Erika Muster"));
        QVERIFY(customer);
        for (int i = 0; i < 10; ++i) {
            wire::Envelope envelope;
            wire::LeaveMessage *message = envelope.mutable_leave_message();
            message->set_request_id(quint32(i + 1));
            message->set_text("Bitte \xff\xfe zur\xc3(ck"); // invalid UTF-8 twice: \xff\xfe, and \xc3 before "("
            customer->sendReliable(envelope);
            ++sent;
        }
        customer->sync(5'000); // answered or closed: the server has read them
    }
    QVERIFY(server.terminate());
    const QString said = QString::fromUtf8(server.log() + server.output());
    QVERIFY2(!said.contains(QStringLiteral("[libprotobuf")), qPrintable(said));
    const qsizetype routed = said.count(QStringLiteral("consult.protobuf: "));
    QVERIFY2(routed >= 1, qPrintable(said));
    QVERIFY2(routed <= 10, qPrintable(QStringLiteral("%1 lines for %2 messages").arg(routed).arg(sent)));
}

// Issue 13, log flooding: every refused log-in wrote a line; anyone can cause thousands. Sixty wrong
// passwords (refused, then throttled) write at most twenty, the last says how many were held back.
void TestServerProcess::refusedLogInsWriteAtMostTwentyLinesAMinute()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    ServerProcess server(root.path(), binary());
    QVERIFY(server.start());
    auto client = std::make_unique<RawClient>();
    QVERIFY(client->open(server.endpoint()));
    QVERIFY(client->hello(wire::CLIENT_KIND_ADVISOR));
    for (int i = 0; i < 60; ++i) {
        const int mark = client->mark();
        wire::Envelope envelope;
        wire::AdvisorLogin *login = envelope.mutable_advisor_login();
        login->set_request_id(quint32(i + 1));
        login->set_username(QStringLiteral("nutzer%1").arg(i % 3).toStdString());
        login->set_password("falsch");
        client->sendReliable(envelope);
        QVERIFY(client->waitForBody(wire::Envelope::kError, mark, 20'000));
    }
    QVERIFY(server.terminate());
    const QString said = QString::fromUtf8(server.log());
    const qsizetype lines =
        said.count(QStringLiteral("log-in failed for")) + said.count(QStringLiteral("log-in throttled for"));
    QVERIFY2(lines >= 1 && lines <= 20, qPrintable(QString::number(lines)));
}

void TestServerProcess::nothingOfAConsultationReachesItsOutputOrTmpdirAndItOpensNoConnectionOfItsOwn()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString tmp = root.filePath(QStringLiteral("tmp"));
    QVERIFY(QDir().mkpath(tmp));
    ServerProcess server(root.path(), binary());
    server.setEnvironment(QStringLiteral("TMPDIR"), tmp);
    // The most talkative logging the operations guide allows: still nothing of the content.
    server.setEnvironment(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("consult.*=true"));
    QVERIFY(server.addAdvisor(QStringLiteral("anna"), 3));
    QVERIFY(server.start());
    auto advisor = advisorAt(server, QStringLiteral("anna"));
    QVERIFY(advisor);
    const QString canary = QStringLiteral("Kanarienvogel") + SecureRandom::identifier().left(12);
    auto customer = waitingCustomerAt(server, QStringLiteral("Erika Muster"));
    QVERIFY(customer);
    const QString id = rawTake(*advisor, *customer, QStringLiteral("Erika Muster"));
    QVERIFY(!id.isEmpty());
    // Its TMPDIR stays empty while it runs (its OpenSSL configuration lives in RAM).
    QCOMPARE(QDir(tmp).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot), QStringList());
    const int advisorMark = advisor->mark();
    customer->sendReliable(chatEnvelope(id, QStringLiteral("c1"), QStringLiteral("Mein Passwort ist ") + canary));
    QVERIFY(advisor->waitForBody(wire::Envelope::kChatMessage, advisorMark));
    const int customerMark = customer->mark();
    advisor->sendReliable(chatEnvelope(id, QStringLiteral("a1"), QStringLiteral("Bitte nie schreiben: ") + canary));
    QVERIFY(customer->waitForBody(wire::Envelope::kChatMessage, customerMark));

    // Its sockets: the listener and the connections accepted there, and the monitoring port (issue
    // 14) listening on loopback; nothing it dialled itself.
    QVERIFY(server.monitoringPort() != 0);
    const QList<SocketEntry> sockets = socketsOf(server.processId(), socketInodes(server.processId()));
    QVERIFY(!sockets.isEmpty());
    int accepted = 0;
    for (const SocketEntry &socket : sockets) {
        const QString what = QStringLiteral("%1 local port %2 remote %3 state %4")
                                 .arg(socket.table)
                                 .arg(socket.localPort)
                                 .arg(socket.remote, socket.state);
        QVERIFY2(socket.table.startsWith(QStringLiteral("tcp")), qPrintable(what));
        const bool monitoringListener =
            socket.localPort == server.monitoringPort() && socket.state == QStringLiteral("0A");
        QVERIFY2(socket.localPort == server.port() || monitoringListener, qPrintable(what));
        accepted += socket.state == QStringLiteral("01") ? 1 : 0;
    }
    QCOMPARE(accepted, 2); // the advisor's and the customer's connection

    // The real binary's monitoring port answers, and its figures hold nothing of the consultation.
    QCOMPARE(httpGet(server.monitoringPort(), QStringLiteral("/healthz")), QByteArray("ok\n"));
    const QByteArray metrics = httpGet(server.monitoringPort(), QStringLiteral("/metrics"));
    QVERIFY(metrics.contains("consult_consultations{mode=\"chat\"} 1\n"));
    QVERIFY(!metrics.contains(canary.toUtf8()));
    QVERIFY(!metrics.contains("Erika"));

    wire::Envelope end;
    end.mutable_end_consultation()->set_consultation_id(id.toStdString());
    advisor->sendReliable(end);
    QVERIFY(customer->waitForBody(wire::Envelope::kConsultationEnded, 0));
    QVERIFY(server.terminate());
    QCOMPARE(server.exitCode(), 0);
    QVERIFY(!server.log().isEmpty()); // it did log
    QVERIFY(!server.log().contains(canary.toUtf8()));
    QVERIFY(!server.output().contains(canary.toUtf8()));
    QCOMPARE(filesContaining(tmp, canary), QStringList());
    QCOMPARE(filesContaining(server.dataDirectory(), canary), QStringList());
}

CONSULT_TEST_MAIN_WITH_EPOLL(TestServerProcess)
#include "TestServerProcess.moc"
