// The workstation's consultations, driven through the real widgets and the keyboard against a real
// in-process server with scripted customers: two chats in parallel both ways with unread markers,
// canned responses inserted and edited before sending, typing / reconnecting / ended states, ending
// with confirmation, the transfer between two workstations, side by side, and English on request.
#include "MemoryTokenStore.h"
#include "TransferDialog.h"
#include "WorkstationFixture.h"
#include "widgets/ChatView.h"

#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

using namespace consult;
using namespace consult::advisor;
using namespace consult::advisor::testing;
using consult::testing::CustomerSpec;
using consult::testing::Scenario;

namespace {

bool customerHeard(const CustomerClient &customer, const QString &text)
{
    for (const ChatLine &line : customer.chat()->lines()) {
        if (!line.own && line.text == text)
            return true;
    }
    return false;
}

void typeAndSend(ConsultationPanel *panel, const QString &text)
{
    panel->input()->setFocus();
    // QTest types ASCII only; umlauts go in as an input method would put them.
    for (const QChar c : text) {
        if (c.unicode() < 128)
            QTest::keyClick(panel->input(), c.toLatin1());
        else
            panel->input()->insertPlainText(QString(c));
    }
    QTest::keyClick(panel->input(), Qt::Key_Return);
}

} // namespace

class TestAdvisorConsultations final : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_scenario = std::make_unique<Scenario>();
        QVERIFY(m_scenario->start());
        m_scenario->addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 3));
        m_workstation = std::make_unique<Workstation>(*m_scenario, m_vault);
        QVERIFY(m_workstation->logIn(QStringLiteral("anna")));
        m_window = m_workstation->window();
        m_window->waitingAlert()->setSoundEnabled(false);
        m_window->activateWindow();
    }
    void cleanup()
    {
        m_customers.clear();
        m_workstation.reset();
        m_scenario.reset();
    }

    void twoChatsRunInParallelBothWaysWithUnreadMarkers()
    {
        takeCustomers({QStringLiteral("Erika Mustermann"), QStringLiteral("Max Müller")});
        ConsultationPanel *erika = panelOf(m_window, QStringLiteral("Erika Mustermann"));
        ConsultationPanel *max = panelOf(m_window, QStringLiteral("Max Müller"));
        QTabWidget *tabs = m_window->consultations()->tabWidget();
        QCOMPARE(tabs->count(), 2);
        // The first stays in front while the advisor works in it.
        QCOMPARE(m_window->consultations()->current(), erika);

        typeAndSend(erika, QStringLiteral("Guten Tag Frau Mustermann, worum geht es?"));
        QTRY_VERIFY_WITH_TIMEOUT(
            customerHeard(*m_customers[0], QStringLiteral("Guten Tag Frau Mustermann, worum geht es?")), 5000);
        QVERIFY(erika->input()->toPlainText().isEmpty());

        // Max writes while Erika's chat is in front: his tab gets a marker.
        m_customers[1]->sendChat(QStringLiteral("Ich habe eine Frage zu meinem Depot."));
        QTRY_COMPARE_WITH_TIMEOUT(max->unread(), 1, 5000);
        QVERIFY(!tabs->tabIcon(tabs->indexOf(max)).isNull());
        QVERIFY(tabs->tabToolTip(tabs->indexOf(max)).contains(QStringLiteral("1 ungelesene")));
        QCOMPARE(erika->unread(), 0);

        // Ctrl+Tab goes to Max's chat, which reads it.
        QTest::keyClick(erika->input(), Qt::Key_Tab, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->consultations()->current(), max, 2000);
        QCOMPARE(max->unread(), 0);
        QVERIFY(tabs->tabIcon(tabs->indexOf(max)).isNull());
        QCOMPARE(chatTexts(max).last(), QStringLiteral("Ich habe eine Frage zu meinem Depot."));
        QTRY_VERIFY_WITH_TIMEOUT(max->input()->hasFocus(), 2000);
        typeAndSend(max, QStringLiteral("Gern, um welches Depot geht es?"));
        QTRY_VERIFY_WITH_TIMEOUT(customerHeard(*m_customers[1], QStringLiteral("Gern, um welches Depot geht es?")),
                                 5000);

        // Erika answers now: her chat is marked; each customer heard only their own chat.
        m_customers[0]->sendChat(QStringLiteral("Um meinen Dispokredit."));
        QTRY_COMPARE_WITH_TIMEOUT(erika->unread(), 1, 5000);
        QVERIFY(!customerHeard(*m_customers[0], QStringLiteral("Gern, um welches Depot geht es?")));
        QVERIFY(!customerHeard(*m_customers[1], QStringLiteral("Guten Tag Frau Mustermann, worum geht es?")));
        // Ctrl+Shift+Tab back.
        QTest::keyClick(max->input(), Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->consultations()->current(), erika, 2000);
        QCOMPARE(erika->unread(), 0);
    }

    void aCannedResponseIsInsertedEditedAndThenSent()
    {
        takeCustomers({QStringLiteral("Erika Mustermann")});
        ConsultationPanel *panel = panelOf(m_window, QStringLiteral("Erika Mustermann"));
        panel->input()->setFocus();
        // Ctrl+1: the first snippet, into the field, not sent.
        QTest::keyClick(panel->input(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(panel->input()->toPlainText(),
                 QStringLiteral("Einen Moment bitte, ich sehe mir das gleich für Sie an."));
        QCOMPARE(m_customers[0]->chat()->rowCount(), 1); // only the greeting
        panel->input()->clear();

        // From the menu, with the placeholders filled in; edited, then sent with Enter.
        QMenu *menu = panel->cannedMenu();
        QVERIFY(menu->actions().size() >= 5);
        QVERIFY(menu->actions().at(4)->text().contains(QStringLiteral("Rückruf anbieten")));
        menu->actions().at(4)->trigger();
        const QString inserted = panel->input()->toPlainText();
        QVERIFY(inserted.contains(QStringLiteral("+49 561 7001234")));
        QVERIFY(!inserted.contains(u'{'));
        QTest::keyClicks(panel->input(), QStringLiteral(" Heute ab 15 Uhr?"));
        QTest::keyClick(panel->input(), Qt::Key_Return);
        const QString sent = inserted + QStringLiteral(" Heute ab 15 Uhr?");
        QTRY_VERIFY_WITH_TIMEOUT(customerHeard(*m_customers[0], sent), 5000);
        QCOMPARE(chatTexts(panel).last(), sent);
    }

    void typingReconnectingAndEndedAreShownAndAnEndedChatCloses()
    {
        takeCustomers({QStringLiteral("Erika Mustermann")});
        ConsultationPanel *panel = panelOf(m_window, QStringLiteral("Erika Mustermann"));
        QLabel *state = panel->stateLabel();
        m_customers[0]->noteTyping();
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Erika Mustermann schreibt …"), 5000);
        QVERIFY(state->isVisible());
        m_customers[0]->sendChat(QStringLiteral("Hallo"));
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QString(), 5000);

        QStringList seen;
        connect(panel, &ConsultationPanel::stateChanged, this, [&] { seen.append(state->text()); });
        m_customers[0]->connection().simulateNetworkLoss();
        QTRY_VERIFY_WITH_TIMEOUT(seen.contains(QStringLiteral("Die Verbindung zu Erika Mustermann ist unterbrochen; es "
                                                              "wird auf die Rückkehr gewartet.")),
                                 10000);
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QString(), 10000); // back

        m_customers[0]->endConsultation();
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Erika Mustermann hat die Beratung beendet."), 5000);
        QVERIFY(!panel->input()->isEnabled());
        QVERIFY(!panel->sendButton()->isEnabled());
        QCOMPARE(panel->endButton()->text(), QStringLiteral("Schl&ießen"));
        QTabWidget *tabs = m_window->consultations()->tabWidget();
        QCOMPARE(tabs->tabText(0), QStringLiteral("Erika Mustermann (beendet)"));
        const QString id = panel->consultationId();
        QTest::mouseClick(panel->endButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->consultations()->panels().size(), 0, 2000);
        QVERIFY(m_workstation->client()->consultation(id) == nullptr);
    }

    void endingAsksFirstAndCtrlWEndsToo()
    {
        takeCustomers({QStringLiteral("Erika Mustermann"), QStringLiteral("Max Müller")});
        ConsultationPanel *erika = panelOf(m_window, QStringLiteral("Erika Mustermann"));
        answerMessageBox(QStringLiteral("confirmEnd"), QMessageBox::No);
        QTest::mouseClick(erika->endButton(), Qt::LeftButton);
        QTest::qWait(300);
        QCOMPARE(m_customers[0]->phase(), CustomerClient::Phase::Consulting);
        QVERIFY(!erika->isEnded());

        answerMessageBox(QStringLiteral("confirmEnd"), QMessageBox::Yes);
        QTest::mouseClick(erika->endButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_customers[0]->phase(), CustomerClient::Phase::Ended, 5000);
        QCOMPARE(m_customers[0]->endReason(), wire::END_REASON_ADVISOR_ENDED);
        QTRY_COMPARE_WITH_TIMEOUT(erika->stateLabel()->text(), QStringLiteral("Sie haben die Beratung beendet."), 5000);

        // The keyboard way, in the other chat. (The offscreen platform does not give the activation
        // back after a dialog as a window manager would; window shortcuts need an active window.)
        m_window->activateWindow();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isActiveWindow(), 2000);
        ConsultationPanel *max = panelOf(m_window, QStringLiteral("Max Müller"));
        m_window->consultations()->setCurrent(max);
        max->input()->setFocus();
        answerMessageBox(QStringLiteral("confirmEnd"), QMessageBox::Yes);
        QTest::keyClick(max->input(), Qt::Key_W, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_customers[1]->phase(), CustomerClient::Phase::Ended, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_workstation->client()->status().active_consultations(), 0u, 5000);
    }

    void ctrlNTakesTheNextCustomer()
    {
        m_customers.push_back(m_scenario->waitingCustomer(CustomerSpec::named(QStringLiteral("Erika Mustermann"))));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queuePanel()->view()->model()->rowCount(), 1, 5000);
        m_window->queuePanel()->view()->setFocus();
        QTest::keyClick(m_window->queuePanel()->view(), Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(m_window, QStringLiteral("Erika Mustermann")), 5000);
        // Nobody left: Ctrl+N says so instead of doing nothing.
        QTest::keyClick(m_window->queuePanel(), Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage() == QStringLiteral("Zurzeit wartet niemand."),
                                 5000);
    }

    void theConsultationGoesToAColleagueWithTheChatSoFar()
    {
        m_scenario->addAccount(account(QStringLiteral("bernd"), QStringLiteral("Bernd Klein"), 2));
        Workstation bernd(*m_scenario, m_vault);
        QVERIFY(bernd.logIn(QStringLiteral("bernd")));
        bernd.window()->waitingAlert()->setSoundEnabled(false);
        takeCustomers({QStringLiteral("Erika Mustermann")});
        ConsultationPanel *atAnna = panelOf(m_window, QStringLiteral("Erika Mustermann"));
        m_customers[0]->sendChat(QStringLiteral("Ich möchte einen Kredit beantragen."));
        QTRY_COMPARE_WITH_TIMEOUT(chatTexts(atAnna).size(), 2, 5000);
        typeAndSend(atAnna, QStringLiteral("Dafür übergebe ich an meinen Kollegen."));
        QTRY_COMPARE_WITH_TIMEOUT(m_customers[0]->chat()->rowCount(), 3, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_workstation->client()->colleagues().size(), qsizetype(1), 5000);

        whenModalOpens(QStringLiteral("transferDialog"), [](QWidget *modal) {
            auto *dialog = static_cast<TransferDialog *>(modal);
            QListWidget *list = dialog->list();
            if (list->count() == 1 && list->item(0)->text() == QStringLiteral("Bernd Klein")) {
                list->setCurrentRow(0);
                QTest::mouseClick(dialog->transferButton(), Qt::LeftButton);
            } else {
                dialog->reject();
            }
        });
        QTest::mouseClick(atAnna->transferButton(), Qt::LeftButton);

        // Bernd has it, with the chat so far and who handed it over.
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(bernd.window(), QStringLiteral("Erika Mustermann")), 5000);
        ConsultationPanel *atBernd = panelOf(bernd.window(), QStringLiteral("Erika Mustermann"));
        QTRY_COMPARE_WITH_TIMEOUT(chatTexts(atBernd).size(), 4, 5000);
        QCOMPARE(chatTexts(atBernd).at(1), QStringLiteral("Ich möchte einen Kredit beantragen."));
        QCOMPARE(chatTexts(atBernd).at(2), QStringLiteral("Dafür übergebe ich an meinen Kollegen."));
        QVERIFY(chatTexts(atBernd).at(3).startsWith(QStringLiteral("Guten Tag, hier ist Bernd Klein.")));
        const QList<QLabel *> labels = atBernd->findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *l) {
            return l->text().contains(QStringLiteral("übernommen von Anna Berger"));
        }));
        // Anna's part is over; the customer was told and greeted by Bernd.
        QTRY_COMPARE_WITH_TIMEOUT(atAnna->stateLabel()->text(), QStringLiteral("An Bernd Klein übergeben."), 5000);
        QVERIFY(!atAnna->input()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(m_customers[0]->advisorName(), QStringLiteral("Bernd Klein"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_customers[0]->chat()->lines().last().text.startsWith(QStringLiteral("Guten Tag, hier ist Bernd Klein.")),
            5000);
        // And the chat goes on with Bernd.
        typeAndSend(atBernd, QStringLiteral("Welche Summe haben Sie sich vorgestellt?"));
        QTRY_VERIFY_WITH_TIMEOUT(
            customerHeard(*m_customers[0], QStringLiteral("Welche Summe haben Sie sich vorgestellt?")), 5000);
        m_customers[0]->sendChat(QStringLiteral("20.000 Euro."));
        QTRY_COMPARE_WITH_TIMEOUT(chatTexts(atBernd).last(), QStringLiteral("20.000 Euro."), 5000);
        QVERIFY(!chatTexts(atAnna).contains(QStringLiteral("20.000 Euro.")));
    }

    void sideBySideShowsEveryChatAtOnce()
    {
        takeCustomers({QStringLiteral("Erika Mustermann"), QStringLiteral("Max Müller")});
        m_window->action(QStringLiteral("sideBySide"))->trigger();
        QVERIFY((*m_workstation)->preferences().sideBySide);
        ConsultationPanel *erika = panelOf(m_window, QStringLiteral("Erika Mustermann"));
        ConsultationPanel *max = panelOf(m_window, QStringLiteral("Max Müller"));
        QTRY_VERIFY_WITH_TIMEOUT(erika->isVisible() && max->isVisible(), 2000);
        QVERIFY(qobject_cast<QSplitter *>(erika->parentWidget()));
        typeAndSend(max, QStringLiteral("Einen Moment bitte."));
        QTRY_VERIFY_WITH_TIMEOUT(customerHeard(*m_customers[1], QStringLiteral("Einen Moment bitte.")), 5000);
        m_customers[0]->sendChat(QStringLiteral("Sind Sie noch da?"));
        QTRY_COMPARE_WITH_TIMEOUT(erika->unread(), 1, 5000); // the focus is in Max's chat
        erika->input()->setFocus();
        QTRY_COMPARE_WITH_TIMEOUT(erika->unread(), 0, 2000);
        // And back to tabs, each chat intact.
        m_window->action(QStringLiteral("sideBySide"))->trigger();
        QCOMPARE(m_window->consultations()->tabWidget()->count(), 2);
        QCOMPARE(chatTexts(erika).last(), QStringLiteral("Sind Sie noch da?"));
    }

    void englishOnRequestAndBack()
    {
        QCOMPARE(m_window->queuePanel()->takeNextButton()->text(), QStringLiteral("&Nächsten annehmen"));
        m_window->action(QStringLiteral("languageEn"))->trigger();
        QCOMPARE((*m_workstation)->language(), QStringLiteral("en"));
        // Qt delivers the language change to the windows as posted events.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queuePanel()->takeNextButton()->text(), QStringLiteral("Take &next"), 2000);
        QCOMPARE(m_window->action(QStringLiteral("pause"))->text(), QStringLiteral("&Pause"));
        QCOMPARE(m_window->action(QStringLiteral("available"))->text(), QStringLiteral("&Available"));
        QCOMPARE(m_window->queuePanel()
                     ->view()
                     ->model()
                     ->headerData(AdvisorQueueModel::NameColumn, Qt::Horizontal)
                     .toString(),
                 QStringLiteral("Name"));
        QCOMPARE(m_window->queuePanel()
                     ->view()
                     ->model()
                     ->headerData(AdvisorQueueModel::PhoneColumn, Qt::Horizontal)
                     .toString(),
                 QStringLiteral("Phone"));
        m_window->action(QStringLiteral("languageDe"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queuePanel()->takeNextButton()->text(),
                                  QStringLiteral("&Nächsten annehmen"), 2000);
        QCOMPARE((*m_workstation)->language(), QStringLiteral("de"));
    }

private:
    void takeCustomers(const QStringList &names)
    {
        for (const QString &name : names) {
            m_customers.push_back(m_scenario->waitingCustomer(CustomerSpec::named(name)));
            QVERIFY(m_customers.back());
            QTRY_COMPARE_WITH_TIMEOUT(m_window->queuePanel()->view()->model()->rowCount(), 1, 5000);
            QTest::mouseClick(m_window->queuePanel()->takeNextButton(), Qt::LeftButton);
            QVERIFY(m_scenario->awaitConsulting(*m_workstation->client(), *m_customers.back()));
            QTRY_VERIFY_WITH_TIMEOUT(panelOf(m_window, name), 5000);
            QTRY_COMPARE_WITH_TIMEOUT(chatTexts(panelOf(m_window, name)).size(), 1, 5000); // the greeting
            QTRY_COMPARE_WITH_TIMEOUT(m_window->queuePanel()->view()->model()->rowCount(), 0, 5000);
        }
    }

    std::unique_ptr<Scenario> m_scenario;
    MemoryTokenStore m_vault;
    std::unique_ptr<Workstation> m_workstation;
    MainWindow *m_window = nullptr;
    std::vector<CustomerClient *> m_customers;
};

CONSULT_WIDGET_TEST_MAIN(TestAdvisorConsultations)
#include "TestAdvisorConsultations.moc"
