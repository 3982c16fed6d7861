// The log-in page: name and phone checked as the customer types, the notices read and accepted one
// by one, and every refusal (server, connection, key pin) said in the customer's words.
#include "CustomerAppFixture.h"
#include "CustomerTestMain.h"
#include "CustomerTexts.h"

#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QTcpServer>

using namespace consult;
using namespace consult::testing;
using Phase = CustomerClient::Phase;

namespace {

QLabel *label(customer::LoginPage *page, const char *name)
{
    return page->findChild<QLabel *>(QString::fromLatin1(name));
}

void retype(QLineEdit *edit, const QString &text)
{
    edit->clear();
    typeText(edit, text);
}

} // namespace

class TestCustomerLogin final : public QObject
{
    Q_OBJECT
private slots:
    void nameAndPhoneAreCheckedAsTheCustomerTypes()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(openLogin(app));
        customer::LoginPage *login = app->loginPage();
        QVERIFY(!login->loginButton()->isEnabled());
        QCOMPARE(label(login, "missing")->text(),
                 QStringLiteral("Zum Anmelden fehlt noch: Ihr Name, eine gültige Telefonnummer, die Bestätigung der "
                                "Hinweise"));

        typeText(login->nameEdit(), QStringLiteral("R2D2"));
        QVERIFY(label(login, "nameFeedback")->isVisible());
        QCOMPARE(label(login, "nameFeedback")->text(),
                 QStringLiteral("Bitte verwenden Sie nur Buchstaben, Leerzeichen, Bindestrich, Punkt und Apostroph."));
        QCOMPARE(login->nameEdit()->accessibleDescription(), label(login, "nameFeedback")->text());
        retype(login->nameEdit(), QStringLiteral("Erika  Mustermann"));
        QVERIFY(!label(login, "nameFeedback")->isVisible());

        QLabel *phoneFeedback = label(login, "phoneFeedback");
        retype(login->phoneEdit(), QStringLiteral("0561 CALLME"));
        QCOMPARE(phoneFeedback->text(), QStringLiteral("Bitte verwenden Sie nur Ziffern, Leerzeichen und + ( ) / -."));
        retype(login->phoneEdit(), QStringLiteral("0561 1"));
        QCOMPARE(phoneFeedback->text(),
                 QStringLiteral("Diese Telefonnummer scheint nicht vollständig oder nicht vergeben zu sein."));
        // The normalised number is shown back while typing.
        retype(login->phoneEdit(), QStringLiteral("0561/700 12 34"));
        QCOMPARE(phoneFeedback->text(), QStringLiteral("Wir rufen Sie gegebenenfalls unter +49 561 7001234 zurück."));
        QVERIFY(!login->loginButton()->isEnabled());
        QCOMPARE(label(login, "missing")->text(),
                 QStringLiteral("Zum Anmelden fehlt noch: die Bestätigung der Hinweise"));

        CUSTOMER_STEP(acceptNotices(app));
        QVERIFY(login->loginButton()->isEnabled());
        QVERIFY(!label(login, "missing")->isVisible());
        // Enter in a field logs in, like the button.
        QTest::keyClick(login->phoneEdit(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Waiting, 10000);
        QCOMPARE(app->client()->name(), QStringLiteral("Erika Mustermann"));
        QCOMPARE(app->client()->phoneE164(), QStringLiteral("+495617001234"));
    }

    void eachNoticeIsReadBeforeItIsAccepted()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(openLogin(app));
        customer::LoginPage *login = app->loginPage();
        QCheckBox *security = login->noticeChecks().first();

        // Ticking opens the notice; closing it without accepting leaves the box empty.
        QString shown;
        onModal<customer::NoticeDialog>([&shown](customer::NoticeDialog *dialog) {
            shown = dialog->findChild<QPlainTextEdit *>(QStringLiteral("noticeText"))->toPlainText();
            QTest::mouseClick(dialog->closeButton(), Qt::LeftButton);
        });
        clickCheckBox(security);
        QVERIFY(!security->isChecked());
        // The text is the server's, as delivered (S4).
        QCOMPARE(shown, QString::fromStdString(app->client()->notices().first().text()));
        QCOMPARE(security->text(), QStringLiteral("Ich habe die Sicherheitshinweise gelesen und akzeptiere sie."));

        // "Lesen" opens it too; accepting ticks the box.
        clickInModal<customer::NoticeDialog>(QStringLiteral("acceptNotice"));
        QTest::mouseClick(login->findChild<QPushButton *>(QStringLiteral("read_1")), Qt::LeftButton);
        QVERIFY(security->isChecked());
        // Once read, it can be unticked and ticked again without the dialog.
        clickCheckBox(security);
        QVERIFY(!security->isChecked());
        clickCheckBox(security);
        QVERIFY(security->isChecked());
    }

    void tooManyEntriesFromOneAddressAreExplained()
    {
        Scenario scenario([](ServerConfig &config) { config.entriesPerAddress = 1; });
        QVERIFY(scenario.start());
        QVERIFY(scenario.waitingCustomer(CustomerSpec::named(QStringLiteral("Anton Alt"))));

        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(logIn(app, QStringLiteral("Berta Bunt"), QStringLiteral("0561 7001234")));
        QLabel *status = label(app->loginPage(), "loginStatus");
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("zu viele Anmeldungen")), 10000);
        QVERIFY(status->text().contains(QStringLiteral("Minute")));
        QVERIFY(status->isVisible());
        QCOMPARE(app.phase(), Phase::ReadingNotices);
        QCOMPARE(app->loginPage()->nameEdit()->text(), QStringLiteral("Berta Bunt")); // nothing to type again
        QVERIFY(app->loginPage()->loginButton()->isEnabled());
    }

    void anUnreachableServerIsSaidAndCanBeRetried()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        Scenario scenario;
        QVERIFY(scenario.start());
        CustomerApp app(scenario.server().endpointAt(port));
        QTest::mouseClick(app->startPage()->chatButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Failed, 15000);
        QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(app->loginPage()));
        QLabel *status = label(app->loginPage(), "loginStatus");
        QCOMPARE(status->text(),
                 customer::CustomerTexts::connectionFailure(ClientConnection::Failure::ServerUnreachable));
        QVERIFY(status->text().startsWith(QStringLiteral("Der Beratungsserver ist nicht erreichbar.")));
        QVERIFY(app->loginPage()->retryButton()->isVisible());
        QVERIFY(!app->loginPage()->loginButton()->isVisible());

        const CustomerClient *before = app->client();
        QTest::mouseClick(app->loginPage()->retryButton(), Qt::LeftButton);
        QVERIFY(app->client() != before);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Failed, 15000);
    }

    void aServerWithoutTheBanksKeyIsRefused()
    {
        // C1: a valid certificate is not enough; the key must be the pinned one. No override is offered.
        Scenario scenario;
        QVERIFY(scenario.start());
        ServerEndpoint endpoint = scenario.endpoint();
        endpoint.pins = {QByteArrayLiteral("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")};
        CustomerApp app(endpoint);
        QTest::mouseClick(app->startPage()->chatButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Failed, 15000);
        QCOMPARE(app->client()->connection().failure(), ClientConnection::Failure::PinMismatch);
        QCOMPARE(label(app->loginPage(), "loginStatus")->text(),
                 customer::CustomerTexts::connectionFailure(ClientConnection::Failure::PinMismatch));
        QVERIFY(app->loginPage()->noticeChecks().isEmpty()); // nothing of that server is shown
    }

    void aCertificateThatDoesNotValidateIsRefused()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        ServerEndpoint endpoint = scenario.endpoint();
        endpoint.extraCaCertificates.clear(); // the test CA is not trusted
        CustomerApp app(endpoint);
        QTest::mouseClick(app->startPage()->chatButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Failed, 15000);
        QCOMPARE(label(app->loginPage(), "loginStatus")->text(),
                 customer::CustomerTexts::connectionFailure(ClientConnection::Failure::CertificateInvalid));
    }

    void cancellingReturnsToTheStart()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(openLogin(app));
        QTest::mouseClick(app->loginPage()->findChild<QPushButton *>(QStringLiteral("cancelLogin")), Qt::LeftButton);
        QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(app->startPage()));
        QVERIFY(!app->client());
    }

    // Seed 001 step 1: "Videoberatung starten" starts a session of its own, in video mode.
    void theVideoConsultationStartsASessionInVideoMode()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        CustomerApp app(scenario.endpoint());
        QTest::mouseClick(app->startPage()->videoButton(), Qt::LeftButton);
        QVERIFY(app->client());
        QTRY_VERIFY_WITH_TIMEOUT(app.phase() == CustomerClient::Phase::ReadingNotices, 10000);
        QVERIFY(app->loginPage()->isVideo());
        QVERIFY(app->findChildren<QLabel *>(QStringLiteral("videoNote")).isEmpty()); // no "not in this version"
    }
};

CUSTOMER_TEST_MAIN(TestCustomerLogin)
#include "TestCustomerLogin.moc"
