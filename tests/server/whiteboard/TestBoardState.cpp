// The board of one consultation on the server without the network: the annotation validator's
// refusals (I2, I4) and the board's own checks and limits, its order, undo and redo of the author's
// own operations, and the snapshot's merged strokes.
#include "whiteboard/AnnotationValidator.h"
#include "whiteboard/BoardState.h"

#include <QTest>

using namespace consult;
using namespace consult::whiteboard;

namespace {

wire::BoardDocument document(quint32 id, int pages)
{
    wire::BoardDocument doc;
    doc.set_document_id(id);
    doc.set_title("Vertrag.pdf");
    for (int i = 0; i < pages; ++i) {
        auto *size = doc.add_pages();
        size->set_width(1448);
        size->set_height(2048);
    }
    return doc;
}

wire::BoardAnnotate stroke(quint32 clientOpId, std::initializer_list<quint32> points,
                           wire::BoardTool tool = wire::BOARD_TOOL_PEN)
{
    wire::BoardAnnotate annotate;
    annotate.set_document_id(1);
    annotate.set_client_op_id(clientOpId);
    auto *shape = annotate.mutable_draw();
    shape->set_tool(tool);
    shape->set_color(0xCC0000);
    shape->set_width(4);
    for (const quint32 value : points)
        shape->add_points(value);
    return annotate;
}

wire::BoardAnnotate extend(quint32 clientOpId, quint32 strokeId, std::initializer_list<quint32> points, bool finished)
{
    wire::BoardAnnotate annotate;
    annotate.set_document_id(1);
    annotate.set_client_op_id(clientOpId);
    annotate.mutable_extend()->set_stroke_client_op_id(strokeId);
    for (const quint32 value : points)
        annotate.mutable_extend()->add_points(value);
    annotate.mutable_extend()->set_finished(finished);
    return annotate;
}

const BoardRefusal *refusalOf(const auto &outcome)
{
    return std::get_if<BoardRefusal>(&outcome);
}

} // namespace

Q_DECLARE_METATYPE(consult::wire::BoardAnnotate)

class TestBoardState final : public QObject
{
    Q_OBJECT
private slots:
    void theValidatorRefusesWhatNoBoardTakes_data()
    {
        QTest::addColumn<wire::BoardAnnotate>("annotate");
        QTest::addColumn<int>("party");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("field");
        const int advisor = wire::PARTY_ADVISOR;
        const int invalid = wire::ERROR_INVALID_INPUT;

        QTest::newRow("no action") << wire::BoardAnnotate() << advisor << invalid << QStringLiteral("action");
        QTest::newRow("unknown tool") << stroke(1, {1, 1}, wire::BOARD_TOOL_UNSPECIFIED) << advisor << invalid
                                      << QStringLiteral("tool");
        auto wide = stroke(1, {1, 1});
        wide.mutable_draw()->set_width(101);
        QTest::newRow("width 101") << wide << advisor << invalid << QStringLiteral("width");
        auto thin = stroke(1, {1, 1});
        thin.mutable_draw()->set_width(0);
        QTest::newRow("width 0") << thin << advisor << invalid << QStringLiteral("width");
        auto colour = stroke(1, {1, 1});
        colour.mutable_draw()->set_color(0x1000000);
        QTest::newRow("colour with alpha") << colour << advisor << invalid << QStringLiteral("color");
        QTest::newRow("odd points") << stroke(1, {1, 2, 3}) << advisor << invalid << QStringLiteral("points");
        QTest::newRow("off the page") << stroke(1, {1, 10001}) << advisor << invalid << QStringLiteral("points");
        QTest::newRow("empty stroke") << stroke(1, {}) << advisor << invalid << QStringLiteral("points");
        QTest::newRow("arrow with three points")
            << stroke(1, {1, 1, 2, 2, 3, 3}, wire::BOARD_TOOL_ARROW) << advisor << invalid << QStringLiteral("points");
        QTest::newRow("rectangle with one point")
            << stroke(1, {1, 1}, wire::BOARD_TOOL_RECTANGLE) << advisor << invalid << QStringLiteral("points");
        auto text = stroke(1, {5, 5}, wire::BOARD_TOOL_TEXT);
        QTest::newRow("text without text") << text << advisor << invalid << QStringLiteral("text");
        text.mutable_draw()->set_text(std::string(501, 'x'));
        QTest::newRow("text of 501") << text << advisor << invalid << QStringLiteral("text");
        text.mutable_draw()->set_text("Zinssatz \u202Egnuthca");
        QTest::newRow("text with a bidi override") << text << advisor << invalid << QStringLiteral("text");
        auto penText = stroke(1, {5, 5});
        penText.mutable_draw()->set_text("x");
        QTest::newRow("text on a pen stroke") << penText << advisor << invalid << QStringLiteral("text");
        std::vector<quint32> many(2 * 6, 1);
        auto big = stroke(1, {});
        big.mutable_draw()->mutable_points()->Add(many.begin(), many.end());
        QTest::newRow("more points than a stroke may have")
            << big << advisor << int(wire::ERROR_LIMIT_REACHED) << QStringLiteral("points");
        wire::BoardAnnotate erase;
        erase.mutable_erase();
        QTest::newRow("erase of nothing") << erase << advisor << invalid << QStringLiteral("target");
        wire::BoardAnnotate undo;
        undo.set_undo(0);
        QTest::newRow("undo of order 0") << undo << advisor << invalid << QStringLiteral("target");
        wire::BoardAnnotate clear;
        clear.set_clear_page(true);
        QTest::newRow("clear by the customer")
            << clear << int(wire::PARTY_CUSTOMER) << int(wire::ERROR_NOT_ALLOWED) << QString();
    }
    void theValidatorRefusesWhatNoBoardTakes()
    {
        QFETCH(wire::BoardAnnotate, annotate);
        QFETCH(int, party);
        QFETCH(int, code);
        QFETCH(QString, field);
        const auto outcome = validateAnnotation(annotate, wire::Party(party), AnnotationLimits{5});
        const BoardRefusal *refusal = refusalOf(outcome);
        QVERIFY(refusal);
        QCOMPARE(int(refusal->code), code);
        QCOMPARE(refusal->field, field);
    }

    void theValidatorNormalisesTheText()
    {
        auto text = stroke(1, {5, 5}, wire::BOARD_TOOL_TEXT);
        text.mutable_draw()->set_text("  Zinsbindung\r\n10 Jahre  ");
        const auto outcome = validateAnnotation(text, wire::PARTY_ADVISOR, {});
        QVERIFY(!refusalOf(outcome));
        QCOMPARE(std::get<wire::BoardAnnotate>(outcome).draw().text(), std::string("Zinsbindung\n10 Jahre"));
    }

    void documentsAreCheckedAndLimited()
    {
        BoardState board("c1", BoardState::Limits{.maxDocuments = 2, .maxPages = 3});
        QVERIFY(!board.addDocument(document(1, 3)));
        QCOMPARE(board.addDocument(document(1, 1))->field, QStringLiteral("document_id"));
        QCOMPARE(board.addDocument(document(0, 1))->field, QStringLiteral("document_id"));
        QCOMPARE(board.addDocument(document(2, 0))->field, QStringLiteral("pages"));
        const auto tooMany = board.addDocument(document(2, 4));
        QCOMPARE(tooMany->code, wire::ERROR_LIMIT_REACHED);
        QCOMPARE(tooMany->field, QStringLiteral("pages"));
        auto huge = document(2, 1);
        huge.mutable_pages(0)->set_width(4097);
        QCOMPARE(board.addDocument(huge)->field, QStringLiteral("pages"));
        QVERIFY(!board.addDocument(document(2, 1)));
        const auto third = board.addDocument(document(3, 1));
        QCOMPARE(third->code, wire::ERROR_LIMIT_REACHED);
        QCOMPARE(third->field, QStringLiteral("documents"));
        QVERIFY(board.hasPage({1, 2}));
        QVERIFY(!board.hasPage({1, 3}));
        QVERIFY(!board.hasPage({3, 0}));
    }

    void operationsGetTheNextOrderAndUndoOnlyTheAuthorsOwn()
    {
        BoardState board("c1", {});
        QVERIFY(!board.addDocument(document(1, 2)));
        auto first = board.apply(wire::PARTY_ADVISOR, stroke(1, {1, 1, 2, 2}, wire::BOARD_TOOL_ARROW), 1000);
        QCOMPARE(std::get<wire::BoardOperation>(first).order(), 1u);
        QCOMPARE(std::get<wire::BoardOperation>(first).consultation_id(), std::string("c1"));
        auto second = board.apply(wire::PARTY_CUSTOMER, stroke(7, {3, 3, 4, 4}, wire::BOARD_TOOL_RECTANGLE), 1001);
        QCOMPARE(std::get<wire::BoardOperation>(second).order(), 2u);
        QCOMPARE(std::get<wire::BoardOperation>(second).author(), wire::PARTY_CUSTOMER);

        wire::BoardAnnotate undo;
        undo.set_document_id(1);
        undo.set_undo(1);
        QCOMPARE(refusalOf(board.apply(wire::PARTY_CUSTOMER, undo, 1002))->field, QStringLiteral("target"));
        QVERIFY(!refusalOf(board.apply(wire::PARTY_ADVISOR, undo, 1003)));
        QVERIFY(refusalOf(board.apply(wire::PARTY_ADVISOR, undo, 1004))); // taken back already
        wire::BoardAnnotate redo;
        redo.set_document_id(1);
        redo.set_redo(1);
        QVERIFY(refusalOf(board.apply(wire::PARTY_CUSTOMER, redo, 1005)));
        QVERIFY(!refusalOf(board.apply(wire::PARTY_ADVISOR, redo, 1006)));
        QVERIFY(refusalOf(board.apply(wire::PARTY_ADVISOR, redo, 1007))); // restored already

        wire::BoardAnnotate erase;
        erase.set_document_id(1);
        erase.mutable_erase()->add_orders(4); // the undo, not a draw
        QCOMPARE(refusalOf(board.apply(wire::PARTY_ADVISOR, erase, 1008))->field, QStringLiteral("target"));
        erase.mutable_erase()->set_orders(0, 2);
        erase.set_page_index(1); // another page than the draw's
        QCOMPARE(refusalOf(board.apply(wire::PARTY_ADVISOR, erase, 1009))->field, QStringLiteral("target"));
        erase.set_page_index(0);
        QVERIFY(!refusalOf(board.apply(wire::PARTY_CUSTOMER, erase, 1010))); // either author's draws

        auto unknownPage = stroke(9, {1, 1});
        unknownPage.set_page_index(5);
        QCOMPARE(refusalOf(board.apply(wire::PARTY_ADVISOR, unknownPage, 1011))->code, wire::ERROR_NOT_FOUND);
        QCOMPARE(board.lastOrder(), 5u);
    }

    void extendsGrowOnlyTheAuthorsUnfinishedStrokeAndMergeIntoItsDraw()
    {
        BoardState board("c1", BoardState::Limits{.maxPoints = 4});
        QVERIFY(!board.addDocument(document(1, 1)));
        QVERIFY(!refusalOf(board.apply(wire::PARTY_ADVISOR, stroke(3, {1, 1}), 0)));
        QCOMPARE(refusalOf(board.apply(wire::PARTY_CUSTOMER, extend(1, 3, {2, 2}, false), 0))->field,
                 QStringLiteral("target"));
        const auto more = board.apply(wire::PARTY_ADVISOR, extend(4, 3, {2, 2, 3, 3}, false), 0);
        QCOMPARE(std::get<wire::BoardOperation>(more).extend().stroke_order(), 1u);
        const auto over = board.apply(wire::PARTY_ADVISOR, extend(5, 3, {4, 4, 5, 5}, false), 0);
        QCOMPARE(refusalOf(over)->code, wire::ERROR_LIMIT_REACHED);
        QCOMPARE(refusalOf(over)->field, QStringLiteral("points"));
        QVERIFY(!refusalOf(board.apply(wire::PARTY_ADVISOR, extend(6, 3, {4, 4}, true), 0)));
        QCOMPARE(refusalOf(board.apply(wire::PARTY_ADVISOR, extend(7, 3, {}, true), 0))->field,
                 QStringLiteral("target")); // the pen lifted

        const auto merged = board.mergedOperations();
        QCOMPARE(merged.size(), std::size_t(1));
        const auto &points = merged.front().draw().points();
        QCOMPARE(std::vector<quint32>(points.begin(), points.end()), (std::vector<quint32>{1, 1, 2, 2, 3, 3, 4, 4}));
        QCOMPARE(board.lastOrder(), 3u);
    }

    void theOperationAndByteLimitsHoldAndTheBoardGoesOn()
    {
        BoardState board("c1", BoardState::Limits{.maxBoardBytes = 64 * 1024, .maxOperations = 2});
        QVERIFY(!board.addDocument(document(1, 1)));
        QVERIFY(!refusalOf(board.apply(wire::PARTY_ADVISOR, stroke(1, {1, 1}), 0)));
        QVERIFY(!refusalOf(board.apply(wire::PARTY_ADVISOR, stroke(2, {1, 1}), 0)));
        const auto third = board.apply(wire::PARTY_ADVISOR, stroke(3, {1, 1}), 0);
        QCOMPARE(refusalOf(third)->code, wire::ERROR_LIMIT_REACHED);
        QCOMPARE(refusalOf(third)->field, QStringLiteral("annotations"));
        // A stroke's growth counts with the stroke, not as more operations.
        QVERIFY(!refusalOf(board.apply(wire::PARTY_ADVISOR, extend(4, 2, {2, 2}, true), 0)));

        const qint64 before = board.bytes();
        QVERIFY(before > 0);
        QVERIFY(!board.reserve(64 * 1024));
        QCOMPARE(board.bytes(), before);
        QVERIFY(board.reserve(1000));
        board.release(1000);
        QCOMPARE(board.bytes(), before);
    }
};

QTEST_GUILESS_MAIN(TestBoardState)
#include "TestBoardState.moc"
