#include "BoardState.h"

#include "whiteboard/PageImage.h"

namespace consult::whiteboard {

namespace {

bool isStroke(const wire::BoardShape &shape)
{
    return shape.tool() == wire::BOARD_TOOL_PEN || shape.tool() == wire::BOARD_TOOL_HIGHLIGHTER;
}

} // namespace

BoardState::BoardState(std::string consultationId, Limits limits)
    : m_consultationId(std::move(consultationId))
    , m_limits(limits)
{}

std::optional<BoardRefusal> BoardState::addDocument(const wire::BoardDocument &document)
{
    if (document.document_id() == 0)
        return BoardRefusal::invalid("document_id", "documents are numbered from 1");
    for (const wire::BoardDocument &existing : m_documents) {
        if (existing.document_id() == document.document_id())
            return BoardRefusal::invalid("document_id", "a document with this id is open");
    }
    if (static_cast<int>(m_documents.size()) >= m_limits.maxDocuments)
        return BoardRefusal::limit("documents", "the board holds as many documents as it may");
    if (document.pages().empty())
        return BoardRefusal::invalid("pages", "a document has at least one page");
    if (document.pages_size() > m_limits.maxPages)
        return BoardRefusal::limit("pages", "the document has more pages than the board takes");
    for (const wire::BoardPageSize &size : document.pages()) {
        if (size.width() < 1 || size.height() < 1 || size.width() > quint32(board::PageLimits::kMaxSide) ||
            size.height() > quint32(board::PageLimits::kMaxSide))
            return BoardRefusal::invalid("pages", "a page's pixel size is outside 1..4096");
    }
    const auto bytes = static_cast<qint64>(document.ByteSizeLong());
    if (!reserve(bytes))
        return BoardRefusal::limit("board_bytes", "the board holds as many bytes as it may");
    m_documents.push_back(document);
    return std::nullopt;
}

std::optional<wire::BoardPageSize> BoardState::pageSize(PageKey page) const
{
    for (const wire::BoardDocument &document : m_documents) {
        if (document.document_id() == page.documentId) {
            if (page.pageIndex >= quint32(document.pages_size()))
                return std::nullopt;
            return document.pages(static_cast<int>(page.pageIndex));
        }
    }
    return std::nullopt;
}

bool BoardState::reserve(qint64 bytes)
{
    if (bytes < 0 || m_bytes + bytes > m_limits.maxBoardBytes)
        return false;
    m_bytes += bytes;
    return true;
}

void BoardState::release(qint64 bytes)
{
    m_bytes = qMax<qint64>(0, m_bytes - bytes);
}

void BoardState::storePage(PageKey page, StoredPage image)
{
    m_pages.insert_or_assign(page, std::move(image));
}

const StoredPage *BoardState::storedPage(PageKey page) const
{
    const auto it = m_pages.find(page);
    return it == m_pages.end() ? nullptr : &it->second;
}

void BoardState::storePreview(PageKey page, StoredPage image)
{
    m_previews.insert_or_assign(page, std::move(image));
}

const StoredPage *BoardState::storedPreview(PageKey page) const
{
    const auto it = m_previews.find(page);
    return it == m_previews.end() ? nullptr : &it->second;
}

BoardState::Kept *BoardState::keptAt(quint64 order)
{
    if (order == 0 || order > m_operations.size())
        return nullptr;
    return &m_operations[order - 1];
}

std::optional<BoardRefusal> BoardState::checkTarget(wire::Party author, const wire::BoardAnnotate &annotate) const
{
    const auto at = [this](quint64 order) -> const Kept * {
        return order == 0 || order > m_operations.size() ? nullptr : &m_operations[order - 1];
    };
    switch (annotate.action_case()) {
    case wire::BoardAnnotate::kErase:
        for (const quint64 order : annotate.erase().orders()) {
            const Kept *target = at(order);
            if (!target || !target->operation.has_draw() || target->operation.document_id() != annotate.document_id() ||
                target->operation.page_index() != annotate.page_index())
                return BoardRefusal::invalid("target", "an erase names annotations drawn on its page");
        }
        return std::nullopt;
    case wire::BoardAnnotate::kUndo: {
        const Kept *target = at(annotate.undo());
        if (!target || target->operation.author() != author || target->undone ||
            !(target->operation.has_draw() || target->operation.has_erase() || target->operation.has_clear_page()))
            return BoardRefusal::invalid("target", "an undo takes back one of the author's own operations");
        return std::nullopt;
    }
    case wire::BoardAnnotate::kRedo: {
        const Kept *target = at(annotate.redo());
        if (!target || target->operation.author() != author || !target->undone)
            return BoardRefusal::invalid("target", "a redo restores one of the author's own operations taken back");
        return std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

BoardOutcome<wire::BoardOperation> BoardState::apply(wire::Party author, const wire::BoardAnnotate &annotate,
                                                     qint64 nowMs)
{
    if (!hasPage(PageKey{annotate.document_id(), annotate.page_index()}))
        return BoardRefusal::notFound("no such page");

    wire::BoardOperation operation;
    operation.set_consultation_id(m_consultationId);
    operation.set_order(m_operations.size() + 1);
    operation.set_author(author);
    operation.set_client_op_id(annotate.client_op_id());
    operation.set_document_id(annotate.document_id());
    operation.set_page_index(annotate.page_index());
    operation.set_at(nowMs);

    Kept *stroke = nullptr;
    int strokePairs = 0;
    if (annotate.has_extend()) {
        // Only the author's own stroke, still being drawn, on the page it began on.
        const auto it = m_strokes.find({int(author), annotate.extend().stroke_client_op_id()});
        stroke = it == m_strokes.end() ? nullptr : keptAt(it->second);
        if (!stroke || stroke->strokeFinished)
            return BoardRefusal::invalid("target", "an extend continues the author's own unfinished stroke");
        if (stroke->operation.document_id() != annotate.document_id() ||
            stroke->operation.page_index() != annotate.page_index())
            return BoardRefusal::invalid("target", "an extend stays on its stroke's page");
        strokePairs = annotate.extend().points_size() / 2;
        if (stroke->strokePoints + strokePairs > m_limits.maxPoints)
            return BoardRefusal::limit("points", "the stroke has as many points as it may");
        *operation.mutable_extend() = annotate.extend();
        operation.mutable_extend()->set_stroke_order(stroke->operation.order());
    } else {
        if (auto refusal = checkTarget(author, annotate))
            return *refusal;
        if (m_counted >= m_limits.maxOperations)
            return BoardRefusal::limit("annotations", "the board holds as many operations as it may");
        switch (annotate.action_case()) {
        case wire::BoardAnnotate::kDraw:
            *operation.mutable_draw() = annotate.draw();
            break;
        case wire::BoardAnnotate::kErase:
            *operation.mutable_erase() = annotate.erase();
            break;
        case wire::BoardAnnotate::kUndo:
            operation.set_undo(annotate.undo());
            break;
        case wire::BoardAnnotate::kRedo:
            operation.set_redo(annotate.redo());
            break;
        case wire::BoardAnnotate::kClearPage:
            operation.set_clear_page(true);
            break;
        default:
            return BoardRefusal::invalid("action", "an annotation has one action");
        }
    }
    const auto bytes = static_cast<qint64>(operation.ByteSizeLong());
    if (!reserve(bytes))
        return BoardRefusal::limit("board_bytes", "the board holds as many bytes as it may");

    // Accepted: the board changes from here on.
    Kept kept;
    kept.operation = operation;
    if (stroke) {
        stroke->strokePoints += strokePairs;
        stroke->extends.push_back(operation.order());
        stroke->strokeFinished = annotate.extend().finished();
    } else {
        ++m_counted;
        if (annotate.has_draw() && isStroke(annotate.draw())) {
            kept.strokeFinished = false;
            kept.strokePoints = annotate.draw().points_size() / 2;
            m_strokes[{int(author), annotate.client_op_id()}] = operation.order();
        }
        if (annotate.has_undo())
            keptAt(annotate.undo())->undone = true;
        if (annotate.has_redo())
            keptAt(annotate.redo())->undone = false;
    }
    m_operations.push_back(std::move(kept));
    return operation;
}

std::vector<wire::BoardOperation> BoardState::mergedOperations() const
{
    std::vector<wire::BoardOperation> merged;
    merged.reserve(m_operations.size());
    for (const Kept &kept : m_operations) {
        if (kept.operation.has_extend())
            continue; // merged into its draw below
        merged.push_back(kept.operation);
        if (kept.extends.empty())
            continue;
        auto *points = merged.back().mutable_draw()->mutable_points();
        for (const quint64 order : kept.extends) {
            const auto &more = m_operations[order - 1].operation.extend().points();
            points->Add(more.begin(), more.end());
        }
    }
    return merged;
}

} // namespace consult::whiteboard
