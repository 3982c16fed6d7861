// Handing a running consultation to a colleague, through a real server with real TLS and the real
// client library: the colleague receives it with the chat so far, the customer is told and greeted
// by the new advisor, the chat goes on in the same consultation, and the statistics count it once.
// Only the consultation's own advisor may hand it over (S5), and only to a colleague who is logged
// in, available and has a free place; the colleagues list in AdvisorStatus says who that is.
#include "support/EpollTestMain.h"
#include "support/RawConsultation.h"
#include "support/Scenario.h"

#include <QSignalSpy>
#include <QTextStream>

using namespace consult;
using namespace consult::testing;

namespace {

AdvisorSpec account(const QString &username, const QString &name, int capacity = 2)
{
    AdvisorSpec spec;
    spec.username = username;
    spec.displayName = name;
    spec.capacity = capacity;
    return spec;
}

CustomerSpec customerCalled(const QString &name, const QString &language = QStringLiteral("de"))
{
    CustomerSpec spec;
    spec.name = name;
    spec.language = language;
    return spec;
}

bool listsColleague(const AdvisorClient &advisor, const QString &username)
{
    const QList<wire::Colleague> colleagues = advisor.colleagues();
    return std::any_of(colleagues.begin(), colleagues.end(),
                       [&](const wire::Colleague &c) { return QString::fromStdString(c.username()) == username; });
}

QStringList texts(const ChatModel &chat)
{
    QStringList result;
    for (const ChatLine &line : chat.lines())
        result.append(line.text);
    return result;
}

int statisticsRecords(TestServer &server)
{
    QString csv;
    QTextStream out(&csv);
    if (!server.core().statistics().exportCsv(out).ok())
        return -1;
    out.flush();
    return static_cast<int>(csv.trimmed().split(u'\n').size()) - 1; // without the header
}

} // namespace

class TestTransfer final : public QObject
{
    Q_OBJECT
private slots:
    void theColleagueReceivesTheChatSoFarAndTheCustomerIsGreetedByThem()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *anna = scenario.advisor(account(QStringLiteral("anna"), QStringLiteral("Anna Berger")));
        QVERIFY(anna);
        AdvisorClient *bernd = scenario.advisor(account(QStringLiteral("bernd"), QStringLiteral("Bernd Klein")));
        QVERIFY(bernd);
        CustomerClient *customer = scenario.waitingCustomer(customerCalled(QStringLiteral("Erika Mustermann")));
        QVERIFY(customer);
        CONSULT_WAIT_FOR(anna->queue()->rowCount() == 1, 5000);
        QVERIFY(scenario.take(*anna, *customer, Take::Next));
        const QString id = customer->consultationId();
        customer->sendChat(QStringLiteral("Ich möchte eine Baufinanzierung besprechen."));
        CONSULT_WAIT_FOR(anna->consultation(id)->chat->rowCount() == 2, 5000);
        anna->sendChat(id, QStringLiteral("Dafür verbinde ich Sie mit meinem Kollegen."));
        CONSULT_WAIT_FOR(customer->chat()->rowCount() == 3, 5000);

        // Anna sees Bernd as a colleague who could take it, and never herself.
        CONSULT_WAIT_FOR(listsColleague(*anna, QStringLiteral("bernd")), 5000);
        QVERIFY(!listsColleague(*anna, QStringLiteral("anna")));
        QSignalSpy customerTold(customer, &CustomerClient::advisorChanged);
        QSignalSpy annaEnded(anna, &AdvisorClient::consultationEnded);
        anna->transfer(id, QStringLiteral("bernd"));

        // Bernd has it, with the whole chat so far and who handed it over.
        CONSULT_WAIT_FOR(bernd->consultation(id) != nullptr, 5000);
        AdvisorConsultation *atBernd = bernd->consultation(id);
        QCOMPARE(atBernd->customerName, QStringLiteral("Erika Mustermann"));
        QCOMPARE(atBernd->customerPhoneE164, QStringLiteral("+495617001234"));
        QCOMPARE(atBernd->transferredFrom, QStringLiteral("Anna Berger"));
        QVERIFY(!atBernd->ended);
        CONSULT_WAIT_FOR(atBernd->chat->rowCount() == 4, 5000); // three lines so far and Bernd's greeting
        const QStringList seen = texts(*atBernd->chat);
        QVERIFY(seen.at(0).contains(QStringLiteral("Anna Berger")));
        QCOMPARE(seen.at(1), QStringLiteral("Ich möchte eine Baufinanzierung besprechen."));
        QCOMPARE(seen.at(2), QStringLiteral("Dafür verbinde ich Sie mit meinem Kollegen."));
        QVERIFY(seen.at(3).contains(QStringLiteral("Bernd Klein")));
        QCOMPARE(atBernd->chat->lines().at(1).author, wire::PARTY_CUSTOMER);
        QCOMPARE(atBernd->chat->lines().at(2).authorName, QStringLiteral("Anna Berger"));
        QCOMPARE(atBernd->chat->lines().at(2).delivery, ChatLine::Delivery::Delivered);

        // Anna's part is over, and she is told to whom it went.
        CONSULT_WAIT_FOR(annaEnded.size() == 1, 5000);
        QCOMPARE(annaEnded.first().at(1).value<wire::EndReason>(), wire::END_REASON_TRANSFERRED);
        QVERIFY(anna->consultation(id)->ended);
        QCOMPARE(anna->consultation(id)->transferredTo, QStringLiteral("Bernd Klein"));
        CONSULT_WAIT_FOR(anna->status().active_consultations() == 0, 5000);
        CONSULT_WAIT_FOR(bernd->status().active_consultations() == 1, 5000);

        // The customer is told, greeted by Bernd, and stays in the same consultation.
        CONSULT_WAIT_FOR(customerTold.size() == 1, 5000);
        QCOMPARE(customer->advisorName(), QStringLiteral("Bernd Klein"));
        CONSULT_WAIT_FOR(customer->chat()->rowCount() == 4, 5000);
        const ChatLine greeting = customer->chat()->lines().last();
        QCOMPARE(greeting.author, wire::PARTY_ADVISOR);
        QCOMPARE(greeting.authorName, QStringLiteral("Bernd Klein"));
        QVERIFY(greeting.text.startsWith(QStringLiteral("Guten Tag, hier ist Bernd Klein")));
        QCOMPARE(customer->phase(), CustomerClient::Phase::Consulting);
        QCOMPARE(customer->consultationId(), id);
        QCOMPARE(scenario.server().core().consultations().count(), 1);

        // The chat goes on between the customer and Bernd, both ways; Anna hears nothing of it.
        const int annaLines = anna->consultation(id)->chat->rowCount();
        TestConsultation *withBernd = scenario.awaitConsulting(*bernd, *customer);
        QVERIFY(withBernd);
        verifyTalksBothWays(*withBernd);
        QCOMPARE(anna->consultation(id)->chat->rowCount(), annaLines);
        QCOMPARE(anna->sendChat(id, QStringLiteral("Noch da?")), QString()); // ended for her

        // One consultation in the statistics, when it ends.
        withBernd->advisor->endConsultation(id);
        CONSULT_WAIT_FOR(withBernd->customer->phase() == CustomerClient::Phase::Ended, 5000);
        QCOMPARE(withBernd->customer->endReason(), wire::END_REASON_ADVISOR_ENDED);
        QCOMPARE(scenario.server().core().consultations().count(), 0);
        QCOMPARE(statisticsRecords(scenario.server()), 1);
    }

    void anEnglishCustomerIsGreetedInEnglishByTheColleague()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *anna = scenario.advisor(account(QStringLiteral("anna"), QStringLiteral("Anna Berger")));
        QVERIFY(anna);
        AdvisorClient *bernd = scenario.advisor(account(QStringLiteral("bernd"), QStringLiteral("Bernd Klein")));
        QVERIFY(bernd);
        CustomerClient *customer =
            scenario.waitingCustomer(customerCalled(QStringLiteral("Jane Doe"), QStringLiteral("en")));
        QVERIFY(customer);
        CONSULT_WAIT_FOR(anna->queue()->rowCount() == 1, 5000);
        QVERIFY(scenario.take(*anna, *customer, Take::Next));
        CONSULT_WAIT_FOR(customer->chat()->rowCount() == 1, 5000);
        CONSULT_WAIT_FOR(listsColleague(*anna, QStringLiteral("bernd")), 5000);
        anna->transfer(customer->consultationId(), QStringLiteral("bernd"));
        CONSULT_WAIT_FOR(customer->chat()->rowCount() == 2, 5000);
        QVERIFY(customer->chat()->lines().last().text.startsWith(QStringLiteral("Hello, this is Bernd Klein")));
    }

    void aConsultationCanComeBackToTheAdvisorWhoHandedItOver()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        TestConsultation *consultation = scenario.consultation(
            ConsultationSpec::between(QStringLiteral("anna"), QStringLiteral("Erika Mustermann")));
        QVERIFY(consultation);
        AdvisorClient *bernd = scenario.advisor(account(QStringLiteral("bernd"), QStringLiteral("Bernd Klein")));
        QVERIFY(bernd);
        const QString id = consultation->id;
        consultation->advisor->transfer(id, QStringLiteral("bernd"));
        CONSULT_WAIT_FOR(bernd->consultation(id) != nullptr, 5000);
        CONSULT_WAIT_FOR(listsColleague(*bernd, QStringLiteral("anna")), 5000);
        bernd->transfer(id, QStringLiteral("anna"));
        CONSULT_WAIT_FOR(consultation->advisor->consultation(id) && !consultation->advisor->consultation(id)->ended,
                         5000);
        QCOMPARE(consultation->advisor->consultation(id)->transferredFrom, QStringLiteral("Bernd Klein"));
        CONSULT_WAIT_FOR(bernd->consultation(id)->ended, 5000);
        verifyTalksBothWays(*consultation);
        QCOMPARE(scenario.server().core().consultations().count(), 1);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("case_");
        QTest::addColumn<int>("code");
        QTest::newRow("colleague not logged in") << QStringLiteral("absent") << int(wire::ERROR_NOT_FOUND);
        QTest::newRow("colleague unknown") << QStringLiteral("unknown") << int(wire::ERROR_NOT_FOUND);
        QTest::newRow("colleague on pause") << QStringLiteral("paused") << int(wire::ERROR_NOT_AVAILABLE);
        QTest::newRow("colleague at capacity") << QStringLiteral("full") << int(wire::ERROR_AT_CAPACITY);
        QTest::newRow("oneself") << QStringLiteral("self") << int(wire::ERROR_INVALID_INPUT);
    }

    // The consultation stays where it was after every refusal, and still works.
    void refusals()
    {
        QFETCH(QString, case_);
        QFETCH(int, code);
        Scenario scenario;
        QVERIFY(scenario.start());
        scenario.addAccount(account(QStringLiteral("carla"), QStringLiteral("Carla Roth"), 1)); // never logs in
        TestConsultation *consultation = scenario.consultation(
            ConsultationSpec::between(QStringLiteral("anna"), QStringLiteral("Erika Mustermann")));
        QVERIFY(consultation);
        AdvisorClient *bernd = scenario.advisor(account(QStringLiteral("bernd"), QStringLiteral("Bernd Klein"), 1));
        QVERIFY(bernd);
        CustomerClient *other = nullptr;
        if (case_ == u"paused") {
            bernd->setAvailable(false);
            CONSULT_WAIT_FOR(!bernd->status().available(), 5000);
        } else if (case_ == u"full") {
            other = scenario.waitingCustomer(customerCalled(QStringLiteral("Max Müller")));
            QVERIFY(other);
            CONSULT_WAIT_FOR(bernd->queue()->rowCount() == 1, 5000);
            QVERIFY(scenario.take(*bernd, *other, Take::Next));
            CONSULT_WAIT_FOR(bernd->status().active_consultations() == 1, 5000);
        }
        CONSULT_WAIT_FOR(listsColleague(*consultation->advisor, QStringLiteral("bernd")) ==
                             (case_ != u"paused" && case_ != u"full"),
                         5000);
        const QString target = case_ == u"absent"    ? QStringLiteral("carla")
                               : case_ == u"unknown" ? QStringLiteral("niemand")
                               : case_ == u"self"    ? QStringLiteral("ANNA") // user names are case-insensitive
                                                     : QStringLiteral("bernd");
        QSignalSpy refused(consultation->advisor, &AdvisorClient::transferRefused);
        consultation->advisor->transfer(consultation->id, target);
        CONSULT_WAIT_FOR(refused.size() == 1, 5000);
        QCOMPARE(refused.first().at(0).toString(), consultation->id);
        QCOMPARE(refused.first().at(1).value<wire::ErrorCode>(), wire::ErrorCode(code));
        QVERIFY(!consultation->atAdvisor()->ended);
        QVERIFY(bernd->consultation(consultation->id) == nullptr);
        verifyTalksBothWays(*consultation);
        QCOMPARE(consultation->customer->advisorName(), QStringLiteral("anna Berater"));
    }

    // S5: another advisor naming the consultation gets exactly the answer to an id that never existed.
    void onlyTheConsultationsOwnAdvisorMayHandItOver()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        TestConsultation *consultation = scenario.consultation(
            ConsultationSpec::between(QStringLiteral("anna"), QStringLiteral("Erika Mustermann")));
        QVERIFY(consultation);
        auto outsider = rawAdvisor(scenario.server(), QStringLiteral("olaf"));
        QVERIFY(outsider);
        const auto answerTo = [&](const QString &id, const QString &to) {
            wire::Envelope envelope;
            envelope.mutable_transfer_consultation()->set_request_id(5);
            envelope.mutable_transfer_consultation()->set_consultation_id(id.toStdString());
            envelope.mutable_transfer_consultation()->set_to_advisor(to.toStdString());
            const int from = outsider->mark();
            outsider->sendReliable(std::move(envelope));
            const auto error = outsider->waitForError(from);
            return error ? QByteArray::fromStdString(error->SerializeAsString()) : QByteArray();
        };
        const QString neverExisted = QString(consultation->id).replace(0, 4, QStringLiteral("zzzz"));
        const QByteArray foreign = answerTo(consultation->id, QStringLiteral("olaf"));
        const QByteArray unknown = answerTo(neverExisted, QStringLiteral("olaf"));
        QVERIFY(!foreign.isEmpty());
        QCOMPARE(foreign.toHex(), unknown.toHex());
        wire::Error error;
        QVERIFY(error.ParseFromString(foreign.toStdString()));
        QCOMPARE(error.code(), wire::ERROR_NOT_FOUND);
        // Not even to a third colleague on the outsider's say-so.
        QVERIFY(!answerTo(consultation->id, QStringLiteral("anna")).isEmpty());
        QVERIFY(!consultation->atAdvisor()->ended);
        verifyTalksBothWays(*consultation);
        QCOMPARE(consultation->customer->advisorName(), QStringLiteral("anna Berater"));
    }

    void theColleaguesListFollowsWhoCouldReceive()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *anna = scenario.advisor(account(QStringLiteral("anna"), QStringLiteral("Anna Berger")));
        QVERIFY(anna);
        QVERIFY(anna->colleagues().isEmpty());
        AdvisorClient *bernd = scenario.advisor(account(QStringLiteral("bernd"), QStringLiteral("Bernd Klein"), 1));
        QVERIFY(bernd);
        CONSULT_WAIT_FOR(listsColleague(*anna, QStringLiteral("bernd")), 5000);
        QCOMPARE(QString::fromStdString(anna->colleagues().first().display_name()), QStringLiteral("Bernd Klein"));
        CONSULT_WAIT_FOR(listsColleague(*bernd, QStringLiteral("anna")), 5000);
        QCOMPARE(anna->status().advisors_available(), 2u);

        bernd->setAvailable(false); // pause
        CONSULT_WAIT_FOR(!listsColleague(*anna, QStringLiteral("bernd")), 5000);
        QCOMPARE(anna->status().advisors_available(), 1u);
        bernd->setAvailable(true);
        CONSULT_WAIT_FOR(listsColleague(*anna, QStringLiteral("bernd")), 5000);

        CustomerClient *customer = scenario.waitingCustomer(customerCalled(QStringLiteral("Erika Mustermann")));
        QVERIFY(customer);
        CONSULT_WAIT_FOR(bernd->queue()->rowCount() == 1, 5000);
        QVERIFY(scenario.take(*bernd, *customer, Take::Next)); // his only place
        CONSULT_WAIT_FOR(!listsColleague(*anna, QStringLiteral("bernd")), 5000);
        bernd->endConsultation(customer->consultationId());
        CONSULT_WAIT_FOR(listsColleague(*anna, QStringLiteral("bernd")), 5000);

        bernd->logout();
        CONSULT_WAIT_FOR(!listsColleague(*anna, QStringLiteral("bernd")), 5000);
    }

    void anAdvisorIsSentOneStatusAtATime()
    {
        // Every status carries the whole colleague list, and every log-in changes it for everyone:
        // sent on every change, 200 advisors logging in had queued about 100 MB of superseded lists
        // in the server (replay buffers and sockets). While an advisor has not confirmed a status,
        // changes wait; the confirmation brings the status current then, once.
        Scenario scenario;
        QVERIFY(scenario.start());
        scenario.addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 2));
        RawClient anna;
        QVERIFY(anna.open(scenario.endpoint()));
        QVERIFY(anna.hello(wire::CLIENT_KIND_ADVISOR));
        anna.setAutoAcknowledge(false);
        QVERIFY(anna.advisorLogin(QStringLiteral("anna"), kTestPassword));
        QVERIFY(anna.waitForBody(wire::Envelope::kAdvisorStatus, 0));
        const int afterFirst = anna.mark();

        AdvisorClient *bernd = scenario.advisor(account(QStringLiteral("bernd"), QStringLiteral("Bernd Klein")));
        QVERIFY(bernd);
        AdvisorClient *carla = scenario.advisor(account(QStringLiteral("carla"), QStringLiteral("Carla Roth")));
        QVERIFY(carla);
        AdvisorClient *dora = scenario.advisor(account(QStringLiteral("dora"), QStringLiteral("Dora Weiss")));
        QVERIFY(dora);
        QTest::qWait(300); // what the server sent on those log-ins has arrived by now
        const auto statusesIn = [&](int from) {
            const QList<wire::Envelope> since = anna.receivedSince(from);
            return std::count_if(since.begin(), since.end(), [](const wire::Envelope &envelope) {
                return envelope.body_case() == wire::Envelope::kAdvisorStatus;
            });
        };
        QCOMPARE(statusesIn(afterFirst), 0); // three changes, none sent over the unconfirmed status

        const int beforeConfirming = anna.mark();
        anna.setAutoAcknowledge(true);
        QVERIFY(anna.sync()); // carries the acknowledgement
        const std::optional<wire::Envelope> newest = anna.waitForBody(wire::Envelope::kAdvisorStatus, beforeConfirming);
        QVERIFY(newest);
        QCOMPARE(newest->advisor_status().colleagues_size(), 3); // bernd, carla and dora at once
        QVERIFY(anna.sync());
        QCOMPARE(statusesIn(beforeConfirming), 1);
    }

    void theHistoryHandedOverIsTheNewestLinesWithinTheBound()
    {
        Scenario scenario([](ServerConfig &config) { config.transferHistoryLines = 5; });
        QVERIFY(scenario.start());
        TestConsultation *consultation = scenario.consultation(
            ConsultationSpec::between(QStringLiteral("anna"), QStringLiteral("Erika Mustermann")));
        QVERIFY(consultation);
        AdvisorClient *bernd = scenario.advisor(account(QStringLiteral("bernd"), QStringLiteral("Bernd Klein")));
        QVERIFY(bernd);
        for (int i = 1; i <= 9; ++i)
            consultation->customer->sendChat(QStringLiteral("Zeile %1").arg(i));
        AdvisorConsultation *atAnna = consultation->atAdvisor();
        CONSULT_WAIT_FOR(atAnna->chat->rowCount() == 10, 5000); // greeting and nine lines
        consultation->advisor->transfer(consultation->id, QStringLiteral("bernd"));
        CONSULT_WAIT_FOR(bernd->consultation(consultation->id) != nullptr, 5000);
        AdvisorConsultation *atBernd = bernd->consultation(consultation->id);
        CONSULT_WAIT_FOR(atBernd->chat->rowCount() == 6, 5000); // five lines and the new greeting
        QCOMPARE(texts(*atBernd->chat).mid(0, 5),
                 (QStringList{QStringLiteral("Zeile 5"), QStringLiteral("Zeile 6"), QStringLiteral("Zeile 7"),
                              QStringLiteral("Zeile 8"), QStringLiteral("Zeile 9")}));
    }
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestTransfer)
#include "TestTransfer.moc"
