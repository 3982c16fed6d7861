// The forms of a consultation in the advisor workstation (issue 12, seed 002), through the real
// widgets against a real in-process server with real TLS, the shipped form library and a customer
// driven through the client library: "Formular senden …" opens the picker with the library, the
// picked form reaches the customer; the customer submits it with a sensitive IBAN; the advisor's
// view shows it masked ("nicht freigegeben", P1) and the saved PDF does not hold it; after the
// customer's release the view and the PDF show it in clear. A form beyond [forms]
// max_per_consultation is refused in words. The picker searches a long library.
#include "MemoryTokenStore.h"
#include "WorkstationFixture.h"
#include "client/forms/ConsultationForms.h"
#include "forms/FormPicker.h"
#include "forms/FormView.h"
#include "forms/FormsPanel.h"
#include "support/FileAnswers.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPdfDocument>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace consult;
using namespace consult::advisor;
using namespace consult::advisor::testing;
using consult::testing::CustomerSpec;
using consult::testing::Scenario;

namespace {

constexpr auto kStandingOrder = "dauerauftrag_anfrage";
const QString kIbanShown = QStringLiteral("DE89 3704 0044 0532 0130 00"); // the check digits match

wire::FormValue value(const char *key, const QString &text)
{
    wire::FormValue formValue;
    formValue.set_key(key);
    formValue.set_value(text.toStdString());
    return formValue;
}

QList<wire::FormValue> standingOrder()
{
    return {
        value("payee", QStringLiteral("Erika Mustermann")), value("iban", kIbanShown),
        value("amount", QStringLiteral("1.250,50")),        value("first_execution", QStringLiteral("1.2.2027")),
        value("interval", QStringLiteral("monatlich")),     value("reference", QStringLiteral("Miete Kanarienweg 7"))};
}

// The PDF's text: pdftotext (poppler-utils) where installed, Qt PDF otherwise.
QString pdfText(const QString &path)
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (!pdftotext.isEmpty()) {
        QProcess process;
        process.start(pdftotext, {QStringLiteral("-layout"), path, QStringLiteral("-")});
        if (process.waitForFinished(30000) && process.exitCode() == 0)
            return QString::fromUtf8(process.readAllStandardOutput());
        return {};
    }
    QPdfDocument document;
    if (document.load(path) != QPdfDocument::Error::None)
        return {};
    QString text;
    for (int page = 0; page < document.pageCount(); ++page)
        text += document.getAllText(page).text() + u'\n';
    return text;
}

wire::FormSummary summary(const QString &id, const QString &title, const QString &description)
{
    wire::FormSummary form;
    form.set_form_id(id.toStdString());
    form.set_title(title.toStdString());
    form.set_description(description.toStdString());
    return form;
}

} // namespace

class TestAdvisorForms final : public QObject
{
    Q_OBJECT
private slots:
    void aFormFromThePickerIsFilledInShownMaskedReleasedAndSavedAsPdf()
    {
        Scenario scenario([](ServerConfig &config) { config.formsDirectory = QStringLiteral(CONSULT_FORM_LIBRARY); });
        QVERIFY(scenario.start());
        scenario.addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 3));
        MemoryTokenStore vault;
        Workstation workstation(scenario, vault);
        QVERIFY(workstation.logIn(QStringLiteral("anna")));
        MainWindow *window = workstation.window();
        window->waitingAlert()->setSoundEnabled(false);
        CustomerClient *customer = scenario.waitingCustomer(CustomerSpec::named(QStringLiteral("Erika Mustermann")));
        QVERIFY(customer);
        QTRY_COMPARE_WITH_TIMEOUT(window->queuePanel()->view()->model()->rowCount(), 1, 5000);
        QTest::mouseClick(window->queuePanel()->takeNextButton(), Qt::LeftButton);
        QVERIFY(scenario.awaitConsulting(*workstation.client(), *customer));
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(window, QStringLiteral("Erika Mustermann")), 5000);
        ConsultationPanel *consultation = panelOf(window, QStringLiteral("Erika Mustermann"));
        FormsPanel *panel = consultation->formsPanel();
        QVERIFY(panel && panel->forms());
        ConsultationForms *theirs = customer->consultation()->part<ConsultationForms>();
        QVERIFY(theirs);
        QTRY_COMPARE_WITH_TIMEOUT(workstation.client()->formLibrary().forms_size(), 2, 10000);

        QTest::mouseClick(consultation->exchangeButton(), Qt::LeftButton);
        consultation->exchangeArea()->setCurrentWidget(panel);
        // The picker lists the library (title and description); two forms need no search field.
        auto listed = std::make_shared<QStringList>();
        auto searchShown = std::make_shared<bool>(true);
        whenModalOpens(QStringLiteral("formPicker"), [listed, searchShown](QWidget *modal) {
            auto *picker = qobject_cast<FormPicker *>(modal);
            QVERIFY(picker);
            for (int row = 0; row < picker->list()->count(); ++row)
                *listed << picker->list()->item(row)->text() + u'|' + picker->descriptionAt(row);
            *searchShown = picker->searchField()->isVisibleTo(picker);
            QVERIFY(picker->selectForm(QString::fromLatin1(kStandingOrder)));
            picker->buttons()->button(QDialogButtonBox::Ok)->click();
        });
        QTest::mouseClick(panel->sendButton(), Qt::LeftButton);
        QCOMPARE(listed->size(), 2);
        QVERIFY2(listed->last().startsWith(QStringLiteral("Dauerauftrag – Anfrage|Mit diesem Formular")),
                 qPrintable(listed->last()));
        QVERIFY(!*searchShown);

        QTRY_COMPARE_WITH_TIMEOUT(theirs->forms().size(), 1, 10000);
        const QString instance = QString::fromStdString(theirs->forms().first().instance_id());
        QTRY_COMPARE_WITH_TIMEOUT(panel->list()->count(), 1, 10000);
        QVERIFY2(panel->list()->item(0)->text().endsWith(QStringLiteral("gesendet")),
                 qPrintable(panel->list()->item(0)->text()));

        // The customer fills it in: the view shows the values, the IBAN masked (P1).
        QVERIFY(theirs->submit(instance, standingOrder()).accepted());
        QTRY_VERIFY_WITH_TIMEOUT(panel->list()->item(0)->text().contains(QStringLiteral("ausgefüllt am")), 10000);
        QCOMPARE(panel->shownInstance(), instance);
        QCOMPARE(panel->view()->valueText(QStringLiteral("payee")), QStringLiteral("Erika Mustermann"));
        QCOMPARE(panel->view()->valueText(QStringLiteral("reference")), QStringLiteral("Miete Kanarienweg 7"));
        QCOMPARE(panel->view()->valueText(QStringLiteral("iban")), QStringLiteral("●●●● (nicht freigegeben)"));
        const QString masked = m_files.filePath(QStringLiteral("vorher.pdf"));
        QVERIFY(panel->savePdfTo(instance, masked));
        const QString maskedText = pdfText(masked);
        QVERIFY2(maskedText.contains(QStringLiteral("Miete Kanarienweg 7")), qPrintable(maskedText));
        QVERIFY2(maskedText.contains(QStringLiteral("nicht freigegeben")), qPrintable(maskedText));
        QVERIFY2(!maskedText.contains(QStringLiteral("0532")), qPrintable(maskedText));

        // Released: in clear, on screen and in the PDF.
        theirs->release(instance, {QStringLiteral("iban")});
        QTRY_COMPARE_WITH_TIMEOUT(panel->view()->valueText(QStringLiteral("iban")), kIbanShown, 10000);
        const QString clear = m_files.filePath(QStringLiteral("nachher.pdf"));
        // "Als PDF speichern …" asks where, offering the form's title as the name.
        const auto asked = answerFilesWith(panel->fileChooser(), {clear});
        QVERIFY(panel->pdfButton()->isEnabled());
        QTest::mouseClick(panel->pdfButton(), Qt::LeftButton);
        QCOMPARE(asked->kind, FileQuestion::Kind::Save);
        QVERIFY2(asked->suggestedName.endsWith(QStringLiteral(".pdf")), qPrintable(asked->suggestedName));
        QVERIFY(QFile::exists(clear));
        const QString clearText = pdfText(clear);
        QVERIFY2(clearText.contains(kIbanShown), qPrintable(clearText));
        QVERIFY2(clearText.contains(QStringLiteral("Erika Mustermann")), qPrintable(clearText));
        QVERIFY(panel->messageLabel()->text().startsWith(QStringLiteral("Gespeichert:")));
    }

    void aFormBeyondTheConsultationsLimitIsRefusedInWords()
    {
        Scenario scenario([](ServerConfig &config) {
            config.formsDirectory = QStringLiteral(CONSULT_FORM_LIBRARY);
            config.formsMaxPerConsultation = 1;
        });
        QVERIFY(scenario.start());
        scenario.addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 3));
        MemoryTokenStore vault;
        Workstation workstation(scenario, vault);
        QVERIFY(workstation.logIn(QStringLiteral("anna")));
        MainWindow *window = workstation.window();
        window->waitingAlert()->setSoundEnabled(false);
        CustomerClient *customer = scenario.waitingCustomer(CustomerSpec::named(QStringLiteral("Erika Mustermann")));
        QVERIFY(customer);
        QTRY_COMPARE_WITH_TIMEOUT(window->queuePanel()->view()->model()->rowCount(), 1, 5000);
        QTest::mouseClick(window->queuePanel()->takeNextButton(), Qt::LeftButton);
        QVERIFY(scenario.awaitConsulting(*workstation.client(), *customer));
        QTRY_VERIFY_WITH_TIMEOUT(panelOf(window, QStringLiteral("Erika Mustermann")), 5000);
        FormsPanel *panel = panelOf(window, QStringLiteral("Erika Mustermann"))->formsPanel();
        QVERIFY(panel);
        panel->sendForm(QString::fromLatin1(kStandingOrder));
        QTRY_COMPARE_WITH_TIMEOUT(panel->list()->count(), 1, 10000);
        QVERIFY(panel->messageLabel()->isHidden());
        QSignalSpy refused(panel->forms(), &ConsultationForms::refused);
        panel->sendForm(QStringLiteral("adressaenderung"));
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 10000);
        QCOMPARE(refused.first().at(0).value<ConsultationForms::Refusal>(), ConsultationForms::Refusal::LimitReached);
        QVERIFY(panel->messageLabel()->isVisibleTo(panel));
        QVERIFY2(panel->messageLabel()->text().contains(QStringLiteral("keine weiteren Formulare")),
                 qPrintable(panel->messageLabel()->text()));
        QCOMPARE(panel->list()->count(), 1);
    }

    void aLongLibraryIsSearchedByTitleAndDescription()
    {
        QList<wire::FormSummary> library;
        for (int i = 1; i <= 9; ++i)
            library << summary(QStringLiteral("form_%1").arg(i), QStringLiteral("Formular %1").arg(i),
                               QStringLiteral("Allgemein"));
        library << summary(QStringLiteral("kredit"), QStringLiteral("Kreditanfrage"),
                           QStringLiteral("Für eine Baufinanzierung"));
        FormPicker picker(library, QStringLiteral("Erika Mustermann"));
        picker.show();
        QVERIFY(QTest::qWaitForWindowExposed(&picker));
        QVERIFY(picker.searchField()->isVisible());
        QTest::keyClicks(picker.searchField(), QStringLiteral("baufinanz"));
        int shown = 0;
        for (int row = 0; row < picker.list()->count(); ++row)
            shown += picker.list()->item(row)->isHidden() ? 0 : 1;
        QCOMPARE(shown, 1);
        QCOMPARE(picker.selectedFormId(), QStringLiteral("kredit"));
        QVERIFY(picker.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        QTest::keyClicks(picker.searchField(), QStringLiteral("xyz"));
        QCOMPARE(picker.selectedFormId(), QString());
        QVERIFY(!picker.buttons()->button(QDialogButtonBox::Ok)->isEnabled());

        FormPicker few(library.mid(0, 8), {});
        few.show();
        QVERIFY(QTest::qWaitForWindowExposed(&few));
        QVERIFY(!few.searchField()->isVisible());
    }

private:
    QTemporaryDir m_files;
};

CONSULT_WIDGET_TEST_MAIN(TestAdvisorForms)
#include "TestAdvisorForms.moc"
