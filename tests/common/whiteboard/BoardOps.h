#pragma once

// Builders for the whiteboard's wire messages in tests: documents, shapes and operations as the
// server would send them.
#include "protocol/consult.pb.h"
#include "whiteboard/BoardModel.h"

#include <QList>

#include <initializer_list>

namespace consult::board::test {

inline wire::BoardDocument document(quint32 id, int pages, QSize size = QSize(800, 600))
{
    wire::BoardDocument document;
    document.set_consultation_id("c1");
    document.set_document_id(id);
    document.set_title("Unterlage.pdf");
    for (int i = 0; i < pages; ++i) {
        wire::BoardPageSize *page = document.add_pages();
        page->set_width(quint32(size.width()));
        page->set_height(quint32(size.height()));
    }
    return document;
}

inline wire::BoardShape shape(wire::BoardTool tool, std::initializer_list<quint32> points, quint32 color = 0xff0000,
                              quint32 width = 5)
{
    wire::BoardShape shape;
    shape.set_tool(tool);
    shape.set_color(color);
    shape.set_width(width);
    for (const quint32 point : points)
        shape.add_points(point);
    return shape;
}

inline wire::BoardShape pen(std::initializer_list<quint32> points, quint32 color = 0xff0000, quint32 width = 5)
{
    return shape(wire::BOARD_TOOL_PEN, points, color, width);
}

inline wire::BoardShape text(quint32 x, quint32 y, const char *text, quint32 height = 30)
{
    wire::BoardShape shape = board::test::shape(wire::BOARD_TOOL_TEXT, {x, y}, 0x000000, height);
    shape.set_text(text);
    return shape;
}

inline wire::BoardOperation operation(quint64 order, wire::Party author, quint32 clientOpId, PageKey page)
{
    wire::BoardOperation op;
    op.set_consultation_id("c1");
    op.set_order(order);
    op.set_author(author);
    op.set_client_op_id(clientOpId);
    op.set_document_id(page.document);
    op.set_page_index(page.page);
    return op;
}

inline wire::BoardOperation draw(quint64 order, wire::Party author, quint32 clientOpId, PageKey page,
                                 const wire::BoardShape &shape)
{
    wire::BoardOperation op = operation(order, author, clientOpId, page);
    *op.mutable_draw() = shape;
    return op;
}

inline wire::BoardOperation extend(quint64 order, wire::Party author, quint32 clientOpId, PageKey page,
                                   quint64 strokeOrder, std::initializer_list<quint32> points, bool finished = false)
{
    wire::BoardOperation op = operation(order, author, clientOpId, page);
    op.mutable_extend()->set_stroke_order(strokeOrder);
    for (const quint32 point : points)
        op.mutable_extend()->add_points(point);
    op.mutable_extend()->set_finished(finished);
    return op;
}

inline wire::BoardOperation erase(quint64 order, wire::Party author, quint32 clientOpId, PageKey page,
                                  std::initializer_list<quint64> targets)
{
    wire::BoardOperation op = operation(order, author, clientOpId, page);
    for (const quint64 target : targets)
        op.mutable_erase()->add_orders(target);
    return op;
}

inline wire::BoardOperation undo(quint64 order, wire::Party author, quint32 clientOpId, PageKey page, quint64 target)
{
    wire::BoardOperation op = operation(order, author, clientOpId, page);
    op.set_undo(target);
    return op;
}

inline wire::BoardOperation redo(quint64 order, wire::Party author, quint32 clientOpId, PageKey page, quint64 target)
{
    wire::BoardOperation op = operation(order, author, clientOpId, page);
    op.set_redo(target);
    return op;
}

inline wire::BoardOperation clear(quint64 order, wire::Party author, quint32 clientOpId, PageKey page)
{
    wire::BoardOperation op = operation(order, author, clientOpId, page);
    op.set_clear_page(true);
    return op;
}

inline QList<quint64> orders(const QList<Annotation> &annotations)
{
    QList<quint64> result;
    for (const Annotation &annotation : annotations)
        result.append(annotation.order);
    return result;
}

} // namespace consult::board::test
