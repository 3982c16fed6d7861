#pragma once

// A consultation in which everything of issue 12 was exchanged, for the end screen's tests and
// screenshots: a chat line with a canary, a document each way (the advisor's PDF, the customer's
// PNG, both named with the canary), the address-change form of the shipped library sent by the
// advisor and submitted by the customer, and one whiteboard page shown. The advisor is scripted
// through the client library; the customer's documents and form go through the customer's
// consultation parts (the consultation page's areas are another slice's).
#include "BoardFlow.h"
#include "CustomerAppFixture.h"
#include "client/documents/ConsultationDocuments.h"
#include "client/forms/ConsultationForms.h"
#include "support/TestFiles.h"

#include <QDateTime>
#include <QTemporaryDir>

namespace consult::testing {

struct SummaryConsultation
{
    Scenario scenario{[](ServerConfig &config) {
        config.formsDirectory = QStringLiteral(CONSULT_FORM_LIBRARY);
        config.resumeTtlSeconds = 1; // a lost connection ends the consultation soon
    }};
    AdvisorClient *advisor = nullptr;
    std::unique_ptr<CustomerApp> app;
    AdvisorConsultation *theirs = nullptr;
    QTemporaryDir files;
    const QString canary = QStringLiteral("KANARIE%1").arg(QDateTime::currentMSecsSinceEpoch());
    QString chatLine;
    QString advisorFile; // the names as both sides see them
    QString customerFile;
    qint64 advisorFileSize = 0;
    qint64 customerFileSize = 0;
    const QString street = QStringLiteral("Lindenweg 12");

    Consultation *customerConsultation() const { return (*app)->client()->consultation(); }

    void start(Route route = Route::Direct)
    {
        QVERIFY(scenario.start());
        advisor = scenario.advisor(annaWithOnePlace());
        QVERIFY(advisor);
        app = std::make_unique<CustomerApp>(scenario.endpoint(route));
        CUSTOMER_STEP(
            consultingWith(scenario, *advisor, *app, QStringLiteral("Max Müller"), QStringLiteral("0171 1234567")));
        theirs = consultationOf(*advisor, *app);
        QVERIFY(theirs);
    }

    // The customer writes a line with the canary through the window.
    void chat()
    {
        customer::ConsultationPage *page = (*app)->consultationPage();
        chatLine = QStringLiteral("Hier kommt mein Nachweis ") + canary;
        typeText(page->input(), chatLine);
        QTest::keyClick(page->input(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(theirs->chat->rowCount() >= 2, 10000);
    }

    // The advisor's PDF to the customer, the customer's PNG to the advisor.
    void documentsBothWays()
    {
        auto *advisorDocuments = theirs->part<ConsultationDocuments>();
        auto *customerDocuments = customerConsultation()->part<ConsultationDocuments>();
        QVERIFY2(advisorDocuments && customerDocuments, "a consultation has no documents part");
        advisorFile = QStringLiteral("Konditionen-%1.pdf").arg(canary);
        const QByteArray pdf = pdfWithPages({QColor(Qt::white)});
        advisorFileSize = pdf.size();
        QVERIFY(writeFile(files.filePath(advisorFile), pdf));
        QVERIFY(advisorDocuments->upload(files.filePath(advisorFile)) != 0);
        QTRY_COMPARE_WITH_TIMEOUT(customerDocuments->documents().size(), 1, 20000);
        customerFile = QStringLiteral("Gehaltsnachweis-%1.png").arg(canary);
        const QByteArray png = encodedImage(QSize(120, 80), "png");
        customerFileSize = png.size();
        QVERIFY(writeFile(files.filePath(customerFile), png));
        QVERIFY(customerDocuments->upload(files.filePath(customerFile)) != 0);
        QTRY_COMPARE_WITH_TIMEOUT(advisorDocuments->documents().size(), 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(customerDocuments->documents().size(), 2, 20000);
    }

    // The advisor sends the address change; the customer fills and submits it.
    void formSentAndSubmitted()
    {
        auto *advisorForms = theirs->part<ConsultationForms>();
        auto *customerForms = customerConsultation()->part<ConsultationForms>();
        QVERIFY2(advisorForms && customerForms, "a consultation has no forms part");
        advisorForms->send(QStringLiteral("adressaenderung"));
        QTRY_COMPARE_WITH_TIMEOUT(customerForms->forms().size(), 1, 10000);
        const QString instance = QString::fromStdString(customerForms->forms().constFirst().instance_id());
        QList<wire::FormValue> values;
        for (const auto &[key, value] :
             {std::pair{"street", street}, std::pair{"postcode", QStringLiteral("34117")},
              std::pair{"town", QStringLiteral("Kassel")}, std::pair{"valid_from", QStringLiteral("2027-01-15")}}) {
            wire::FormValue entry;
            entry.set_key(key);
            entry.set_value(value.toStdString());
            values.append(entry);
        }
        QVERIFY(customerForms->submit(instance, values).accepted());
        QTRY_COMPARE_WITH_TIMEOUT(customerForms->forms().constFirst().state(), wire::FORM_STATE_SUBMITTED, 10000);
    }

    // The advisor opens a one-page PDF on the whiteboard and shows it.
    void boardPageShown()
    {
        auto *advisorBoard = theirs->part<ConsultationWhiteboard>();
        QVERIFY(advisorBoard);
        const QString pdf = files.filePath(QStringLiteral("Kreditangebot.pdf"));
        QVERIFY(writeTestPdf(pdf, 1));
        const quint32 document = openDocument(*advisorBoard, pdf);
        QVERIFY(document != 0);
        advisorBoard->showPage({document, 0});
        auto *customerBoard = customerConsultation()->part<ConsultationWhiteboard>();
        QVERIFY(customerBoard);
        QTRY_VERIFY_WITH_TIMEOUT(customerBoard->model().hasPageImage({document, 0}), 20000);
        QTRY_COMPARE(customerBoard->model().shownPage(), (board::PageKey{document, 0}));
    }

    void everything()
    {
        CUSTOMER_STEP(chat());
        CUSTOMER_STEP(documentsBothWays());
        CUSTOMER_STEP(formSentAndSubmitted());
        CUSTOMER_STEP(boardPageShown());
    }
};

} // namespace consult::testing
