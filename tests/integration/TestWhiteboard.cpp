// The server's whiteboard on the wire, through a real server with real TLS and raw clients (the
// client part of the board is another unit's): documents, page images and the shown page reach the
// customer, page images are checked and refused with the Error the proto describes, the customer
// draws only when allowed, both see one order, the pointer goes live to the peer only, a resume in
// the middle of a page ends with the page complete exactly once, a transfer hands the colleague the
// snapshot and the pages, the configured limits hold while the board goes on, and at the end the
// board is gone (P1) with no canary left on disk, in the database or in the log (P1, I2, I5, S5, S6).
#include "support/CanarySearch.h"
#include "support/EpollTestMain.h"
#include "support/RawConsultation.h"

#include "core/SecureRandom.h"

#include <QBuffer>
#include <QImage>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimer>

using namespace consult;
using namespace consult::testing;

namespace {

constexpr int kChunk = 32 * 1024;

QByteArray png(QSize size, const QString &comment = {}, bool noisy = false)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    if (noisy) {
        QRandomGenerator random(11);
        for (int y = 0; y < size.height(); ++y) {
            auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
            for (int x = 0; x < size.width(); ++x)
                line[x] = random.generate() | 0xff000000u;
        }
    }
    if (!comment.isEmpty())
        image.setText(QStringLiteral("Comment"), comment); // a PNG tEXt chunk
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray jpeg(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::gray);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG");
    return bytes;
}

wire::Envelope documentEnvelope(const QString &consultationId, quint32 id, const std::string &title,
                                const QList<QSize> &pages)
{
    wire::Envelope envelope;
    auto *document = envelope.mutable_board_document();
    document->set_consultation_id(consultationId.toStdString());
    document->set_document_id(id);
    document->set_title(title);
    for (const QSize &size : pages) {
        auto *page = document->add_pages();
        page->set_width(static_cast<quint32>(size.width()));
        page->set_height(static_cast<quint32>(size.height()));
    }
    return envelope;
}

QList<wire::Envelope> pageEnvelopes(const QString &consultationId, quint32 documentId, quint32 pageIndex,
                                    const QByteArray &bytes,
                                    wire::BoardImageFormat format = wire::BOARD_IMAGE_FORMAT_PNG)
{
    QList<wire::Envelope> chunks;
    for (qsizetype offset = 0; offset < bytes.size(); offset += kChunk) {
        wire::Envelope envelope;
        auto *chunk = envelope.mutable_board_page_data();
        chunk->set_consultation_id(consultationId.toStdString());
        chunk->set_document_id(documentId);
        chunk->set_page_index(pageIndex);
        chunk->set_format(format);
        chunk->set_total_bytes(static_cast<quint32>(bytes.size()));
        chunk->set_offset(static_cast<quint32>(offset));
        chunk->set_data(bytes.mid(offset, kChunk).toStdString());
        chunks.append(envelope);
    }
    return chunks;
}

wire::BoardShape shape(wire::BoardTool tool, std::initializer_list<quint32> points, const std::string &text = {})
{
    wire::BoardShape shape;
    shape.set_tool(tool);
    shape.set_color(0x1E64C8);
    shape.set_width(5);
    for (const quint32 value : points)
        shape.add_points(value);
    shape.set_text(text);
    return shape;
}

wire::Envelope drawEnvelope(const QString &consultationId, quint32 clientOpId, const wire::BoardShape &drawn,
                            quint32 pageIndex = 0)
{
    wire::Envelope envelope;
    auto *annotate = envelope.mutable_board_annotate();
    annotate->set_consultation_id(consultationId.toStdString());
    annotate->set_document_id(1);
    annotate->set_page_index(pageIndex);
    annotate->set_client_op_id(clientOpId);
    *annotate->mutable_draw() = drawn;
    return envelope;
}

wire::Envelope annotateEnvelope(const QString &consultationId, quint32 clientOpId,
                                const std::function<void(wire::BoardAnnotate &)> &action)
{
    wire::Envelope envelope;
    auto *annotate = envelope.mutable_board_annotate();
    annotate->set_consultation_id(consultationId.toStdString());
    annotate->set_document_id(1);
    annotate->set_client_op_id(clientOpId);
    action(*annotate);
    return envelope;
}

wire::Envelope permissionEnvelope(const QString &consultationId, bool allowed)
{
    wire::Envelope envelope;
    envelope.mutable_board_permission()->set_consultation_id(consultationId.toStdString());
    envelope.mutable_board_permission()->set_customer_may_draw(allowed);
    return envelope;
}

wire::Envelope showEnvelope(const QString &consultationId, quint32 documentId, quint32 pageIndex)
{
    wire::Envelope envelope;
    envelope.mutable_board_show_page()->set_consultation_id(consultationId.toStdString());
    envelope.mutable_board_show_page()->set_document_id(documentId);
    envelope.mutable_board_show_page()->set_page_index(pageIndex);
    return envelope;
}

wire::Envelope pointerEnvelope(const QString &consultationId, quint32 x, quint32 y)
{
    wire::Envelope envelope;
    auto *pointer = envelope.mutable_board_pointer();
    pointer->set_consultation_id(consultationId.toStdString());
    pointer->set_document_id(1);
    pointer->set_x(x);
    pointer->set_y(y);
    pointer->set_visible(true);
    return envelope;
}

QList<wire::Envelope> ofBody(const QList<wire::Envelope> &envelopes, wire::Envelope::BodyCase body)
{
    QList<wire::Envelope> found;
    for (const wire::Envelope &envelope : envelopes) {
        if (envelope.body_case() == body)
            found.append(envelope);
    }
    return found;
}

// The first Error after `from` whose reference is `reference`.
std::optional<wire::Error> errorFor(RawClient &client, const QString &reference, int from)
{
    const std::string wanted = reference.toStdString();
    const auto found = client.waitFor(
        [&](const wire::Envelope &envelope) { return envelope.has_error() && envelope.error().reference() == wanted; },
        from);
    if (!found)
        return std::nullopt;
    return found->error();
}

// The page's bytes as the chunks among `envelopes` carry them, each distinct sequence number once.
QByteArray reassembled(const QList<wire::Envelope> &envelopes, quint32 documentId, quint32 pageIndex,
                       int *chunkCount = nullptr)
{
    QByteArray bytes;
    QSet<quint64> seen;
    int count = 0;
    for (const wire::Envelope &envelope : envelopes) {
        if (!envelope.has_board_page_data() || seen.contains(envelope.seq()))
            continue;
        const wire::BoardPageData &chunk = envelope.board_page_data();
        if (chunk.document_id() != documentId || chunk.page_index() != pageIndex)
            continue;
        seen.insert(envelope.seq());
        if (qsizetype(chunk.offset()) != bytes.size())
            return QByteArrayLiteral("out of order");
        bytes += QByteArray::fromStdString(chunk.data());
        ++count;
    }
    if (chunkCount)
        *chunkCount = count;
    return bytes;
}

using EnvelopeBuilder = std::function<wire::Envelope(const QString &consultationId)>;

} // namespace

Q_DECLARE_METATYPE(EnvelopeBuilder)

class TestWhiteboard final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void aDocumentItsPagesAndTheShownPageReachTheCustomer();
    void everyRefusalNamesItsCodeFieldAndReference_data();
    void everyRefusalNamesItsCodeFieldAndReference();
    void anotherConsultationsBoardAnswersLikeOneThatNeverExisted();
    void theCustomerDrawsOnlyWhileTheAdvisorAllowsIt();
    void bothParticipantsSeeTheSameOrder();
    void thePointerGoesLiveToThePeerOnlyAndIsNeverKept();
    void theConfiguredLimitsHoldAndTheBoardGoesOn();
    void operationsBeyondTheRateAreRefusedWithATimeToRetry();
    void aStrokeGrowingThirtyTimesASecondIsNeverRateLimited();
    void aResumeInTheMiddleOfAPageEndsWithThePageCompleteExactlyOnce();
    void aTransferGivesTheColleagueTheSnapshotAndThePages();
    void nothingOfTheBoardRemainsAfterTheEndNotOnDiskNorInTheLog();

private:
    // A new consultation on the shared server with document 1 (two pages of 40x30) open and its
    // first page delivered to the customer.
    bool openBoard(RawConsultation &out);

    std::unique_ptr<TestServer> m_server;
    int m_consultations = 0;
};

void TestWhiteboard::initTestCase()
{
    m_server = std::make_unique<TestServer>([](ServerConfig &config) {
        config.maxProtocolErrors = 1000;
        config.whiteboardMaxDocuments = 3;
        config.whiteboardMaxPages = 4;
        config.whiteboardMaxPageBytes = 512 * 1024;
        config.whiteboardMaxBoardBytes = 2 * 1024 * 1024;
        config.whiteboardMaxOperations = 30;
        config.whiteboardMaxPoints = 50;
    });
    QVERIFY(m_server->start());
}

void TestWhiteboard::cleanupTestCase()
{
    m_server.reset();
}

bool TestWhiteboard::openBoard(RawConsultation &out)
{
    static const QStringList advisors = {QStringLiteral("anna"),   QStringLiteral("bernd"), QStringLiteral("carla"),
                                         QStringLiteral("dora"),   QStringLiteral("emil"),  QStringLiteral("frieda"),
                                         QStringLiteral("gustav"), QStringLiteral("hanna"), QStringLiteral("ida"),
                                         QStringLiteral("jonas"),  QStringLiteral("karl"),  QStringLiteral("lena")};
    const int n = m_consultations++;
    const QString customer = QStringLiteral("Kundin %1").arg(QChar(char16_t(u'A' + n)));
    if (!startRawConsultation(*m_server, advisors.at(n), customer, out))
        return false;
    if (!out.customer->waitForBody(wire::Envelope::kChatMessage, 0)) // the greeting
        return false;
    const int from = out.customer->mark();
    out.advisor->sendReliable(documentEnvelope(out.id, 1, "Angebot.pdf", {QSize(40, 30), QSize(40, 30)}));
    for (const wire::Envelope &chunk : pageEnvelopes(out.id, 1, 0, png(QSize(40, 30))))
        out.advisor->sendReliable(chunk);
    // Settled: the customer has the page and the advisor has heard so, before a test marks anything.
    return out.customer->waitForBody(wire::Envelope::kBoardPageData, from).has_value() &&
           out.advisor->waitForBody(wire::Envelope::kBoardPageDelivered, 0).has_value();
}

// Seed 001 step 7: the advisor opens a document, its pages arrive complete at the customer (several
// chunks, exactly once each), the customer follows the shown page, and the advisor hears of each
// page the customer's app has. The title is sanitised like any file name (I2, U6), and the
// statistics note the board was used (P3).
void TestWhiteboard::aDocumentItsPagesAndTheShownPageReachTheCustomer()
{
    RawConsultation board;
    QVERIFY(openBoard(board));
    const int customerFrom = board.customer->mark();
    const int advisorFrom = board.advisor->mark();
    const QByteArray first = png(QSize(200, 150), {}, true);
    const QByteArray second = jpeg(QSize(120, 90));
    QVERIFY(first.size() > 2 * kChunk);
    board.advisor->sendReliable(
        documentEnvelope(board.id, 2, "../Konten:Übersicht.pdf", {QSize(200, 150), QSize(120, 90)}));
    for (const wire::Envelope &chunk : pageEnvelopes(board.id, 2, 0, first))
        board.advisor->sendReliable(chunk);
    for (const wire::Envelope &chunk : pageEnvelopes(board.id, 2, 1, second, wire::BOARD_IMAGE_FORMAT_JPEG))
        board.advisor->sendReliable(chunk);
    board.advisor->sendReliable(showEnvelope(board.id, 2, 1));

    QVERIFY(board.customer->waitForBody(wire::Envelope::kBoardShowPage, customerFrom));
    QVERIFY(spinUntil(
        [&] {
            return ofBody(board.advisor->receivedSince(advisorFrom), wire::Envelope::kBoardPageDelivered).size() >= 2;
        },
        10'000));
    const QList<wire::Envelope> seen = board.customer->receivedSince(customerFrom);
    const QList<wire::Envelope> documents = ofBody(seen, wire::Envelope::kBoardDocument);
    QCOMPARE(documents.size(), 1);
    QCOMPARE(documents.first().board_document().title(), std::string("Konten_Übersicht.pdf"));
    QCOMPARE(documents.first().board_document().pages_size(), 2);
    int chunks = 0;
    QCOMPARE(reassembled(seen, 2, 0, &chunks), first);
    QCOMPARE(chunks, int((first.size() + kChunk - 1) / kChunk));
    QCOMPARE(reassembled(seen, 2, 1), second);
    QCOMPARE(ofBody(seen, wire::Envelope::kBoardPageData).size(), chunks + 1); // nothing twice
    const auto show = ofBody(seen, wire::Envelope::kBoardShowPage).first().board_show_page();
    QCOMPARE(show.document_id(), 2u);
    QCOMPARE(show.page_index(), 1u);

    const auto delivered = ofBody(board.advisor->receivedSince(advisorFrom), wire::Envelope::kBoardPageDelivered);
    QCOMPARE(delivered.size(), 2);
    QCOMPARE(delivered.at(0).board_page_delivered().page_index(), 0u);
    QCOMPARE(delivered.at(1).board_page_delivered().page_index(), 1u);
    QCOMPARE(delivered.at(1).board_page_delivered().consultation_id(), board.id.toStdString());

    const ConsultationRecord *record = m_server->core().consultations().find(board.id);
    QVERIFY(record);
    QVERIFY(record->features & StatisticsStore::Whiteboard);
}

void TestWhiteboard::everyRefusalNamesItsCodeFieldAndReference_data()
{
    QTest::addColumn<bool>("fromCustomer");
    QTest::addColumn<EnvelopeBuilder>("build");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("reference"); // after "<consultation id>:"
    const int invalid = wire::ERROR_INVALID_INPUT;
    const int limit = wire::ERROR_LIMIT_REACHED;
    const int notFound = wire::ERROR_NOT_FOUND;
    const QSize page(40, 30);

    QTest::newRow("document id taken") << false << EnvelopeBuilder([=](const QString &id) {
        return documentEnvelope(id, 1, "x.pdf", {page});
    }) << invalid << QStringLiteral("document_id")
                                       << QStringLiteral("d1");
    QTest::newRow("document without title")
        << false << EnvelopeBuilder([=](const QString &id) { return documentEnvelope(id, 5, "", {page}); }) << invalid
        << QStringLiteral("title") << QStringLiteral("d5");
    QTest::newRow("document without pages")
        << false << EnvelopeBuilder([](const QString &id) { return documentEnvelope(id, 5, "x.pdf", {}); }) << invalid
        << QStringLiteral("pages") << QStringLiteral("d5");
    QTest::newRow("page of 30000 x 30000")
        << false
        << EnvelopeBuilder([](const QString &id) { return documentEnvelope(id, 5, "x.pdf", {QSize(30000, 30000)}); })
        << invalid << QStringLiteral("pages") << QStringLiteral("d5");
    QTest::newRow("more pages than configured") << false << EnvelopeBuilder([=](const QString &id) {
        return documentEnvelope(id, 5, "x.pdf", QList<QSize>(5, page));
    }) << limit << QStringLiteral("pages") << QStringLiteral("d5");
    QTest::newRow("chunk of an unknown page") << false << EnvelopeBuilder([](const QString &id) {
        return pageEnvelopes(id, 1, 7, png(QSize(40, 30))).first();
    }) << notFound << QString() << QStringLiteral("p1.7");
    QTest::newRow("first chunk not at offset 0") << false << EnvelopeBuilder([](const QString &id) {
        auto envelope = pageEnvelopes(id, 1, 1, png(QSize(40, 30))).first();
        envelope.mutable_board_page_data()->set_offset(8);
        return envelope;
    }) << invalid << QStringLiteral("page_image") << QStringLiteral("p1.1");
    QTest::newRow("chunk in no format") << false << EnvelopeBuilder([](const QString &id) {
        return pageEnvelopes(id, 1, 1, png(QSize(40, 30)), wire::BOARD_IMAGE_FORMAT_UNSPECIFIED).first();
    }) << invalid << QStringLiteral("page_image")
                                        << QStringLiteral("p1.1");
    QTest::newRow("page larger than configured") << false << EnvelopeBuilder([](const QString &id) {
        auto envelope = pageEnvelopes(id, 1, 1, png(QSize(40, 30))).first();
        envelope.mutable_board_page_data()->set_total_bytes(512 * 1024 + 1);
        return envelope;
    }) << limit << QStringLiteral("page_bytes") << QStringLiteral("p1.1");
    QTest::newRow("a JPEG that claims to be a PNG") << false << EnvelopeBuilder([](const QString &id) {
        return pageEnvelopes(id, 1, 1, jpeg(QSize(40, 30))).first();
    }) << invalid << QStringLiteral("page_image") << QStringLiteral("p1.1");
    QTest::newRow("a PNG of another size than announced") << false << EnvelopeBuilder([](const QString &id) {
        return pageEnvelopes(id, 1, 1, png(QSize(41, 30))).first();
    }) << invalid << QStringLiteral("page_image") << QStringLiteral("p1.1");
    QTest::newRow("HTML named a PNG") << false << EnvelopeBuilder([](const QString &id) {
        return pageEnvelopes(id, 1, 1, QByteArray("<html><img src=x>")).first();
    }) << invalid << QStringLiteral("page_image")
                                      << QStringLiteral("p1.1");
    QTest::newRow("a page sent twice") << false << EnvelopeBuilder([](const QString &id) {
        return pageEnvelopes(id, 1, 0, png(QSize(40, 30))).first();
    }) << invalid << QStringLiteral("page_image")
                                       << QStringLiteral("p1.0");
    QTest::newRow("show an unknown page")
        << false << EnvelopeBuilder([](const QString &id) { return showEnvelope(id, 1, 2); }) << notFound << QString()
        << QStringLiteral("d1");
    QTest::newRow("width 0") << false << EnvelopeBuilder([](const QString &id) {
        auto drawn = shape(wire::BOARD_TOOL_PEN, {1, 1});
        drawn.set_width(0);
        return drawEnvelope(id, 11, drawn);
    }) << invalid << QStringLiteral("width")
                             << QStringLiteral("a11");
    QTest::newRow("colour with alpha") << false << EnvelopeBuilder([](const QString &id) {
        auto drawn = shape(wire::BOARD_TOOL_PEN, {1, 1});
        drawn.set_color(0xFF000000u);
        return drawEnvelope(id, 12, drawn);
    }) << invalid << QStringLiteral("color")
                                       << QStringLiteral("a12");
    QTest::newRow("point off the page") << false << EnvelopeBuilder([](const QString &id) {
        return drawEnvelope(id, 13, shape(wire::BOARD_TOOL_ARROW, {1, 1, 10001, 5}));
    }) << invalid << QStringLiteral("points")
                                        << QStringLiteral("a13");
    QTest::newRow("more points than configured") << false << EnvelopeBuilder([](const QString &id) {
        auto drawn = shape(wire::BOARD_TOOL_PEN, {});
        for (int i = 0; i < 51; ++i) {
            drawn.add_points(static_cast<quint32>(i));
            drawn.add_points(static_cast<quint32>(i));
        }
        return drawEnvelope(id, 14, drawn);
    }) << limit << QStringLiteral("points") << QStringLiteral("a14");
    QTest::newRow("text with a bidi override (I2)") << false << EnvelopeBuilder([](const QString &id) {
        return drawEnvelope(id, 15, shape(wire::BOARD_TOOL_TEXT, {5, 5}, "Rate \u202E0001"));
    }) << invalid << QStringLiteral("text") << QStringLiteral("a15");
    QTest::newRow("erase of nothing drawn") << false << EnvelopeBuilder([](const QString &id) {
        return annotateEnvelope(id, 16, [](wire::BoardAnnotate &a) { a.mutable_erase()->add_orders(999); });
    }) << invalid << QStringLiteral("target")
                                            << QStringLiteral("a16");
    QTest::newRow("undo of nothing") << false << EnvelopeBuilder([](const QString &id) {
        return annotateEnvelope(id, 17, [](wire::BoardAnnotate &a) { a.set_undo(999); });
    }) << invalid << QStringLiteral("target")
                                     << QStringLiteral("a17");
    QTest::newRow("extend of a stroke never begun") << false << EnvelopeBuilder([](const QString &id) {
        return annotateEnvelope(id, 18, [](wire::BoardAnnotate &a) {
            a.mutable_extend()->set_stroke_client_op_id(4711);
            a.mutable_extend()->add_points(1);
            a.mutable_extend()->add_points(1);
        });
    }) << invalid << QStringLiteral("target") << QStringLiteral("a18");
    QTest::newRow("annotation on an unknown page") << false << EnvelopeBuilder([](const QString &id) {
        return drawEnvelope(id, 19, shape(wire::BOARD_TOOL_PEN, {1, 1}), 9);
    }) << notFound << QString() << QStringLiteral("a19");
    QTest::newRow("the customer draws while not allowed") << true << EnvelopeBuilder([](const QString &id) {
        return drawEnvelope(id, 20, shape(wire::BOARD_TOOL_PEN, {1, 1}));
    }) << int(wire::ERROR_NOT_ALLOWED) << QString() << QStringLiteral("a20");
}

// I2, I4, U2, U3: each refusal as consult.proto's Whiteboard section names it, with the refused
// message in Error.reference; nothing of it reaches the customer.
void TestWhiteboard::everyRefusalNamesItsCodeFieldAndReference()
{
    QFETCH(bool, fromCustomer);
    QFETCH(EnvelopeBuilder, build);
    QFETCH(int, code);
    QFETCH(QString, field);
    QFETCH(QString, reference);
    static RawConsultation board;
    if (board.id.isEmpty())
        QVERIFY(openBoard(board));
    RawClient &sender = fromCustomer ? *board.customer : *board.advisor;
    RawClient &other = fromCustomer ? *board.advisor : *board.customer;
    const int from = sender.mark();
    const int otherFrom = other.mark();
    sender.sendReliable(build(board.id));
    const auto error = errorFor(sender, board.id + u':' + reference, from);
    QVERIFY(error);
    QCOMPARE(int(error->code()), code);
    QCOMPARE(QString::fromStdString(error->field()), field);
    QVERIFY(other.sync());
    QVERIFY(applicationEnvelopes(other.receivedSince(otherFrom)).isEmpty());
    if (QByteArrayView(QTest::currentDataTag()) == "the customer draws while not allowed")
        board = {}; // the last row: the consultation goes with the test
}

// S5: a board message naming another consultation gets exactly the answer an id that never existed
// gets, and that consultation's participants receive nothing.
void TestWhiteboard::anotherConsultationsBoardAnswersLikeOneThatNeverExisted()
{
    RawConsultation mine;
    RawConsultation theirs;
    QVERIFY(openBoard(mine));
    QVERIFY(openBoard(theirs));
    QString neverExisted = theirs.id;
    neverExisted.replace(0, 4, QStringLiteral("zzzz"));
    const int theirCustomer = theirs.customer->mark();
    // The answer with the named id taken out of its reference: everything else must be identical.
    const auto answer = [&](const QString &id, const wire::Envelope &envelope, const QString &suffix) {
        const int from = mine.advisor->mark();
        mine.advisor->sendReliable(envelope);
        auto error = errorFor(*mine.advisor, id + suffix, from);
        if (error)
            error->set_reference(suffix.toStdString());
        return error ? QByteArray::fromStdString(error->SerializeAsString()) : QByteArray();
    };
    const std::array<std::pair<EnvelopeBuilder, QString>, 4> attacks = {
        std::pair{EnvelopeBuilder([](const QString &id) { return documentEnvelope(id, 9, "x.pdf", {QSize(4, 4)}); }),
                  QStringLiteral(":d9")},
        std::pair{
            EnvelopeBuilder([](const QString &id) { return pageEnvelopes(id, 1, 1, png(QSize(40, 30))).first(); }),
            QStringLiteral(":p1.1")},
        std::pair{EnvelopeBuilder([](const QString &id) {
                      return drawEnvelope(id, 3, shape(wire::BOARD_TOOL_PEN, {1, 1}));
                  }),
                  QStringLiteral(":a3")},
        std::pair{EnvelopeBuilder([](const QString &id) { return permissionEnvelope(id, true); }),
                  QStringLiteral(":b")},
    };
    for (const auto &[build, suffix] : attacks) {
        const QByteArray foreign = answer(theirs.id, build(theirs.id), suffix);
        const QByteArray unknown = answer(neverExisted, build(neverExisted), suffix);
        QVERIFY(!foreign.isEmpty());
        wire::Error error;
        QVERIFY(error.ParseFromString(foreign.toStdString()));
        QCOMPARE(error.code(), wire::ERROR_NOT_FOUND);
        QCOMPARE(foreign.toHex(), unknown.toHex());
    }
    mine.advisor->sendUnsequenced(pointerEnvelope(theirs.id, 10, 10));
    QVERIFY(mine.advisor->sync());
    QVERIFY(theirs.customer->sync());
    QVERIFY(applicationEnvelopes(theirs.customer->receivedSince(theirCustomer)).isEmpty());
}

// S6 and the proto: the customer's annotations are refused (NOT_ALLOWED) until the advisor allows
// drawing, accepted while allowed, refused again once it is taken back.
void TestWhiteboard::theCustomerDrawsOnlyWhileTheAdvisorAllowsIt()
{
    RawConsultation board;
    QVERIFY(openBoard(board));
    const QString id = board.id;
    int from = board.customer->mark();
    board.customer->sendReliable(drawEnvelope(id, 1, shape(wire::BOARD_TOOL_PEN, {10, 10})));
    auto refused = errorFor(*board.customer, id + QStringLiteral(":a1"), from);
    QVERIFY(refused);
    QCOMPARE(refused->code(), wire::ERROR_NOT_ALLOWED);

    from = board.customer->mark();
    board.advisor->sendReliable(permissionEnvelope(id, true));
    const auto permission = board.customer->waitForBody(wire::Envelope::kBoardPermission, from);
    QVERIFY(permission);
    QVERIFY(permission->board_permission().customer_may_draw());
    const int advisorFrom = board.advisor->mark();
    board.customer->sendReliable(drawEnvelope(id, 2, shape(wire::BOARD_TOOL_PEN, {10, 10, 20, 20})));
    const auto atAdvisor = board.advisor->waitForBody(wire::Envelope::kBoardOperation, advisorFrom);
    QVERIFY(atAdvisor);
    QCOMPARE(atAdvisor->board_operation().author(), wire::PARTY_CUSTOMER);
    QCOMPARE(atAdvisor->board_operation().client_op_id(), 2u);
    const auto confirmed = board.customer->waitForBody(wire::Envelope::kBoardOperation, from);
    QVERIFY(confirmed);
    QCOMPARE(confirmed->board_operation().order(), atAdvisor->board_operation().order());

    board.advisor->sendReliable(permissionEnvelope(id, false));
    QVERIFY(board.customer->waitFor(
        [](const wire::Envelope &e) { return e.has_board_permission() && !e.board_permission().customer_may_draw(); },
        from));
    from = board.customer->mark();
    board.customer->sendReliable(drawEnvelope(id, 3, shape(wire::BOARD_TOOL_PEN, {10, 10})));
    refused = errorFor(*board.customer, id + QStringLiteral(":a3"), from);
    QVERIFY(refused);
    QCOMPARE(refused->code(), wire::ERROR_NOT_ALLOWED);
}

// Both apps build the same picture because both receive every operation in one order, 1, 2, 3, ...
// whoever sent it and however the sends interleave.
void TestWhiteboard::bothParticipantsSeeTheSameOrder()
{
    RawConsultation board;
    QVERIFY(openBoard(board));
    board.advisor->sendReliable(permissionEnvelope(board.id, true));
    QVERIFY(board.customer->waitForBody(wire::Envelope::kBoardPermission, 0));
    const int advisorFrom = board.advisor->mark();
    const int customerFrom = board.customer->mark();
    for (quint32 i = 1; i <= 10; ++i) {
        board.advisor->sendReliable(drawEnvelope(board.id, i, shape(wire::BOARD_TOOL_RECTANGLE, {i, i, 100, 100})));
        board.customer->sendReliable(drawEnvelope(board.id, 100 + i, shape(wire::BOARD_TOOL_ARROW, {i, i, 50, 50})));
    }
    const auto operations = [](const RawClient &client, int from) {
        QList<std::tuple<quint64, int, quint32>> seen;
        for (const wire::Envelope &e : ofBody(client.receivedSince(from), wire::Envelope::kBoardOperation))
            seen.append(
                {e.board_operation().order(), int(e.board_operation().author()), e.board_operation().client_op_id()});
        return seen;
    };
    QVERIFY(spinUntil(
        [&] {
            return operations(*board.advisor, advisorFrom).size() == 20 &&
                   operations(*board.customer, customerFrom).size() == 20;
        },
        10'000));
    const auto atAdvisor = operations(*board.advisor, advisorFrom);
    QCOMPARE(atAdvisor, operations(*board.customer, customerFrom));
    for (int i = 1; i < atAdvisor.size(); ++i)
        QCOMPARE(std::get<0>(atAdvisor.at(i)), std::get<0>(atAdvisor.at(i - 1)) + 1);
}

// The laser pointer: relayed live to the peer with the sender's party, unsequenced, never to the
// sender, and never part of the board (the board's order does not move; a snapshot has no place
// for it).
void TestWhiteboard::thePointerGoesLiveToThePeerOnlyAndIsNeverKept()
{
    RawConsultation board;
    QVERIFY(openBoard(board));
    const quint64 ordersBefore = m_server->core().whiteboard().board(board.id)->lastOrder();
    const int advisorFrom = board.advisor->mark();
    const int customerFrom = board.customer->mark();
    board.advisor->sendUnsequenced(pointerEnvelope(board.id, 5000, 2500));
    const auto pointer = board.customer->waitForBody(wire::Envelope::kBoardPointer, customerFrom);
    QVERIFY(pointer);
    QCOMPARE(pointer->seq(), 0u);
    QCOMPARE(pointer->board_pointer().party(), wire::PARTY_ADVISOR);
    QCOMPARE(pointer->board_pointer().x(), 5000u);
    board.customer->sendUnsequenced(pointerEnvelope(board.id, 1, 2));
    const auto back = board.advisor->waitForBody(wire::Envelope::kBoardPointer, advisorFrom);
    QVERIFY(back);
    QCOMPARE(back->board_pointer().party(), wire::PARTY_CUSTOMER);
    board.advisor->sendUnsequenced(pointerEnvelope(board.id, 20000, 1)); // off the page: dropped
    QVERIFY(board.advisor->sync());
    QVERIFY(board.customer->sync());
    QCOMPARE(ofBody(board.customer->receivedSince(customerFrom), wire::Envelope::kBoardPointer).size(), 1);
    QCOMPARE(ofBody(board.advisor->receivedSince(advisorFrom), wire::Envelope::kBoardPointer).size(), 1);
    QVERIFY(ofBody(board.advisor->receivedSince(advisorFrom), wire::Envelope::kError).isEmpty());
    QCOMPARE(m_server->core().whiteboard().board(board.id)->lastOrder(), ordersBefore);
}

// The limits of [whiteboard] (here: 3 documents, 30 operations): beyond them LIMIT_REACHED with the
// limit's name, nothing of the refused message kept, and the board goes on.
void TestWhiteboard::theConfiguredLimitsHoldAndTheBoardGoesOn()
{
    RawConsultation board;
    QVERIFY(openBoard(board));
    board.advisor->sendReliable(documentEnvelope(board.id, 2, "b.pdf", {QSize(8, 8)}));
    board.advisor->sendReliable(documentEnvelope(board.id, 3, "c.pdf", {QSize(8, 8)}));
    int from = board.advisor->mark();
    board.advisor->sendReliable(documentEnvelope(board.id, 4, "d.pdf", {QSize(8, 8)}));
    auto refused = errorFor(*board.advisor, board.id + QStringLiteral(":d4"), from);
    QVERIFY(refused);
    QCOMPARE(refused->code(), wire::ERROR_LIMIT_REACHED);
    QCOMPARE(refused->field(), std::string("documents"));
    QCOMPARE(m_server->core().whiteboard().board(board.id)->documents().size(), std::size_t(3));

    from = board.advisor->mark();
    for (quint32 i = 1; i <= 31; ++i)
        board.advisor->sendReliable(drawEnvelope(board.id, i, shape(wire::BOARD_TOOL_ARROW, {1, 1, i, i})));
    refused = errorFor(*board.advisor, board.id + QStringLiteral(":a31"), from);
    QVERIFY(refused);
    QCOMPARE(refused->code(), wire::ERROR_LIMIT_REACHED);
    QCOMPARE(refused->field(), std::string("annotations"));
    QCOMPARE(ofBody(board.advisor->receivedSince(from), wire::Envelope::kBoardOperation).size(), 30);

    // The board goes on: the shown page and the pointer still reach the customer.
    const int customerFrom = board.customer->mark();
    board.advisor->sendReliable(showEnvelope(board.id, 1, 1));
    QVERIFY(board.customer->waitForBody(wire::Envelope::kBoardShowPage, customerFrom));
    board.advisor->sendUnsequenced(pointerEnvelope(board.id, 3, 3));
    QVERIFY(board.customer->waitForBody(wire::Envelope::kBoardPointer, customerFrom));
}

// I5: the board's own rate (40 a second, burst 80): a burst beyond it is refused with RATE_LIMITED
// and a time to try again, and the session's chat is unaffected.
void TestWhiteboard::operationsBeyondTheRateAreRefusedWithATimeToRetry()
{
    RawConsultation board;
    QVERIFY(openBoard(board));
    const int from = board.advisor->mark();
    for (quint32 i = 1; i <= 100; ++i)
        board.advisor->sendReliable(showEnvelope(board.id, 1, i % 2));
    QVERIFY(board.advisor->sync());
    const auto errors = ofBody(board.advisor->receivedSince(from), wire::Envelope::kError);
    QVERIFY2(!errors.isEmpty(), "a burst of 100 passed a bucket of 80");
    for (const wire::Envelope &error : errors) {
        QCOMPARE(error.error().code(), wire::ERROR_RATE_LIMITED);
        QVERIFY(error.error().retry_after_ms() > 0);
    }
    // The bucket held 80, less the document openBoard sent, plus what refilled meanwhile.
    QVERIFY2(errors.size() <= 100 - 79, qPrintable(QString::number(errors.size())));
    const int chatFrom = board.advisor->mark();
    board.advisor->sendReliable(chatEnvelope(board.id, QStringLiteral("c1"), QStringLiteral("Noch da?")));
    QVERIFY(board.advisor->waitForBody(wire::Envelope::kChatMessage, chatFrom));
}

// I5 and the brief's figure: a stroke grows about every 30 ms. Its extends have the board's budget,
// not the session's control rate (10 a second, burst 30), so three seconds of drawing at 30
// extends a second, with typing notices beside them, pass without a single refusal.
void TestWhiteboard::aStrokeGrowingThirtyTimesASecondIsNeverRateLimited()
{
    TestServer server; // the default limits
    QVERIFY(server.start());
    RawConsultation board;
    QVERIFY(startRawConsultation(server, QStringLiteral("nora"), QStringLiteral("Kundin Strich"), board));
    board.advisor->sendReliable(documentEnvelope(board.id, 1, "a.png", {QSize(40, 30)}));
    const int from = board.advisor->mark();
    const int customerFrom = board.customer->mark();
    board.advisor->sendReliable(drawEnvelope(board.id, 1, shape(wire::BOARD_TOOL_PEN, {100, 100})));
    constexpr quint32 kExtends = 90;
    quint32 sent = 0;
    QTimer pen;
    pen.setTimerType(Qt::PreciseTimer);
    connect(&pen, &QTimer::timeout, this, [&] {
        ++sent;
        board.advisor->sendReliable(annotateEnvelope(board.id, 1 + sent, [&](wire::BoardAnnotate &a) {
            a.mutable_extend()->set_stroke_client_op_id(1);
            a.mutable_extend()->add_points(100 + sent);
            a.mutable_extend()->add_points(100 + sent);
            a.mutable_extend()->set_finished(sent == kExtends);
        }));
        if (sent % 10 == 0) {
            wire::Envelope typing;
            typing.mutable_typing()->set_consultation_id(board.id.toStdString());
            typing.mutable_typing()->set_active(true);
            board.advisor->sendReliable(typing);
        }
        if (sent == kExtends)
            pen.stop();
    });
    pen.start(1000 / 30);
    QVERIFY(spinUntil(
        [&] {
            return ofBody(board.customer->receivedSince(customerFrom), wire::Envelope::kBoardOperation).size() ==
                   int(kExtends) + 1; // the draw and its extends
        },
        20'000));
    QVERIFY(board.advisor->sync());
    QVERIFY(ofBody(board.advisor->receivedSince(from), wire::Envelope::kError).isEmpty());
    const auto last = ofBody(board.customer->receivedSince(customerFrom), wire::Envelope::kBoardOperation).last();
    QVERIFY(last.board_operation().extend().finished());
    QCOMPARE(last.board_operation().extend().stroke_order(), 1u);
}

// R1 with the board: the customer's connection drops while a page is on its way; after the resume
// the page is complete at the customer, every byte exactly once, and the advisor hears of it once.
void TestWhiteboard::aResumeInTheMiddleOfAPageEndsWithThePageCompleteExactlyOnce()
{
    RawConsultation board;
    QVERIFY(openBoard(board));
    const QByteArray image = png(QSize(250, 250), {}, true);
    const int pageChunks = int((image.size() + kChunk - 1) / kChunk);
    QVERIFY(pageChunks >= 5);
    // The customer's app holds back its acknowledgements, so the page stops within the server's
    // window; the connection then drops with the first chunk seen and the rest sent or on its way.
    board.customer->setAutoAcknowledge(false);
    std::optional<ReliableChannel> atFirstChunk;
    int firstChunkEnd = -1;
    connect(board.customer.get(), &RawClient::envelopeReceived, this, [&](const wire::Envelope &envelope) {
        if (envelope.has_board_page_data() && !atFirstChunk) {
            atFirstChunk = board.customer->channel();
            firstChunkEnd = board.customer->mark();
        }
    });
    const int customerFrom = board.customer->mark();
    const int advisorFrom = board.advisor->mark();
    board.advisor->sendReliable(documentEnvelope(board.id, 2, "gross.png", {QSize(250, 250)}));
    for (const wire::Envelope &chunk : pageEnvelopes(board.id, 2, 0, image))
        board.advisor->sendReliable(chunk);
    QVERIFY(spinUntil([&] { return atFirstChunk.has_value(); }, 10'000));
    const QList<wire::Envelope> before = board.customer->received().mid(customerFrom, firstChunkEnd - customerFrom);
    QCOMPARE(ofBody(before, wire::Envelope::kBoardPageData).size(), 1);
    board.customer->abort();

    // The new connection has seen only the first chunk: the server replays what it numbered after
    // that and goes on with the rest.
    auto resumed = std::make_unique<RawClient>();
    resumed->channel() = *atFirstChunk;
    QVERIFY(resumed->open(m_server->endpoint()));
    QVERIFY(resumed->resume(board.customer->resumeToken()));
    QVERIFY(spinUntil(
        [&] {
            return !ofBody(board.advisor->receivedSince(advisorFrom), wire::Envelope::kBoardPageDelivered).isEmpty();
        },
        10'000));
    const QList<wire::Envelope> all = before + resumed->received();
    int chunks = 0;
    QCOMPARE(reassembled(all, 2, 0, &chunks), image);
    QCOMPARE(chunks, pageChunks);
    QCOMPARE(ofBody(all, wire::Envelope::kBoardPageData).size(), pageChunks); // nothing twice
    QVERIFY(resumed->sync());
    QVERIFY(board.advisor->sync());
    QCOMPARE(ofBody(board.advisor->receivedSince(advisorFrom), wire::Envelope::kBoardPageDelivered).size(), 1);
    board.customer = std::move(resumed);
}

// A transfer hands the board over: the colleague gets a BoardSnapshot (documents, shown page,
// permission, every operation in order with a stroke's extends merged into its draw), then every
// page image; the customer's board goes on with the colleague.
void TestWhiteboard::aTransferGivesTheColleagueTheSnapshotAndThePages()
{
    RawConsultation board;
    QVERIFY(openBoard(board));
    const QString id = board.id;
    const QByteArray second = png(QSize(40, 30), QStringLiteral("Seite zwei"));
    for (const wire::Envelope &chunk : pageEnvelopes(id, 1, 1, second))
        board.advisor->sendReliable(chunk);
    board.advisor->sendReliable(showEnvelope(id, 1, 1));
    board.advisor->sendReliable(permissionEnvelope(id, true));
    board.advisor->sendReliable(drawEnvelope(id, 1, shape(wire::BOARD_TOOL_PEN, {1, 1, 2, 2}), 1));
    board.advisor->sendReliable(annotateEnvelope(id, 2, [](wire::BoardAnnotate &a) {
        a.set_page_index(1);
        a.mutable_extend()->set_stroke_client_op_id(1);
        a.mutable_extend()->add_points(3);
        a.mutable_extend()->add_points(3);
        a.mutable_extend()->set_finished(true);
    }));
    board.advisor->sendReliable(drawEnvelope(id, 3, shape(wire::BOARD_TOOL_TEXT, {7, 7}, "Tilgung"), 1));
    board.advisor->sendUnsequenced(pointerEnvelope(id, 9, 9));
    QVERIFY(spinUntil([&] { return ofBody(board.advisor->received(), wire::Envelope::kBoardOperation).size() == 3; },
                      10'000));

    auto colleague = rawAdvisor(*m_server, QStringLiteral("maria"));
    QVERIFY(colleague);
    wire::Envelope transfer;
    transfer.mutable_transfer_consultation()->set_request_id(1);
    transfer.mutable_transfer_consultation()->set_consultation_id(id.toStdString());
    transfer.mutable_transfer_consultation()->set_to_advisor("maria");
    board.advisor->sendReliable(transfer);
    QVERIFY(colleague->waitForBody(wire::Envelope::kConsultationStarted, 0));
    QVERIFY(spinUntil(
        [&] {
            const auto pages = colleague->received();
            return !ofBody(pages, wire::Envelope::kBoardSnapshot).isEmpty() &&
                   ofBody(pages, wire::Envelope::kBoardSnapshot).last().board_snapshot().page().last() &&
                   reassembled(pages, 1, 1) == second;
        },
        10'000));
    const QList<wire::Envelope> seen = colleague->received();
    wire::BoardSnapshot snapshot;
    for (const wire::Envelope &page : ofBody(seen, wire::Envelope::kBoardSnapshot)) {
        if (page.board_snapshot().page().index() == 0)
            snapshot = page.board_snapshot();
        else
            snapshot.mutable_operations()->MergeFrom(page.board_snapshot().operations());
    }
    QCOMPARE(snapshot.consultation_id(), id.toStdString());
    QCOMPARE(snapshot.documents_size(), 1);
    QCOMPARE(snapshot.documents(0).title(), std::string("Angebot.pdf"));
    QCOMPARE(snapshot.shown_document_id(), 1u);
    QCOMPARE(snapshot.shown_page_index(), 1u);
    QVERIFY(snapshot.customer_may_draw());
    QCOMPARE(snapshot.operations_size(), 2); // the stroke with its extend merged, the text
    const auto &stroke = snapshot.operations(0);
    QCOMPARE(stroke.order(), 1u);
    QCOMPARE(std::vector<quint32>(stroke.draw().points().begin(), stroke.draw().points().end()),
             (std::vector<quint32>{1, 1, 2, 2, 3, 3}));
    QCOMPARE(snapshot.operations(1).order(), 3u);
    QCOMPARE(snapshot.operations(1).draw().text(), std::string("Tilgung"));
    QCOMPARE(reassembled(seen, 1, 0), png(QSize(40, 30)));
    QVERIFY(ofBody(seen, wire::Envelope::kBoardPointer).isEmpty());

    // The board goes on with the colleague: the next operation continues the order.
    const int from = board.customer->mark();
    colleague->sendReliable(drawEnvelope(id, 1, shape(wire::BOARD_TOOL_ARROW, {1, 1, 9, 9}), 1));
    const auto next = board.customer->waitForBody(wire::Envelope::kBoardOperation, from);
    QVERIFY(next);
    QCOMPARE(next->board_operation().order(), 4u);
    QCOMPARE(next->board_operation().author(), wire::PARTY_ADVISOR);
}

// P1: a page image and a text annotation, each with a canary, and a title with one. After the
// consultation ends the board is gone from the server's RAM (its object and its bytes), and after
// the server stopped no canary is in any file of its data directory (database, -wal, -shm, key),
// in the statistics, or in anything the server logged, debug lines included.
void TestWhiteboard::nothingOfTheBoardRemainsAfterTheEndNotOnDiskNorInTheLog()
{
    static QStringList logged;
    logged.clear();
    const QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &context, const QString &message) {
            logged.append(QString::fromLatin1(context.category ? context.category : "") + u' ' + message);
        });
    QLoggingCategory::setFilterRules(QStringLiteral("consult.*=true"));
    QString canary = QStringLiteral("KANARIE");
    for (int i = 0; i < 16; ++i)
        canary += QChar(char16_t(u'a' + SecureRandom::bounded(26)));
    const QString pageCanary = canary + QStringLiteral("seite");
    const QString textCanary = canary + QStringLiteral("notiz");
    const QString titleCanary = canary + QStringLiteral("titel");

    QTemporaryDir data;
    QVERIFY(data.isValid());
    {
        TestServer server([&](ServerConfig &config) { config.dataDirectory = data.path(); });
        QVERIFY(server.start());
        RawConsultation board;
        QVERIFY(startRawConsultation(server, QStringLiteral("paula"), QStringLiteral("Kanarie Kunde"), board));
        const QByteArray image = png(QSize(64, 64), pageCanary);
        QVERIFY(image.contains(pageCanary.toUtf8()));
        board.advisor->sendReliable(documentEnvelope(
            board.id, 1, QString(titleCanary + QStringLiteral(".pdf")).toStdString(), {QSize(64, 64)}));
        for (const wire::Envelope &chunk : pageEnvelopes(board.id, 1, 0, image))
            board.advisor->sendReliable(chunk);
        board.advisor->sendReliable(
            drawEnvelope(board.id, 1, shape(wire::BOARD_TOOL_TEXT, {10, 10}, textCanary.toStdString())));
        QVERIFY(board.customer->waitFor(
            [&](const wire::Envelope &e) {
                return e.has_board_operation() && e.board_operation().draw().text() == textCanary.toStdString();
            },
            0));
        QVERIFY(spinUntil(
            [&] { return !ofBody(board.advisor->received(), wire::Envelope::kBoardPageDelivered).isEmpty(); }, 10'000));
        WhiteboardService &whiteboard = server.core().whiteboard();
        QCOMPARE(whiteboard.boardCount(), 1);
        QVERIFY(whiteboard.heldBytes() >= image.size());

        wire::Envelope end;
        end.mutable_end_consultation()->set_consultation_id(board.id.toStdString());
        board.advisor->sendReliable(end);
        QVERIFY(board.customer->waitForBody(wire::Envelope::kConsultationEnded, 0));
        QCOMPARE(whiteboard.boardCount(), 0);
        QCOMPARE(whiteboard.heldBytes(), 0);
        QVERIFY(!whiteboard.board(board.id));

        auto rows = server.database().exec(QStringLiteral("SELECT * FROM statistics"));
        QVERIFY(rows.ok());
        QSqlQuery query = std::move(rows).value();
        int records = 0;
        while (query.next()) {
            ++records;
            for (int column = 0; column < query.record().count(); ++column)
                QVERIFY(!query.value(column).toString().contains(canary));
        }
        QVERIFY(records >= 1); // the scan above had something to look at
    }
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());

    QVERIFY(!logged.isEmpty()); // the handler saw the server's lines
    for (const QString &line : std::as_const(logged))
        QVERIFY2(!line.contains(canary), qPrintable(line));
    for (const QString &needle : {canary, pageCanary, textCanary, titleCanary}) {
        const QStringList hits = filesContaining(data.path(), needle);
        QVERIFY2(hits.isEmpty(), qPrintable(needle + QStringLiteral(" found in ") + hits.join(u' ')));
    }
}

CONSULT_TEST_MAIN_WITH_EPOLL(TestWhiteboard)
#include "TestWhiteboard.moc"
