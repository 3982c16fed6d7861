// Connection problems as the customer sees them (lesson 9, R1): a banner while the connection is
// restored, lines typed meanwhile sent after the resume exactly once, the advisor's own connection
// trouble shown, and a clear end when the consultation could not be resumed.
#include "CustomerAppFixture.h"
#include "CustomerTestMain.h"
#include "EndPage.h"

#include <QLabel>
#include <QMessageBox>
#include <QTextDocument>

using namespace consult;
using namespace consult::testing;
using Phase = CustomerClient::Phase;

namespace {

int linesWithText(const ChatModel &chat, const QString &text)
{
    return static_cast<int>(std::count_if(chat.lines().cbegin(), chat.lines().cend(),
                                          [&](const ChatLine &line) { return line.text == text; }));
}

} // namespace

class TestCustomerReconnect final : public QObject
{
    Q_OBJECT
private slots:
    void linesTypedWhileReconnectingAreSentAfterTheResume()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        TcpProxy &proxy = scenario.proxy();
        CustomerApp app(scenario.endpoint(Route::CuttingProxy));
        CUSTOMER_STEP(consultingWith(scenario, *advisor, app, QStringLiteral("Erika Mustermann"),
                                     QStringLiteral("0561 7001234")));
        AdvisorConsultation *theirs = consultationOf(*advisor, app);
        QVERIFY(theirs);
        QLabel *banner = app->connectionBanner();
        QVERIFY(!banner->isVisible());

        // The network goes away and stays away for a while.
        proxy.setRefusing(true);
        proxy.cutAll();
        QTRY_COMPARE_WITH_TIMEOUT(app->client()->connection().state(), ClientConnection::State::Reconnecting, 10000);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().startsWith(QStringLiteral("Die Verbindung ist unterbrochen")));
        QCOMPARE(banner->accessibleDescription(), banner->text()); // announced
        QCOMPARE(app.phase(), Phase::Consulting);

        const QString text = QStringLiteral("Sind Sie noch da?");
        typeText(app->consultationPage()->input(), text);
        QTest::keyClick(app->consultationPage()->input(), Qt::Key_Return);
        ChatModel *chat = app->client()->chat();
        QCOMPARE(chat->lines().last().text, text);
        QCOMPARE(chat->lines().last().delivery, ChatLine::Delivery::Sending);
        QTest::qWait(500);
        QCOMPARE(linesWithText(*theirs->chat, text), 0);

        // The network is back: resumed, the banner goes, the line arrives once.
        proxy.setRefusing(false);
        QTRY_COMPARE_WITH_TIMEOUT(app->client()->connection().state(), ClientConnection::State::Connected, 15000);
        QVERIFY(!banner->isVisible());
        QCOMPARE(banner->accessibleDescription(), QStringLiteral("Die Verbindung steht wieder."));
        QTRY_COMPARE_WITH_TIMEOUT(linesWithText(*theirs->chat, text), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(chat->lines().last().delivery, ChatLine::Delivery::Delivered, 10000);
        QTest::qWait(300);
        QCOMPARE(linesWithText(*theirs->chat, text), 1);
        QCOMPARE(linesWithText(*chat, text), 1);
        QCOMPARE(app.phase(), Phase::Consulting);
    }

    void theAdvisorsConnectionTroubleIsShown()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        // The advisor on the second proxy: only the advisor's connection is cut.
        AdvisorSpec anna = annaWithOnePlace();
        anna.route = Route::SecondCuttingProxy;
        AdvisorClient *advisor = scenario.advisor(anna);
        QVERIFY(advisor);
        TcpProxy &advisorProxy = scenario.secondProxy();
        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(consultingWith(scenario, *advisor, app, QStringLiteral("Erika Mustermann"),
                                     QStringLiteral("0561 7001234")));
        QLabel *peer = app->consultationPage()->peerLabel();
        QVERIFY(!peer->isVisible());

        advisorProxy.setRefusing(true);
        advisorProxy.cutAll();
        QTRY_VERIFY_WITH_TIMEOUT(peer->isVisible(), 10000);
        QVERIFY(peer->text().startsWith(QStringLiteral("Die Verbindung von Anna Berger ist unterbrochen")));
        QVERIFY(!app->connectionBanner()->isVisible()); // our own connection is fine
        advisorProxy.setRefusing(false);
        QTRY_VERIFY_WITH_TIMEOUT(!peer->isVisible(), 15000);
        QCOMPARE(peer->accessibleDescription(), QStringLiteral("Anna Berger ist wieder verbunden."));
    }

    void aConsultationThatCannotBeResumedEndsClearlyWithItsTranscript()
    {
        Scenario scenario([](ServerConfig &config) { config.resumeTtlSeconds = 1; });
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        TcpProxy &proxy = scenario.proxy();
        CustomerApp app(scenario.endpoint(Route::CuttingProxy));
        CUSTOMER_STEP(consultingWith(scenario, *advisor, app, QStringLiteral("Erika Mustermann"),
                                     QStringLiteral("0561 7001234")));
        QTRY_COMPARE_WITH_TIMEOUT(app->client()->chat()->rowCount(), 1, 10000);

        proxy.setRefusing(true);
        proxy.cutAll();
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Failed, 20000);
        customer::EndPage *end = app->endPage();
        QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(end));
        QCOMPARE(end->headingLabel()->text(), QStringLiteral("Die Beratung konnte nicht fortgesetzt werden."));
        QVERIFY(!app->connectionBanner()->isVisible());
        // What was said so far can still be kept.
        QVERIFY(end->transcriptDocument());
        QVERIFY(end->transcriptDocument()->toPlainText().contains(QStringLiteral("Guten Tag, hier ist Anna Berger")));
        QVERIFY(end->saveButton()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(consultationOf(*advisor, app) && consultationOf(*advisor, app)->ended, 20000);
    }
};

CUSTOMER_TEST_MAIN(TestCustomerReconnect)
#include "TestCustomerReconnect.moc"
