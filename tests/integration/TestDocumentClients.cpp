// The documents part of a consultation between the two clients (seed 002) through a real server on
// loopback with real TLS: files chosen on either side arrive byte for byte in the file the other
// side chose; what the shared content check or the consultation's limits refuse is refused by the
// sending client before a byte leaves (U1-U4); the server's own refusals reach the part as its
// Refusal; cancels, removal by the advisor only (S6), and a cut line in the middle of an upload. The
// clients add the ConsultationDocuments themselves when the consultation begins.
#include "client/documents/ConsultationDocuments.h"
#include "support/EpollTestMain.h"
#include "support/Scenario.h"
#include "support/TestFiles.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace consult;
using namespace consult::testing;
using Refusal = ConsultationDocuments::Refusal;

namespace {

// A small but complete PDF (one page, one line of text) with a correct xref; `padding` bytes of a
// comment after the header make it as large as a test needs while it stays a valid PDF.
QByteArray pdf(const QByteArray &text, qsizetype padding = 0)
{
    const QByteArray stream = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    QByteArray file = "%PDF-1.4\n";
    if (padding > 0)
        file += '%' + QByteArray(padding, ' ') + '\n';
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets.append(file.size());
        file += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = file.size();
    file += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        file += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    file += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
            QByteArray::number(xref) + "\n%%EOF\n";
    return file;
}

// A PNG of random pixels: incompressible, so its size follows its pixels (many chunks).
[[maybe_unused]] QByteArray noisyPng(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    QRandomGenerator random(12);
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x)
            line[x] = random.generate() | 0xff000000u;
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A running consultation with both documents parts and a folder for the files both sides choose.
struct Exchange
{
    explicit Exchange(const Scenario::Configure &configure = {})
        : scenario(configure)
    {}

    Scenario scenario;
    QTemporaryDir folder;
    TestConsultation *consultation = nullptr;
    ConsultationDocuments *advisor = nullptr;
    ConsultationDocuments *customer = nullptr;

    bool start(Route advisorRoute = Route::Direct, Route customerRoute = Route::Direct)
    {
        if (!folder.isValid() || !scenario.start())
            return false;
        ConsultationSpec spec;
        spec.advisor.route = advisorRoute;
        spec.customer.route = customerRoute;
        consultation = scenario.consultation(spec);
        if (!consultation)
            return false;
        advisor = consultation->atAdvisor()->part<ConsultationDocuments>();
        customer = consultation->customer->consultation()->part<ConsultationDocuments>();
        return advisor && customer;
    }

    // A file as the user picks it in the file dialog.
    QString file(const QString &name, const QByteArray &bytes) const
    {
        const QString path = folder.filePath(name);
        return writeFile(path, bytes) ? path : QString();
    }

    // Both sides list `count` documents.
    static bool listed(const ConsultationDocuments *side, int count) { return side->documents().size() == count; }
};

} // namespace

class TestDocumentClients final : public QObject
{
    Q_OBJECT
private slots:
    void bothClientsGiveEachConsultationItsDocuments()
    {
        Exchange exchange;
        QVERIFY(exchange.start());
        QVERIFY(exchange.advisor->documents().isEmpty());
        QCOMPARE(exchange.advisor->limits().max_files(), 20u); // ConsultationStarted.document_limits
        QCOMPARE(exchange.customer->limits().max_file_bytes(), quint64(10 * 1024 * 1024));
    }

    void aPdfFromTheCustomerAndAPngFromTheAdvisorArriveByteForByte()
    {
        Exchange exchange;
        QVERIFY(exchange.start());
        const QByteArray contract = pdf("Vertrag Mustermann", 200'000); // several chunks
        const QByteArray photo = encodedImage(QSize(640, 480), "png");

        QSignalSpy customerFinished(exchange.customer, &ConsultationDocuments::uploadFinished);
        QSignalSpy customerProgress(exchange.customer, &ConsultationDocuments::transferProgress);
        const quint32 upload = exchange.customer->upload(exchange.file(QStringLiteral("Vertrag.pdf"), contract));
        QVERIFY(upload != 0);
        CONSULT_WAIT_FOR(customerFinished.size() == 1, 10000);
        QCOMPARE(customerFinished.first().at(0).toUInt(), upload);
        QVERIFY(!customerProgress.isEmpty());
        QCOMPARE(customerProgress.last().at(1).toLongLong(), contract.size());
        CONSULT_WAIT_FOR(Exchange::listed(exchange.advisor, 1), 10000);
        const ConsultationDocument atAdvisor = exchange.advisor->documents().first();
        QCOMPARE(atAdvisor.id, customerFinished.first().at(1).toString());
        QCOMPARE(atAdvisor.name, QStringLiteral("Vertrag.pdf"));
        QCOMPARE(atAdvisor.type, wire::DOCUMENT_TYPE_PDF);
        QCOMPARE(atAdvisor.size, contract.size());
        QCOMPARE(atAdvisor.from, wire::PARTY_CUSTOMER);
        QVERIFY(exchange.customer->transfers().isEmpty());

        QSignalSpy advisorSaved(exchange.advisor, &ConsultationDocuments::downloadFinished);
        const QString savedContract = exchange.folder.filePath(QStringLiteral("beim-berater.pdf"));
        const quint32 download = exchange.advisor->download(atAdvisor.id, savedContract);
        QVERIFY(download != 0);
        CONSULT_WAIT_FOR(advisorSaved.size() == 1, 10000);
        QCOMPARE(advisorSaved.first().at(0).toUInt(), download);
        QCOMPARE(advisorSaved.first().at(1).toString(), savedContract);
        QCOMPARE(readFile(savedContract), contract);

        QSignalSpy advisorFinished(exchange.advisor, &ConsultationDocuments::uploadFinished);
        QVERIFY(exchange.advisor->upload(exchange.file(QStringLiteral("Übersicht.png"), photo)) != 0);
        CONSULT_WAIT_FOR(advisorFinished.size() == 1, 10000);
        CONSULT_WAIT_FOR(Exchange::listed(exchange.customer, 2), 10000);
        const ConsultationDocument atCustomer = exchange.customer->documents().last();
        QCOMPARE(atCustomer.type, wire::DOCUMENT_TYPE_PNG);
        QCOMPARE(atCustomer.from, wire::PARTY_ADVISOR);
        QCOMPARE(atCustomer.name, QStringLiteral("Übersicht.png"));
        QSignalSpy customerSaved(exchange.customer, &ConsultationDocuments::downloadFinished);
        const QString savedPhoto = exchange.folder.filePath(QStringLiteral("beim-kunden.png"));
        exchange.customer->download(atCustomer.id, savedPhoto);
        CONSULT_WAIT_FOR(customerSaved.size() == 1, 10000);
        QCOMPARE(readFile(savedPhoto), photo);
    }
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestDocumentClients)
#include "TestDocumentClients.moc"
