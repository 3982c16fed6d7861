// R1: across network drops the reliable class delivers every message exactly once
// and in order. Both participants talk through a loopback TCP proxy the test cuts over and over
// during a conversation of several hundred messages in each direction.
#include "support/EpollTestMain.h"
#include "support/Scenario.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTimer>

using namespace consult;
using namespace consult::testing;

namespace {

QStringList incomingTexts(const ChatModel &chat)
{
    QStringList texts;
    for (const ChatLine &line : chat.lines()) {
        if (!line.own)
            texts.append(line.text);
    }
    return texts;
}

// One advisor with one place and a chat customer, both connected through the cutting proxy.
ConsultationSpec bothThroughTheProxy()
{
    ConsultationSpec spec;
    spec.advisor.capacity = 1;
    spec.advisor.route = Route::CuttingProxy;
    spec.customer.route = Route::CuttingProxy;
    spec.take = Take::Next;
    return spec;
}

// As above, with the advisor connected directly: only the customer's line is cut.
ConsultationSpec customerThroughTheProxy()
{
    ConsultationSpec spec = bothThroughTheProxy();
    spec.advisor.route = Route::Direct;
    return spec;
}

} // namespace

class TestResume final : public QObject
{
    Q_OBJECT
private slots:
    void noMessageIsLostDuplicatedOrReorderedAcrossTwentyCuts()
    {
        constexpr int kMessagesEachWay = 300;
        constexpr int kMinimumCuts = 20;
        Scenario scenario([](ServerConfig &config) {
            // The test sends faster than a person types; the limits have their own tests.
            config.chatPerSecond = 10'000;
            config.chatBurst = 10'000;
            config.controlPerSecond = 10'000;
            config.controlBurst = 10'000;
            config.envelopesPerSecond = 100'000;
            config.envelopeBurst = 100'000;
        });
        QVERIFY(scenario.start());
        TestConsultation *taken = scenario.consultation(bothThroughTheProxy());
        QVERIFY(taken);
        TcpProxy &proxy = scenario.proxy();
        AdvisorClient *advisor = taken->advisor;
        CustomerClient *customer = taken->customer;
        const QString consultationId = taken->id;
        AdvisorConsultation *consultation = taken->atAdvisor();
        QVERIFY(consultation);

        // Send both ways at a steady pace while cutting the proxy every 120 ms.
        int sentByCustomer = 0;
        int sentByAdvisor = 0;
        int cuts = 0;
        int cutsWhileSending = 0;
        QTimer sender;
        sender.setInterval(12); // 300 messages each way over about 3.6 s: about 30 cuts land in the traffic
        connect(&sender, &QTimer::timeout, this, [&] {
            if (sentByCustomer < kMessagesEachWay)
                customer->sendChat(QStringLiteral("c-%1").arg(sentByCustomer++));
            if (sentByAdvisor < kMessagesEachWay)
                advisor->sendChat(consultationId, QStringLiteral("a-%1").arg(sentByAdvisor++));
        });
        QTimer cutter;
        cutter.setInterval(120);
        connect(&cutter, &QTimer::timeout, this, [&] {
            proxy.cutAll();
            ++cuts;
            if (sentByCustomer < kMessagesEachWay || sentByAdvisor < kMessagesEachWay)
                ++cutsWhileSending;
        });
        sender.start();
        cutter.start();
        CONSULT_WAIT_FOR(
            sentByCustomer == kMessagesEachWay && sentByAdvisor == kMessagesEachWay && cuts >= kMinimumCuts, 120000);
        cutter.stop();
        sender.stop();

        // Everything arrives once the connections are back.
        CONSULT_WAIT_FOR(incomingTexts(*consultation->chat).size() >= kMessagesEachWay &&
                             incomingTexts(*customer->chat()).size() >= kMessagesEachWay + 1,
                         60000);
        QTest::qWait(300); // a duplicate would show up now

        QStringList expectedAtAdvisor;
        QStringList expectedAtCustomer;
        for (int i = 0; i < kMessagesEachWay; ++i) {
            expectedAtAdvisor.append(QStringLiteral("c-%1").arg(i));
            expectedAtCustomer.append(QStringLiteral("a-%1").arg(i));
        }
        QCOMPARE(incomingTexts(*consultation->chat), expectedAtAdvisor);
        QStringList atCustomer = incomingTexts(*customer->chat());
        QVERIFY(atCustomer.first().startsWith(QStringLiteral("Guten Tag"))); // the greeting
        atCustomer.removeFirst();
        QCOMPARE(atCustomer, expectedAtCustomer);

        // Every own line was accepted by the server and confirmed as delivered.
        CONSULT_WAIT_FOR(std::all_of(customer->chat()->lines().begin(), customer->chat()->lines().end(),
                                     [](const ChatLine &line) {
                                         return !line.own || line.delivery == ChatLine::Delivery::Delivered;
                                     }),
                         30000);
        CONSULT_WAIT_FOR(std::all_of(consultation->chat->lines().begin(), consultation->chat->lines().end(),
                                     [](const ChatLine &line) {
                                         return !line.own || line.delivery == ChatLine::Delivery::Delivered;
                                     }),
                         30000);
        QVERIFY2(cutsWhileSending >= kMinimumCuts, qPrintable(QString::number(cutsWhileSending)));
        QVERIFY(proxy.acceptedCount() > kMinimumCuts); // the clients really came back through new connections
        QCOMPARE(customer->phase(), CustomerClient::Phase::Consulting);
        qInfo("%d cuts (%d during the traffic), %d connections through the proxy", cuts, cutsWhileSending,
              proxy.acceptedCount());
    }

    void messagesTypedWhileDisconnectedAreSentAfterTheResume()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        TestConsultation *taken = scenario.consultation(customerThroughTheProxy());
        QVERIFY(taken);
        TcpProxy &proxy = scenario.proxy();
        CustomerClient *customer = taken->customer;
        AdvisorConsultation *consultation = taken->atAdvisor();

        proxy.setRefusing(true);
        proxy.cutAll();
        CONSULT_WAIT_FOR(customer->connection().state() == ClientConnection::State::Reconnecting, 5000);
        CONSULT_WAIT_FOR(consultation->peerState == wire::PEER_STATE_RECONNECTING, 5000);
        customer->sendChat(QStringLiteral("Geschrieben, während die Verbindung weg war."));
        QCOMPARE(customer->chat()->lines().last().delivery, ChatLine::Delivery::Sending);
        QTest::qWait(500);
        QCOMPARE(consultation->chat->rowCount(), 1); // only the greeting so far

        proxy.setRefusing(false);
        CONSULT_WAIT_FOR(consultation->chat->rowCount() == 2, 10000);
        QCOMPARE(consultation->chat->lines().last().text,
                 QStringLiteral("Geschrieben, während die Verbindung weg war."));
        CONSULT_WAIT_FOR(consultation->peerState == wire::PEER_STATE_CONNECTED, 5000);
        CONSULT_WAIT_FOR(customer->chat()->lines().last().delivery == ChatLine::Delivery::Delivered, 5000);
    }

    // I5 with S10: with the default limits (5 lines a second, 20 at once), 30 lines written at 4 a
    // second while cut off arrive together on resume, and none is refused.
    void linesWrittenAtAPersonsPaceWhileCutOffAreAllRelayedWithTheDefaultLimits()
    {
        constexpr int kLines = 30;
        Scenario scenario;
        QVERIFY(scenario.start());
        TestConsultation *taken = scenario.consultation(customerThroughTheProxy());
        QVERIFY(taken);
        TcpProxy &proxy = scenario.proxy();
        CustomerClient *customer = taken->customer;
        AdvisorConsultation *consultation = taken->atAdvisor();

        proxy.setRefusing(true);
        proxy.cutAll();
        CONSULT_WAIT_FOR(customer->connection().state() == ClientConnection::State::Reconnecting, 5000);
        int written = 0;
        QTimer writer;
        writer.setInterval(250);
        connect(&writer, &QTimer::timeout, this, [&] {
            if (written < kLines)
                customer->sendChat(QStringLiteral("Zeile %1").arg(++written));
        });
        writer.start();
        CONSULT_WAIT_FOR(written == kLines, 20000);
        writer.stop();
        QCOMPARE(consultation->chat->rowCount(), 1); // only the greeting so far

        proxy.setRefusing(false);
        CONSULT_WAIT_FOR(consultation->chat->rowCount() == kLines + 1, 15000);
        CONSULT_WAIT_FOR(std::all_of(customer->chat()->lines().begin(), customer->chat()->lines().end(),
                                     [](const ChatLine &line) {
                                         return !line.own || line.delivery == ChatLine::Delivery::Delivered;
                                     }),
                         10000);
        QCOMPARE(consultation->chat->lines().last().text, QStringLiteral("Zeile %1").arg(kLines));
    }

    void aCustomerWhoDoesNotComeBackWithinTheGraceEndsTheConsultationCleanly()
    {
        Scenario scenario([](ServerConfig &config) { config.resumeTtlSeconds = 1; });
        QVERIFY(scenario.start());
        TestConsultation *taken = scenario.consultation(customerThroughTheProxy());
        QVERIFY(taken);
        TcpProxy &proxy = scenario.proxy();
        AdvisorClient *advisor = taken->advisor;
        CustomerClient *customer = taken->customer;
        const QString id = customer->consultationId();

        proxy.setRefusing(true);
        proxy.cutAll();
        QSignalSpy ended(advisor, &AdvisorClient::consultationEnded);
        CONSULT_WAIT_FOR(ended.size() == 1, 10000);
        QCOMPARE(ended.first().at(1).value<wire::EndReason>(), wire::END_REASON_CUSTOMER_LOST);
        // The advisor's place is free again and the customer's client gives up with a clear state.
        CONSULT_WAIT_FOR(advisor->status().active_consultations() == 0, 5000);
        CONSULT_WAIT_FOR(customer->phase() == CustomerClient::Phase::Failed, 10000);
        QCOMPARE(customer->connection().failure(), ClientConnection::Failure::ResumeRefused);
        QCOMPARE(scenario.server().core().consultations().count(), 0);
        Q_UNUSED(id);
    }
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestResume)
#include "TestResume.moc"
