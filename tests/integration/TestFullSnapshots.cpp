// I9 end to end, through a real server with real TLS: an advisor logs in against a full
// inbox of maximum-size left messages and a full queue of 10,000 maximum-size entries. Before the
// snapshots were paged, the queue alone came as one message of about 11 MB: the client refused the
// frame (limit 1 MiB), resumed, got it again, forever, and no advisor could work. Now the advisor
// logs in once, stays connected, and sees every entry and every message; no frame comes near the
// client's limit. A full inbox refuses the next message plainly, and a connection lost in the middle
// of a snapshot resumes it with nothing lost or repeated.
//
// The queue is filled through the queue service's own API (QueueService::enqueue, as CustomerDesk
// calls it after validation) with values produced by the real validators, because 10,000 TLS customer
// sessions in one test process take far more than a minute and gigabytes; the last few entries come
// from real customer sessions through the real log-in, with the same maximum-size input. Likewise
// the inbox is filled through InboxService::store and completed by a real customer's message.
#include "support/EpollTestMain.h"
#include "support/RawClient.h"
#include "support/TestAccounts.h"
#include "support/TestClients.h"
#include "support/TestServer.h"
#include "validation/CodePoints.h"
#include "validation/DisplayName.h"
#include "validation/PhoneNumber.h"
#include "validation/TextNormaliser.h"

#include <QElapsedTimer>
#include <QSignalSpy>

using namespace consult;
using namespace consult::testing;
using Phase = CustomerClient::Phase;

namespace {

constexpr qsizetype kClientFrameLimit = 1024 * 1024; // ClientConnection's incoming limit
constexpr int kRealCustomersInQueue = 5;

QString repeated(char32_t codePoint, int count)
{
    QString text;
    for (int i = 0; i < count; ++i)
        validation::appendCodePoint(text, codePoint);
    return text;
}

// A system check with every figure at the cap CustomerDesk keeps.
wire::SystemCheck largestCheck()
{
    wire::SystemCheck check;
    check.set_camera(wire::CHECK_OUTCOME_TOO_SLOW);
    check.set_microphone(wire::CHECK_OUTCOME_TOO_SLOW);
    check.set_speaker(wire::CHECK_OUTCOME_TOO_SLOW);
    check.set_connection(wire::CHECK_OUTCOME_TOO_SLOW);
    check.set_download_kbps(10'000'000);
    check.set_upload_kbps(10'000'000);
    check.set_round_trip_ms(60'000);
    return check;
}

// The largest input each field accepts, in UTF-8 bytes: letters and text characters of four bytes
// each, the system check at its caps.
struct LargestInput
{
    QString name = repeated(U'\U00020000', validation::kMaxNameCodePoints); // CJK letter, 4 bytes
    QString phone;                                                          // the longest accepted
    wire::SystemCheck systemCheck = largestCheck();                         // every field at its cap
    QString text = repeated(U'\U0001F600', validation::kMaxChatCodePoints); // 4 bytes each
};

LargestInput largestInput()
{
    LargestInput input;
    for (const char *candidate :
         {"+49 30 12345678901", "+49 30 1234567890", "+49 30 123456789", "+49 1512 34567890", "+49 1512 3456789"}) {
        const auto phone = validation::normalisePhone(QString::fromLatin1(candidate));
        if (phone && phone.value().size() > input.phone.size())
            input.phone = phone.value();
    }
    return input;
}

// The values as the server stores them: through the validators CustomerDesk applies.
QueueService::Entry queueEntry(const LargestInput &input)
{
    QueueService::Entry entry;
    entry.name = validation::normaliseName(input.name).value();
    entry.phoneE164 = input.phone;
    entry.mode = wire::CONSULTATION_MODE_VIDEO;
    entry.systemCheck = input.systemCheck;
    entry.language = QStringLiteral("de");
    return entry; // sessionId 0: no session, so no one to send a QueueStatus to
}

std::unique_ptr<CustomerClient> customerLoggedIn(TestServer &server, const LargestInput &input, Phase expected)
{
    auto customer = makeCustomer();
    customer->start(server.endpoint());
    [&] { CONSULT_WAIT_FOR(customer->phase() == Phase::ReadingNotices, 10000); }();
    customer->login(input.name, input.phone, wire::CONSULTATION_MODE_VIDEO, &input.systemCheck);
    [&] { CONSULT_WAIT_FOR(customer->phase() == expected, 10000); }();
    return customer;
}

// The ids of queue entries (a QList or a repeated field), in order.
template <typename Entries>
QStringList entryIds(const Entries &entries)
{
    QStringList ids;
    for (const wire::QueueEntry &entry : entries)
        ids.append(QString::fromStdString(entry.entry_id()));
    return ids;
}

template <typename Items>
QStringList itemIds(const Items &items)
{
    QStringList ids;
    for (const wire::InboxItem &item : items)
        ids.append(QString::fromStdString(item.item_id()));
    return ids;
}

bool isLastPage(const wire::Envelope &envelope)
{
    return (envelope.has_queue_snapshot() && envelope.queue_snapshot().page().last()) ||
           (envelope.has_inbox_snapshot() && envelope.inbox_snapshot().page().last());
}

} // namespace

class TestFullSnapshots final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_input = largestInput();
        // The inputs are the largest the validators accept, so the sizes below are the worst case.
        QVERIFY(validation::normaliseName(m_input.name).ok());
        QVERIFY(!validation::normaliseName(m_input.name + QStringLiteral("a")).ok());
        QCOMPARE(validation::normaliseName(m_input.name).value().toUtf8().size(), 400);
        QVERIFY(validation::normaliseChatText(m_input.text).ok());
        QVERIFY(!validation::normaliseChatText(m_input.text + QStringLiteral("a")).ok());
        QCOMPARE(m_input.text.toUtf8().size(), 16000);
        QVERIFY(m_input.phone.size() >= 14);
    }

    void anAdvisorLogsInAgainstAFullInboxAndAQueueOfTenThousand()
    {
        TestServer server;
        QVERIFY(server.start());
        // The defaults: the test proves what an operator gets without tuning anything.
        QCOMPARE(server.config().maxQueueLength, 10'000);
        const int inboxCap = server.config().inboxMaxItems;
        QCOMPARE(inboxCap, 1000);
        server.addAdvisor(QStringLiteral("anna"), QStringLiteral("Anna Berger"), kTestPassword);
        server.addAdvisor(QStringLiteral("bernd"), QStringLiteral("Bernd Brandt"), kTestPassword);
        QueueService &queue = server.core().queue();
        InboxService &inbox = server.core().inbox();

        QElapsedTimer filling;
        filling.start();
        for (int i = queue.length(); i < server.config().maxQueueLength - kRealCustomersInQueue; ++i)
            QVERIFY(queue.enqueue(queueEntry(m_input)));
        std::vector<std::unique_ptr<CustomerClient>> customers;
        for (int i = 0; i < kRealCustomersInQueue; ++i)
            customers.push_back(customerLoggedIn(server, m_input, Phase::Waiting));
        QCOMPARE(queue.length(), 10'000);
        QVERIFY(queue.isFull());

        const QString message = validation::normaliseChatText(m_input.text).value();
        const QString name = validation::normaliseName(m_input.name).value();
        for (int i = 0; i < inboxCap - 1; ++i)
            QVERIFY(inbox.store(name, m_input.phone, message).ok());
        // The last place goes to a real customer who found the queue full and left a message.
        auto last = customerLoggedIn(server, m_input, Phase::MessageOnly);
        last->leaveMessage(m_input.text);
        CONSULT_WAIT_FOR(last->phase() == Phase::MessageStored, 10000);
        // The next one is told plainly, and keeps the session (and the text, in the app).
        auto refused = customerLoggedIn(server, m_input, Phase::MessageOnly);
        QSignalSpy refusals(refused.get(), &CustomerClient::messageRefused);
        QTest::ignoreMessage(QtWarningMsg, "the inbox is full at 1000 messages; a message was refused");
        refused->leaveMessage(m_input.text);
        CONSULT_WAIT_FOR(!refusals.isEmpty(), 10000);
        QCOMPARE(refusals.first().at(0).value<wire::ErrorCode>(), wire::ERROR_INBOX_FULL);
        QCOMPARE(refused->phase(), Phase::MessageOnly);
        QCOMPARE(inbox.snapshot().items_size(), inboxCap);
        qInfo("filled the queue and the inbox in %lld ms", static_cast<long long>(filling.elapsed()));

        const wire::QueueSnapshot waiting = queue.snapshot();
        const QStringList expectedQueue = entryIds(waiting.entries());
        const wire::InboxSnapshot stored = inbox.snapshot();
        const QStringList expectedInbox = itemIds(stored.items());
        QCOMPARE(expectedQueue.size(), 10'000);
        QCOMPARE(expectedInbox.size(), inboxCap);
        // Each of the two, as one message, is several times what the client accepts in one frame.
        const auto queueBytes = static_cast<qsizetype>(waiting.ByteSizeLong());
        const auto inboxBytes = static_cast<qsizetype>(stored.ByteSizeLong());
        qInfo("the queue is %lld bytes, the inbox %lld", static_cast<long long>(queueBytes),
              static_cast<long long>(inboxBytes));
        QVERIFY(queueBytes > 4 * kClientFrameLimit);
        QVERIFY(inboxBytes > 10 * kClientFrameLimit);

        // On the wire: every frame an advisor receives stays far below the client's limit.
        {
            RawClient raw;
            QVERIFY(raw.open(server.endpoint()));
            QVERIFY(raw.hello(wire::CLIENT_KIND_ADVISOR));
            QVERIFY(raw.advisorLogin(QStringLiteral("bernd"), kTestPassword));
            int lastPages = 0;
            QVERIFY(spinUntil(
                [&] {
                    lastPages = 0;
                    for (const wire::Envelope &envelope : raw.received())
                        lastPages += isLastPage(envelope) ? 1 : 0;
                    return lastPages == 2 || raw.isClosed();
                },
                60'000));
            QVERIFY(!raw.isClosed());
            qsizetype largest = 0;
            qsizetype total = 0;
            for (const QByteArray &frame : raw.frames()) {
                largest = std::max(largest, frame.size());
                total += frame.size();
            }
            qInfo("bernd received %lld frames, %lld bytes in all, the largest %lld bytes",
                  static_cast<long long>(raw.frames().size()), static_cast<long long>(total),
                  static_cast<long long>(largest));
            QVERIFY(total >= queueBytes + inboxBytes); // what used to come in two messages
            QVERIFY2(largest <= 64 * 1024 + 64, qPrintable(QString::number(largest)));
            QVERIFY(largest < kClientFrameLimit);
            QStringList queueSeen;
            QStringList inboxSeen;
            for (const wire::Envelope &envelope : raw.received()) {
                if (envelope.has_queue_snapshot())
                    queueSeen += entryIds(envelope.queue_snapshot().entries());
                if (envelope.has_inbox_snapshot())
                    inboxSeen += itemIds(envelope.inbox_snapshot().items());
            }
            QCOMPARE(queueSeen, expectedQueue);
            QCOMPARE(inboxSeen, expectedInbox);
        }

        // The advisor app's client library: logs in once, stays connected, shows everything.
        auto advisor = makeAdvisor();
        QSignalSpy logins(advisor.get(), &AdvisorClient::loggedIn);
        QSignalSpy connectionStates(&advisor->connection(), &ClientConnection::stateChanged);
        QElapsedTimer loggingIn;
        loggingIn.start();
        advisor->loginWithPassword(server.endpoint(), QStringLiteral("anna"), kTestPassword);
        CONSULT_WAIT_FOR(advisor->phase() == AdvisorClient::Phase::Ready, 20000);
        const qsizetype statesAtLogin = connectionStates.size();
        CONSULT_WAIT_FOR(advisor->queue()->rowCount() == 10'000 && advisor->inbox()->rowCount() == inboxCap, 60000);
        qInfo("anna saw the whole queue and inbox %lld ms after asking to log in",
              static_cast<long long>(loggingIn.elapsed()));
        QCOMPARE(entryIds(advisor->queue()->entries()), expectedQueue);
        QCOMPARE(itemIds(advisor->inbox()->items()), expectedInbox);
        const wire::QueueEntry &lastEntry = advisor->queue()->entries().last();
        QCOMPARE(QString::fromStdString(lastEntry.name()), name);
        QCOMPARE(lastEntry.system_check().SerializeAsString(), m_input.systemCheck.SerializeAsString());
        QCOMPARE(QString::fromStdString(advisor->inbox()->items().last().text()), message);

        // Live again after the snapshot: a customer leaves the queue, a message is done.
        customers.front()->leaveQueue();
        advisor->markInboxItemDone(expectedInbox.first());
        CONSULT_WAIT_FOR(advisor->queue()->rowCount() == 9'999 && advisor->inbox()->rowCount() == inboxCap - 1, 10000);
        // Logged in once and connected throughout: a refused frame would have shown as a reconnect.
        QCOMPARE(logins.size(), 1);
        QCOMPARE(connectionStates.size(), statesAtLogin); // never lost, never resumed
        QCOMPARE(advisor->connection().state(), ClientConnection::State::Connected);
        QCOMPARE(advisor->phase(), AdvisorClient::Phase::Ready);
    }

    void aConnectionLostInTheMiddleOfTheSnapshotResumesIt()
    {
        TestServer server;
        QVERIFY(server.start());
        server.addAdvisor(QStringLiteral("anna"), QStringLiteral("Anna Berger"), kTestPassword);
        QueueService &queue = server.core().queue();
        for (int i = 0; i < 10'000; ++i)
            QVERIFY(queue.enqueue(queueEntry(m_input)));
        const wire::QueueSnapshot waiting = queue.snapshot();
        const QStringList expectedQueue = entryIds(waiting.entries());
        // The pages it takes by the byte bound (64 KiB a page): the loss below is in the middle.
        const auto pagesByBytes = static_cast<int>(waiting.ByteSizeLong() / (64 * 1024));
        QVERIFY(pagesByBytes > 50);

        auto advisor = makeAdvisor();
        QSignalSpy logins(advisor.get(), &AdvisorClient::loggedIn);
        int pages = 0;
        connect(&advisor->connection(), &ClientConnection::envelopeReceived, this,
                [&pages](const wire::Envelope &envelope) { pages += envelope.has_queue_snapshot() ? 1 : 0; });
        advisor->loginWithPassword(server.endpoint(), QStringLiteral("anna"), kTestPassword);
        CONSULT_WAIT_FOR(pages >= 10, 20000);
        QCOMPARE(advisor->queue()->rowCount(), 0); // in the middle: nothing shown yet
        QSignalSpy resumed(&advisor->connection(), &ClientConnection::resumed);
        advisor->connection().simulateNetworkLoss();
        CONSULT_WAIT_FOR(advisor->queue()->rowCount() == 10'000, 60000);
        QCOMPARE(resumed.size(), 1);
        QCOMPARE(logins.size(), 1);
        QCOMPARE(entryIds(advisor->queue()->entries()), expectedQueue); // each once, in order
        QVERIFY(pages >= pagesByBytes);
    }

private:
    LargestInput m_input;
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestFullSnapshots)
#include "TestFullSnapshots.moc"
