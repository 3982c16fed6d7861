// The customer app's service chat from start to printed transcript (seed 000), clicked through the
// real widgets against a real server with real TLS; the advisor is scripted through the client library.
#include "CustomerAppFixture.h"
#include "CustomerTestMain.h"
#include "EndPage.h"
#include "MessagePage.h"
#include "MessageStoredPage.h"
#include "WaitingPage.h"
#include "support/FileAnswers.h"
#include "widgets/ChatView.h"

#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTimeZone>

using namespace consult;
using namespace consult::testing;
using Phase = CustomerClient::Phase;

namespace {

// A customer of the client library who is taken by `advisor`, so that all advisors are busy.
CustomerClient *occupy(Scenario &scenario, AdvisorClient &advisor)
{
    CustomerClient *first = scenario.waitingCustomer();
    if (!first || !scenario.take(advisor, *first, Take::Next))
        return nullptr;
    return first;
}

QWidget *page(QWidget *widget)
{
    return widget;
}

} // namespace

class TestCustomerServiceChat final : public QObject
{
    Q_OBJECT
private slots:
    void busyThenWaitThenGreetedChatEndAndTranscriptAsPdf()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        CustomerClient *first = occupy(scenario, *advisor);
        QVERIFY(first);

        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(logIn(app, QStringLiteral("Max Müller"), QStringLiteral("0171 1234567")));
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Waiting, 10000);
        customer::WaitingPage *waiting = app->waitingPage();
        QCOMPARE(app->pages()->currentWidget(), page(waiting));
        // Seed 000: all advisors busy is said, with the choice to wait or write a message.
        QTRY_VERIFY(waiting->busyBox()->isVisible());
        QCOMPARE(waiting->busyBox()->findChild<QLabel *>(QStringLiteral("busyText"))->text(),
                 QStringLiteral("Alle Beraterinnen und Berater sind gerade im Gespräch."));
        QVERIFY(waiting->writeMessageButton()->isVisible());
        QCOMPARE(waiting->positionLabel()->text(), QStringLiteral("Sie sind als Nächstes an der Reihe."));
        QTest::mouseClick(waiting->keepWaitingButton(), Qt::LeftButton);
        QVERIFY(!waiting->busyBox()->isVisible());
        QVERIFY(waiting->writeMessageButton()->isVisible()); // still possible at any moment

        // The first consultation ends; the advisor takes the app's customer.
        first->endConsultation();
        QTRY_COMPARE_WITH_TIMEOUT(first->phase(), Phase::Ended, 10000);
        CUSTOMER_STEP(takenBy(scenario, *advisor, app));
        customer::ConsultationPage *consultation = app->consultationPage();
        QCOMPARE(app->pages()->currentWidget(), page(consultation));
        ChatModel *chat = app->client()->chat();
        QTRY_COMPARE_WITH_TIMEOUT(chat->rowCount(), 1, 10000);
        QVERIFY(chat->lines().first().text.startsWith(QStringLiteral("Guten Tag, hier ist Anna Berger")));
        QCOMPARE(consultation->chatView()->model(), chat);
        QVERIFY(consultation->findChild<QLabel *>(QStringLiteral("noSecrets"))->isVisible());
        QVERIFY(consultation->findChild<QLabel *>(QStringLiteral("noOrders"))->text().contains(u"Aufträge"));

        AdvisorConsultation *theirs = consultationOf(*advisor, app);
        QVERIFY(theirs);
        advisor->noteTyping(theirs->id);
        QTRY_COMPARE_WITH_TIMEOUT(consultation->typingLabel()->text(), QStringLiteral("Anna Berger schreibt …"), 10000);

        // Enter sends; the line is the customer's own, delivered, and the advisor has it.
        // Digits only: pdftotext turns letter pairs such as "ff" into ligatures.
        const QString canary = QStringLiteral("KANARIE-%1").arg(QDateTime::currentMSecsSinceEpoch());
        const QString question = QStringLiteral("Wie hoch ist das Tageslimit meiner Karte? ") + canary;
        typeText(consultation->input(), question);
        QTest::keyClick(consultation->input(), Qt::Key_Return);
        QCOMPARE(consultation->input()->toPlainText(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(theirs->chat->rowCount(), 2, 10000);
        QCOMPARE(theirs->chat->lines().last().text, question);
        QVERIFY(chat->lines().last().own);
        QTRY_COMPARE_WITH_TIMEOUT(chat->lines().last().delivery, ChatLine::Delivery::Delivered, 10000);
        advisor->sendChat(theirs->id, QStringLiteral("Das Limit liegt bei 1.000 € am Tag."));
        QTRY_COMPARE_WITH_TIMEOUT(chat->rowCount(), 3, 10000);
        QVERIFY(!chat->lines().last().own);

        // Ending asks first; "Weiter schreiben" is the default.
        clickInModal<QMessageBox>(QStringLiteral("yes"));
        QTest::mouseClick(consultation->endButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Ended, 10000);
        customer::EndPage *end = app->endPage();
        QCOMPARE(app->pages()->currentWidget(), page(end));
        QCOMPARE(end->headingLabel()->text(), QStringLiteral("Sie haben die Beratung beendet."));
        QTRY_VERIFY_WITH_TIMEOUT(theirs->ended, 10000);

        // The transcript, saved where the customer says (and nowhere else, C4).
        QTemporaryDir saveTo;
        const QString path = saveTo.filePath(QStringLiteral("protokoll.pdf"));
        const auto asked = answerFilesWith(end->fileChooser(), {path});
        QTest::mouseClick(end->saveButton(), Qt::LeftButton);
        QVERIFY2(asked->suggestedName.startsWith(QStringLiteral("Gesprächsprotokoll-")),
                 qPrintable(asked->suggestedName));
        QTRY_VERIFY(QFile::exists(path));
        QVERIFY(end->transcriptKept());
        const QString text = pdfText(path);
        QVERIFY2(!text.isEmpty(), "pdftotext (poppler-utils) read nothing");
        const QLocale german(QLocale::German, QLocale::Germany);
        const QDateTime started = app->client()->consultationStartedAt();
        for (const QString &expected :
             {kBankName, QStringLiteral("Gesprächsprotokoll"), QStringLiteral("Anna Berger"),
              QStringLiteral("Max Müller"), german.toString(started.date(), QStringLiteral("d. MMMM yyyy")),
              chat->lines().at(1).sentAt.toString(QStringLiteral("HH:mm")), canary,
              QStringLiteral("Das Limit liegt bei 1.000 € am Tag.")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" missing in:\n") + text));
        QVERIFY(end->transcriptDocument()->toPlainText().contains(question));

        // C4: the chat is nowhere else on this machine: not in the temporary or home directories,
        // not in the server's data directory (P1).
        const QStringList leaks = filesContaining(canary.toUtf8(), {QDir::tempPath(), QDir::homePath()}, path);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    }

    void busyThenAMessageInsteadIsConfirmed()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        advisor->setAvailable(false);

        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(logIn(app, QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234")));
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Waiting, 10000);
        QTRY_VERIFY(app->waitingPage()->busyBox()->isVisible());
        QTest::mouseClick(app->waitingPage()->busyWriteMessageButton(), Qt::LeftButton);
        customer::MessagePage *message = app->messagePage();
        QCOMPARE(app->pages()->currentWidget(), page(message));
        QCOMPARE(app.phase(), Phase::Waiting); // the place is kept until the message is stored
        // The call-back number is already there, in international notation.
        QCOMPARE(message->phoneEdit()->text(), QStringLiteral("+49 561 7001234"));
        QVERIFY(!message->sendButton()->isEnabled());

        typeText(message->textEdit(), QStringLiteral("Bitte rufen Sie mich wegen meiner Baufinanzierung an."));
        QVERIFY(message->sendButton()->isEnabled());
        QTest::mouseClick(message->sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::MessageStored, 10000);
        customer::MessageStoredPage *stored = app->messageStoredPage();
        QCOMPARE(app->pages()->currentWidget(), page(stored));
        QTRY_VERIFY_WITH_TIMEOUT(
            stored->detailsLabel()->text().contains(
                QStringLiteral("spätestens nach %1 Tagen").arg(scenario.server().config().inboxRetentionDays)),
            10000);
        QVERIFY(stored->detailsLabel()->text().contains(QStringLiteral("+49 561 7001234")));
        QTRY_COMPARE_WITH_TIMEOUT(advisor->inbox()->rowCount(), 1, 10000);
        QCOMPARE(QString::fromStdString(advisor->inbox()->items().first().text()),
                 QStringLiteral("Bitte rufen Sie mich wegen meiner Baufinanzierung an."));

        QTest::mouseClick(stored->homeButton(), Qt::LeftButton);
        QCOMPARE(app->pages()->currentWidget(), page(app->startPage()));
    }

    void writingAMessageCanTurnBackIntoWaiting()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(logIn(app, QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234")));
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Waiting, 10000);
        QTest::mouseClick(app->waitingPage()->writeMessageButton(), Qt::LeftButton);
        QCOMPARE(app->pages()->currentWidget(), page(app->messagePage()));
        QCOMPARE(app->messagePage()->backButton()->text(), QStringLiteral("Zurück zum Warten"));
        QTest::mouseClick(app->messagePage()->backButton(), Qt::LeftButton);
        QCOMPARE(app->pages()->currentWidget(), page(app->waitingPage()));
        QCOMPARE(app.phase(), Phase::Waiting);
        QCOMPARE(scenario.server().core().queue().length(), 1);
    }

    void outsideOpeningHoursOnlyTheMessageFormIsOffered()
    {
        // Open only on the day after tomorrow (Berlin time): closed now, with a known next opening.
        static const QStringList days = {QStringLiteral("monday"),    QStringLiteral("tuesday"),
                                         QStringLiteral("wednesday"), QStringLiteral("thursday"),
                                         QStringLiteral("friday"),    QStringLiteral("saturday"),
                                         QStringLiteral("sunday")};
        const QDate today = QDateTime::currentDateTime().toTimeZone(QTimeZone("Europe/Berlin")).date();
        const int openDay = today.addDays(2).dayOfWeek();
        QMap<QString, QString> week;
        for (int day = 1; day <= 7; ++day)
            week.insert(days.at(day - 1), day == openDay ? QStringLiteral("08:00-18:00") : QStringLiteral("closed"));
        auto hours = OpeningHours::parse(week, {}, QStringLiteral("Europe/Berlin"));
        QVERIFY(hours.ok());
        Scenario scenario({}, hours.value());
        QVERIFY(scenario.start());
        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(openLogin(app));
        QVERIFY(!app->client()->serviceHours().open_now());
        // Already on the log-in page the customer learns that only a message is possible.
        auto *hoursNote = app->loginPage()->findChild<QLabel *>(QStringLiteral("hoursNote"));
        QVERIFY(hoursNote->isVisible());
        QVERIFY(hoursNote->text().contains(QStringLiteral("Öffnungszeiten: ")));

        typeText(app->loginPage()->nameEdit(), QStringLiteral("Erika Mustermann"));
        typeText(app->loginPage()->phoneEdit(), QStringLiteral("0561 7001234"));
        CUSTOMER_STEP(acceptNotices(app));
        QTest::mouseClick(app->loginPage()->loginButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::MessageOnly, 10000);
        customer::MessagePage *message = app->messagePage();
        QCOMPARE(app->pages()->currentWidget(), page(message));
        QVERIFY(message->reasonLabel()->text().contains(QStringLiteral("nicht besetzt")));
        const QString dayName = QLocale(QLocale::German, QLocale::Germany).dayName(openDay);
        QVERIFY2(message->reasonLabel()->text().contains(QStringLiteral("Wir sind wieder da: ") + dayName),
                 qPrintable(message->reasonLabel()->text()));
        QCOMPARE(message->backButton()->text(), QStringLiteral("Abbrechen")); // no queue to go back to
        typeText(message->textEdit(), QStringLiteral("Bitte um Rückruf am Montag."));
        QTest::mouseClick(message->sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::MessageStored, 10000);
    }

    void aFullQueueOffersTheMessageWithTheReason()
    {
        Scenario scenario([](ServerConfig &config) { config.maxQueueLength = 1; });
        QVERIFY(scenario.start());
        QVERIFY(scenario.waitingCustomer(CustomerSpec::named(QStringLiteral("Anton Alt"))));

        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(logIn(app, QStringLiteral("Berta Bunt"), QStringLiteral("0561 7001234")));
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::MessageOnly, 10000);
        QCOMPARE(app->pages()->currentWidget(), page(app->messagePage()));
        QVERIFY(app->messagePage()->reasonLabel()->text().contains(QStringLiteral("Warteschlange ist voll")));
        // "Abbrechen" gives up the session and returns to the start.
        QTest::mouseClick(app->messagePage()->backButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app->pages()->currentWidget(), page(app->startPage()), 10000);
    }

    void aFullInboxSaysSoPlainlyAndKeepsTheText()
    {
        // I9: at the inbox's cap the customer learns what to do instead, and nothing typed is lost.
        Scenario scenario([](ServerConfig &config) { config.inboxMaxItems = 1; });
        QVERIFY(scenario.start());
        QVERIFY(scenario.server()
                    .core()
                    .inbox()
                    .store(QStringLiteral("Anton Alt"), QStringLiteral("+495617001234"), QStringLiteral("Rückruf"))
                    .ok());
        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(logIn(app, QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234")));
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Waiting, 10000);
        QTest::mouseClick(app->waitingPage()->writeMessageButton(), Qt::LeftButton);
        customer::MessagePage *message = app->messagePage();
        const QString text = QStringLiteral("Bitte rufen Sie mich wegen meiner Baufinanzierung an.");
        typeText(message->textEdit(), text);
        QTest::ignoreMessage(QtWarningMsg, "the inbox is full at 1 messages; a message was refused");
        QTest::mouseClick(message->sendButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(message->statusLabel()->text().contains(QStringLiteral("keine Mitteilungen annehmen")),
                                 10000);
        const QString said = message->statusLabel()->text();
        QVERIFY2(said.contains(QStringLiteral("Service-Nummer")) && said.contains(QStringLiteral("später")),
                 qPrintable(said));
        QVERIFY(message->statusLabel()->isVisible());
        QCOMPARE(message->textEdit()->toPlainText(), text);
        QVERIFY(message->sendButton()->isEnabled()); // it can be sent again later
        QCOMPARE(app.phase(), Phase::Waiting);       // and the place in the queue is kept
        QCOMPARE(scenario.server().core().queue().length(), 1);
    }

    void leavingTheQueueAsksAndSaysSo()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(logIn(app, QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234")));
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Waiting, 10000);
        // "Weiter warten" is the default: Escape keeps the place.
        onModal<QMessageBox>([](QMessageBox *box) { QTest::keyClick(box, Qt::Key_Escape); });
        QTest::mouseClick(app->waitingPage()->leaveButton(), Qt::LeftButton);
        QCOMPARE(app.phase(), Phase::Waiting);
        clickInModal<QMessageBox>(QStringLiteral("yes"));
        QTest::mouseClick(app->waitingPage()->leaveButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Ended, 10000);
        QCOMPARE(app->pages()->currentWidget(), page(app->endPage()));
        QCOMPARE(app->endPage()->headingLabel()->text(), QStringLiteral("Sie haben die Warteschlange verlassen."));
        QVERIFY(!app->endPage()->transcriptDocument());
        QTRY_COMPARE_WITH_TIMEOUT(scenario.server().core().queue().length(), 0, 10000);
    }

    void theAdvisorEndingIsShownClearly()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(consultingWith(scenario, *advisor, app, QStringLiteral("Erika Mustermann"),
                                     QStringLiteral("0561 7001234")));
        QTRY_COMPARE_WITH_TIMEOUT(app->client()->chat()->rowCount(), 1, 10000);
        advisor->endConsultation(consultationOf(*advisor, app)->id);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Ended, 10000);
        QCOMPARE(app->pages()->currentWidget(), page(app->endPage()));
        QCOMPARE(app->endPage()->headingLabel()->text(),
                 QStringLiteral("Ihre Beraterin oder Ihr Berater hat die Beratung beendet."));
        QVERIFY(app->endPage()->transcriptDocument());
        QVERIFY(app->endPage()->transcriptDocument()->toPlainText().contains(QStringLiteral("Guten Tag")));
        // A new chat forgets the transcript (C4).
        QTest::mouseClick(app->endPage()->homeButton(), Qt::LeftButton);
        QVERIFY(!app->endPage()->transcriptDocument());
        QCOMPARE(app->pages()->currentWidget(), page(app->startPage()));
    }

    void closingTheWindowDuringTheConsultationAsksAndEndsIt()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(consultingWith(scenario, *advisor, app, QStringLiteral("Erika Mustermann"),
                                     QStringLiteral("0561 7001234")));
        const QString id = app->client()->consultationId();

        // "Weiter schreiben" keeps the window and the consultation.
        clickInModal<QMessageBox>(QStringLiteral("no"));
        QVERIFY(!app->close());
        QVERIFY(app->isVisible());
        QCOMPARE(app.phase(), Phase::Consulting);

        // Closing for real ends the consultation first; the advisor learns that the customer ended it.
        clickInModal<QMessageBox>(QStringLiteral("yes"));
        app->close();
        QTRY_VERIFY_WITH_TIMEOUT(!app->isVisible(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(advisor->consultation(id) && advisor->consultation(id)->ended, 10000);
        QCOMPARE(advisor->consultation(id)->endReason, wire::END_REASON_CUSTOMER_ENDED);
        QVERIFY(!app->client()); // the session is gone with the window (C4)
    }

    void aTransferToAColleagueIsShownAndBothAreInTheTranscript()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        AdvisorClient *anna = scenario.advisor(annaWithOnePlace());
        QVERIFY(anna);
        AdvisorClient *bernd =
            scenario.advisor(AdvisorSpec{QStringLiteral("bernd"), QStringLiteral("Bernd Klein"), 1, Route::Direct});
        QVERIFY(bernd);
        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(
            consultingWith(scenario, *anna, app, QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234")));
        const QString id = app->client()->consultationId();
        QTRY_VERIFY_WITH_TIMEOUT(!anna->colleagues().isEmpty(), 10000);
        anna->transfer(id, QStringLiteral("bernd"));
        auto *heading = app->consultationPage()->findChild<QLabel *>(QStringLiteral("heading"));
        QTRY_COMPARE_WITH_TIMEOUT(heading->text(), QStringLiteral("Ihre Beratung mit Bernd Klein"), 10000);
        QCOMPARE(heading->accessibleDescription(), QStringLiteral("Sie werden jetzt von Bernd Klein beraten."));
        QCOMPARE(app.phase(), Phase::Consulting);
        QTRY_VERIFY_WITH_TIMEOUT(bernd->consultation(id), 10000);
        bernd->endConsultation(id);
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Ended, 10000);
        QVERIFY(app->endPage()->transcriptDocument()->toPlainText().contains(
            QStringLiteral("Beraterin oder Berater: Anna Berger, Bernd Klein")));
    }
};

CUSTOMER_TEST_MAIN(TestCustomerServiceChat)
#include "TestCustomerServiceChat.moc"
