// Forms in the customer app (seed 002, issue 12): the real customer window against a real in-process
// server (real TLS) with the shipped form library, the advisor scripted through the client library.
// A form the advisor sends appears with its notice and is announced without taking the focus from the
// chat; it is filled in through the generated widgets (typed into); a wrong IBAN shows its message
// under the field and keeps "Formular senden" disabled, the right one sends; afterwards the form is
// read-only with "Gesendet am"; the advisor's copy has the IBAN masked until the customer releases it
// after a confirmation; the form saved as PDF holds the values; every generated input is named by its
// label.
#include "CustomerTestMain.h"
#include "ExchangeFlow.h"

#include <QCheckBox>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>

using namespace consult;
using namespace consult::testing;

namespace {

// The advisor's copy of the only form, once it is submitted.
const wire::FormInstance *advisorsSubmittedForm(ExchangeConsultation &consultation)
{
    const QList<wire::FormInstance> forms = consultation.advisorForms()->forms();
    if (forms.size() != 1 || forms.first().state() != wire::FORM_STATE_SUBMITTED)
        return nullptr;
    return consultation.advisorForms()->form(QString::fromStdString(forms.first().instance_id()));
}

} // namespace

class TestCustomerForms final : public QObject
{
    Q_OBJECT
private slots:
    void aSentFormAppearsAndIsAnnouncedWithoutTakingTheFocusFromTheChat()
    {
        ExchangeConsultation consultation;
        CUSTOMER_STEP(consultation.start());
        customer::FormsPanel *panel = consultation.formsPanel();
        QVERIFY(!panel->isVisible());
        QApplication::setActiveWindow(consultation.app->window.get());
        QVERIFY(QTest::qWaitForWindowActive(consultation.app->window.get()));
        consultation.page()->focusInput();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(consultation.page()->input()));
        typeText(consultation.page()->input(), QStringLiteral("Einen Moment"));
        Announced announced;
        customer::FormView *view = consultation.standingOrderArrives();
        QVERIFY(view);
        QVERIFY(panel->isVisible());
        QVERIFY(view->isVisible());
        QCOMPARE(panel->arrivalLabel()->text(),
                 QStringLiteral("Anna Berger hat Ihnen ein Formular geschickt: Dauerauftrag – Anfrage. Sie finden es "
                                "hier unten."));
        QVERIFY(announced.contains(QStringLiteral("Anna Berger hat Ihnen ein Formular geschickt")));
        // The notice stands out, above the fields.
        QVERIFY(view->noticeLabel()->isVisible());
        QVERIFY(view->noticeLabel()->text().contains(QStringLiteral("unverbindlich")));
        QCOMPARE(view->noticeLabel()->property("warning").toBool(), true);
        // The customer went on typing in the chat: the focus is still there, the text intact.
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(consultation.page()->input()));
        typeText(consultation.page()->input(), QStringLiteral(", bitte."));
        QCOMPARE(consultation.page()->input()->toPlainText(), QStringLiteral("Einen Moment, bitte."));
        // Nothing filled yet: it cannot be sent.
        QVERIFY(!view->submitButton()->isEnabled());
    }

    void aWrongIbanShowsItsMessageAndBlocksSendingTheRightOneSends()
    {
        ExchangeConsultation consultation;
        CUSTOMER_STEP(consultation.start());
        customer::FormView *view = consultation.standingOrderArrives();
        QVERIFY(view);
        CUSTOMER_STEP(fillStandingOrder(view, kWrongIban));
        customer::FormFieldEditor *iban = view->editor(QStringLiteral("iban"));
        QVERIFY(iban->problemLabel()->isVisible());
        QCOMPARE(iban->problemLabel()->text(),
                 QStringLiteral("Diese IBAN stimmt nicht. Bitte prüfen Sie jede Stelle, sie beginnt zum Beispiel mit "
                                "DE."));
        QVERIFY(!view->submitButton()->isEnabled());
        // The other fields are fine and say nothing.
        for (const QString &key : {QStringLiteral("payee"), QStringLiteral("amount"), QStringLiteral("first_execution"),
                                   QStringLiteral("interval")})
            QVERIFY2(!view->editor(key)->problemLabel()->isVisible(), qPrintable(key));

        CUSTOMER_STEP(typeInto(view, QStringLiteral("iban"), kValidIban));
        QVERIFY(!iban->problemLabel()->isVisible());
        QVERIFY(view->submitButton()->isEnabled());
        QTest::mouseClick(view->submitButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view->form().state() == wire::FORM_STATE_SUBMITTED, 10000);
        QVERIFY2(view->stateLabel()->text().startsWith(QStringLiteral("Gesendet am ")),
                 qPrintable(view->stateLabel()->text()));
        QVERIFY(!view->submitButton()->isVisible());
        QVERIFY(!iban->input()->isVisible()); // read-only now

        // The advisor has the values, the IBAN masked (sensitive, not released).
        QTRY_VERIFY_WITH_TIMEOUT(advisorsSubmittedForm(consultation), 10000);
        const wire::FormInstance *theirs = advisorsSubmittedForm(consultation);
        QCOMPARE(QString::fromStdString(valueOf(*theirs, "payee")->value()), QStringLiteral("Hausverwaltung Müller"));
        QCOMPARE(QString::fromStdString(valueOf(*theirs, "amount")->value()), QStringLiteral("850.00"));
        QCOMPARE(QString::fromStdString(valueOf(*theirs, "first_execution")->value()), QStringLiteral("2027-03-01"));
        QVERIFY(valueOf(*theirs, "iban")->masked());
        QVERIFY(valueOf(*theirs, "iban")->value().empty());
        QVERIFY(iban->releaseLabel()->isVisible());
        QCOMPARE(iban->releaseLabel()->text(), QStringLiteral("Für den Berater verborgen"));
        QVERIFY(iban->releaseButton()->isVisible());
    }

    void freigebenAfterTheConfirmationShowsTheIbanToTheAdvisor()
    {
        ExchangeConsultation consultation;
        CUSTOMER_STEP(consultation.start());
        customer::FormView *view = consultation.standingOrderArrives();
        QVERIFY(view);
        CUSTOMER_STEP(fillStandingOrder(view, kValidIban));
        QTest::mouseClick(view->submitButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(advisorsSubmittedForm(consultation), 10000);
        customer::FormFieldEditor *iban = view->editor(QStringLiteral("iban"));
        QTRY_VERIFY(iban->releaseButton()->isVisible());

        // "Nicht freigeben": nothing changes.
        clickInModal<QMessageBox>(QStringLiteral("no"));
        QTest::mouseClick(iban->releaseButton(), Qt::LeftButton);
        QCOMPARE(iban->release(), customer::FormFieldEditor::Release::Hidden);

        clickInModal<QMessageBox>(QStringLiteral("yes"));
        QTest::mouseClick(iban->releaseButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!valueOf(*advisorsSubmittedForm(consultation), "iban")->masked(), 10000);
        QCOMPARE(QString::fromStdString(valueOf(*advisorsSubmittedForm(consultation), "iban")->value()),
                 QStringLiteral("DE89370400440532013000"));
        QTRY_COMPARE(iban->release(), customer::FormFieldEditor::Release::Released);
        QCOMPARE(iban->releaseLabel()->text(), QStringLiteral("Für den Berater freigegeben"));
        QVERIFY(!iban->releaseButton()->isVisible());
    }

    void theFormSavedAsPdfHoldsTheValues()
    {
        ExchangeConsultation consultation;
        CUSTOMER_STEP(consultation.start());
        customer::FormView *view = consultation.standingOrderArrives();
        QVERIFY(view);
        CUSTOMER_STEP(fillStandingOrder(view, kValidIban));
        QTest::mouseClick(view->submitButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view->form().state() == wire::FORM_STATE_SUBMITTED, 10000);
        QTemporaryDir saveTo;
        const QString path = saveTo.filePath(QStringLiteral("dauerauftrag.pdf"));
        consultation.answerSavesWith(path);
        QTest::mouseClick(view->savePdfButton(), Qt::LeftButton);
        QTRY_VERIFY(QFile::exists(path));
        QVERIFY(view->saveStatusLabel()->text().contains(QStringLiteral("dauerauftrag.pdf")));
        const QString text = pdfText(path);
        QVERIFY2(!text.isEmpty(), "pdftotext read nothing");
        QString compact = text;
        compact.remove(QRegularExpression(QStringLiteral("\\s")));
        for (const QString &expected :
             {QStringLiteral("Dauerauftrag–Anfrage"), QStringLiteral("HausverwaltungMüller"),
              QStringLiteral("DE89370400440532013000"), QStringLiteral("MieteWohnung3"), QStringLiteral("monatlich")})
            QVERIFY2(compact.contains(expected), qPrintable(expected + QStringLiteral(" not in: ") + text));
    }

    void everyGeneratedInputIsNamedByItsLabel()
    {
        ExchangeConsultation consultation;
        CUSTOMER_STEP(consultation.start());
        customer::FormView *view = consultation.standingOrderArrives();
        QVERIFY(view);
        QCOMPARE(view->editors().size(), 6);
        for (customer::FormFieldEditor *editor : view->editors()) {
            const QString label = QString::fromStdString(editor->field().label());
            QVERIFY2(editor->input()->accessibleName().startsWith(label), qPrintable(label));
            QVERIFY(editor->input()->focusPolicy() & Qt::TabFocus);
        }
        QCOMPARE(view->editor(QStringLiteral("iban"))->input()->accessibleName(),
                 QStringLiteral("IBAN des Empfängers (Pflichtfeld)"));
        QCOMPARE(view->editor(QStringLiteral("reference"))->input()->accessibleName(),
                 QStringLiteral("Verwendungszweck"));
    }
};

CUSTOMER_TEST_MAIN(TestCustomerForms)
#include "TestCustomerForms.moc"
