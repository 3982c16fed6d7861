// Forms between the two clients (seed 002) through a real server on loopback with real TLS and the
// shipped form library: the advisor's client has the library after the log-in, sends a form, the
// customer's client checks the values before anything leaves (a wrong IBAN is never sent) and
// submits, the advisor's copy keeps the sensitive IBAN masked until the customer releases it, both
// save the filled form as a PDF whose text holds the values, the server's refusals reach the forms
// part (not the whiteboard, which shares the consultation's refusals), and the end forgets every
// value on both clients (P1). The clients add the ConsultationForms themselves.
#include "client/forms/ConsultationForms.h"
#include "client/whiteboard/ConsultationWhiteboard.h"
#include "forms/FormPdf.h"
#include "support/Scenario.h"

#include <QPdfDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace consult;
using namespace consult::testing;
using Refusal = ConsultationForms::Refusal;

namespace {

constexpr auto kStandingOrder = "dauerauftrag_anfrage";
const QString kIban = QStringLiteral("DE89 3704 0044 0532 0130 00"); // the check digits match
const QString kIbanWire = QStringLiteral("DE89370400440532013000");

wire::FormValue value(const char *key, const QString &text)
{
    wire::FormValue formValue;
    formValue.set_key(key);
    formValue.set_value(text.toStdString());
    return formValue;
}

QList<wire::FormValue> standingOrder(const QString &iban)
{
    return {
        value("payee", QStringLiteral("Erika Mustermann")), value("iban", iban),
        value("amount", QStringLiteral("1.250,50")),        value("first_execution", QStringLiteral("1.2.2027")),
        value("interval", QStringLiteral("monatlich")),     value("reference", QStringLiteral("Miete Kanarienweg 7"))};
}

QString valueAt(const wire::FormInstance &form, const char *key, bool *masked = nullptr)
{
    for (const wire::FormValue &formValue : form.values())
        if (formValue.key() == key) {
            if (masked)
                *masked = formValue.masked();
            return QString::fromStdString(formValue.value());
        }
    return {};
}

// The text of every page of a PDF, as Qt PDF extracts it.
QString pdfText(const QString &path)
{
    QPdfDocument document;
    if (document.load(path) != QPdfDocument::Error::None)
        return {};
    QString text;
    for (int page = 0; page < document.pageCount(); ++page)
        text += document.getAllText(page).text() + u'\n';
    return text;
}

// A running consultation with both forms parts and the shipped library.
struct Forms
{
    Scenario scenario{[](ServerConfig &config) {
        config.formsDirectory = QStringLiteral(CONSULT_FORM_LIBRARY);
        config.formsMaxPerConsultation = 3;
    }};
    TestConsultation *consultation = nullptr;
    ConsultationForms *advisor = nullptr;
    ConsultationForms *customer = nullptr;

    bool start()
    {
        if (!scenario.start())
            return false;
        consultation = scenario.consultation({});
        if (!consultation)
            return false;
        advisor = consultation->atAdvisor()->part<ConsultationForms>();
        customer = consultation->customer->consultation()->part<ConsultationForms>();
        return advisor && customer;
    }

    // The advisor sends the standing order form; both have it. Its instance id, or empty.
    QString sendStandingOrder()
    {
        const int before = int(customer->forms().size());
        advisor->send(QString::fromLatin1(kStandingOrder));
        if (!QTest::qWaitFor(
                [&] { return customer->forms().size() == before + 1 && advisor->forms().size() == before + 1; }, 10000))
            return {};
        return QString::fromStdString(customer->forms().last().instance_id());
    }
};

} // namespace

class TestFormClients final : public QObject
{
    Q_OBJECT
private slots:
    void theAdvisorsClientHasTheLibraryAfterTheLogIn()
    {
        Forms forms;
        QVERIFY(forms.start());
        const wire::FormLibrary &library = forms.consultation->advisor->formLibrary();
        QCOMPARE(library.forms_size(), 2);
        QCOMPARE(library.forms(1).form_id(), std::string(kStandingOrder));
        QVERIFY(!library.forms(1).title().empty());
    }

    void aSentFormReachesBothAndTheCustomerSubmitsWhatTheRulesAccept()
    {
        Forms forms;
        QVERIFY(forms.start());
        QSignalSpy advisorChanged(forms.advisor, &ConsultationForms::formChanged);
        const QString instance = forms.sendStandingOrder();
        QVERIFY(!instance.isEmpty());
        const wire::FormInstance *sent = forms.customer->form(instance);
        QVERIFY(sent);
        QCOMPARE(sent->state(), wire::FORM_STATE_SENT);
        QCOMPARE(sent->definition().fields_size(), 6);
        QCOMPARE(advisorChanged.size(), 1);

        // A wrong check digit: the customer's app says so at the field and sends nothing.
        const forms::CheckedSubmission wrong =
            forms.customer->submit(instance, standingOrder(QStringLiteral("DE88 3704 0044 0532 0130 00")));
        QVERIFY(!wrong.accepted());
        QCOMPARE(wrong.firstProblemKey, QStringLiteral("iban"));
        QCOMPARE(wrong.firstProblem, forms::ValueProblem::NotAnIban);
        QVERIFY(!forms.customer->isSubmitting(instance));

        const forms::CheckedSubmission right = forms.customer->submit(instance, standingOrder(kIban));
        QVERIFY(right.accepted());
        QVERIFY(forms.customer->isSubmitting(instance));
        // A second submit while the first is on its way is not sent either.
        QVERIFY(!forms.customer->submit(instance, standingOrder(kIban)).accepted());
        CONSULT_WAIT_FOR(forms.customer->form(instance)->state() == wire::FORM_STATE_SUBMITTED, 10000);
        CONSULT_WAIT_FOR(forms.advisor->form(instance)->state() == wire::FORM_STATE_SUBMITTED, 10000);
        QVERIFY(!forms.customer->isSubmitting(instance));
        // The sent (normalised) values are what both hold; the server accepted them as they were.
        const wire::FormInstance &atCustomer = *forms.customer->form(instance);
        QCOMPARE(valueAt(atCustomer, "iban"), kIbanWire);
        QCOMPARE(valueAt(atCustomer, "amount"), QStringLiteral("1250.50"));
        QCOMPARE(valueAt(atCustomer, "first_execution"), QStringLiteral("2027-02-01"));
        QVERIFY(atCustomer.submitted_at() > 0);
        // Submitted once: a further submit is refused locally.
        QVERIFY(!forms.customer->submit(instance, standingOrder(kIban)).accepted());
    }

    void theSensitiveFieldStaysMaskedAtTheAdvisorUntilTheCustomerReleasesIt()
    {
        Forms forms;
        QVERIFY(forms.start());
        const QString instance = forms.sendStandingOrder();
        QVERIFY(!instance.isEmpty());
        QVERIFY(forms.customer->submit(instance, standingOrder(kIban)).accepted());
        CONSULT_WAIT_FOR(forms.advisor->form(instance)->state() == wire::FORM_STATE_SUBMITTED, 10000);

        bool masked = false;
        QCOMPARE(valueAt(*forms.advisor->form(instance), "iban", &masked), QString());
        QVERIFY(masked);
        QCOMPARE(valueAt(*forms.advisor->form(instance), "payee"), QStringLiteral("Erika Mustermann"));

        // The advisor's PDF says the IBAN is not released and holds no digit of it.
        QTemporaryDir dir;
        const QString maskedPdf = dir.filePath(QStringLiteral("advisor-masked.pdf"));
        QVERIFY(forms::FormPdf::writePdf(*forms.advisor->form(instance), maskedPdf));
        const QString maskedText = pdfText(maskedPdf);
        QVERIFY2(maskedText.contains(QStringLiteral("Erika Mustermann")), qPrintable(maskedText));
        QVERIFY(maskedText.contains(QStringLiteral("nicht freigegeben")));
        QVERIFY(!maskedText.contains(QStringLiteral("0532")));

        QSignalSpy changed(forms.advisor, &ConsultationForms::formChanged);
        forms.customer->release(instance, {QStringLiteral("iban")});
        CONSULT_WAIT_FOR(!changed.isEmpty(), 10000);
        QCOMPARE(valueAt(*forms.advisor->form(instance), "iban", &masked), kIbanWire);
        QVERIFY(!masked);

        // Both PDFs now hold every value; the IBAN in groups of four as on a bank card.
        for (ConsultationForms *side : {forms.advisor, forms.customer}) {
            const QString path =
                dir.filePath(side == forms.advisor ? QStringLiteral("advisor.pdf") : QStringLiteral("customer.pdf"));
            QVERIFY(forms::FormPdf::writePdf(*side->form(instance), path));
            const QString text = pdfText(path);
            for (const QString &expected :
                 {QStringLiteral("Erika Mustermann"), QStringLiteral("DE89 3704 0044 0532 0130 00"),
                  QStringLiteral("Miete Kanarienweg 7"), QStringLiteral("monatlich"), QStringLiteral("unverbindlich")})
                QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in: ") + text));
        }
    }

    void theServersRefusalsReachTheFormsPartAndNotTheWhiteboard()
    {
        Forms forms;
        QVERIFY(forms.start());
        QSignalSpy refused(forms.advisor, &ConsultationForms::refused);
        QSignalSpy boardRefused(forms.consultation->atAdvisor()->part<ConsultationWhiteboard>(),
                                &ConsultationWhiteboard::refused);
        forms.advisor->send(QStringLiteral("gibt_es_nicht"));
        CONSULT_WAIT_FOR(!refused.isEmpty(), 10000);
        QCOMPARE(refused.first().at(0).value<Refusal>(), Refusal::NotFound);
        QCOMPARE(refused.first().at(1).toString(), QStringLiteral("gibt_es_nicht"));
        QVERIFY(boardRefused.isEmpty());

        // [forms] max_per_consultation = 3: the fourth is refused with its reason.
        for (int i = 0; i < 3; ++i)
            QVERIFY(!forms.sendStandingOrder().isEmpty());
        forms.advisor->send(QString::fromLatin1(kStandingOrder));
        CONSULT_WAIT_FOR(refused.size() == 2, 10000);
        QCOMPARE(refused.last().at(0).value<Refusal>(), Refusal::LimitReached);
        QCOMPARE(forms.customer->forms().size(), 3);
    }

    void theCustomerCannotSendAFormAndTheAdvisorCannotSubmitOne()
    {
        Forms forms;
        QVERIFY(forms.start());
        QSignalSpy customerChanged(forms.customer, &ConsultationForms::formChanged);
        forms.customer->send(QString::fromLatin1(kStandingOrder)); // not the customer's to do: nothing sent
        const QString instance = forms.sendStandingOrder();
        QVERIFY(!instance.isEmpty());
        QCOMPARE(customerChanged.size(), 1);
        QVERIFY(!forms.advisor->submit(instance, standingOrder(kIban)).accepted());
        QCOMPARE(forms.advisor->form(instance)->state(), wire::FORM_STATE_SENT);
    }

    void theEndForgetsEveryValueOnBothClients()
    {
        Forms forms;
        QVERIFY(forms.start());
        const QString instance = forms.sendStandingOrder();
        QVERIFY(!instance.isEmpty());
        QVERIFY(forms.customer->submit(instance, standingOrder(kIban)).accepted());
        CONSULT_WAIT_FOR(forms.advisor->form(instance)->state() == wire::FORM_STATE_SUBMITTED, 10000);
        QSignalSpy ended(forms.consultation->customer->consultation(), &Consultation::ended);
        forms.consultation->atAdvisor()->end();
        CONSULT_WAIT_FOR(!ended.isEmpty(), 10000);
        CONSULT_WAIT_FOR(forms.consultation->atAdvisor()->isEnded(), 10000);
        QVERIFY(forms.customer->forms().isEmpty());
        QVERIFY(forms.advisor->forms().isEmpty());
        QVERIFY(!forms.customer->form(instance));
        // Nothing more can be submitted or sent after the end.
        QVERIFY(!forms.customer->submit(instance, standingOrder(kIban)).accepted());
        // The receipt names the form.
        const wire::DeletionReceipt &receipt = forms.consultation->customer->consultation()->deletionReceipt();
        QVERIFY(std::any_of(receipt.items().begin(), receipt.items().end(),
                            [](const wire::DeletedItem &item) { return item.kind() == wire::DELETED_KIND_FORM; }));
    }
};

// A GUI application: the PDFs are laid out with fonts (Qt Print Support).
QTEST_MAIN(TestFormClients)
#include "TestFormClients.moc"
