// A picture of every screen of the advisor workstation, written to the build directory
// (tests/advisor-app/screenshots/advisor-*.png) for people to look at: log-in (empty, wrong
// password, locked, no keychain), queue, chats in tabs and side by side, canned responses, transfer,
// the colleague's view after it, inbox, end confirmation, ended, English. Each picture is checked
// to be the right size and not blank; what it shows is for the eye.
#include "MemoryTokenStore.h"
#include "TransferDialog.h"
#include "WorkstationFixture.h"

#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace consult;
using namespace consult::advisor;
using namespace consult::advisor::testing;
using consult::testing::CustomerSpec;
using consult::testing::Scenario;

namespace {

QString screenshotPath(const QString &name)
{
    QDir().mkpath(QStringLiteral(CONSULT_SCREENSHOT_DIR));
    return QDir(QStringLiteral(CONSULT_SCREENSHOT_DIR)).filePath(QStringLiteral("advisor-%1.png").arg(name));
}

// Saves `image`; fails the test if it is blank (a single colour or nearly so) or not written.
void save(const QImage &image, const QString &name)
{
    QVERIFY2(!image.isNull() && image.width() >= 150 && image.height() >= 60, qPrintable(name));
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 8, qPrintable(name + QStringLiteral(" looks blank")));
    QVERIFY2(image.save(screenshotPath(name)), qPrintable(name));
}

void settle()
{
    QTest::qWait(150); // layouts, queued scrolls and repaints
}

void shoot(QWidget *widget, const QString &name)
{
    settle();
    save(widget->grab().toImage(), name);
}

} // namespace

class TestAdvisorScreenshots final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_scenario = std::make_unique<Scenario>();
        QVERIFY(m_scenario->start());
        m_scenario->addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 3));
        m_scenario->addAccount(account(QStringLiteral("bernd"), QStringLiteral("Bernd Klein"), 3));
    }
    void cleanupTestCase()
    {
        m_customers.clear();
        m_scenario.reset();
    }

    void loginScreens()
    {
        MemoryTokenStore vault;
        Workstation workstation(*m_scenario, vault);
        QVERIFY(workstation.start());
        shoot(workstation.dialog(), QStringLiteral("login"));

        workstation.submitLogin(QStringLiteral("anna"), QStringLiteral("vertippt"));
        QTRY_VERIFY_WITH_TIMEOUT(!workstation.dialog()->errorText().isEmpty(), 10000);
        shoot(workstation.dialog(), QStringLiteral("login-wrong-password"));

        for (int i = 0; i < 5; ++i) {
            workstation.submitLogin(QStringLiteral("anna"), QStringLiteral("vertippt %1").arg(i));
            QTRY_VERIFY_WITH_TIMEOUT(!workstation.dialog()->errorText().isEmpty(), 10000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(workstation.dialog()->errorText().startsWith(QStringLiteral("Zu viele")), 10000);
        shoot(workstation.dialog(), QStringLiteral("login-throttled"));

        MemoryTokenStore none;
        none.available = false;
        Workstation withoutKeychain(*m_scenario, none);
        QVERIFY(withoutKeychain.start());
        shoot(withoutKeychain.dialog(), QStringLiteral("login-no-keychain"));
    }

    void workingScreens()
    {
        QTest::qWait(2500); // the throttle of the previous test has passed
        Workstation anna(*m_scenario, m_vault);
        QVERIFY(anna.logIn(QStringLiteral("anna")));
        MainWindow *window = anna.window();
        window->waitingAlert()->setSoundEnabled(false);
        shoot(window, QStringLiteral("empty"));

        // Queue: three waiting, one with a system check result, one wanting video.
        addCustomer(QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234"), wire::CONSULTATION_MODE_CHAT);
        addCustomer(QStringLiteral("Max Müller"), QStringLiteral("+49 171 1234567"), wire::CONSULTATION_MODE_VIDEO,
                    passedCheck());
        addCustomer(QStringLiteral("Jana Nowak-Schulz"), QStringLiteral("030 12345678"), wire::CONSULTATION_MODE_CHAT);
        QTRY_COMPARE_WITH_TIMEOUT(window->queuePanel()->view()->model()->rowCount(), 3, 5000);
        QTest::qWait(1500); // waiting times above zero
        window->queuePanel()->view()->selectRow(1);
        shoot(window, QStringLiteral("queue"));

        // Two chats in tabs: a conversation in the front one, unread and typing in the other.
        window->queuePanel()->view()->clearSelection();
        window->queuePanel()->takeNext();
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(window, QStringLiteral("Erika Mustermann")), 5000);
        window->queuePanel()->takeNext();
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(window, QStringLiteral("Max Müller")), 5000);
        ConsultationPanel *erika = panelOf(window, QStringLiteral("Erika Mustermann"));
        ConsultationPanel *max = panelOf(window, QStringLiteral("Max Müller"));
        m_customers[0]->sendChat(QStringLiteral("Guten Tag, ich möchte mein Tageslimit für Kartenzahlungen erhöhen."));
        QTRY_COMPARE_WITH_TIMEOUT(chatTexts(erika).size(), 2, 5000);
        anna.client()->sendChat(erika->consultationId(),
                                QStringLiteral("Gern. Das geht im Online-Banking unter „Karten“. Soll ich Sie "
                                               "durchführen?"));
        m_customers[0]->sendChat(QStringLiteral("Ja bitte. <b>Wo</b> finde ich das genau?"));
        QTRY_COMPARE_WITH_TIMEOUT(chatTexts(erika).size(), 4, 5000);
        m_customers[1]->sendChat(QStringLiteral("Hallo, ist jemand da?"));
        m_customers[1]->sendChat(QStringLiteral("Ich habe eine Frage zu meinem Depot."));
        QTRY_COMPARE_WITH_TIMEOUT(max->unread(), 2, 5000);
        m_customers[0]->noteTyping();
        QTRY_VERIFY_WITH_TIMEOUT(!erika->stateLabel()->text().isEmpty(), 5000);
        erika->input()->setPlainText(QStringLiteral("Oben rechts auf „Karten“ und dann"));
        shoot(window, QStringLiteral("chats-tabs"));

        // Canned responses: the menu over the window.
        // The offscreen screen is smaller than the window and would push the menu aside: it is drawn
        // where it opens on a real screen, above its button.
        QMenu *menu = erika->cannedMenu();
        menu->popup(QPoint(0, 0));
        settle();
        auto *button = erika->findChild<QPushButton *>(QStringLiteral("cannedButton"));
        const QPoint at = button->mapTo(window, QPoint(0, 0)) - QPoint(0, menu->height());
        QImage composed = window->grab().toImage();
        {
            QPainter painter(&composed);
            painter.drawPixmap(at, menu->grab());
        }
        save(composed, QStringLiteral("canned-responses"));
        menu->hide();

        // Side by side.
        window->action(QStringLiteral("sideBySide"))->trigger();
        shoot(window, QStringLiteral("chats-side-by-side"));
        window->action(QStringLiteral("sideBySide"))->trigger();

        // Inbox with two messages.
        addCustomer(QStringLiteral("Paul Schmidt"), QStringLiteral("0561 7005555"), wire::CONSULTATION_MODE_CHAT);
        m_customers.back()->leaveMessage(QStringLiteral("Bitte rufen Sie mich wegen meines Dauerauftrags zurück. "
                                                        "Am besten morgen zwischen 9 und 11 Uhr."),
                                         QStringLiteral("0171 2345678"));
        addCustomer(QStringLiteral("Lena Fischer"), QStringLiteral("0561 7006666"), wire::CONSULTATION_MODE_CHAT);
        m_customers.back()->leaveMessage(QStringLiteral("Meine neue Karte ist noch nicht angekommen."));
        QTRY_COMPARE_WITH_TIMEOUT(window->inboxPanel()->count(), 2, 5000);
        window->sideTabs()->setCurrentWidget(window->inboxPanel());
        window->inboxPanel()->view()->selectRow(0);
        shoot(window, QStringLiteral("inbox"));
        window->sideTabs()->setCurrentWidget(window->queuePanel());

        // Transfer: the dialog, then the colleague's window with the chat so far.
        Workstation bernd(*m_scenario, m_vault);
        QVERIFY(bernd.logIn(QStringLiteral("bernd")));
        bernd.window()->waitingAlert()->setSoundEnabled(false);
        QTRY_VERIFY_WITH_TIMEOUT(!anna.client()->colleagues().isEmpty(), 5000);
        window->consultations()->setCurrent(erika);
        whenModalOpens(QStringLiteral("transferDialog"), [](QWidget *modal) {
            auto *dialog = static_cast<TransferDialog *>(modal);
            dialog->list()->setCurrentRow(0);
            settle();
            save(dialog->grab().toImage(), QStringLiteral("transfer-dialog"));
            QTest::mouseClick(dialog->transferButton(), Qt::LeftButton);
        });
        QTest::mouseClick(erika->transferButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(bernd.window(), QStringLiteral("Erika Mustermann")), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(chatTexts(panelOf(bernd.window(), QStringLiteral("Erika Mustermann"))).size(), 5,
                                  5000);
        shoot(bernd.window(), QStringLiteral("transferred-in"));
        QTRY_VERIFY_WITH_TIMEOUT(erika->isEnded(), 5000);
        shoot(window, QStringLiteral("handed-over"));

        // Ending: the confirmation, then the ended state.
        window->consultations()->setCurrent(max);
        whenModalOpens(QStringLiteral("confirmEnd"), [](QWidget *modal) {
            settle();
            save(modal->grab().toImage(), QStringLiteral("end-confirmation"));
            QTest::mouseClick(static_cast<QMessageBox *>(modal)->button(QMessageBox::Yes), Qt::LeftButton);
        });
        QTest::mouseClick(max->endButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(max->isEnded(), 5000);
        shoot(window, QStringLiteral("ended"));

        // English on request.
        window->action(QStringLiteral("languageEn"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window->queuePanel()->takeNextButton()->text(), QStringLiteral("Take &next"), 2000);
        shoot(window, QStringLiteral("english"));
        window->action(QStringLiteral("languageDe"))->trigger();
    }

private:
    static wire::SystemCheck passedCheck()
    {
        wire::SystemCheck check;
        check.set_camera(wire::CHECK_OUTCOME_PASSED);
        check.set_microphone(wire::CHECK_OUTCOME_PASSED);
        check.set_speaker(wire::CHECK_OUTCOME_PASSED);
        check.set_connection(wire::CHECK_OUTCOME_PASSED);
        check.set_download_kbps(24'000);
        check.set_upload_kbps(4'800);
        check.set_round_trip_ms(28);
        return check;
    }

    void addCustomer(const QString &name, const QString &phone, wire::ConsultationMode mode,
                     std::optional<wire::SystemCheck> systemCheck = std::nullopt)
    {
        CustomerSpec spec = CustomerSpec::named(name, phone);
        spec.mode = mode;
        spec.systemCheck = systemCheck;
        CustomerClient *customer = m_scenario->waitingCustomer(spec);
        QVERIFY(customer);
        m_customers.push_back(customer);
    }

    std::unique_ptr<Scenario> m_scenario;
    MemoryTokenStore m_vault;
    std::vector<CustomerClient *> m_customers;
};

CONSULT_WIDGET_TEST_MAIN(TestAdvisorScreenshots)
#include "TestAdvisorScreenshots.moc"
