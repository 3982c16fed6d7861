// The workstation's queue, alert and inbox, driven through the real widgets against a real
// in-process server with scripted customers: the queue updates live and counts the waiting time,
// "take next" and "take selected" start consultations with the server's greeting, the waiting alert
// repeats while the advisor is available and stops on pause or when taken, and the inbox shows left
// messages as plain text and removes a "done" one for every advisor.
#include "MemoryTokenStore.h"
#include "WaitingAlert.h"
#include "WorkstationFixture.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace consult;
using namespace consult::advisor;
using namespace consult::advisor::testing;
using consult::testing::CustomerSpec;
using consult::testing::Scenario;

namespace {

QString cell(QTableView *view, int row, int column)
{
    return view->model()->index(row, column).data(Qt::DisplayRole).toString();
}

QStringList names(QTableView *view)
{
    QStringList result;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        result.append(cell(view, row, AdvisorQueueModel::NameColumn));
    return result;
}

} // namespace

class TestAdvisorQueue final : public QObject
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
    }
    void cleanup()
    {
        m_customers.clear();
        m_workstation.reset();
        m_scenario.reset();
    }

    void theQueueShowsArrivalsAndDeparturesLiveWithTheWaitingTimeCounting()
    {
        QTableView *view = m_window->queuePanel()->view();
        QCOMPARE(view->model()->rowCount(), 0);
        QVERIFY(m_window->queuePanel()->findChild<QLabel *>(QStringLiteral("queueEmpty"))->isVisible());
        for (const QString &name :
             {QStringLiteral("Erika Mustermann"), QStringLiteral("Max Müller"), QStringLiteral("Jana Nowak")}) {
            m_customers.push_back(m_scenario->waitingCustomer(CustomerSpec::named(name)));
            QVERIFY(m_customers.back());
        }
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 3, 5000);
        // Longest waiting first, with phone, wanted mode and the system check (none yet).
        QCOMPARE(names(view), (QStringList{QStringLiteral("Erika Mustermann"), QStringLiteral("Max Müller"),
                                           QStringLiteral("Jana Nowak")}));
        QCOMPARE(cell(view, 0, AdvisorQueueModel::PhoneColumn), QStringLiteral("+49 561 7001234"));
        QCOMPARE(cell(view, 0, AdvisorQueueModel::ModeColumn), QStringLiteral("Chat"));
        QCOMPARE(cell(view, 0, AdvisorQueueModel::SystemCheckColumn), QStringLiteral("–"));
        QCOMPARE(view->model()->headerData(AdvisorQueueModel::WaitingSinceColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Wartezeit"));
        QVERIFY(view->isVisible());
        QCOMPARE(m_window->sideTabs()->tabText(0), QStringLiteral("&Warteschlange (3)"));

        // The waiting time counts up by itself, and the view is told.
        QSignalSpy repaints(view->model(), &QAbstractItemModel::dataChanged);
        const QString before = cell(view, 0, AdvisorQueueModel::WaitingSinceColumn);
        QVERIFY(before.startsWith(QStringLiteral("0:0")));
        QTRY_VERIFY_WITH_TIMEOUT(cell(view, 0, AdvisorQueueModel::WaitingSinceColumn) != before, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(repaints.size() >= 1, 3000); // told by the model's own timer

        // The one in the middle leaves: the others keep their order.
        m_customers[1]->leaveQueue();
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 2, 5000);
        QCOMPARE(names(view), (QStringList{QStringLiteral("Erika Mustermann"), QStringLiteral("Jana Nowak")}));
        QCOMPARE(m_window->sideTabs()->tabText(0), QStringLiteral("&Warteschlange (2)"));
    }

    void takeNextTakesTheLongestWaitingAndTheServersGreetingAppears()
    {
        m_customers.push_back(m_scenario->waitingCustomer(CustomerSpec::named(QStringLiteral("Erika Mustermann"))));
        m_customers.push_back(m_scenario->waitingCustomer(CustomerSpec::named(QStringLiteral("Max Müller"))));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queuePanel()->view()->model()->rowCount(), 2, 5000);
        QPushButton *takeNext = m_window->queuePanel()->takeNextButton();
        QVERIFY(takeNext->isEnabled());
        QTest::mouseClick(takeNext, Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(panelOf(m_window, QStringLiteral("Erika Mustermann")), 5000);
        ConsultationPanel *panel = panelOf(m_window, QStringLiteral("Erika Mustermann"));
        QTRY_COMPARE_WITH_TIMEOUT(chatTexts(panel).size(), 1, 5000);
        QCOMPARE(chatTexts(panel).first(),
                 QStringLiteral("Guten Tag, hier ist Anna Berger. Wie kann ich Ihnen helfen?"));
        QTRY_COMPARE_WITH_TIMEOUT(m_customers[0]->phase(), CustomerClient::Phase::Consulting, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_customers[0]->chat()->rowCount(), 1, 5000);
        QCOMPARE(m_window->consultations()->current(), panel);
        QTRY_COMPARE_WITH_TIMEOUT(names(m_window->queuePanel()->view()), QStringList{QStringLiteral("Max Müller")},
                                  5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->findChild<QLabel *>(QStringLiteral("places"))->text(),
                                  QStringLiteral("Beratungen: 1 von 3"), 5000);
        QCOMPARE(m_customers[1]->phase(), CustomerClient::Phase::Waiting);
    }

    void takeSelectedTakesTheChosenCustomerWithEnter()
    {
        m_customers.push_back(m_scenario->waitingCustomer(CustomerSpec::named(QStringLiteral("Erika Mustermann"))));
        m_customers.push_back(m_scenario->waitingCustomer(CustomerSpec::named(QStringLiteral("Max Müller"))));
        QTableView *view = m_window->queuePanel()->view();
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 2, 5000);
        QVERIFY(!m_window->queuePanel()->takeSelectedButton()->isEnabled()); // nothing selected yet
        view->setFocus();
        view->selectRow(1);
        QVERIFY(m_window->queuePanel()->takeSelectedButton()->isEnabled());
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(m_window, QStringLiteral("Max Müller")), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_customers[1]->phase(), CustomerClient::Phase::Consulting, 5000);
        QCOMPARE(m_customers[0]->phase(), CustomerClient::Phase::Waiting);
    }

    void theAlertRepeatsWhileSomeoneWaitsAndStopsOnPauseAndWhenTaken()
    {
        WaitingAlert *alert = m_window->waitingAlert();
        alert->setSoundEnabled(true);
        alert->setInterval(std::chrono::milliseconds(150));
        QCOMPARE(alert->alertCount(), 0);
        QSignalSpy alerts(alert, &WaitingAlert::alerted);
        m_customers.push_back(m_scenario->waitingCustomer(CustomerSpec::named(QStringLiteral("Erika Mustermann"))));
        QTRY_VERIFY_WITH_TIMEOUT(alerts.size() >= 1, 5000);
        QVERIFY(alerts.first().at(1).toString().startsWith(QStringLiteral("Erika Mustermann wartet seit")));
        QVERIFY(alert->lastSound() != WaitingAlert::Sound::None);
        QTRY_VERIFY_WITH_TIMEOUT(alerts.size() >= 3, 5000); // repeated until taken

        // Pause: no more alerts.
        QTest::mouseClick(m_window->pauseButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_workstation->client()->status().available(), 5000);
        QVERIFY(m_window->pauseButton()->isChecked());
        QVERIFY(!m_window->queuePanel()->takeNextButton()->isEnabled());
        QVERIFY(!alert->isRepeating());
        const int paused = alerts.size();
        QTest::qWait(600);
        QCOMPARE(alerts.size(), paused);

        // Available again: alerted at once, and again.
        QTest::mouseClick(m_window->availableButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(alerts.size() >= paused + 2, 5000);

        // Taken: silence.
        QTest::mouseClick(m_window->queuePanel()->takeNextButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_customers[0]->phase(), CustomerClient::Phase::Consulting, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!alert->isRepeating(), 5000);
        const int taken = alerts.size();
        QTest::qWait(600);
        QCOMPARE(alerts.size(), taken);
    }

    void theAlertIsQuietWhenTheAdvisorHasNoFreePlace()
    {
        m_scenario->addAccount(account(QStringLiteral("solo"), QStringLiteral("Sina Solo"), 1));
        Workstation solo(*m_scenario, m_vault);
        QVERIFY(solo.logIn(QStringLiteral("solo")));
        WaitingAlert *alert = solo.window()->waitingAlert();
        alert->setSoundEnabled(false);
        alert->setInterval(std::chrono::milliseconds(100));
        m_window->waitingAlert()->setInterval(std::chrono::milliseconds(100));
        QTest::mouseClick(m_window->pauseButton(), Qt::LeftButton); // Anna steps aside
        QTRY_VERIFY_WITH_TIMEOUT(!m_workstation->client()->status().available(), 5000);
        m_customers.push_back(m_scenario->waitingCustomer(CustomerSpec::named(QStringLiteral("Erika Mustermann"))));
        QTRY_VERIFY_WITH_TIMEOUT(alert->alertCount() >= 1, 5000);
        QTest::mouseClick(solo.window()->queuePanel()->takeNextButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(solo.client()->status().active_consultations(), 1u, 5000);
        m_customers.push_back(m_scenario->waitingCustomer(CustomerSpec::named(QStringLiteral("Max Müller"))));
        QTRY_COMPARE_WITH_TIMEOUT(solo.window()->queuePanel()->view()->model()->rowCount(), 1, 5000);
        const int count = alert->alertCount();
        QTest::qWait(500);
        QCOMPARE(alert->alertCount(), count); // full: the queue is for the colleagues
        QVERIFY(!alert->isRepeating());
    }

    void theInboxShowsLeftMessagesAsPlainTextAndDoneRemovesThemForEveryone()
    {
        AdvisorClient *bernd = m_scenario->advisor(account(QStringLiteral("bernd"), QStringLiteral("Bernd Klein"), 1));
        QVERIFY(bernd);

        InboxPanel *inbox = m_window->inboxPanel();
        QCOMPARE(m_window->sideTabs()->tabText(1), QStringLiteral("Nach&richten"));
        auto customer = m_scenario->waitingCustomer(CustomerSpec::named(QStringLiteral("Erika Mustermann")));
        QVERIFY(customer);
        const QString text = QStringLiteral("<b>Bitte</b> um Rückruf <img src=x> wegen <a href=\"http://x\">Konto</a>");
        customer->leaveMessage(text, QStringLiteral("0171 2345678"));
        QTRY_COMPARE_WITH_TIMEOUT(inbox->count(), 1, 5000);
        QCOMPARE(m_window->sideTabs()->tabText(1), QStringLiteral("Nach&richten (1)"));
        QTRY_COMPARE_WITH_TIMEOUT(bernd->inbox()->rowCount(), 1, 5000);

        m_window->sideTabs()->setCurrentWidget(inbox);
        QCOMPARE(inbox->view()->model()->index(0, InboxModel::NameColumn).data().toString(),
                 QStringLiteral("Erika Mustermann"));
        QCOMPARE(inbox->view()->model()->index(0, InboxModel::PhoneColumn).data().toString(),
                 QStringLiteral("+491712345678"));
        // I3: shown exactly as written, never as markup.
        QVERIFY(inbox->detail()->toPlainText().endsWith(text));
        QVERIFY(inbox->detail()->toPlainText().contains(QStringLiteral("Rückruf: +49 171 2345678")));
        QCOMPARE(inbox->detail()->document()->toPlainText(), inbox->detail()->toPlainText());

        // "Done" asks; "Abbrechen" keeps it.
        answerMessageBox(QStringLiteral("confirmInboxDone"), QMessageBox::No);
        QTest::mouseClick(inbox->doneButton(), Qt::LeftButton);
        QTest::qWait(300);
        QCOMPARE(inbox->count(), 1);
        answerMessageBox(QStringLiteral("confirmInboxDone"), QMessageBox::Yes);
        QTest::mouseClick(inbox->doneButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(inbox->count(), 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(bernd->inbox()->rowCount(), 0, 5000); // gone for every advisor
        QCOMPARE(m_window->sideTabs()->tabText(1), QStringLiteral("Nach&richten"));
        QCOMPARE(m_scenario->server().core().inbox().snapshot().items_size(), 0);
    }

    void everyLabelOfTheWindowIsPlainText()
    {
        // I3 as a structural rule: no label in the workstation interprets markup.
        m_customers.push_back(m_scenario->waitingCustomer(CustomerSpec::named(QStringLiteral("Erika Mustermann"))));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queuePanel()->view()->model()->rowCount(), 1, 5000);
        m_window->queuePanel()->takeNext();
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(m_window, QStringLiteral("Erika Mustermann")), 5000);
        const QList<QLabel *> labels = m_window->findChildren<QLabel *>();
        QVERIFY(labels.size() > 5);
        for (QLabel *label : labels)
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName() + u' ' + label->text()));
        for (QLabel *label : m_workstation->dialog()->findChildren<QLabel *>())
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->text()));
    }

private:
    std::unique_ptr<Scenario> m_scenario;
    MemoryTokenStore m_vault;
    std::unique_ptr<Workstation> m_workstation;
    MainWindow *m_window = nullptr;
    std::vector<CustomerClient *> m_customers;
};

CONSULT_WIDGET_TEST_MAIN(TestAdvisorQueue)
#include "TestAdvisorQueue.moc"
