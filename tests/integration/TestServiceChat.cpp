// The service chat of seed 000 end to end, through a real server with real TLS: log-in with name,
// phone and notices; all advisors busy, wait, taken, greeted, chat, end; leave a message instead;
// switch from waiting to a message; opening hours; the advisor's inbox.
#include "support/EpollTestMain.h"
#include "support/Scenario.h"

#include <QSignalSpy>

using namespace consult;
using namespace consult::testing;

namespace {

AdvisorSpec account(const QString &username, const QString &name = {}, int capacity = 1)
{
    AdvisorSpec spec;
    spec.username = username;
    spec.displayName = name;
    spec.capacity = capacity;
    return spec;
}

CustomerSpec customerSpec(const QString &name, const QString &phone, const QString &language = QStringLiteral("de"))
{
    CustomerSpec spec;
    spec.name = name;
    spec.phone = phone;
    spec.language = language;
    return spec;
}

} // namespace

class TestServiceChat final : public QObject
{
    Q_OBJECT
private slots:
    void theNoticesArriveWithTheWelcome()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        CustomerClient *customer = scenario.customerAtNotices();
        QVERIFY(customer);
        QCOMPARE(customer->notices().size(), 3);
        for (const wire::Notice &notice : customer->notices()) {
            QVERIFY(!notice.title().empty());
            QVERIFY(!notice.text().empty());
            QVERIFY(!notice.version().empty());
        }
        QVERIFY(customer->serviceHours().open_now());
    }

    void allBusyThenWaitThenTakenGreetedChatAndEnd()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        scenario.addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 1));
        AdvisorClient *advisor = scenario.logIn(account(QStringLiteral("anna")));
        QVERIFY(advisor);

        // The only advisor takes a first customer: now all advisors are busy.
        CustomerClient *first = scenario.customerLoggingIn(
            customerSpec(QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234")));
        QVERIFY(first);
        CONSULT_WAIT_FOR(first->phase() == CustomerClient::Phase::Waiting, 5000);
        QVERIFY(!first->queueStatus().all_advisors_busy());
        CONSULT_WAIT_FOR(advisor->queue()->rowCount() == 1, 5000);
        QVERIFY(scenario.take(*advisor, *first, Take::Next));

        // Seed 000 note: the second customer is told that all advisors are busy and waits.
        CustomerClient *second =
            scenario.customerLoggingIn(customerSpec(QStringLiteral("Max Müller"), QStringLiteral("+49 171 1234567")));
        QVERIFY(second);
        CONSULT_WAIT_FOR(second->phase() == CustomerClient::Phase::Waiting, 5000);
        QVERIFY(second->queueStatus().all_advisors_busy());
        QCOMPARE(second->queueStatus().position(), 1u);
        QVERIFY(second->queueStatus().expected_wait_seconds() > 0);
        QCOMPARE(second->phoneE164(), QStringLiteral("+491711234567"));
        CONSULT_WAIT_FOR(advisor->queue()->rowCount() == 1, 5000);
        QCOMPARE(advisor->queue()
                     ->data(advisor->queue()->index(0, AdvisorQueueModel::NameColumn), Qt::DisplayRole)
                     .toString(),
                 QStringLiteral("Max Müller"));

        // The first consultation ends: the second customer learns an advisor is free.
        first->endConsultation();
        CONSULT_WAIT_FOR(first->phase() == CustomerClient::Phase::Ended, 5000);
        QCOMPARE(first->endReason(), wire::END_REASON_CUSTOMER_ENDED);
        CONSULT_WAIT_FOR(!second->queueStatus().all_advisors_busy(), 5000);

        // Taken, and greeted by the advisor's name (seed 000 step 3).
        QVERIFY(scenario.take(*advisor, *second, Take::Next));
        QCOMPARE(second->advisorName(), QStringLiteral("Anna Berger"));
        CONSULT_WAIT_FOR(second->chat()->rowCount() == 1, 5000);
        const ChatLine greeting = second->chat()->lines().first();
        QCOMPARE(greeting.author, wire::PARTY_ADVISOR);
        QVERIFY(greeting.text.contains(QStringLiteral("Anna Berger")));
        QVERIFY(greeting.text.startsWith(QStringLiteral("Guten Tag")));
        CONSULT_WAIT_FOR(advisor->queue()->rowCount() == 0, 5000);

        // Chat both ways, with delivery receipts.
        const QStringList ids = advisor->consultationIds();
        QString consultationId;
        for (const QString &id : ids) {
            if (!advisor->consultation(id)->ended)
                consultationId = id;
        }
        QVERIFY(!consultationId.isEmpty());
        AdvisorConsultation *consultation = advisor->consultation(consultationId);
        QCOMPARE(consultation->customerName, QStringLiteral("Max Müller"));
        QCOMPARE(consultation->customerPhoneE164, QStringLiteral("+491711234567"));

        second->noteTyping();
        CONSULT_WAIT_FOR(consultation->peerTyping, 5000);
        second->sendChat(QStringLiteral("Wie hoch ist das Tageslimit meiner Karte?"));
        CONSULT_WAIT_FOR(consultation->chat->rowCount() == 2, 5000);
        QCOMPARE(consultation->chat->lines().last().text, QStringLiteral("Wie hoch ist das Tageslimit meiner Karte?"));
        QCOMPARE(consultation->chat->lines().last().authorName, QStringLiteral("Max Müller"));
        QVERIFY(!consultation->peerTyping);
        CONSULT_WAIT_FOR(second->chat()->lines().last().delivery == ChatLine::Delivery::Delivered, 5000);

        advisor->sendChat(consultationId, QStringLiteral("Das Limit liegt bei 1.000 € am Tag."));
        CONSULT_WAIT_FOR(second->chat()->rowCount() == 3, 5000);
        QCOMPARE(second->chat()->lines().last().text, QStringLiteral("Das Limit liegt bei 1.000 € am Tag."));
        QVERIFY(!second->chat()->lines().last().own);
        CONSULT_WAIT_FOR(consultation->chat->lines().last().delivery == ChatLine::Delivery::Delivered, 5000);

        // The advisor ends; the customer sees it clearly and the session closes.
        advisor->endConsultation(consultationId);
        CONSULT_WAIT_FOR(second->phase() == CustomerClient::Phase::Ended, 5000);
        QCOMPARE(second->endReason(), wire::END_REASON_ADVISOR_ENDED);
        CONSULT_WAIT_FOR(consultation->ended, 5000);
        CONSULT_WAIT_FOR(second->connection().state() == ClientConnection::State::Closed, 5000);
        QCOMPARE(scenario.server().core().consultations().count(), 0);
        CONSULT_WAIT_FOR(advisor->status().active_consultations() == 0, 5000);
    }

    void aCustomerWhoIsBusyLeavesAMessageAndTheAdvisorWorksItOff()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        scenario.addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 1));
        scenario.addAccount(account(QStringLiteral("bernd"), QStringLiteral("Bernd Klein"), 1));
        AdvisorClient *anna = scenario.logIn(account(QStringLiteral("anna")));
        QVERIFY(anna);
        AdvisorClient *bernd = scenario.logIn(account(QStringLiteral("bernd")));
        QVERIFY(bernd);
        anna->setAvailable(false);
        bernd->setAvailable(false);

        CustomerClient *customer = scenario.customerLoggingIn(
            customerSpec(QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234")));
        QVERIFY(customer);
        CONSULT_WAIT_FOR(customer->phase() == CustomerClient::Phase::Waiting, 5000);
        CONSULT_WAIT_FOR(customer->queueStatus().all_advisors_busy(), 5000);
        QSignalSpy stored(customer, &CustomerClient::messageStored);
        customer->leaveMessage(QStringLiteral("Bitte rufen Sie mich wegen meines Dauerauftrags zurück."));
        CONSULT_WAIT_FOR(customer->phase() == CustomerClient::Phase::MessageStored, 5000);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().at(1).toInt(), scenario.server().config().inboxRetentionDays);

        // Both advisors see it live, with the phone for the call-back.
        CONSULT_WAIT_FOR(anna->inbox()->rowCount() == 1 && bernd->inbox()->rowCount() == 1, 5000);
        const wire::InboxItem item = anna->inbox()->items().first();
        QCOMPARE(QString::fromStdString(item.name()), QStringLiteral("Erika Mustermann"));
        QCOMPARE(QString::fromStdString(item.phone_e164()), QStringLiteral("+495617001234"));
        QCOMPARE(QString::fromStdString(item.text()),
                 QStringLiteral("Bitte rufen Sie mich wegen meines Dauerauftrags zurück."));
        // The queue place was given up.
        CONSULT_WAIT_FOR(anna->queue()->rowCount() == 0, 5000);

        // Done by one removes it for every advisor, and the server deletes it.
        anna->markInboxItemDone(QString::fromStdString(item.item_id()));
        CONSULT_WAIT_FOR(anna->inbox()->rowCount() == 0 && bernd->inbox()->rowCount() == 0, 5000);
        QCOMPARE(scenario.server().core().inbox().snapshot().items_size(), 0);

        // A late advisor who logs in later sees an empty inbox.
        scenario.addAccount(account(QStringLiteral("carla"), QStringLiteral("Carla Roth"), 1));
        AdvisorClient *carla = scenario.logIn(account(QStringLiteral("carla")));
        QVERIFY(carla);
        QCOMPARE(carla->inbox()->rowCount(), 0);
    }

    void aStoredMessageSurvivesAServerRestart()
    {
        // Lesson 2: a stored message is never lost. Same data directory, a new server process state.
        QTemporaryDir data;
        const auto useDirectory = [&](ServerConfig &config) { config.dataDirectory = data.path(); };
        {
            Scenario scenario(useDirectory);
            QVERIFY(scenario.start());
            CustomerClient *customer = scenario.customerLoggingIn(
                customerSpec(QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234")));
            QVERIFY(customer);
            CONSULT_WAIT_FOR(customer->phase() == CustomerClient::Phase::Waiting, 5000);
            customer->leaveMessage(QStringLiteral("Rückruf bitte morgen früh."), QStringLiteral("0171 2345678"));
            CONSULT_WAIT_FOR(customer->phase() == CustomerClient::Phase::MessageStored, 5000);
        }
        TestServer restarted(useDirectory);
        QVERIFY(restarted.start());
        const wire::InboxSnapshot snapshot = restarted.core().inbox().snapshot();
        QCOMPARE(snapshot.items_size(), 1);
        QCOMPARE(QString::fromStdString(snapshot.items(0).phone_e164()), QStringLiteral("+491712345678"));
    }

    void waitingCanTurnIntoAMessageAtAnyMomentAndTheOthersMoveUp()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        scenario.addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 1));
        AdvisorClient *advisor = scenario.logIn(account(QStringLiteral("anna")));
        QVERIFY(advisor);
        advisor->setAvailable(false);

        std::vector<CustomerClient *> customers;
        const QStringList names = {QStringLiteral("Anton Alt"), QStringLiteral("Berta Bunt"),
                                   QStringLiteral("Carl Clever"), QStringLiteral("Dora Dunkel")};
        for (const QString &name : names) {
            customers.push_back(scenario.customerLoggingIn(customerSpec(name, QStringLiteral("0561 7001234"))));
            QVERIFY(customers.back());
            CONSULT_WAIT_FOR(customers.back()->phase() == CustomerClient::Phase::Waiting, 5000);
        }
        for (int i = 0; i < 4; ++i)
            CONSULT_WAIT_FOR(customers[i]->queueStatus().position() == quint32(i + 1), 5000);
        CONSULT_WAIT_FOR(advisor->queue()->rowCount() == 4, 5000);

        // The second turns the wait into a message: the ones behind move up, the first does not change.
        QSignalSpy firstUpdates(customers[0], &CustomerClient::queueStatusChanged);
        customers[1]->leaveMessage(QStringLiteral("Ich kann nicht länger warten, bitte Rückruf."));
        CONSULT_WAIT_FOR(customers[1]->phase() == CustomerClient::Phase::MessageStored, 5000);
        CONSULT_WAIT_FOR(customers[2]->queueStatus().position() == 2u, 5000);
        CONSULT_WAIT_FOR(customers[3]->queueStatus().position() == 3u, 5000);
        CONSULT_WAIT_FOR(advisor->queue()->rowCount() == 3 && advisor->inbox()->rowCount() == 1, 5000);
        QCOMPARE(customers[0]->queueStatus().position(), 1u);
        QCOMPARE(firstUpdates.size(), 0); // O(changed): nothing is sent to whom nothing changed

        // Leaving without a message gives the place up at once.
        customers[2]->leaveQueue();
        CONSULT_WAIT_FOR(customers[2]->phase() == CustomerClient::Phase::Ended, 5000);
        CONSULT_WAIT_FOR(customers[3]->queueStatus().position() == 2u, 5000);
        CONSULT_WAIT_FOR(advisor->queue()->rowCount() == 2, 5000);

        // The advisor picks a chosen customer, not the head.
        advisor->setAvailable(true);
        advisor->take(advisor->queue()->entryIdAt(1));
        CONSULT_WAIT_FOR(customers[3]->phase() == CustomerClient::Phase::Consulting, 5000);
        QCOMPARE(customers[0]->phase(), CustomerClient::Phase::Waiting);
    }

    void outsideOpeningHoursOnlyAMessageIsPossible()
    {
        // Closed every day of the week: the queue is not offered, a message is.
        QMap<QString, QString> week;
        for (const char *day : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
            week.insert(QString::fromLatin1(day), QStringLiteral("closed"));
        auto hours = OpeningHours::parse(week, {}, QStringLiteral("Europe/Berlin"));
        QVERIFY(hours.ok());
        Scenario scenario({}, hours.value());
        QVERIFY(scenario.start());
        CustomerClient *customer = scenario.customerLoggingIn(
            customerSpec(QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234")));
        QVERIFY(customer);
        CONSULT_WAIT_FOR(customer->phase() == CustomerClient::Phase::MessageOnly, 5000);
        QCOMPARE(customer->queueStatus().state(), wire::QUEUE_STATE_CLOSED_MESSAGE_ONLY);
        QVERIFY(!customer->serviceHours().open_now());
        QCOMPARE(scenario.server().core().queue().length(), 0);
        customer->leaveMessage(QStringLiteral("Bitte um Rückruf am Montag."));
        CONSULT_WAIT_FOR(customer->phase() == CustomerClient::Phase::MessageStored, 5000);
    }

    void aFullQueueOffersAMessage()
    {
        Scenario scenario([](ServerConfig &config) { config.maxQueueLength = 1; });
        QVERIFY(scenario.start());
        CustomerClient *first =
            scenario.customerLoggingIn(customerSpec(QStringLiteral("Anton Alt"), QStringLiteral("0561 7001234")));
        QVERIFY(first);
        CONSULT_WAIT_FOR(first->phase() == CustomerClient::Phase::Waiting, 5000);
        CustomerClient *second =
            scenario.customerLoggingIn(customerSpec(QStringLiteral("Berta Bunt"), QStringLiteral("0561 7001234")));
        QVERIFY(second);
        CONSULT_WAIT_FOR(second->phase() == CustomerClient::Phase::MessageOnly, 5000);
        QCOMPARE(second->queueStatus().state(), wire::QUEUE_STATE_FULL_MESSAGE_ONLY);
    }

    void expectedWaitIsUnknownWithoutAdvisorsAndShrinksWhenOneComes()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        scenario.addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 2));
        CustomerClient *customer = scenario.customerLoggingIn(
            customerSpec(QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234")));
        QVERIFY(customer);
        CONSULT_WAIT_FOR(customer->phase() == CustomerClient::Phase::Waiting, 5000);
        QCOMPARE(customer->queueStatus().expected_wait_seconds(), -1);
        QVERIFY(customer->queueStatus().all_advisors_busy());
        AdvisorClient *advisor = scenario.logIn(account(QStringLiteral("anna")));
        QVERIFY(advisor);
        CONSULT_WAIT_FOR(customer->queueStatus().expected_wait_seconds() > 0, 5000);
        QVERIFY(!customer->queueStatus().all_advisors_busy());
    }

    void englishCustomersAreGreetedInEnglish()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        scenario.addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 1));
        AdvisorClient *advisor = scenario.logIn(account(QStringLiteral("anna")));
        QVERIFY(advisor);
        CustomerClient *customer = scenario.customerLoggingIn(
            customerSpec(QStringLiteral("Jane Doe"), QStringLiteral("+44 20 7946 0958"), QStringLiteral("en")));
        QVERIFY(customer);
        CONSULT_WAIT_FOR(customer->phase() == CustomerClient::Phase::Waiting, 5000);
        QVERIFY(customer->notices().first().title().find("notice") != std::string::npos);
        QVERIFY(scenario.take(*advisor, *customer, Take::Next));
        CONSULT_WAIT_FOR(customer->chat()->rowCount() == 1, 5000);
        QVERIFY(customer->chat()->lines().first().text.startsWith(QStringLiteral("Hello, this is Anna Berger")));
    }

    void loginRefusals_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty name") << QString() << QStringLiteral("0561 7001234") << int(wire::ERROR_INVALID_INPUT)
                                    << QStringLiteral("name");
        QTest::newRow("digits in name") << QStringLiteral("R2D2") << QStringLiteral("0561 7001234")
                                        << int(wire::ERROR_INVALID_INPUT) << QStringLiteral("name");
        QTest::newRow("markup in name") << QStringLiteral("<b>Eve</b>") << QStringLiteral("0561 7001234")
                                        << int(wire::ERROR_INVALID_INPUT) << QStringLiteral("name");
        QTest::newRow("no phone") << QStringLiteral("Erika Mustermann") << QString() << int(wire::ERROR_INVALID_INPUT)
                                  << QStringLiteral("phone");
        QTest::newRow("letters in phone") << QStringLiteral("Erika Mustermann") << QStringLiteral("0561 CALLME")
                                          << int(wire::ERROR_INVALID_INPUT) << QStringLiteral("phone");
        QTest::newRow("too short phone") << QStringLiteral("Erika Mustermann") << QStringLiteral("0561 1")
                                         << int(wire::ERROR_INVALID_INPUT) << QStringLiteral("phone");
    }

    void loginRefusals()
    {
        QFETCH(QString, name);
        QFETCH(QString, phone);
        QFETCH(int, code);
        QFETCH(QString, field);
        Scenario scenario;
        QVERIFY(scenario.start());
        CustomerClient *customer = scenario.customerAtNotices();
        QVERIFY(customer);
        QSignalSpy refused(customer, &CustomerClient::loginRefused);
        customer->login(name, phone, wire::CONSULTATION_MODE_CHAT);
        CONSULT_WAIT_FOR(refused.size() == 1, 5000);
        QCOMPARE(refused.first().at(0).value<wire::ErrorCode>(), wire::ErrorCode(code));
        QCOMPARE(refused.first().at(1).toString(), field);
        QCOMPARE(customer->phase(), CustomerClient::Phase::ReadingNotices);
        // Bad input loses nothing: a corrected log-in goes through on the same connection.
        customer->login(QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234"),
                        wire::CONSULTATION_MODE_CHAT);
        CONSULT_WAIT_FOR(customer->phase() == CustomerClient::Phase::Waiting, 5000);
    }

    void entriesPerAddressAreLimited()
    {
        // S3: a sixth entry from one address within ten minutes is refused with a clear error.
        Scenario scenario([](ServerConfig &config) { config.entriesPerAddress = 5; });
        QVERIFY(scenario.start());
        std::vector<CustomerClient *> customers;
        for (int i = 0; i < 5; ++i) {
            customers.push_back(
                scenario.customerLoggingIn(customerSpec(QStringLiteral("Anton Alt"), QStringLiteral("0561 7001234"))));
            QVERIFY(customers.back());
            CONSULT_WAIT_FOR(customers.back()->phase() == CustomerClient::Phase::Waiting, 5000);
        }
        CustomerClient *sixth = scenario.customerAtNotices();
        QVERIFY(sixth);
        QSignalSpy refused(sixth, &CustomerClient::loginRefused);
        sixth->login(QStringLiteral("Anton Alt"), QStringLiteral("0561 7001234"), wire::CONSULTATION_MODE_CHAT);
        CONSULT_WAIT_FOR(refused.size() == 1, 5000);
        QCOMPARE(refused.first().at(0).value<wire::ErrorCode>(), wire::ERROR_RATE_LIMITED);
        QVERIFY(refused.first().at(2).toInt() > 0);
        QCOMPARE(scenario.server().core().queue().length(), 5);
    }

    void theAdvisorSeesTheCustomerReconnecting()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        scenario.addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 1));
        AdvisorClient *advisor = scenario.logIn(account(QStringLiteral("anna")));
        QVERIFY(advisor);
        CustomerClient *customer = scenario.customerLoggingIn(
            customerSpec(QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234")));
        QVERIFY(customer);
        CONSULT_WAIT_FOR(customer->phase() == CustomerClient::Phase::Waiting, 5000);
        QVERIFY(scenario.take(*advisor, *customer, Take::Next));
        const QString id = advisor->consultationIds().first();
        QSignalSpy presence(advisor, &AdvisorClient::peerPresenceChanged);
        customer->connection().simulateNetworkLoss();
        CONSULT_WAIT_FOR(presence.size() >= 2, 10000);
        QCOMPARE(presence.at(0).at(1).value<wire::PeerState>(), wire::PEER_STATE_RECONNECTING);
        QCOMPARE(presence.at(1).at(1).value<wire::PeerState>(), wire::PEER_STATE_CONNECTED);
        QCOMPARE(advisor->consultation(id)->peerState, wire::PEER_STATE_CONNECTED);
        QCOMPARE(customer->phase(), CustomerClient::Phase::Consulting);
    }
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestServiceChat)
#include "TestServiceChat.moc"
