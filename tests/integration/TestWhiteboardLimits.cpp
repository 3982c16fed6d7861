// The server's [whiteboard] limits reach the advisor's client (AdvisorLoginAccepted.board_limits)
// through a real server with real TLS, and the advisor's DocumentImport, given them, refuses a
// document the server would refuse before anything of it is sent: too many pages, a page image over
// max_page_bytes, one document more than max_documents. The same document sent regardless is refused
// by the server with LIMIT_REACHED, so the limits the app checks are the server's own.
#include "client/whiteboard/ConsultationWhiteboard.h"
#include "support/Scenario.h"
#include "support/TestFiles.h"
#include "whiteboard/DocumentImport.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <optional>
#include <random>

using namespace consult;
using namespace consult::testing;
using Refusal = board::DocumentImport::Refusal;

namespace {

constexpr int kMaxDocuments = 1;
constexpr int kMaxPages = 2;
constexpr int kMaxPageBytes = 16 * 1024; // the smallest max_page_bytes the configuration allows

// What one import said, to its end.
struct Outcome
{
    std::optional<Refusal> refusal;
    int openedWith = -1;
    int pages = 0;
};

Outcome import(const QString &path, const board::DocumentImport::Settings &settings)
{
    Outcome outcome;
    bool finished = false;
    board::DocumentImport import(path, settings);
    QObject::connect(&import, &board::DocumentImport::opened, [&](int count) { outcome.openedWith = count; });
    QObject::connect(&import, &board::DocumentImport::refused, [&](Refusal refusal) { outcome.refusal = refusal; });
    QObject::connect(&import, &board::DocumentImport::pageReady,
                     [&](int, const board::PageImage &) { ++outcome.pages; });
    QObject::connect(&import, &board::DocumentImport::finished, [&] { finished = true; });
    import.start();
    if (!QTest::qWaitFor([&] { return finished; }, 60000))
        qWarning("the import did not finish");
    return outcome;
}

// A photo-like PNG (random pixels): its page image is far larger than 16 KiB in any encoding.
QByteArray noisyPng(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    std::mt19937 random(11);
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x)
            image.setPixel(x, y, qRgb(int(random() % 256), int(random() % 256), int(random() % 256)));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class TestWhiteboardLimits final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_files.isValid());
        m_scenario = std::make_unique<Scenario>([](ServerConfig &config) {
            config.whiteboardMaxDocuments = kMaxDocuments;
            config.whiteboardMaxPages = kMaxPages;
            config.whiteboardMaxPageBytes = kMaxPageBytes;
        });
        QVERIFY(m_scenario->start());
        m_consultation = m_scenario->consultation();
        QVERIFY(m_consultation);
        m_advisor = m_consultation->atAdvisor()->part<ConsultationWhiteboard>();
        m_customer = m_consultation->customer->consultation()->part<ConsultationWhiteboard>();
        QVERIFY(m_advisor && m_customer);
    }
    void cleanup()
    {
        m_advisor = nullptr;
        m_customer = nullptr;
        m_consultation = nullptr;
        m_scenario.reset();
    }

    void theAdvisorsBoardKnowsTheServersLimits()
    {
        QCOMPARE(m_advisor->limits().max_documents(), quint32(kMaxDocuments));
        QCOMPARE(m_advisor->limits().max_pages(), quint32(kMaxPages));
        QCOMPARE(m_advisor->limits().max_page_bytes(), quint32(kMaxPageBytes));
        QVERIFY(m_advisor->hasRoomForDocument());
    }

    void aDocumentWithMorePagesThanTheServerTakesIsRefusedBeforeAnythingIsSent()
    {
        const QString path = m_files.filePath(QStringLiteral("Drei.pdf"));
        QVERIFY(testing::writeFile(path, testing::pdfWithPages({Qt::white, Qt::white, Qt::white})));
        const Outcome bounded = import(path, board::DocumentImport::Settings{}.withBoardLimits(m_advisor->limits()));
        QCOMPARE(bounded.refusal, std::optional<Refusal>(Refusal::TooManyPages));
        QCOMPARE(bounded.openedWith, -1); // never opened, so never announced
        QVERIFY(m_advisor->model().documents().isEmpty());
        QCOMPARE(m_advisor->pagesInFlight(), 0);

        // Without the server's limits the app opens it, and the server refuses it: the same limit.
        const Outcome unbounded = import(path, board::DocumentImport::Settings{});
        QVERIFY(!unbounded.refusal);
        QCOMPARE(unbounded.openedWith, 3);
        QSignalSpy refusals(m_advisor, &ConsultationWhiteboard::refused);
        QVERIFY(m_advisor->openDocument(QStringLiteral("Drei.pdf"), QList<QSize>(3, QSize(1447, 2048))) != 0);
        QVERIFY(refusals.wait(10000));
        QCOMPARE(refusals.first().at(0).value<ConsultationWhiteboard::Refusal>(),
                 ConsultationWhiteboard::Refusal::LimitReached);
        QCOMPARE(refusals.first().at(1).toString(), QStringLiteral("pages"));
        QVERIFY(m_customer->model().documents().isEmpty());
    }

    void aPageImageOverTheServersByteLimitIsRefusedBeforeItIsSent()
    {
        const QString path = m_files.filePath(QStringLiteral("Foto.png"));
        QVERIFY(testing::writeFile(path, noisyPng(QSize(300, 300))));
        const Outcome bounded = import(path, board::DocumentImport::Settings{}.withBoardLimits(m_advisor->limits()));
        QCOMPARE(bounded.refusal, std::optional<Refusal>(Refusal::PageTooLarge));
        QCOMPARE(bounded.pages, 0);
        // Without the limit the page is made, and it is larger than the server takes.
        const Outcome unbounded = import(path, board::DocumentImport::Settings{});
        QVERIFY(!unbounded.refusal);
        QCOMPARE(unbounded.pages, 1);
    }

    void aDocumentMoreThanTheServerTakesFindsNoRoom()
    {
        QVERIFY(m_advisor->hasRoomForDocument());
        const quint32 first = m_advisor->openDocument(QStringLiteral("Eins.pdf"), {QSize(800, 600)});
        QVERIFY(first != 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_customer->model().documents().size(), 1, 10000);
        QVERIFY(!m_advisor->hasRoomForDocument());
        // The server agrees: a second one is refused as over the documents limit.
        QSignalSpy refusals(m_advisor, &ConsultationWhiteboard::refused);
        QVERIFY(m_advisor->openDocument(QStringLiteral("Zwei.pdf"), {QSize(800, 600)}) != 0);
        QVERIFY(refusals.wait(10000));
        QCOMPARE(refusals.first().at(1).toString(), QStringLiteral("documents"));
    }

private:
    QTemporaryDir m_files;
    std::unique_ptr<Scenario> m_scenario;
    TestConsultation *m_consultation = nullptr;
    ConsultationWhiteboard *m_advisor = nullptr;
    ConsultationWhiteboard *m_customer = nullptr;
};

QTEST_MAIN(TestWhiteboardLimits)
#include "TestWhiteboardLimits.moc"
