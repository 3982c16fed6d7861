// BoardModel: the picture rule of consult.proto's BoardOperation, our pending operations, undo and
// redo targets, the eraser's hit test, the pages the PDF export holds, and that whatever does not
// fit is ignored.
#include "BoardOps.h"
#include "whiteboard/BoardModel.h"
#include "whiteboard/PageImage.h"

#include <QSignalSpy>
#include <QTest>

#include <random>

using namespace consult::board;
using namespace consult::board::test;
namespace wire = consult::wire;

namespace {

constexpr auto kAdvisor = wire::PARTY_ADVISOR;
constexpr auto kCustomer = wire::PARTY_CUSTOMER;
const PageKey kPage{1, 0};
const PageKey kOtherPage{1, 1};

wire::BoardAnnotate annotateDraw(quint32 clientOpId, const wire::BoardShape &shape)
{
    wire::BoardAnnotate annotate;
    annotate.set_consultation_id("c1");
    annotate.set_document_id(kPage.document);
    annotate.set_page_index(kPage.page);
    annotate.set_client_op_id(clientOpId);
    *annotate.mutable_draw() = shape;
    return annotate;
}

wire::BoardAnnotate annotateExtend(quint32 clientOpId, quint32 strokeClientOpId, std::initializer_list<quint32> points)
{
    wire::BoardAnnotate annotate = annotateDraw(clientOpId, {});
    annotate.mutable_extend()->set_stroke_client_op_id(strokeClientOpId);
    for (const quint32 point : points)
        annotate.mutable_extend()->add_points(point);
    return annotate;
}

wire::BoardAnnotate annotateUndo(quint32 clientOpId, quint64 target)
{
    wire::BoardAnnotate annotate = annotateDraw(clientOpId, {});
    annotate.set_undo(target);
    return annotate;
}

wire::BoardAnnotate annotateErase(quint32 clientOpId, quint64 target)
{
    wire::BoardAnnotate annotate = annotateDraw(clientOpId, {});
    annotate.mutable_erase()->add_orders(target);
    return annotate;
}

} // namespace

class TestBoardModel final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<BoardModel> m_model;

private slots:
    void init()
    {
        m_model = std::make_unique<BoardModel>();
        m_model->setSelf(kAdvisor);
        QVERIFY(m_model->addDocument(document(1, 3)));
    }

    void drawsMakeThePictureInTheServersOrder()
    {
        QVERIFY(m_model->applyOperation(draw(1, kAdvisor, 1, kPage, pen({10, 10, 20, 20}))));
        QVERIFY(m_model->applyOperation(draw(2, kCustomer, 1, kPage, shape(wire::BOARD_TOOL_ARROW, {1, 1, 9, 9}))));
        QVERIFY(m_model->applyOperation(draw(3, kAdvisor, 2, kOtherPage, pen({5, 5}))));
        QCOMPARE(orders(m_model->annotations(kPage)), (QList<quint64>{1, 2}));
        QCOMPARE(orders(m_model->annotations(kOtherPage)), (QList<quint64>{3}));
        QCOMPARE(m_model->annotations(kPage).at(1).author, kCustomer);
        QCOMPARE(m_model->lastOrder(), 3u);
    }

    void everyToolIsKeptAsDrawn_data()
    {
        QTest::addColumn<int>("tool");
        QTest::addColumn<QList<quint32>>("points");
        QTest::newRow("pen") << int(wire::BOARD_TOOL_PEN) << QList<quint32>{1, 2, 3, 4, 5, 6};
        QTest::newRow("highlighter") << int(wire::BOARD_TOOL_HIGHLIGHTER) << QList<quint32>{100, 100, 900, 100};
        QTest::newRow("arrow") << int(wire::BOARD_TOOL_ARROW) << QList<quint32>{0, 0, 10000, 10000};
        QTest::newRow("rectangle") << int(wire::BOARD_TOOL_RECTANGLE) << QList<quint32>{10, 10, 500, 700};
    }
    void everyToolIsKeptAsDrawn()
    {
        QFETCH(int, tool);
        QFETCH(QList<quint32>, points);
        wire::BoardShape drawn;
        drawn.set_tool(wire::BoardTool(tool));
        drawn.set_color(0x123456);
        drawn.set_width(7);
        for (const quint32 point : points)
            drawn.add_points(point);
        QVERIFY(m_model->applyOperation(draw(1, kAdvisor, 1, kPage, drawn)));
        const QList<Annotation> picture = m_model->annotations(kPage);
        QCOMPARE(picture.size(), 1);
        QCOMPARE(picture[0].shape.SerializeAsString(), drawn.SerializeAsString());
    }

    void textIsKeptAsPlainText()
    {
        QVERIFY(m_model->applyOperation(draw(1, kCustomer, 1, kPage, text(100, 100, "<b>Zins</b> 3 %"))));
        QCOMPARE(m_model->annotations(kPage).at(0).shape.text(), std::string("<b>Zins</b> 3 %"));
    }

    void extendsAppendTheirPointsToTheStroke()
    {
        QVERIFY(m_model->applyOperation(draw(1, kCustomer, 7, kPage, pen({10, 10}))));
        QVERIFY(m_model->applyOperation(draw(2, kAdvisor, 1, kPage, pen({50, 50}))));
        QVERIFY(m_model->applyOperation(extend(3, kCustomer, 8, kPage, 1, {20, 20, 30, 30})));
        QVERIFY(m_model->applyOperation(extend(4, kCustomer, 9, kPage, 1, {40, 40}, true)));
        const QList<Annotation> picture = m_model->annotations(kPage);
        QCOMPARE(orders(picture), (QList<quint64>{1, 2}));
        QCOMPARE(picture[0].shape.points_size(), 8);
        QCOMPARE(picture[0].shape.points(6), 40u);
    }

    void extendsAfterTheStrokeFinishedAreIgnored()
    {
        QVERIFY(m_model->applyOperation(draw(1, kAdvisor, 1, kPage, pen({10, 10}))));
        QVERIFY(m_model->applyOperation(extend(2, kAdvisor, 2, kPage, 1, {20, 20}, true)));
        QVERIFY(!m_model->applyOperation(extend(3, kAdvisor, 3, kPage, 1, {30, 30})));
        QCOMPARE(m_model->annotations(kPage).at(0).shape.points_size(), 4);
    }

    void extendsThatDoNotFitAreIgnored()
    {
        QVERIFY(m_model->applyOperation(draw(1, kAdvisor, 1, kPage, pen({10, 10}))));
        QVERIFY(m_model->applyOperation(draw(2, kAdvisor, 2, kPage, shape(wire::BOARD_TOOL_ARROW, {1, 1, 2, 2}))));
        QVERIFY(!m_model->applyOperation(extend(3, kCustomer, 1, kPage, 1, {20, 20})));     // not the author
        QVERIFY(!m_model->applyOperation(extend(3, kAdvisor, 3, kOtherPage, 1, {20, 20}))); // another page
        QVERIFY(!m_model->applyOperation(extend(3, kAdvisor, 3, kPage, 2, {20, 20})));      // not a stroke
        QVERIFY(!m_model->applyOperation(extend(3, kAdvisor, 3, kPage, 99, {20, 20})));     // no such stroke
        QVERIFY(!m_model->applyOperation(extend(3, kAdvisor, 3, kPage, 1, {20})));          // half a point
        QVERIFY(!m_model->applyOperation(extend(3, kAdvisor, 3, kPage, 1, {20, 10001})));   // off the page
        QCOMPARE(m_model->annotations(kPage).at(0).shape.points_size(), 2);
    }

    void eraseHidesItsTargetsOfEitherAuthor()
    {
        QVERIFY(m_model->applyOperation(draw(1, kAdvisor, 1, kPage, pen({10, 10}))));
        QVERIFY(m_model->applyOperation(draw(2, kCustomer, 1, kPage, pen({20, 20}))));
        QVERIFY(m_model->applyOperation(draw(3, kAdvisor, 2, kPage, pen({30, 30}))));
        QVERIFY(m_model->applyOperation(erase(4, kCustomer, 2, kPage, {1, 3})));
        QCOMPARE(orders(m_model->annotations(kPage)), (QList<quint64>{2}));
    }

    void undoOfAnEraseBringsItsTargetsBack()
    {
        QVERIFY(m_model->applyOperation(draw(1, kAdvisor, 1, kPage, pen({10, 10}))));
        QVERIFY(m_model->applyOperation(draw(2, kAdvisor, 2, kPage, pen({20, 20}))));
        QVERIFY(m_model->applyOperation(erase(3, kCustomer, 1, kPage, {1})));
        QCOMPARE(orders(m_model->annotations(kPage)), (QList<quint64>{2}));
        QVERIFY(m_model->applyOperation(undo(4, kCustomer, 2, kPage, 3)));
        QCOMPARE(orders(m_model->annotations(kPage)), (QList<quint64>{1, 2}));
    }

    void undoTakesBackADrawAndRedoRestoresItAfterAnUnrelatedOperation()
    {
        QVERIFY(m_model->applyOperation(draw(1, kAdvisor, 1, kPage, pen({10, 10}))));
        QVERIFY(m_model->applyOperation(undo(2, kAdvisor, 2, kPage, 1)));
        QVERIFY(m_model->annotations(kPage).isEmpty());
        QVERIFY(m_model->applyOperation(draw(3, kCustomer, 1, kPage, pen({20, 20}))));
        QVERIFY(m_model->applyOperation(redo(4, kAdvisor, 3, kPage, 1)));
        QCOMPARE(orders(m_model->annotations(kPage)), (QList<quint64>{1, 3}));
    }

    void onlyTheAuthorCanTakeBackAndOnlyWhatIsInTheOtherState()
    {
        QVERIFY(m_model->applyOperation(draw(1, kAdvisor, 1, kPage, pen({10, 10}))));
        QVERIFY(!m_model->applyOperation(undo(2, kCustomer, 1, kPage, 1))); // someone else's
        QVERIFY(!m_model->applyOperation(redo(2, kAdvisor, 2, kPage, 1)));  // was never taken back
        QVERIFY(m_model->applyOperation(undo(2, kAdvisor, 2, kPage, 1)));
        QVERIFY(!m_model->applyOperation(undo(3, kAdvisor, 3, kPage, 1))); // already taken back
        QVERIFY(!m_model->applyOperation(undo(3, kAdvisor, 3, kPage, 2))); // an undo is not undone
        QVERIFY(m_model->annotations(kPage).isEmpty());
    }

    void clearPageHidesWhatCameBeforeItAndUndoBringsItBack()
    {
        QVERIFY(m_model->applyOperation(draw(1, kAdvisor, 1, kPage, pen({10, 10}))));
        QVERIFY(m_model->applyOperation(draw(2, kCustomer, 1, kPage, pen({20, 20}))));
        QVERIFY(m_model->applyOperation(draw(3, kCustomer, 2, kOtherPage, pen({20, 20}))));
        QVERIFY(m_model->applyOperation(clear(4, kAdvisor, 2, kPage)));
        QVERIFY(m_model->applyOperation(draw(5, kCustomer, 3, kPage, pen({30, 30}))));
        QCOMPARE(orders(m_model->annotations(kPage)), (QList<quint64>{5}));
        QCOMPARE(orders(m_model->annotations(kOtherPage)), (QList<quint64>{3}));
        QVERIFY(m_model->applyOperation(undo(6, kAdvisor, 3, kPage, 4)));
        QCOMPARE(orders(m_model->annotations(kPage)), (QList<quint64>{1, 2, 5}));
    }

    void anUndoneDrawStaysHiddenWhenTheEraseOfItIsUndone()
    {
        QVERIFY(m_model->applyOperation(draw(1, kAdvisor, 1, kPage, pen({10, 10}))));
        QVERIFY(m_model->applyOperation(erase(2, kCustomer, 1, kPage, {1})));
        QVERIFY(m_model->applyOperation(undo(3, kAdvisor, 2, kPage, 1)));
        QVERIFY(m_model->applyOperation(undo(4, kCustomer, 2, kPage, 2)));
        QVERIFY(m_model->annotations(kPage).isEmpty());
        QVERIFY(m_model->applyOperation(redo(5, kAdvisor, 3, kPage, 1)));
        QCOMPARE(orders(m_model->annotations(kPage)), (QList<quint64>{1}));
    }

    void operationsOnUnknownPagesAreIgnored()
    {
        QSignalSpy changed(m_model.get(), &BoardModel::annotationsChanged);
        QVERIFY(!m_model->applyOperation(draw(1, kAdvisor, 1, PageKey{2, 0}, pen({10, 10}))));
        QVERIFY(!m_model->applyOperation(draw(1, kAdvisor, 1, PageKey{1, 3}, pen({10, 10}))));
        QVERIFY(!m_model->applyOperation(clear(1, kAdvisor, 1, PageKey{0, 0})));
        QVERIFY(m_model->annotations(PageKey{2, 0}).isEmpty());
        QVERIFY(m_model->annotations(PageKey{1, 3}).isEmpty());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(m_model->lastOrder(), 0u);
    }

    void malformedOrRepeatedOperationsAreIgnored()
    {
        QVERIFY(m_model->applyOperation(draw(5, kAdvisor, 1, kPage, pen({10, 10}))));
        QVERIFY(!m_model->applyOperation(draw(5, kAdvisor, 2, kPage, pen({20, 20})))); // the same order again
        QVERIFY(!m_model->applyOperation(draw(4, kAdvisor, 2, kPage, pen({20, 20})))); // an older one
        QVERIFY(!m_model->applyOperation(draw(6, kAdvisor, 2, kPage, pen({20, 20, 30}))));
        QVERIFY(!m_model->applyOperation(draw(6, kAdvisor, 2, kPage, pen({20, 20}, 0x1000000))));
        QVERIFY(!m_model->applyOperation(draw(6, kAdvisor, 2, kPage, pen({20, 20}, 0xff, 0))));
        QVERIFY(!m_model->applyOperation(draw(6, kAdvisor, 2, kPage, pen({20, 20}, 0xff, 101))));
        QVERIFY(!m_model->applyOperation(draw(6, kAdvisor, 2, kPage, shape(wire::BOARD_TOOL_ARROW, {1, 1}))));
        QVERIFY(!m_model->applyOperation(draw(6, kAdvisor, 2, kPage, shape(wire::BOARD_TOOL_UNSPECIFIED, {1, 1}))));
        QVERIFY(!m_model->applyOperation(draw(6, kAdvisor, 2, kPage, text(1, 1, ""))));
        QVERIFY(!m_model->applyOperation(operation(6, kAdvisor, 2, kPage))); // no action
        QVERIFY(!m_model->applyOperation(erase(6, kAdvisor, 2, kPage, {})));
        QCOMPARE(orders(m_model->annotations(kPage)), (QList<quint64>{5}));
        QCOMPARE(m_model->lastOrder(), 5u);
    }

    void pendingDrawIsShownLastAndConfirmedByItsClientOpId()
    {
        QSignalSpy changed(m_model.get(), &BoardModel::annotationsChanged);
        m_model->addPending(kPage, annotateDraw(4, pen({10, 10})));
        QCOMPARE(changed.count(), 1);
        QVERIFY(m_model->applyOperation(draw(1, kCustomer, 4, kPage, pen({20, 20})))); // the customer's op 4
        QList<Annotation> picture = m_model->annotations(kPage);
        QCOMPARE(picture.size(), 2);
        QCOMPARE(picture[0].order, 1u);
        QVERIFY(picture[1].pending);
        QCOMPARE(picture[1].order, 0u);
        QVERIFY(m_model->applyOperation(draw(2, kAdvisor, 4, kPage, pen({10, 10}))));
        picture = m_model->annotations(kPage);
        QCOMPARE(orders(picture), (QList<quint64>{1, 2}));
        QVERIFY(!picture[1].pending);
    }

    void aConfirmedDrawGoesBelowOurPendingOnes()
    {
        m_model->addPending(kPage, annotateDraw(1, pen({10, 10})));
        m_model->addPending(kPage, annotateDraw(2, pen({20, 20})));
        QCOMPARE(m_model->annotations(kPage).size(), 2);
        QVERIFY(m_model->applyOperation(draw(1, kCustomer, 9, kPage, pen({30, 30}))));
        QVERIFY(m_model->applyOperation(draw(2, kAdvisor, 1, kPage, pen({10, 10}))));
        const QList<Annotation> picture = m_model->annotations(kPage);
        QCOMPARE(orders(picture), (QList<quint64>{1, 2, 0}));
        QCOMPARE(picture[2].clientOpId, 2u);
    }

    void pendingExtendsGrowOurStrokeUntilConfirmed()
    {
        m_model->addPending(kPage, annotateDraw(1, pen({10, 10})));
        m_model->addPending(kPage, annotateExtend(2, 1, {20, 20}));
        QCOMPARE(m_model->annotations(kPage).at(0).shape.points_size(), 4);
        QVERIFY(m_model->applyOperation(draw(1, kAdvisor, 1, kPage, pen({10, 10}))));
        // The server has the draw, the extend is still on its way: the stroke keeps its points.
        QCOMPARE(m_model->annotations(kPage).at(0).shape.points_size(), 4);
        m_model->addPending(kPage, annotateExtend(3, 1, {30, 30}));
        QCOMPARE(m_model->annotations(kPage).at(0).shape.points_size(), 6);
        QVERIFY(m_model->applyOperation(extend(2, kAdvisor, 2, kPage, 1, {20, 20})));
        QVERIFY(m_model->applyOperation(extend(3, kAdvisor, 3, kPage, 1, {30, 30}, true)));
        const QList<Annotation> picture = m_model->annotations(kPage);
        QCOMPARE(picture.size(), 1);
        QCOMPARE(picture[0].shape.points_size(), 6);
        QVERIFY(!picture[0].pending);
    }

    void pendingEraseAndUndoShowAtOnce()
    {
        QVERIFY(m_model->applyOperation(draw(1, kCustomer, 1, kPage, pen({10, 10}))));
        QVERIFY(m_model->applyOperation(draw(2, kAdvisor, 1, kPage, pen({20, 20}))));
        m_model->addPending(kPage, annotateErase(2, 1));
        QCOMPARE(orders(m_model->annotations(kPage)), (QList<quint64>{2}));
        m_model->addPending(kPage, annotateUndo(3, 2));
        QVERIFY(m_model->annotations(kPage).isEmpty());
        m_model->dropPending(2); // the erase was refused
        QCOMPARE(orders(m_model->annotations(kPage)), (QList<quint64>{1}));
    }

    // Found by fuzz_board_model: what the server would refuse is not drawn as if it were accepted.
    void pendingOperationsTheServerWouldRefuseAreNotShown()
    {
        QVERIFY(m_model->applyOperation(draw(1, kCustomer, 1, kPage, pen({10, 10}))));
        QVERIFY(m_model->applyOperation(draw(2, kAdvisor, 5, kPage, shape(wire::BOARD_TOOL_ARROW, {1, 1, 9, 9}))));
        m_model->addPending(kPage, annotateUndo(1, 1));             // the customer's stroke is not ours
        m_model->addPending(kPage, annotateExtend(2, 5, {20, 20})); // an arrow does not grow
        const QList<Annotation> picture = m_model->annotations(kPage);
        QCOMPARE(orders(picture), (QList<quint64>{1, 2}));
        QCOMPARE(picture[1].shape.points_size(), 4);
        QCOMPARE(m_model->redoTarget(kAdvisor), std::nullopt);
        QCOMPARE(m_model->pendingCount(), 2);
    }

    void aRefusedDrawDisappearsWithItsExtends()
    {
        m_model->addPending(kPage, annotateDraw(1, pen({10, 10})));
        m_model->addPending(kPage, annotateExtend(2, 1, {20, 20}));
        m_model->dropPending(1);
        QVERIFY(m_model->annotations(kPage).isEmpty());
        QVERIFY(m_model->applyOperation(draw(1, kAdvisor, 5, kPage, pen({10, 10}))));
        QCOMPARE(m_model->annotations(kPage).at(0).shape.points_size(), 2);
    }

    void undoTargetIsOurLatestOperationStillInEffect()
    {
        QCOMPARE(m_model->undoTarget(kAdvisor), std::nullopt);
        QVERIFY(m_model->applyOperation(draw(1, kAdvisor, 1, kPage, pen({10, 10}))));
        QVERIFY(m_model->applyOperation(draw(2, kAdvisor, 2, kPage, pen({20, 20}))));
        QVERIFY(m_model->applyOperation(draw(3, kCustomer, 1, kPage, pen({30, 30}))));
        QVERIFY(m_model->applyOperation(extend(4, kAdvisor, 3, kPage, 2, {25, 25})));
        QCOMPARE(m_model->undoTarget(kAdvisor), std::optional<quint64>(2));
        QCOMPARE(m_model->undoTarget(kCustomer), std::optional<quint64>(3));
        QVERIFY(m_model->applyOperation(undo(5, kAdvisor, 4, kPage, 2)));
        QCOMPARE(m_model->undoTarget(kAdvisor), std::optional<quint64>(1));
        m_model->addPending(kPage, annotateUndo(5, 1)); // pressed again before the server answered
        QCOMPARE(m_model->undoTarget(kAdvisor), std::nullopt);
    }

    void redoTargetIsTheLatestTakenBackUntilWeDoSomethingNew()
    {
        QVERIFY(m_model->applyOperation(draw(1, kAdvisor, 1, kPage, pen({10, 10}))));
        QVERIFY(m_model->applyOperation(draw(2, kAdvisor, 2, kPage, pen({20, 20}))));
        QCOMPARE(m_model->redoTarget(kAdvisor), std::nullopt);
        QVERIFY(m_model->applyOperation(undo(3, kAdvisor, 3, kPage, 2)));
        QVERIFY(m_model->applyOperation(undo(4, kAdvisor, 4, kPage, 1)));
        QCOMPARE(m_model->redoTarget(kAdvisor), std::optional<quint64>(1));
        QVERIFY(m_model->applyOperation(draw(5, kCustomer, 1, kPage, pen({30, 30})))); // not ours: no matter
        QVERIFY(m_model->applyOperation(redo(6, kAdvisor, 5, kPage, 1)));
        QCOMPARE(m_model->redoTarget(kAdvisor), std::optional<quint64>(2));
        QCOMPARE(m_model->redoTarget(kCustomer), std::nullopt);
        m_model->addPending(kPage, annotateDraw(6, pen({40, 40}))); // something new of ours
        QCOMPARE(m_model->redoTarget(kAdvisor), std::nullopt);
    }

    void theEraserFindsTheTopmostAnnotationUnderIt()
    {
        QVERIFY(m_model->applyOperation(draw(1, kAdvisor, 1, kPage, pen({1000, 5000, 9000, 5000}))));
        QVERIFY(m_model->applyOperation(
            draw(2, kAdvisor, 2, kPage, shape(wire::BOARD_TOOL_RECTANGLE, {4000, 4000, 6000, 6000}))));
        QVERIFY(m_model->applyOperation(draw(3, kCustomer, 1, kPage, text(1000, 1000, "Hier unterschreiben"))));
        QCOMPARE(m_model->annotationAt(kPage, QPoint(2000, 5010), 20), std::optional<quint64>(1));
        QCOMPARE(m_model->annotationAt(kPage, QPoint(4000, 5000), 20), std::optional<quint64>(2)); // on both
        QCOMPARE(m_model->annotationAt(kPage, QPoint(5000, 4500), 20), std::nullopt);              // inside the outline
        QCOMPARE(m_model->annotationAt(kPage, QPoint(2000, 6000), 20), std::nullopt);
        QCOMPARE(m_model->annotationAt(kPage, QPoint(1500, 1150), 20), std::optional<quint64>(3));
        QCOMPARE(m_model->annotationAt(kPage, QPoint(1500, 900), 20), std::nullopt);
        QCOMPARE(m_model->annotationAt(kOtherPage, QPoint(2000, 5000), 20), std::nullopt);
        QVERIFY(m_model->applyOperation(erase(4, kAdvisor, 3, kPage, {1})));
        QCOMPARE(m_model->annotationAt(kPage, QPoint(2000, 5010), 20), std::nullopt);
    }

    void markedUpPagesAreTheShownAndTheAnnotatedInOrder()
    {
        QVERIFY(m_model->addDocument(document(2, 2)));
        QVERIFY(m_model->showPage(PageKey{2, 1}));
        QVERIFY(m_model->applyOperation(draw(1, kAdvisor, 1, PageKey{1, 2}, pen({10, 10}))));
        QVERIFY(m_model->applyOperation(draw(2, kAdvisor, 2, PageKey{1, 1}, pen({10, 10}))));
        QVERIFY(m_model->applyOperation(undo(3, kAdvisor, 3, PageKey{1, 1}, 2)));
        QCOMPARE(m_model->markedUpPages(), (QList<PageKey>{PageKey{1, 2}, PageKey{2, 1}}));
        QVERIFY(!m_model->showPage(PageKey{3, 0}));
        QCOMPARE(m_model->shownPage(), (PageKey{2, 1}));
    }

    void documentsAndImagesThatDoNotFitAreIgnored()
    {
        QVERIFY(!m_model->addDocument(document(1, 2))); // the id is taken
        QVERIFY(!m_model->addDocument(document(0, 2))); // no id
        QVERIFY(!m_model->addDocument(document(5, 0))); // no pages
        QVERIFY(!m_model->addDocument(document(5, 1, QSize(4097, 10))));
        QVERIFY(!m_model->setPageImage(kPage, QImage(10, 10, QImage::Format_RGB32)));
        QVERIFY(!m_model->setPageImage(PageKey{9, 0}, QImage(800, 600, QImage::Format_RGB32)));
        QSignalSpy arrived(m_model.get(), &BoardModel::pageImageArrived);
        QImage image(800, 600, QImage::Format_RGB32);
        image.fill(Qt::white);
        QVERIFY(m_model->setPageImage(kPage, image));
        QCOMPARE(arrived.count(), 1);
        QVERIFY(m_model->hasPageImage(kPage));
        QCOMPARE(m_model->documents().size(), 1);
    }

    void aPreviewIsShownUntilThePageImageReplacesIt()
    {
        const QSize size(1448, 2048);
        QVERIFY(m_model->addDocument(document(2, 1, size)));
        const PageKey page{2, 0};
        QSignalSpy arrived(m_model.get(), &BoardModel::pageImageArrived);
        QImage preview(previewSize(size), QImage::Format_RGB32);
        preview.fill(Qt::gray);
        QImage full(size, QImage::Format_RGB32);
        full.fill(Qt::white);
        QVERIFY(!m_model->setPagePreview(page, full)); // a preview has the preview's size
        QImage small(800, 600, QImage::Format_RGB32);
        small.fill(Qt::white);
        QVERIFY(!m_model->setPagePreview(kPage, small)); // a page of 800 x 600 has no preview
        QVERIFY(!m_model->hasPageImage(page));

        QVERIFY(m_model->setPagePreview(page, preview));
        QVERIFY(m_model->hasPageImage(page));
        QVERIFY(m_model->isPreview(page));
        QCOMPARE(m_model->pageImage(page).size(), QSize(724, 1024));
        QVERIFY(m_model->setPageImage(page, full));
        QVERIFY(!m_model->isPreview(page));
        QCOMPARE(m_model->pageImage(page), full);
        // A preview that comes late never replaces the page image.
        QVERIFY(!m_model->setPagePreview(page, preview));
        QCOMPARE(m_model->pageImage(page), full);
        QCOMPARE(arrived.count(), 2);
    }

    void aPointerOffTheBoardIsNotShown()
    {
        QSignalSpy moved(m_model.get(), &BoardModel::pointerChanged);
        m_model->setPointer(kCustomer, Pointer{kPage, QPoint(5000, 5000), true});
        QVERIFY(m_model->pointer(kCustomer).visible);
        QVERIFY(!m_model->pointer(kAdvisor).visible);
        m_model->setPointer(kCustomer, Pointer{PageKey{7, 0}, QPoint(5000, 5000), true});
        QVERIFY(!m_model->pointer(kCustomer).visible);
        m_model->setPointer(kAdvisor, Pointer{kPage, QPoint(10001, 5), true});
        QVERIFY(!m_model->pointer(kAdvisor).visible);
        QCOMPARE(moved.count(), 3);
    }

    void aSnapshotReplacesEverythingAndKeepsWhatIsStillOnItsWay()
    {
        QVERIFY(m_model->applyOperation(draw(1, kAdvisor, 1, kPage, pen({10, 10}))));
        m_model->addPending(kPage, annotateDraw(2, pen({20, 20})));
        m_model->addPending(kPage, annotateDraw(3, pen({30, 30})));
        QSignalSpy reset(m_model.get(), &BoardModel::reset);
        wire::BoardOperation stroke = draw(1, kAdvisor, 2, kPage, pen({20, 20, 25, 25}));
        m_model->applySnapshot({document(1, 3)}, kOtherPage, true,
                               {stroke, draw(2, kCustomer, 1, kPage, pen({40, 40}))});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m_model->shownPage(), kOtherPage);
        QVERIFY(m_model->customerMayDraw());
        QCOMPARE(m_model->lastOrder(), 2u);
        const QList<Annotation> picture = m_model->annotations(kPage);
        QCOMPARE(orders(picture), (QList<quint64>{1, 2, 0}));
        QCOMPARE(picture[0].shape.points_size(), 4);
        QCOMPARE(picture[2].clientOpId, 3u);
        // A stroke merged in the snapshot may still grow.
        QVERIFY(m_model->applyOperation(extend(3, kAdvisor, 4, kPage, 1, {30, 30})));
        QCOMPARE(m_model->annotations(kPage).at(0).shape.points_size(), 6);
    }

    void ourExtendsOfAStrokeInASnapshotAreNotDrawnTwice()
    {
        m_model->addPending(kPage, annotateDraw(1, pen({10, 10})));
        m_model->addPending(kPage, annotateExtend(2, 1, {20, 20}));
        m_model->addPending(kPage, annotateExtend(3, 1, {30, 30}));
        // The server had ordered the draw and the first extend, merged in the snapshot.
        m_model->applySnapshot({document(1, 3)}, kPage, false, {draw(1, kAdvisor, 1, kPage, pen({10, 10, 20, 20}))});
        QCOMPARE(m_model->annotations(kPage).at(0).shape.points_size(), 4);
        QCOMPARE(m_model->pendingCount(), 0);
        // The second extend was still on its way and arrives as an operation.
        QVERIFY(m_model->applyOperation(extend(2, kAdvisor, 3, kPage, 1, {30, 30})));
        QCOMPARE(m_model->annotations(kPage).at(0).shape.points_size(), 6);
    }

    // The picture kept up to date operation by operation equals the one computed from scratch.
    void theIncrementalPictureEqualsAFreshFold()
    {
        std::mt19937 random(11);
        QList<wire::BoardOperation> applied;
        QList<quint64> draws;
        quint64 order = 0;
        quint32 clientOpId = 0;
        for (int step = 0; step < 600; ++step) {
            const wire::Party author = random() % 2 ? kAdvisor : kCustomer;
            const PageKey page = random() % 4 ? kPage : kOtherPage;
            wire::BoardOperation op;
            const unsigned kind = random() % 10;
            const quint32 x = random() % 10001;
            if (kind < 4 || draws.isEmpty()) {
                op = draw(++order, author, ++clientOpId, page, pen({x, x}));
            } else if (kind < 7) {
                op = extend(++order, author, ++clientOpId, page, draws[qsizetype(random() % draws.size())], {x, 1});
            } else if (kind == 7) {
                op = erase(++order, author, ++clientOpId, page, {draws[qsizetype(random() % draws.size())]});
            } else if (kind == 8) {
                const quint64 target = 1 + random() % order;
                op = random() % 2 ? undo(++order, author, ++clientOpId, page, target)
                                  : redo(++order, author, ++clientOpId, page, target);
            } else {
                op = random() % 5 ? draw(++order, author, ++clientOpId, page, pen({x, x, x, x}))
                                  : clear(++order, kAdvisor, ++clientOpId, page);
            }
            if (m_model->applyOperation(op)) {
                applied.append(op);
                if (op.has_draw())
                    draws.append(op.order());
            } else {
                --order;
            }
            // Compared after every step, so a stale picture cannot hide behind a later recomputation.
            BoardModel fresh;
            fresh.applySnapshot({document(1, 3)}, {}, false, applied);
            for (const PageKey compared : {kPage, kOtherPage}) {
                const QList<Annotation> incremental = m_model->annotations(compared);
                const QList<Annotation> folded = fresh.annotations(compared);
                QCOMPARE(orders(incremental), orders(folded));
                for (qsizetype i = 0; i < folded.size(); ++i)
                    QCOMPARE(incremental[i].shape.points_size(), folded[i].shape.points_size());
            }
        }
        QVERIFY(applied.size() > 400);
    }
};

QTEST_MAIN(TestBoardModel)
#include "TestBoardModel.moc"
