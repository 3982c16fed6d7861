// Lesson 14: every control has an accessible name, the keyboard reaches everything in a sensible
// order, Enter sends and Shift+Enter breaks the line, changes the customer did not cause are
// announced; and the language switches without a restart.
#include "CustomerAppFixture.h"
#include "CustomerTestMain.h"
#include "EndPage.h"
#include "MessagePage.h"
#include "VideoFlow.h"
#include "WaitingPage.h"
#include "widgets/Announcer.h"
#include "widgets/ChatView.h"

#include <QAbstractItemView>
#include <QAccessible>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTextEdit>

using namespace consult;
using namespace consult::testing;
using Phase = CustomerClient::Phase;

namespace {

// What the app announced, through the Announcer (QAccessible events need a platform bridge, which
// the offscreen platform does not have).
QList<std::pair<QPointer<QWidget>, QString>> &announcements()
{
    static QList<std::pair<QPointer<QWidget>, QString>> list;
    return list;
}

bool announced(const QString &text)
{
    return std::any_of(announcements().cbegin(), announcements().cend(), [&](const auto &a) {
        return a.second.contains(text) && a.first && a.first->accessibleDescription() == a.second;
    });
}

// Every control a user can operate on `page`, as far as it is shown there, has a name for the
// screen reader.
void checkNames(QWidget *page)
{
    const QList<QWidget *> widgets = page->findChildren<QWidget *>();
    int controls = 0;
    for (QWidget *widget : widgets) {
        const bool control = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget) ||
                             qobject_cast<QPlainTextEdit *>(widget) || qobject_cast<QTextEdit *>(widget) ||
                             qobject_cast<QAbstractItemView *>(widget);
        if (!control || !widget->isVisibleTo(page))
            continue;
        ++controls;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        QVERIFY(accessible);
        QVERIFY2(!accessible->text(QAccessible::Name).trimmed().isEmpty(),
                 qPrintable(QString::fromLatin1(page->metaObject()->className()) + u": " + widget->objectName()));
    }
    QVERIFY2(controls > 0, page->metaObject()->className());
}

// The widget Tab reaches after `from`: the next visible, enabled one that takes Tab focus.
QWidget *nextByTab(QWidget *from)
{
    QWidget *next = from->nextInFocusChain();
    while (next != from && (!(next->focusPolicy() & Qt::TabFocus) || !next->isVisible() || !next->isEnabled()))
        next = next->nextInFocusChain();
    return next;
}

QWidget *pressTab()
{
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    return QApplication::focusWidget();
}

} // namespace

class TestCustomerAccessibility final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        connect(&Announcer::instance(), &Announcer::announced, this, [](QWidget *where, const QString &text) {
            announcements().append({where, text});
        });
    }

    void init() { announcements().clear(); }

    void everyControlOnEveryScreenHasAName()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        advisor->setAvailable(false);
        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(checkNames(app->startPage()));
        CUSTOMER_STEP(checkNames(app->findChild<QWidget *>(QStringLiteral("header"))));
        CUSTOMER_STEP(logIn(app, QStringLiteral("Max Müller"), QStringLiteral("0171 1234567")));
        CUSTOMER_STEP(checkNames(app->loginPage()));
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Waiting, 10000);
        CUSTOMER_STEP(checkNames(app->waitingPage()));
        QTest::mouseClick(app->waitingPage()->writeMessageButton(), Qt::LeftButton);
        CUSTOMER_STEP(checkNames(app->messagePage()));
        QTest::mouseClick(app->messagePage()->backButton(), Qt::LeftButton);
        advisor->setAvailable(true);
        CUSTOMER_STEP(takenBy(scenario, *advisor, app));
        CUSTOMER_STEP(checkNames(app->consultationPage()));
        advisor->endConsultation(consultationOf(*advisor, app)->id);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Ended, 10000);
        CUSTOMER_STEP(checkNames(app->endPage()));
    }

    void theKeyboardWalksTheLogInInReadingOrder()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        CustomerApp app(scenario.endpoint());
        QApplication::setActiveWindow(app.window.get());
        QVERIFY(QTest::qWaitForWindowActive(app.window.get()));
        CUSTOMER_STEP(openLogin(app));
        customer::LoginPage *login = app->loginPage();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(login->nameEdit()));
        QCOMPARE(pressTab(), static_cast<QWidget *>(login->phoneEdit()));
        for (int kind = 1; kind <= 3; ++kind) {
            QCOMPARE(pressTab()->objectName(), QStringLiteral("accept_%1").arg(kind));
            QCOMPARE(pressTab()->objectName(), QStringLiteral("read_%1").arg(kind));
        }
        // The log-in button is disabled until everything is there, so Tab goes on to "Abbrechen".
        QCOMPARE(pressTab()->objectName(), QStringLiteral("cancelLogin"));
        // The label's mnemonic reaches the field: Alt+N for "Ihr &Name".
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(login->nameEdit()));
    }

    void enterSendsAndShiftEnterBreaksTheLine()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(consultingWith(scenario, *advisor, app, QStringLiteral("Erika Mustermann"),
                                     QStringLiteral("0561 7001234")));
        AdvisorConsultation *theirs = consultationOf(*advisor, app);
        QTRY_COMPARE_WITH_TIMEOUT(theirs->chat->rowCount(), 1, 10000);
        ChatInput *input = app->consultationPage()->input();
        typeText(input, QStringLiteral("Erste Zeile"));
        QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier);
        typeText(input, QStringLiteral("zweite Zeile"));
        QCOMPARE(input->toPlainText(), QStringLiteral("Erste Zeile\nzweite Zeile"));
        QTest::qWait(100);
        QCOMPARE(theirs->chat->rowCount(), 1);
        QTest::keyClick(input, Qt::Key_Enter); // the keypad's Enter sends too
        QTRY_COMPARE_WITH_TIMEOUT(theirs->chat->rowCount(), 2, 10000);
        QCOMPARE(theirs->chat->lines().last().text, QStringLiteral("Erste Zeile\nzweite Zeile"));
        // A new line from the advisor is announced with its author and text.
        advisor->sendChat(theirs->id, QStringLiteral("Gern, ich schaue nach."));
        QTRY_VERIFY_WITH_TIMEOUT(announced(QStringLiteral("Neue Nachricht von Anna Berger: Gern, ich schaue nach.")),
                                 10000);
    }

    void theQueuePositionIsAnnouncedWhenItChanges()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        advisor->setAvailable(false);
        CustomerClient *ahead = scenario.waitingCustomer(CustomerSpec::named(QStringLiteral("Anton Alt")));
        QVERIFY(ahead);

        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(logIn(app, QStringLiteral("Berta Bunt"), QStringLiteral("0561 7001234")));
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Waiting, 10000);
        QLabel *position = app->waitingPage()->positionLabel();
        QTRY_COMPARE_WITH_TIMEOUT(position->text(), QStringLiteral("Ihr Platz in der Warteschlange: 2"), 10000);
        QVERIFY(announced(QStringLiteral("Ihr Platz in der Warteschlange: 2")));
        ahead->leaveQueue();
        QTRY_COMPARE_WITH_TIMEOUT(position->text(), QStringLiteral("Sie sind als Nächstes an der Reihe."), 10000);
        QVERIFY(announced(QStringLiteral("Sie sind als Nächstes an der Reihe.")));
        QCOMPARE(position->accessibleName(), position->text());
    }

    void theLanguageSwitchesWithoutRestartAndTheNoticesFollow()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        CustomerApp app(scenario.endpoint());
        QCOMPARE(app->startPage()->chatButton()->text(), QStringLiteral("Service-Chat starten"));
        QCOMPARE(app->languageButton()->text(), QStringLiteral("English"));
        QTest::mouseClick(app->languageButton(), Qt::LeftButton);
        QCOMPARE(app.language.language(), QStringLiteral("en"));
        // Qt posts the LanguageChange to every window: it arrives with the next turn of the event loop.
        QTRY_COMPARE(app->startPage()->chatButton()->text(), QStringLiteral("Start service chat"));
        QCOMPARE(app->languageButton()->text(), QStringLiteral("Deutsch"));
        QVERIFY(app->windowTitle().contains(QStringLiteral("Service chat")));

        CUSTOMER_STEP(openLogin(app));
        QVERIFY(QString::fromStdString(app->client()->notices().first().title()).contains(QStringLiteral("notice")));
        QCOMPARE(app->loginPage()->loginButton()->text(), QStringLiteral("Log in"));
        typeText(app->loginPage()->nameEdit(), QStringLiteral("Jane Doe"));
        CUSTOMER_STEP(acceptNotices(app));

        // Back to German before logging in: a new session brings the German notices; what was
        // typed and accepted stays (the notice versions cover both languages).
        const CustomerClient *english = app->client();
        QTest::mouseClick(app->languageButton(), Qt::LeftButton);
        QVERIFY(app->client() != english);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::ReadingNotices, 10000);
        QTRY_COMPARE(app->loginPage()->noticeChecks().size(), 3);
        QCOMPARE(QString::fromStdString(app->client()->notices().first().title()),
                 QStringLiteral("Sicherheitshinweise"));
        QTRY_COMPARE(app->loginPage()->loginButton()->text(), QStringLiteral("Anmelden"));
        QCOMPARE(app->loginPage()->nameEdit()->text(), QStringLiteral("Jane Doe"));
        for (QCheckBox *check : app->loginPage()->noticeChecks())
            QVERIFY(check->isChecked());
    }

    // The video consultation's screens: every control named, and the way from the system check to
    // the waiting room works with the keyboard alone (Tab, Space, Enter).
    void theVideoScreensHaveNamesAndWorkByKeyboard()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        media::SyntheticMediaDevices devices;
        CustomerApp app(scenario.endpoint(), &devices);
        QApplication::setActiveWindow(app.window.get());
        QVERIFY(QTest::qWaitForWindowActive(app.window.get()));
        app->startPage()->videoButton()->setFocus();
        QTest::keyClick(app->startPage()->videoButton(), Qt::Key_Space);
        customer::SystemCheckPage *check = checkPage(app);
        QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(check));
        CUSTOMER_STEP(checkNames(check));
        // The tone by keyboard: focus the button, Space plays, Space on "heard" confirms.
        QSignalSpy toneDone(check->deviceCheck(), &DeviceCheck::testToneFinished);
        check->playToneButton()->setFocus();
        QTest::keyClick(check->playToneButton(), Qt::Key_Space);
        QVERIFY(toneDone.wait(10000));
        QWidget *next = nextByTab(check->playToneButton());
        QVERIFY2(next == check->heardButton(), qPrintable(next->objectName()));
        QTest::keyClick(check->heardButton(), Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(check->continueButton()->isEnabled(), 20000);
        QVERIFY(announced(QStringLiteral("Lautsprecher oder Headset: ")));
        check->continueButton()->setFocus();
        QTest::keyClick(check->continueButton(), Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(app->loginPage()->noticeChecks().size(), 3, 10000);
        CUSTOMER_STEP(checkNames(app->findChild<QWidget *>(QStringLiteral("header"))));
        typeText(app->loginPage()->nameEdit(), QStringLiteral("Max Müller"));
        typeText(app->loginPage()->phoneEdit(), QStringLiteral("0171 1234567"));
        CUSTOMER_STEP(acceptNotices(app));
        QTest::keyClick(app->loginPage()->phoneEdit(), Qt::Key_Return);
        QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(app->modePage()));
        CUSTOMER_STEP(checkNames(app->modePage()));
        // The chosen option, then the button (arrow keys move within the options).
        QCOMPARE(nextByTab(app->modePage()->textOption()), static_cast<QWidget *>(app->modePage()->connectButton()));
        QTest::keyClick(app->modePage()->connectButton(), Qt::Key_Space);
        QCOMPARE(app->pages()->currentWidget(), static_cast<QWidget *>(app->consentPage()));
        CUSTOMER_STEP(checkNames(app->consentPage()));
        app->consentPage()->allowButton()->setFocus();
        QTest::keyClick(app->consentPage()->allowButton(), Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Waiting, 10000);
        CUSTOMER_STEP(takenBy(scenario, *advisor, app));
        customer::VideoPanel *panel = app->consultationPage()->videoPanel();
        QVERIFY(panel->isVisible());
        CUSTOMER_STEP(checkNames(app->consultationPage()));
        // The switches by keyboard, their state in their names' descriptions.
        panel->cameraButton()->setFocus();
        QTest::keyClick(panel->cameraButton(), Qt::Key_Space);
        QVERIFY(!panel->cameraButton()->isChecked());
        QVERIFY2(panel->cameraButton()->accessibleDescription().contains(QStringLiteral("Niemand sieht Sie")),
                 qPrintable(panel->cameraButton()->accessibleDescription()));
        QVERIFY(announced(QStringLiteral("Ihre Kamera ist ausgeschaltet.")));
        QCOMPARE(nextByTab(panel->cameraButton()), static_cast<QWidget *>(panel->microphoneButton()));
        QCOMPARE(nextByTab(panel->microphoneButton()), static_cast<QWidget *>(panel->seeAdvisorButton()));
    }
};

CUSTOMER_TEST_MAIN(TestCustomerAccessibility)
#include "TestCustomerAccessibility.moc"
