// board_bench: what the whiteboard costs on a client, on this machine.
//   1. The picture rule on a busy page: a page already holding --annotations annotations, then
//      per operation kind the time to apply it and read the page's picture again (what a view does
//      on every annotationsChanged): a new draw, an extend of a stroke being drawn, our own pending
//      extend, and the rare ones that recompute the page (erase, undo, redo).
//   2. The advisor's document import: a --pages page PDF of text and a figure (made here with
//      QPdfWriter, or --pdf FILE), rendered and encoded page by page on the worker: time to the
//      first page, time per page, bytes per page and the format chosen.
//   3. Painting a page's annotations into a canvas-sized image.
// Prints median, p99 and max: CPU time of the measuring thread for 1 and 3, wall time for 2.
// Not a test: it asserts nothing.
//
//   build/bench/whiteboard/board_bench [--annotations 2000] [--pages 10] [--pdf FILE]
#include "whiteboard/BoardModel.h"
#include "whiteboard/BoardPainter.h"
#include "whiteboard/DocumentImport.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace consult::board;
namespace wire = consult::wire;

namespace {

using Clock = std::chrono::steady_clock;

// The machine is shared: the single-threaded figures count this thread's CPU time, not wall time.
struct ThreadClock
{
    using time_point = double;
    static double now()
    {
        timespec spec{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec);
        return double(spec.tv_sec) * 1e6 + double(spec.tv_nsec) / 1e3;
    }
};

struct Spread
{
    double median = 0.0;
    double p99 = 0.0;
    double max = 0.0;
};

Spread spreadOf(std::vector<double> samples)
{
    if (samples.empty())
        return {};
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double q) { return samples[std::min(samples.size() - 1, size_t(q * double(samples.size())))]; };
    return {at(0.5), at(0.99), samples.back()};
}

void print(const char *what, const std::vector<double> &microseconds)
{
    const Spread spread = spreadOf(microseconds);
    std::printf("  %-44s median %8.1f us   p99 %8.1f us   max %8.1f us   (n=%zu)\n", what, spread.median, spread.p99,
                spread.max, microseconds.size());
}

double microsecondsSince(double start)
{
    return ThreadClock::now() - start;
}

const PageKey kPage{1, 0};

wire::BoardOperation operation(quint64 order, quint32 clientOpId)
{
    wire::BoardOperation op;
    op.set_order(order);
    op.set_author(wire::PARTY_CUSTOMER);
    op.set_client_op_id(clientOpId);
    op.set_document_id(kPage.document);
    op.set_page_index(kPage.page);
    return op;
}

// A stroke of `points` pairs as a hand draws it: a short wander around a place on the page.
wire::BoardShape stroke(quint32 seed, int points)
{
    wire::BoardShape shape;
    shape.set_tool(seed % 5 == 0 ? wire::BOARD_TOOL_HIGHLIGHTER : wire::BOARD_TOOL_PEN);
    shape.set_color(0x1f6fe0);
    shape.set_width(4);
    const quint32 x = 500 + (seed * 7919) % 8500;
    const quint32 y = 500 + (seed * 104729) % 8500;
    for (int i = 0; i < points; ++i) {
        shape.add_points(x + quint32(i) * 20);
        shape.add_points(quint32(int(y) + int(100.0 * std::sin(i / 5.0))));
    }
    return shape;
}

void benchFold(int annotations)
{
    std::printf("Picture rule, one page holding %d annotations of 40 points (time to apply and read the picture):\n",
                annotations);
    BoardModel model;
    model.setSelf(wire::PARTY_ADVISOR);
    wire::BoardDocument document;
    document.set_document_id(1);
    document.add_pages()->set_width(2048);
    document.mutable_pages(0)->set_height(1448);
    model.addDocument(document);
    quint64 order = 0;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < annotations; ++i) {
        wire::BoardOperation op = operation(++order, quint32(i + 1));
        *op.mutable_draw() = stroke(quint32(i), 40);
        model.applyOperation(op);
    }
    model.annotations(kPage);
    std::printf("  applying %d draws and the first picture: %.1f ms\n", annotations,
                double(total.nsecsElapsed()) / 1e6);

    std::vector<double> draws, extends, pendingExtends, erases, undos, redos;
    quint32 clientOpId = quint32(annotations) + 1;
    for (int round = 0; round < 200; ++round) {
        // The other side draws a stroke: its draw and ten extends.
        wire::BoardOperation draw = operation(++order, ++clientOpId);
        *draw.mutable_draw() = stroke(clientOpId, 1);
        auto start = ThreadClock::now();
        model.applyOperation(draw);
        model.annotations(kPage);
        draws.push_back(microsecondsSince(start));
        const quint64 strokeOrder = order;
        for (int i = 0; i < 10; ++i) {
            wire::BoardOperation extend = operation(++order, ++clientOpId);
            extend.mutable_extend()->set_stroke_order(strokeOrder);
            // The stroke goes on from where it began (every draw here starts at its seed's place).
            const wire::BoardShape begun = stroke(clientOpId - quint32(i) - 1, 1);
            extend.mutable_extend()->add_points(std::min(10000u, begun.points(0) + quint32(i + 1) * 20));
            extend.mutable_extend()->add_points(begun.points(1));
            start = ThreadClock::now();
            model.applyOperation(extend);
            model.annotations(kPage);
            extends.push_back(microsecondsSince(start));
        }
        // We draw: a pending stroke growing as the pen moves.
        wire::BoardAnnotate own;
        own.set_client_op_id(1000000 + quint32(round) * 20);
        *own.mutable_draw() = stroke(quint32(round), 1);
        model.addPending(kPage, own);
        for (int i = 0; i < 10; ++i) {
            wire::BoardAnnotate more;
            more.set_client_op_id(own.client_op_id() + 1 + quint32(i));
            more.mutable_extend()->set_stroke_client_op_id(own.client_op_id());
            more.mutable_extend()->add_points(std::min(10000u, own.draw().points(0) + quint32(i + 1) * 20));
            more.mutable_extend()->add_points(own.draw().points(1));
            start = ThreadClock::now();
            model.addPending(kPage, more);
            model.annotations(kPage);
            pendingExtends.push_back(microsecondsSince(start));
        }
        model.dropPending(own.client_op_id());
        // The rare ones: an erase, its undo and redo.
        wire::BoardOperation erase = operation(++order, ++clientOpId);
        erase.mutable_erase()->add_orders(quint64(round * 7 + 1));
        start = ThreadClock::now();
        model.applyOperation(erase);
        model.annotations(kPage);
        erases.push_back(microsecondsSince(start));
        const quint64 eraseOrder = order;
        wire::BoardOperation undo = operation(++order, ++clientOpId);
        undo.set_undo(eraseOrder);
        start = ThreadClock::now();
        model.applyOperation(undo);
        model.annotations(kPage);
        undos.push_back(microsecondsSince(start));
        wire::BoardOperation redo = operation(++order, ++clientOpId);
        redo.set_redo(eraseOrder);
        start = ThreadClock::now();
        model.applyOperation(redo);
        model.annotations(kPage);
        redos.push_back(microsecondsSince(start));
    }
    print("draw (the other side)", draws);
    print("extend (the other side's stroke grows)", extends);
    print("our pending extend", pendingExtends);
    print("erase (recomputes the page)", erases);
    print("undo of the erase (recomputes the page)", undos);
    print("redo of the erase (recomputes the page)", redos);

    std::vector<double> paints;
    QImage canvas(1200, 850, QImage::Format_ARGB32_Premultiplied);
    const QList<Annotation> picture = model.annotations(kPage);
    for (int i = 0; i < 20; ++i) {
        canvas.fill(Qt::white);
        const auto start = ThreadClock::now();
        QPainter painter(&canvas);
        paintAnnotations(painter, QRectF(canvas.rect()), picture);
        painter.end();
        paints.push_back(microsecondsSince(start));
    }
    std::vector<double> regionPaints;
    const QRectF region = annotationBounds(QRectF(canvas.rect()), picture.last().shape);
    for (int i = 0; i < 200; ++i) {
        const auto start = ThreadClock::now();
        QPainter painter(&canvas);
        painter.setClipRect(region);
        paintAnnotations(painter, QRectF(canvas.rect()), picture);
        painter.end();
        regionPaints.push_back(microsecondsSince(start));
    }
    std::printf("Painting the page's %lld annotations into 1200 x 850:\n", static_cast<long long>(picture.size()));
    print("the whole page", paints);
    print("only the region of the stroke that grew", regionPaints);
}

QByteArray textPdf(int pages)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(72);
    QPainter painter(&writer);
    QFont font = painter.font();
    font.setPointSize(10);
    painter.setFont(font);
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        painter.drawText(60, 60, QStringLiteral("Seite %1: Ihr Angebot im Überblick").arg(page + 1));
        for (int line = 0; line < 45; ++line) {
            painter.drawText(60, 100 + line * 14,
                             QStringLiteral("Zeile %1 - Sollzins, effektiver Jahreszins, Laufzeit und monatliche Rate "
                                            "gemäß Angebot")
                                 .arg(line + 1));
        }
        // Every other page has a coloured logo: those travel as JPEG, the plain text pages as PNG.
        if (page % 2 == 0) {
            painter.setBrush(QColor(30, 90, 200));
            painter.drawEllipse(QRectF(380, 700, 120, 80));
        }
    }
    painter.end();
    return bytes;
}

void benchImport(const QString &pdfPath, int pages)
{
    QTemporaryDir dir;
    QString path = pdfPath;
    if (path.isEmpty()) {
        path = dir.filePath(QStringLiteral("angebot.pdf"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(textPdf(pages)) < 0)
            return;
    }
    DocumentImport import(path, {});
    std::vector<double> perPage;
    qint64 totalBytes = 0;
    int png = 0;
    QElapsedTimer clock;
    double opened = 0.0;
    double first = -1.0;
    double previous = 0.0;
    bool done = false;
    QObject::connect(&import, &DocumentImport::opened, [&](int) { opened = double(clock.nsecsElapsed()) / 1e6; });
    QObject::connect(&import, &DocumentImport::pageReady, [&](int, const PageImage &page) {
        const double now = double(clock.nsecsElapsed()) / 1e6;
        if (first < 0)
            first = now;
        perPage.push_back((now - (previous > 0 ? previous : opened)) * 1000.0);
        previous = now;
        totalBytes += page.bytes.size();
        png += page.format == wire::BOARD_IMAGE_FORMAT_PNG ? 1 : 0;
    });
    QObject::connect(&import, &DocumentImport::refused, [&](DocumentImport::Refusal refusal) {
        std::printf("  refused: %s\n", qPrintable(DocumentImport::describe(refusal)));
    });
    QObject::connect(&import, &DocumentImport::finished, [&] { done = true; });
    clock.start();
    import.start();
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    std::printf("Document import of %s (%zu pages, long side %d px):\n", qPrintable(QFileInfo(path).fileName()),
                perPage.size(), PageLimits::kRenderLongSide);
    std::printf("  opened after %.1f ms, first page ready after %.1f ms, all after %.1f ms\n", opened, first, previous);
    print("render + encode per page", perPage);
    if (!perPage.empty()) {
        std::printf("  %.0f KiB per page on average; %d of %zu pages as PNG, the rest JPEG q85\n",
                    double(totalBytes) / 1024.0 / double(perPage.size()), png, perPage.size());
    }
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("annotations"), QStringLiteral("annotations on the busy page"),
                      QStringLiteral("n"), QStringLiteral("2000")});
    parser.addOption({QStringLiteral("pages"), QStringLiteral("pages of the generated PDF"), QStringLiteral("n"),
                      QStringLiteral("10")});
    parser.addOption({QStringLiteral("pdf"), QStringLiteral("import this PDF instead"), QStringLiteral("file")});
    parser.process(app);
    benchFold(std::max(1, parser.value(QStringLiteral("annotations")).toInt()));
    benchImport(parser.value(QStringLiteral("pdf")), std::max(1, parser.value(QStringLiteral("pages")).toInt()));
    return 0;
}
