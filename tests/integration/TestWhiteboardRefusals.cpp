// The server's whiteboard refusing on the wire, through a real server with real TLS and raw
// clients: every refusal the proto describes with its code, field and reference, the configured
// limits with the board going on, and the board's own rate (I2, I4, I5, U2, U3). Split from
// TestWhiteboard, whose shared server has the same limits (WhiteboardWire.h).
#include "WhiteboardWire.h"

#include "support/EpollTestMain.h"

#include <QTimer>

using namespace consult;
using namespace consult::testing;

class TestWhiteboardRefusals final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void everyRefusalNamesItsCodeFieldAndReference_data();
    void everyRefusalNamesItsCodeFieldAndReference();
    void theConfiguredLimitsHoldAndTheBoardGoesOn();
    void operationsBeyondTheRateAreRefusedWithATimeToRetry();
    void aStrokeGrowingThirtyTimesASecondIsNeverRateLimited();

private:
    // A new consultation on the shared server with document 1 open and its first page delivered.
    bool openBoard(RawConsultation &out) { return openBoardOn(*m_server, m_consultations++, out); }

    std::unique_ptr<TestServer> m_server;
    int m_consultations = 0;
};

void TestWhiteboardRefusals::initTestCase()
{
    m_server = std::make_unique<TestServer>(configureBoardLimits);
    QVERIFY(m_server->start());
}

void TestWhiteboardRefusals::cleanupTestCase()
{
    m_server.reset();
}

void TestWhiteboardRefusals::everyRefusalNamesItsCodeFieldAndReference_data()
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
void TestWhiteboardRefusals::everyRefusalNamesItsCodeFieldAndReference()
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

// The limits of [whiteboard] (here: 3 documents, 30 operations): beyond them LIMIT_REACHED with the
// limit's name, nothing of the refused message kept, and the board goes on.
void TestWhiteboardRefusals::theConfiguredLimitsHoldAndTheBoardGoesOn()
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
void TestWhiteboardRefusals::operationsBeyondTheRateAreRefusedWithATimeToRetry()
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
void TestWhiteboardRefusals::aStrokeGrowingThirtyTimesASecondIsNeverRateLimited()
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

CONSULT_TEST_MAIN_WITH_EPOLL(TestWhiteboardRefusals)
#include "TestWhiteboardRefusals.moc"
