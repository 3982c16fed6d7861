// A graceful stop (R2) with a consultation running and customers waiting: every client is told the
// server is stopping and closed with 1001, the apps show a clear end, the statistics keep an
// anonymous record, and after a restart on the same data directory nothing of the consultations is
// left in the database files (P1, P7: canary check).
//
// One shutdown is staged in initTestCase; each test function then checks one promise about it.
#include "support/CanarySearch.h"
#include "support/EpollTestMain.h"
#include "support/RawConsultation.h"
#include "support/Scenario.h"

#include "core/SecureRandom.h"

#include <QDir>
#include <QDirIterator>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

using namespace consult;
using namespace consult::testing;

namespace {

constexpr auto kGoingAway = QWebSocketProtocol::CloseCodeGoingAway; // 1001

// Letters only, so that names pass validation (I7); random, so that a hit means this run.
QString randomLetters(int count)
{
    QString letters;
    for (int i = 0; i < count; ++i)
        letters += QChar(char16_t(u'a' + SecureRandom::bounded(26)));
    return letters;
}

struct Observed
{
    QList<wire::Envelope> envelopes;
    QWebSocketProtocol::CloseCode closeCode = QWebSocketProtocol::CloseCodeNormal;
    bool closed = false;
};

Observed observe(const RawClient &client, int from)
{
    return Observed{client.receivedSince(from), client.closeCode(), client.isClosed()};
}

std::optional<wire::Envelope> find(const Observed &observed, wire::Envelope::BodyCase body)
{
    for (const wire::Envelope &envelope : observed.envelopes) {
        if (envelope.body_case() == body)
            return envelope;
    }
    return std::nullopt;
}

} // namespace

class TestShutdown final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void theAdvisorIsToldAndClosedWithGoingAway();
    void aCustomerInAConsultationIsToldAndClosedWithGoingAway();
    void aWaitingCustomerIsToldAndClosedWithGoingAway();
    void theCustomerAppsShowAClearEndAndDoNotReconnect();
    void theAdvisorAppShowsTheSessionIsOver();
    void theStatisticsHoldAnAnonymousRecordPerConsultation();
    void theCanarySearchFindsWhatIsThere();
    void nothingOfTheConsultationsIsOnDiskRightAfterTheStop();
    void nothingOfTheConsultationsRemainsOnDiskAfterARestart();
    void aResumeAfterTheRestartIsRefused();

private:
    QTemporaryDir m_data;
    std::unique_ptr<Scenario> m_scenario;    // the server that stops, with the real apps
    std::unique_ptr<TestServer> m_restarted; // the server started again on the same data directory
    TestServer *m_server = nullptr;          // the one of the two that runs now
    QStringList m_canaries;

    // Consultation 1: real apps. Consultation 2: raw clients, to see envelopes and close codes.
    TestConsultation *m_real = nullptr;
    RawConsultation m_raw;
    CustomerClient *m_realWaiting = nullptr;
    std::unique_ptr<RawClient> m_rawWaiting;
    Observed m_rawAdvisor;
    Observed m_rawCustomer;
    Observed m_rawWaitingSeen;
    QByteArray m_rawCustomerToken;
    QList<ReliableChannel> m_channels;
    QStringList m_outcomes;
    int m_realCustomerStates = 0;
};

void TestShutdown::initTestCase()
{
    QVERIFY(m_data.isValid());
    const auto useData = [this](ServerConfig &config) { config.dataDirectory = m_data.path(); };
    m_scenario = std::make_unique<Scenario>(useData);
    QVERIFY(m_scenario->start());
    m_server = &m_scenario->server();

    const QString chatCanary = QStringLiteral("KANARIE-%1").arg(randomLetters(16));
    const QString realName = QStringLiteral("Kanarie %1").arg(randomLetters(12));
    const QString rawName = QStringLiteral("Vogel %1").arg(randomLetters(12));
    const QString waitingName = QStringLiteral("Warte %1").arg(randomLetters(12));
    // A phone number nobody else uses in this run: 0561 + eight random digits.
    QString digits;
    for (int i = 0; i < 8; ++i)
        digits += QChar(char16_t(u'1' + SecureRandom::bounded(9)));
    const QString phone = QStringLiteral("0561 ") + digits;
    m_canaries = {chatCanary, realName, rawName, waitingName, QStringLiteral("+49561") + digits, digits};

    // Consultation 1, real apps, with the canary name and phone.
    ConsultationSpec real;
    real.advisor.username = QStringLiteral("rita");
    real.advisor.displayName = QStringLiteral("Rita Real");
    real.advisor.capacity = 3;
    real.customer.name = realName;
    real.customer.phone = phone;
    real.take = Take::Next;
    m_real = m_scenario->consultation(real);
    QVERIFY(m_real);
    m_real->customer->sendChat(chatCanary + QStringLiteral(" vom Kunden"));
    CONSULT_WAIT_FOR(m_real->advisorChat().rowCount() == 2, 10000);
    m_real->advisor->sendChat(m_real->id, chatCanary + QStringLiteral(" vom Berater"));
    CONSULT_WAIT_FOR(m_real->customerChat().rowCount() == 3, 10000);

    // Consultation 2, raw clients.
    QVERIFY(startRawConsultation(*m_server, QStringLiteral("ralf"), rawName, m_raw));
    const int rawAdvisorFrom = m_raw.advisor->mark();
    m_raw.customer->sendReliable(chatEnvelope(m_raw.id, QStringLiteral("k1"), chatCanary + QStringLiteral(" roh")));
    QVERIFY(m_raw.advisor->waitForBody(wire::Envelope::kChatMessage, rawAdvisorFrom));

    // Two customers waiting: one real app, one raw.
    CustomerSpec waiting;
    waiting.name = waitingName;
    waiting.phone = phone;
    m_realWaiting = m_scenario->waitingCustomer(waiting);
    QVERIFY(m_realWaiting);
    m_rawWaiting = rawWaitingCustomer(*m_server, waitingName + QStringLiteral(" Zwei"));
    QVERIFY(m_rawWaiting);

    QVERIFY(m_raw.customer->sync() && m_raw.advisor->sync() && m_rawWaiting->sync());
    m_rawCustomerToken = m_raw.customer->resumeToken();
    const int advisorFrom = m_raw.advisor->mark();
    const int customerFrom = m_raw.customer->mark();
    const int waitingFrom = m_rawWaiting->mark();
    connect(m_real->customer, &CustomerClient::phaseChanged, this, [this] { ++m_realCustomerStates; });

    m_server->core().shutdown();

    const auto allClosed = [&] {
        return m_raw.advisor->isClosed() && m_raw.customer->isClosed() && m_rawWaiting->isClosed() &&
               m_real->customer->connection().state() == ClientConnection::State::Closed &&
               m_real->advisor->connection().state() == ClientConnection::State::Closed &&
               m_realWaiting->connection().state() == ClientConnection::State::Closed;
    };
    QVERIFY2(spinUntil(allClosed, 10000), "not every client was closed by the shutdown");
    m_rawAdvisor = observe(*m_raw.advisor, advisorFrom);
    m_rawCustomer = observe(*m_raw.customer, customerFrom);
    m_rawWaitingSeen = observe(*m_rawWaiting, waitingFrom);
    m_channels = {m_raw.customer->channel()};

    auto outcomes = m_server->database().exec(QStringLiteral("SELECT outcome FROM statistics ORDER BY outcome"));
    QVERIFY(outcomes.ok());
    QSqlQuery rows = std::move(outcomes).value();
    while (rows.next())
        m_outcomes.append(rows.value(0).toString());
}

void TestShutdown::cleanupTestCase()
{
    m_raw = {};
    m_rawWaiting.reset();
    m_real = nullptr;
    m_realWaiting = nullptr;
    m_server = nullptr;
    m_scenario.reset();
    m_restarted.reset();
}

// R2: the advisor learns that the consultation ended because the server stops, then that the
// session is over, and gets close code 1001.
void TestShutdown::theAdvisorIsToldAndClosedWithGoingAway()
{
    const auto ended = find(m_rawAdvisor, wire::Envelope::kConsultationEnded);
    QVERIFY(ended);
    QCOMPARE(ended->consultation_ended().reason(), wire::END_REASON_SERVER_SHUTDOWN);
    const auto closed = find(m_rawAdvisor, wire::Envelope::kSessionClosed);
    QVERIFY(closed);
    QCOMPARE(closed->session_closed().reason(), wire::SESSION_CLOSE_REASON_SERVER_SHUTDOWN);
    QVERIFY(m_rawAdvisor.closed);
    QCOMPARE(m_rawAdvisor.closeCode, kGoingAway);
}

// R2: the customer in the consultation is told the same: the consultation ended because the server
// stops, the session is closed because the server stops, and the close code is 1001.
void TestShutdown::aCustomerInAConsultationIsToldAndClosedWithGoingAway()
{
    const auto ended = find(m_rawCustomer, wire::Envelope::kConsultationEnded);
    QVERIFY(ended);
    QCOMPARE(ended->consultation_ended().reason(), wire::END_REASON_SERVER_SHUTDOWN);
    const auto closed = find(m_rawCustomer, wire::Envelope::kSessionClosed);
    QVERIFY(closed);
    QVERIFY(m_rawCustomer.closed);
    const bool goingAway = closed->session_closed().reason() == wire::SESSION_CLOSE_REASON_SERVER_SHUTDOWN &&
                           m_rawCustomer.closeCode == kGoingAway;
    QVERIFY2(goingAway, qPrintable(QStringLiteral("SessionClosed reason %1 (expected %2), close code %3 (expected %4)")
                                       .arg(closed->session_closed().reason())
                                       .arg(wire::SESSION_CLOSE_REASON_SERVER_SHUTDOWN)
                                       .arg(m_rawCustomer.closeCode)
                                       .arg(kGoingAway)));
}

void TestShutdown::aWaitingCustomerIsToldAndClosedWithGoingAway()
{
    QVERIFY(!find(m_rawWaitingSeen, wire::Envelope::kConsultationEnded));
    const auto closed = find(m_rawWaitingSeen, wire::Envelope::kSessionClosed);
    QVERIFY(closed);
    QCOMPARE(closed->session_closed().reason(), wire::SESSION_CLOSE_REASON_SERVER_SHUTDOWN);
    QVERIFY(m_rawWaitingSeen.closed);
    QCOMPARE(m_rawWaitingSeen.closeCode, kGoingAway);
}

// R2: "Sitzung beendet", not a reconnect loop. The customer in the consultation ends in phase Ended
// with reason SERVER_SHUTDOWN; the waiting customer in phase Failed (CustomerClient maps
// SessionClosed{SERVER_SHUTDOWN} before a consultation to Failed) with no connection failure, which
// tells the app that the server ended the session rather than that the network failed. Both
// connections are Closed for good.
void TestShutdown::theCustomerAppsShowAClearEndAndDoNotReconnect()
{
    QCOMPARE(m_real->customer->phase(), CustomerClient::Phase::Ended);
    QCOMPARE(m_real->customer->endReason(), wire::END_REASON_SERVER_SHUTDOWN);
    QCOMPARE(m_real->customer->connection().failure(), ClientConnection::Failure::None);
    QCOMPARE(m_real->customer->connection().state(), ClientConnection::State::Closed);
    QCOMPARE(m_real->customer->connection().reconnectAttempts(), 0);
    QCOMPARE(m_realCustomerStates, 1); // Consulting -> Ended, nothing in between

    QCOMPARE(m_realWaiting->phase(), CustomerClient::Phase::Failed);
    QCOMPARE(m_realWaiting->connection().failure(), ClientConnection::Failure::None);
    QCOMPARE(m_realWaiting->connection().state(), ClientConnection::State::Closed);
    QCOMPARE(m_realWaiting->connection().reconnectAttempts(), 0);
}

void TestShutdown::theAdvisorAppShowsTheSessionIsOver()
{
    AdvisorConsultation *consultation = m_real->atAdvisor();
    QVERIFY(consultation);
    QVERIFY(consultation->ended);
    QCOMPARE(consultation->endReason, wire::END_REASON_SERVER_SHUTDOWN);
    // AdvisorClient has no phase for "the server stopped": anything but a log-out is Failed.
    QCOMPARE(m_real->advisor->phase(), AdvisorClient::Phase::Failed);
    QCOMPARE(m_real->advisor->connection().failure(), ClientConnection::Failure::None);
    QCOMPARE(m_real->advisor->connection().state(), ClientConnection::State::Closed);
}

// P3: one record per consultation, "connection_lost" (ConsultationService::end writes "completed"
// only for an end by a participant), and "left_queue" for the customers who were waiting
// (CustomerDesk::sessionEnding). Nothing in it names anybody.
void TestShutdown::theStatisticsHoldAnAnonymousRecordPerConsultation()
{
    const QStringList expected = {QStringLiteral("connection_lost"), QStringLiteral("connection_lost"),
                                  QStringLiteral("left_queue"), QStringLiteral("left_queue")};
    QCOMPARE(m_outcomes, expected);
    auto rows = m_server->database().exec(QStringLiteral("SELECT * FROM statistics"));
    QVERIFY(rows.ok());
    QSqlQuery query = std::move(rows).value();
    while (query.next()) {
        for (int column = 0; column < query.record().count(); ++column) {
            const QString value = query.value(column).toString();
            for (const QString &canary : std::as_const(m_canaries))
                QVERIFY2(!value.contains(canary), qPrintable(canary));
        }
    }
}

// The search below must be able to fail: a canary written to a file in the directory is found.
void TestShutdown::theCanarySearchFindsWhatIsThere()
{
    QTemporaryDir directory;
    QFile file(directory.filePath(QStringLiteral("probe.bin")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("xx" + m_canaries.first().toUtf8() + "yy");
    file.close();
    QCOMPARE(filesContaining(directory.path(), m_canaries.first()).size(), 1);
    QFile utf16(directory.filePath(QStringLiteral("probe16.bin")));
    QVERIFY(utf16.open(QIODevice::WriteOnly));
    const QString name = m_canaries.at(1);
    utf16.write(reinterpret_cast<const char *>(name.utf16()), name.size() * 2);
    utf16.close();
    QCOMPARE(filesContaining(directory.path(), name).size(), 1);
}

// P1, P7: the stopped server has not written any canary to its data directory (the -wal file still
// holds the latest writes at this point).
void TestShutdown::nothingOfTheConsultationsIsOnDiskRightAfterTheStop()
{
    QVERIFY(m_server);
    for (const QString &canary : std::as_const(m_canaries)) {
        const QStringList hits = filesContaining(m_data.path(), canary);
        QVERIFY2(hits.isEmpty(), qPrintable(canary + QStringLiteral(" found in ") + hits.join(u' ')));
    }
}

// P1, P7: after the stop and a restart on the same data directory, no chat text, name or phone
// number of the consultations is in any file there: the SQLite database, its -wal and -shm, the key.
void TestShutdown::nothingOfTheConsultationsRemainsOnDiskAfterARestart()
{
    m_raw = {};
    m_rawWaiting.reset();
    m_real = nullptr;
    m_realWaiting = nullptr;
    m_server = nullptr;
    m_scenario.reset();
    m_restarted = std::make_unique<TestServer>([this](ServerConfig &config) { config.dataDirectory = m_data.path(); });
    QVERIFY(m_restarted->start());
    m_server = m_restarted.get();

    QStringList files;
    QDirIterator it(m_data.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QFileInfo(it.next()).fileName());
    qInfo("data directory: %s", qPrintable(files.join(QStringLiteral(", "))));
    QVERIFY(files.contains(m_server->config().databaseFile));

    for (const QString &canary : std::as_const(m_canaries)) {
        const QStringList hits = filesContaining(m_data.path(), canary);
        QVERIFY2(hits.isEmpty(), qPrintable(canary + QStringLiteral(" found in ") + hits.join(u' ')));
    }
}

// R2: sessions never survive a restart; a client that comes back gets "cannot be resumed".
void TestShutdown::aResumeAfterTheRestartIsRefused()
{
    QVERIFY(m_server);
    RawClient returning;
    returning.channel() = m_channels.first();
    QVERIFY(returning.open(m_server->endpoint()));
    returning.sendResume(m_rawCustomerToken);
    const auto error = returning.waitForError(0);
    QVERIFY(error);
    QCOMPARE(error->code(), wire::ERROR_RESUME_REFUSED);
    QVERIFY(returning.waitForClosed());
    QCOMPARE(returning.closeCode(), QWebSocketProtocol::CloseCode(4001));
}

CONSULT_TEST_MAIN_WITH_EPOLL(TestShutdown)
#include "TestShutdown.moc"
