// Before anything leaves the app: the warning about data never to send (C2, "Bearbeiten" is the
// default) and the hint that the chat takes no orders, with the official channel (C3); and what
// arrives is shown and printed as plain text only (I3).
#include "CustomerAppFixture.h"
#include "CustomerTestMain.h"
#include "EndPage.h"
#include "MessagePage.h"
#include "WaitingPage.h"

#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>

using namespace consult;
using namespace consult::testing;
using Phase = CustomerClient::Phase;

namespace {

struct RunningConsultation
{
    std::unique_ptr<Scenario> scenario;
    AdvisorClient *advisor = nullptr;
    std::unique_ptr<CustomerApp> app;
    AdvisorConsultation *theirs = nullptr;
};

// A running consultation with the greeting shown.
void startConsultation(RunningConsultation &c)
{
    c.scenario = std::make_unique<Scenario>();
    QVERIFY(c.scenario->start());
    c.advisor = c.scenario->advisor(annaWithOnePlace());
    QVERIFY(c.advisor);
    c.app = std::make_unique<CustomerApp>(c.scenario->endpoint());
    CUSTOMER_STEP(
        consultingWith(*c.scenario, *c.advisor, *c.app, QStringLiteral("Max Müller"), QStringLiteral("0171 1234567")));
    QTRY_COMPARE_WITH_TIMEOUT((*c.app)->client()->chat()->rowCount(), 1, 10000);
    c.theirs = consultationOf(*c.advisor, *c.app);
    QVERIFY(c.theirs);
}

// Answers the next guard dialog: checks what it says, then presses Enter (the default) or clicks.
void answerGuard(const QString &expectedText, const QString &expectedDetail, const QString &button,
                 QString *defaultButton = nullptr)
{
    onModal<QMessageBox>([=](QMessageBox *box) {
        QCOMPARE(box->objectName(), QStringLiteral("sendGuard"));
        QCOMPARE(box->text(), expectedText);
        QVERIFY2(box->informativeText().contains(expectedDetail), qPrintable(box->informativeText()));
        if (defaultButton)
            *defaultButton = box->defaultButton()->objectName();
        if (button == u"<Enter>")
            QTest::keyClick(box, Qt::Key_Return);
        else
            QTest::mouseClick(box->findChild<QPushButton *>(button), Qt::LeftButton);
    });
}

const QString kSecretWarning = QStringLiteral("Geben Sie niemals PIN, TAN, Passwort oder Anmeldenamen ein.");
const QString kOrderHint = QStringLiteral("Im Chat können wir keine rechtsverbindlichen Aufträge annehmen.");

} // namespace

class TestCustomerSendGuard final : public QObject
{
    Q_OBJECT
private slots:
    // Every test but the one on the message page starts in a running consultation.
    void init()
    {
        if (qstrcmp(QTest::currentTestFunction(), "aLeftMessageIsGuardedToo") != 0)
            startConsultation(m_consultation);
    }
    void cleanup()
    {
        // The window before the scenario: its client's connection goes before the server.
        m_consultation.theirs = nullptr;
        m_consultation.app.reset();
        m_consultation.advisor = nullptr;
        m_consultation.scenario.reset();
    }

    void aTanIsHeldBackUntilTheCustomerInsists()
    {
        RunningConsultation &c = m_consultation;
        customer::ConsultationPage *page = (*c.app)->consultationPage();
        const QString text = QStringLiteral("Meine TAN ist 483920");
        typeText(page->input(), text);

        // Enter in the warning means "Bearbeiten": nothing is sent, the number is selected to edit.
        QString defaultButton;
        answerGuard(kSecretWarning, QStringLiteral("eine PIN oder TAN"), QStringLiteral("<Enter>"), &defaultButton);
        QTest::keyClick(page->input(), Qt::Key_Return);
        QCOMPARE(defaultButton, QStringLiteral("edit"));
        QCOMPARE(page->input()->toPlainText(), text);
        QCOMPARE(page->input()->textCursor().selectedText(), QStringLiteral("483920"));
        QCOMPARE((*c.app)->client()->chat()->rowCount(), 1);

        // "Trotzdem senden" sends it.
        answerGuard(kSecretWarning, QStringLiteral("eine PIN oder TAN"), QStringLiteral("sendAnyway"));
        QTest::mouseClick(page->sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(c.theirs->chat->rowCount(), 2, 10000);
        QCOMPARE(c.theirs->chat->lines().last().text, text);
        QCOMPARE(page->input()->toPlainText(), QString());
        // Only the one line arrived: the held-back attempt never left.
        QTest::qWait(200);
        QCOMPARE(c.theirs->chat->rowCount(), 2);
    }

    void anIbanAndACardNumberAreNamed()
    {
        RunningConsultation &c = m_consultation;
        customer::ConsultationPage *page = (*c.app)->consultationPage();
        typeText(page->input(), QStringLiteral("IBAN DE89 3704 0044 0532 0130 00, Karte 4111 1111 1111 1111"));
        answerGuard(kSecretWarning, QStringLiteral("eine IBAN und eine Kartennummer"), QStringLiteral("edit"));
        QTest::keyClick(page->input(), Qt::Key_Return);
        QCOMPARE(page->input()->textCursor().selectedText(), QStringLiteral("DE89 3704 0044 0532 0130 00"));
        QCOMPARE((*c.app)->client()->chat()->rowCount(), 1);
    }

    void blockingACardPointsToTheSperrNotrufAndSendsOnlyWhenConfirmed()
    {
        RunningConsultation &c = m_consultation;
        customer::ConsultationPage *page = (*c.app)->consultationPage();
        typeText(page->input(), QStringLiteral("Bitte Karte sperren, sie ist weg"));
        QString defaultButton;
        answerGuard(kOrderHint, QStringLiteral("Sperr-Notruf 116 116"), QStringLiteral("<Enter>"), &defaultButton);
        QTest::keyClick(page->input(), Qt::Key_Return);
        QCOMPARE(defaultButton, QStringLiteral("edit"));
        QCOMPARE((*c.app)->client()->chat()->rowCount(), 1);

        answerGuard(kOrderHint, QStringLiteral("Sperr-Notruf 116 116"), QStringLiteral("sendAnyway"));
        QTest::keyClick(page->input(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(c.theirs->chat->rowCount(), 2, 10000);
    }

    void transfersAndSecuritiesOrdersPointToOnlineBanking_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("channel");
        QTest::newRow("transfer") << QStringLiteral("Ich möchte 500 Euro an meinen Sohn überweisen")
                                  << QStringLiteral(
                                         "Überweisungen und Daueraufträge erteilen Sie bitte im Online-Banking");
        QTest::newRow("securities") << QStringLiteral("Bitte kaufen Sie 10 Aktien für mein Depot")
                                    << QStringLiteral("Wertpapierorders erteilen Sie bitte im Online-Banking");
    }

    void transfersAndSecuritiesOrdersPointToOnlineBanking()
    {
        QFETCH(QString, text);
        QFETCH(QString, channel);
        RunningConsultation &c = m_consultation;
        customer::ConsultationPage *page = (*c.app)->consultationPage();
        typeText(page->input(), text);
        answerGuard(kOrderHint, channel, QStringLiteral("sendAnyway"));
        QTest::keyClick(page->input(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(c.theirs->chat->rowCount(), 2, 10000);
        QCOMPARE(c.theirs->chat->lines().last().text, text);
    }

    void anOrdinaryQuestionGoesStraightOut()
    {
        RunningConsultation &c = m_consultation;
        customer::ConsultationPage *page = (*c.app)->consultationPage();
        typeText(page->input(), QStringLiteral("Wann hat die Filiale am Samstag geöffnet?"));
        QTest::keyClick(page->input(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(c.theirs->chat->rowCount(), 2, 10000);
        QVERIFY(!QApplication::activeModalWidget());
    }

    void aLeftMessageIsGuardedToo()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        CustomerApp app(scenario.endpoint());
        CUSTOMER_STEP(logIn(app, QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234")));
        QTRY_COMPARE_WITH_TIMEOUT(app.phase(), Phase::Waiting, 10000);
        QTest::mouseClick(app->waitingPage()->writeMessageButton(), Qt::LeftButton);
        customer::MessagePage *message = app->messagePage();
        typeText(message->textEdit(), QStringLiteral("Mein Passwort: Sommer2024! geht nicht mehr"));
        answerGuard(kSecretWarning, QStringLiteral("ein Passwort oder Zugangsdaten"), QStringLiteral("edit"));
        QTest::mouseClick(message->sendButton(), Qt::LeftButton);
        QCOMPARE(app.phase(), Phase::Waiting);
        QCOMPARE(scenario.server().core().inbox().snapshot().items_size(), 0);
    }

    void markupFromTheAdvisorIsShownAndPrintedAsLiteralText()
    {
        // I3: a line "<img src=x>" stays those characters in the chat, the screen reader text and the
        // transcript; nothing becomes an image or a link anywhere.
        RunningConsultation &c = m_consultation;
        const QStringList hostile = {QStringLiteral("<img src=x onerror=alert(1)>"),
                                     QStringLiteral("<a href=\"https://evil.example/login\">Hier anmelden</a>"),
                                     QStringLiteral("<b>fett</b> &amp; <i>kursiv</i>")};
        for (const QString &line : hostile)
            c.advisor->sendChat(c.theirs->id, line);
        ChatModel *chat = (*c.app)->client()->chat();
        QTRY_COMPARE_WITH_TIMEOUT(chat->rowCount(), 1 + int(hostile.size()), 10000);
        for (int i = 0; i < hostile.size(); ++i) {
            const QModelIndex index = chat->index(1 + i);
            QCOMPARE(chat->data(index, ChatModel::TextRole).toString(), hostile.at(i));
            QVERIFY(chat->data(index, Qt::AccessibleTextRole).toString().endsWith(hostile.at(i)));
        }
        // Every label of the window shows plain text, whatever it is given.
        for (QLabel *label : (*c.app)->findChildren<QLabel *>())
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName()));

        clickInModal<QMessageBox>(QStringLiteral("yes"));
        QTest::mouseClick((*c.app)->consultationPage()->endButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(c.app->phase(), Phase::Ended, 10000);
        QTextDocument *transcript = (*c.app)->endPage()->transcriptDocument();
        QVERIFY(transcript);
        for (const QString &line : hostile)
            QVERIFY(transcript->toPlainText().contains(line));
        for (QTextBlock block = transcript->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                QVERIFY(!it.fragment().charFormat().isImageFormat());
                QVERIFY(!it.fragment().charFormat().isAnchor());
            }
        }
        QVERIFY(!transcript->toHtml().contains(QStringLiteral("<img")));
        QVERIFY(!transcript->toHtml().contains(QStringLiteral("<a href")));
    }

private:
    RunningConsultation m_consultation;
};

CUSTOMER_TEST_MAIN(TestCustomerSendGuard)
#include "TestCustomerSendGuard.moc"
