// whiteboard_bench: the whiteboard as the apps run it (ConsultationWhiteboard on both clients)
// against a consult-server process on loopback. Not a test: prints figures.
//
// 1. Stroke latency advisor -> customer during a video call (VideoCall on synthetic devices both
//    ways): the advisor draws at 30 points a second, strokes of 60 points; each point is timed from
//    its creation (extendStroke) to the customer's board having it (BoardModel::annotationsChanged
//    with the point in the stroke). The strokes' batching (about 30 ms) is part of the figure.
// 2. Time to show a 10-page PDF's first page on the customer's side, the customer behind a
//    1 Mbit/s downlink (and 0.5 Mbit/s up, 20 ms each way; the test suites' LinkEmulator): from the
//    advisor opening the file (DocumentImport, as the advisor's panel does) to the decoded first
//    page in the customer's model: its preview (readable at the board's fitted size), and its full
//    page image. Each run a new document, after the previous one has arrived.
#include "client/AdvisorClient.h"
#include "client/CustomerClient.h"
#include "client/whiteboard/ConsultationWhiteboard.h"
#include "core/Clock.h"
#include "support/BenchServer.h"
#include "support/LinkEmulator.h"
#include "whiteboard/DocumentImport.h"

#ifdef CONSULT_BENCH_WITH_CALL
#include "client/call/VideoCall.h"
#include "media/devices/SyntheticMediaDevices.h"
#endif

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>

#include <cstdio>
#include <map>

using namespace consult;
using namespace consult::bench;

namespace {

constexpr int kPointIntervalMs = 33; // 30 points a second
constexpr int kPointsPerStroke = 60;

ClientConnection::Settings connectionSettings()
{
    ClientConnection::Settings settings;
    settings.clientVersion = QStringLiteral("whiteboard-bench 1");
    return settings;
}

// A customer logged in and taken by the advisor; null if any step did not happen in time.
struct Pair
{
    std::unique_ptr<CustomerClient> customer;
    Consultation *atAdvisor = nullptr;
    ConsultationWhiteboard *advisorBoard = nullptr;
    ConsultationWhiteboard *customerBoard = nullptr;
};

bool consult(AdvisorClient &advisor, const ServerEndpoint &endpoint, wire::ConsultationMode mode, Pair &pair)
{
    pair.customer = std::make_unique<CustomerClient>(connectionSettings(), SystemClock::instance());
    CustomerClient &customer = *pair.customer;
    customer.start(endpoint);
    if (!waitFor([&] { return customer.phase() == CustomerClient::Phase::ReadingNotices; }, 10000))
        return false;
    customer.login(QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234"), mode);
    if (!waitFor([&] { return advisor.queue()->rowCount() > 0; }, 10000))
        return false;
    advisor.takeNext();
    if (!waitFor([&] { return customer.phase() == CustomerClient::Phase::Consulting; }, 10000))
        return false;
    pair.atAdvisor = advisor.findConsultation(customer.consultationId());
    if (!pair.atAdvisor)
        return false;
    pair.advisorBoard = pair.atAdvisor->part<ConsultationWhiteboard>();
    pair.customerBoard = customer.consultation()->part<ConsultationWhiteboard>();
    return pair.advisorBoard && pair.customerBoard;
}

void endConsultation(Pair &pair)
{
    pair.atAdvisor->end();
    waitFor([&] { return pair.customer->consultation()->isEnded(); }, 5000);
}

// A PDF of `pages` A4 pages of text and a chart, as a bank's leaflet might be.
bool writePdf(const QString &path, int pages)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(150);
    QPainter painter(&writer);
    if (!painter.isActive())
        return false;
    const QRect area = painter.viewport();
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        QFont font = painter.font();
        font.setPointSize(20);
        painter.setFont(font);
        painter.drawText(QRect(80, 60, area.width() - 160, 100), Qt::AlignLeft,
                         QStringLiteral("Baufinanzierung, Seite %1").arg(page + 1));
        font.setPointSize(10);
        painter.setFont(font);
        for (int line = 0; line < 40; ++line)
            painter.drawText(80, 220 + line * 28,
                             QStringLiteral("%1. Zinsbindung, Tilgung und Sondertilgung: ein Beispiel mit Zahlen "
                                            "%2 %3 %4 EUR")
                                 .arg(line + 1)
                                 .arg(1000 + page * 37 + line)
                                 .arg(line * 13 % 97)
                                 .arg(250'000 - line * 1250));
        for (int bar = 0; bar < 12; ++bar)
            painter.fillRect(100 + bar * 70, area.height() - 150 - (bar * 37 + page * 11) % 300, 50,
                             (bar * 37 + page * 11) % 300, QColor::fromHsv((bar * 30) % 360, 160, 220));
    }
    return painter.end();
}

// --- 1. Stroke latency ------------------------------------------------------------------------------

void measureStrokeLatency(AdvisorClient &advisor, const ServerEndpoint &endpoint, int duration, bool withCall)
{
    Pair pair;
    if (!consult(advisor, endpoint, withCall ? wire::CONSULTATION_MODE_VIDEO : wire::CONSULTATION_MODE_CHAT, pair)) {
        std::fprintf(stderr, "stroke latency: the consultation did not start\n");
        return;
    }
#ifdef CONSULT_BENCH_WITH_CALL
    std::unique_ptr<media::SyntheticMediaDevices> customerDevices;
    std::unique_ptr<media::SyntheticMediaDevices> advisorDevices;
    std::unique_ptr<VideoCall> customerCall;
    std::unique_ptr<VideoCall> advisorCall;
    if (withCall) {
        customerDevices = std::make_unique<media::SyntheticMediaDevices>();
        advisorDevices = std::make_unique<media::SyntheticMediaDevices>();
        customerDevices->setTone(440.0, -12.0f);
        advisorDevices->setTone(1000.0, -12.0f);
        customerCall =
            std::make_unique<VideoCall>(*pair.customer->consultation(), *customerDevices, VideoCall::Options{});
        advisorCall = std::make_unique<VideoCall>(*pair.atAdvisor, *advisorDevices, VideoCall::Options{});
        customerCall->start();
        advisorCall->start();
        waitFor([] { return false; }, 3000); // the first keyframe, the jitter buffer and the bitrate settle
    }
#endif
    ConsultationWhiteboard &board = *pair.advisorBoard;
    const quint32 document = board.openDocument(QStringLiteral("Skizze"), {QSize(1600, 1200)});
    const board::PageKey page{document, 0};
    board.showPage(page);

    // When each point was made, by stroke order of the customer's board; filled as strokes confirm.
    std::map<quint32, std::vector<qint64>> madeByStroke; // by the advisor's client_op_id
    std::map<quint64, std::size_t> seenByOrder;          // points the customer has of each stroke
    std::vector<double> latencyMs;
    const board::BoardModel &customerModel = pair.customerBoard->model();
    QObject::connect(&customerModel, &board::BoardModel::annotationsChanged, &customerModel,
                     [&](board::PageKey changed) {
                         if (!(changed == page))
                             return;
                         const qint64 nowUs = SystemClock::instance().monotonicUs();
                         for (const board::Annotation &annotation : customerModel.annotations(page)) {
                             const auto made = madeByStroke.find(annotation.clientOpId);
                             if (made == madeByStroke.end())
                                 continue;
                             std::size_t &seen = seenByOrder[annotation.order];
                             const std::size_t have = std::size_t(annotation.shape.points_size() / 2);
                             for (; seen < have && seen < made->second.size(); ++seen)
                                 latencyMs.push_back(double(nowUs - made->second[seen]) / 1000.0);
                         }
                     });

    QElapsedTimer clock;
    clock.start();
    int made = 0;
    while (clock.elapsed() < qint64(duration) * 1000) {
        wire::BoardShape shape;
        shape.set_tool(wire::BOARD_TOOL_PEN);
        shape.set_color(0xd02020);
        shape.set_width(4);
        const quint32 y = quint32(500 + (made / kPointsPerStroke * 400) % 9000);
        shape.add_points(500);
        shape.add_points(y);
        const qint64 startUs = SystemClock::instance().monotonicUs();
        const quint32 stroke = board.beginStroke(page, shape);
        std::vector<qint64> &times = madeByStroke[stroke];
        times.push_back(startUs);
        for (int i = 1; i < kPointsPerStroke; ++i) {
            waitFor([] { return false; }, kPointIntervalMs);
            times.push_back(SystemClock::instance().monotonicUs());
            board.extendStroke(stroke, {QPoint(500 + i * 140, int(y) + (i % 7) * 30)});
            ++made;
        }
        board.finishStroke(stroke);
    }
    waitFor([] { return false; }, 1000); // the last batches arrive
#ifdef CONSULT_BENCH_WITH_CALL
    if (customerCall) {
        customerCall->stop();
        advisorCall->stop();
    }
#endif
    std::printf("stroke latency advisor -> customer (point made to the customer's board having it), 30 points/s, "
                "%s, %d s: p50=%.1f ms p99=%.1f ms max=%.1f ms n=%zu\n",
                withCall ? "during a video call" : "chat only", duration, percentile(latencyMs, 0.5),
                percentile(latencyMs, 0.99), percentile(latencyMs, 1.0), latencyMs.size());
    std::fflush(stdout);
    endConsultation(pair);
}

// --- 2. First page on a 1 Mbit/s downlink -------------------------------------------------------------

void measureFirstPage(AdvisorClient &advisor, const BenchServer &server, const QString &pki, int runs)
{
    QTemporaryDir directory;
    const QString pdf = directory.filePath(QStringLiteral("Baufinanzierung.pdf"));
    if (!writePdf(pdf, 10)) {
        std::fprintf(stderr, "first page: could not write the PDF\n");
        return;
    }
    testing::LinkEmulator link(quint16(server.endpoint().url.port()), {500'000, 20, 0}, {1'000'000, 20, 0});
    QUrl viaLink = server.endpoint().url;
    viaLink.setPort(link.port());
    Pair pair;
    if (!consult(advisor, benchEndpoint(viaLink, pki), wire::CONSULTATION_MODE_CHAT, pair)) {
        std::fprintf(stderr, "first page: the consultation did not start\n");
        return;
    }
    ConsultationWhiteboard &board = *pair.advisorBoard;
    const board::BoardModel &customerModel = pair.customerBoard->model();
    std::vector<double> firstPageMs;
    std::vector<double> fullFirstPageMs;
    std::vector<double> allPagesMs;
    std::vector<double> firstPageBytes;
    std::vector<double> previewBytes;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        board::DocumentImport import(pdf, {});
        quint32 document = 0;
        QObject::connect(&import, &board::DocumentImport::opened, &import, [&](int) {
            document = board.openDocument(import.title(), import.pageSizes());
            board.showPage({document, 0});
        });
        QObject::connect(&import, &board::DocumentImport::pageReady, &import,
                         [&](int index, const board::PageImage &page) {
                             if (index == 0)
                                 firstPageBytes.push_back(double(page.bytes.size()));
                             board.addPageImage(document, index, page);
                         });
        QObject::connect(&import, &board::DocumentImport::previewReady, &import,
                         [&](int index, const board::PageImage &preview) {
                             if (index == 0)
                                 previewBytes.push_back(double(preview.bytes.size()));
                             board.addPageImage(document, index, preview);
                         });
        import.start();
        if (!waitFor([&] { return document != 0 && customerModel.hasPageImage({document, 0}); }, 120000)) {
            std::fprintf(stderr, "first page: run %d did not arrive\n", run);
            break;
        }
        firstPageMs.push_back(double(clock.elapsed()));
        if (!waitFor([&] { return !customerModel.isPreview({document, 0}); }, 120000)) {
            std::fprintf(stderr, "first page: run %d: the full page did not arrive\n", run);
            break;
        }
        fullFirstPageMs.push_back(double(clock.elapsed()));
        if (!waitFor([&] { return board.pagesInFlight() == 0 && customerModel.hasPageImage({document, 9}); }, 300000)) {
            std::fprintf(stderr, "first page: run %d: the rest did not arrive\n", run);
            break;
        }
        allPagesMs.push_back(double(clock.elapsed()));
    }
    std::printf("10-page PDF on a 1 Mbit/s downlink (open the file to the first page decoded at the customer), %zu "
                "runs: median=%.0f ms min=%.0f max=%.0f; first page %.0f KiB (preview %.0f KiB); first page at full "
                "resolution: median=%.0f ms; all ten pages: median=%.0f ms\n",
                firstPageMs.size(), percentile(firstPageMs, 0.5), percentile(firstPageMs, 0.0),
                percentile(firstPageMs, 1.0), percentile(firstPageBytes, 0.5) / 1024.0,
                percentile(previewBytes, 0.5) / 1024.0, percentile(fullFirstPageMs, 0.5), percentile(allPagesMs, 0.5));
    std::fflush(stdout);
    endConsultation(pair);
}

} // namespace

int main(int argc, char *argv[])
{
    // The PDF is written and rendered with Qt Gui's fonts and painter; no window is shown.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The whiteboard: stroke latency and time to the first page."));
    parser.addHelpOption();
    const QCommandLineOption durationOption(QStringLiteral("duration"), QStringLiteral("Drawing seconds."),
                                            QStringLiteral("s"), QStringLiteral("20"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Documents sent over the slow line."),
                                        QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("Path of consult-server."),
                                          QStringLiteral("path"), BenchServer::defaultBinary());
    const QCommandLineOption pkiOption(QStringLiteral("pki"), QStringLiteral("Test PKI directory."),
                                       QStringLiteral("dir"), BenchServer::defaultPki());
    parser.addOptions({durationOption, runsOption, serverOption, pkiOption});
    parser.process(app);

    BenchServer server;
    if (!server.start({parser.value(serverOption), QDir(parser.value(pkiOption)), 1, 2}))
        return 1;
    AdvisorClient advisor(connectionSettings(), SystemClock::instance());
    advisor.loginWithPassword(server.endpoint(), BenchServer::advisorName(0), kAdvisorPassword);
    if (!waitFor([&] { return advisor.phase() == AdvisorClient::Phase::Ready; }, 10000))
        return 1;
    const int duration = parser.value(durationOption).toInt();
#ifdef CONSULT_BENCH_WITH_CALL
    measureStrokeLatency(advisor, server.endpoint(), duration, true);
#endif
    measureStrokeLatency(advisor, server.endpoint(), duration, false);
    measureFirstPage(advisor, server, parser.value(pkiOption), parser.value(runsOption).toInt());
    return 0;
}
