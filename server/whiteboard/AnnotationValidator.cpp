#include "AnnotationValidator.h"

#include "validation/TextNormaliser.h"
#include "whiteboard/PageImage.h"

namespace consult::whiteboard {

namespace {

constexpr int kMaxTextCodePoints = 500;
constexpr quint32 kMaxColor = 0xFFFFFF;
constexpr quint32 kMinWidth = 1;
constexpr quint32 kMaxWidth = 100;
constexpr int kMaxEraseTargets = 100;

// Pairs of page units, each 0..10000; the count is checked by the caller.
std::optional<BoardRefusal> checkPoints(const google::protobuf::RepeatedField<quint32> &points, int maxPairs)
{
    if (points.size() % 2 != 0)
        return BoardRefusal::invalid("points", "points come in x, y pairs");
    if (points.size() / 2 > maxPairs)
        return BoardRefusal::limit("points", "more points than a stroke may have");
    for (const quint32 value : points) {
        if (value > quint32(board::PageLimits::kPageUnits))
            return BoardRefusal::invalid("points", "a point lies outside the page");
    }
    return std::nullopt;
}

std::optional<BoardRefusal> checkShape(wire::BoardShape &shape, const AnnotationLimits &limits)
{
    if (shape.color() > kMaxColor)
        return BoardRefusal::invalid("color", "the colour is not 0xRRGGBB");
    if (shape.width() < kMinWidth || shape.width() > kMaxWidth)
        return BoardRefusal::invalid("width", "the width is outside 1..100");
    const int pairs = shape.points_size() / 2;
    switch (shape.tool()) {
    case wire::BOARD_TOOL_PEN:
    case wire::BOARD_TOOL_HIGHLIGHTER:
        if (auto refusal = checkPoints(shape.points(), limits.maxPoints))
            return refusal;
        if (pairs < 1)
            return BoardRefusal::invalid("points", "a stroke begins with a point");
        break;
    case wire::BOARD_TOOL_ARROW:
    case wire::BOARD_TOOL_RECTANGLE:
        if (auto refusal = checkPoints(shape.points(), 2))
            return refusal->code == wire::ERROR_LIMIT_REACHED
                       ? BoardRefusal::invalid("points", "an arrow or rectangle has two points")
                       : *refusal;
        if (pairs != 2)
            return BoardRefusal::invalid("points", "an arrow or rectangle has two points");
        break;
    case wire::BOARD_TOOL_TEXT: {
        if (shape.points_size() != 2)
            return BoardRefusal::invalid("points", "a text has one point");
        if (auto refusal = checkPoints(shape.points(), 1))
            return refusal;
        // I2: the same normalisation as a chat line (NFC, no controls but \n and \t, no bidi).
        const auto text = validation::normaliseChatText(QString::fromStdString(shape.text()), kMaxTextCodePoints);
        if (!text)
            return BoardRefusal{wire::ERROR_INVALID_INPUT, QStringLiteral("text"), text.problem().message};
        shape.set_text(text.value().toStdString());
        return std::nullopt;
    }
    default:
        return BoardRefusal::invalid("tool", "unknown tool");
    }
    if (!shape.text().empty())
        return BoardRefusal::invalid("text", "only a text annotation has text");
    return std::nullopt;
}

} // namespace

BoardOutcome<wire::BoardAnnotate> validateAnnotation(const wire::BoardAnnotate &annotate, wire::Party author,
                                                     const AnnotationLimits &limits)
{
    wire::BoardAnnotate kept = annotate;
    switch (kept.action_case()) {
    case wire::BoardAnnotate::kDraw:
        if (auto refusal = checkShape(*kept.mutable_draw(), limits))
            return *refusal;
        return kept;
    case wire::BoardAnnotate::kExtend: {
        wire::BoardStrokeMore &extend = *kept.mutable_extend();
        extend.set_stroke_order(0); // the server's to set
        if (auto refusal = checkPoints(extend.points(), limits.maxPoints))
            return *refusal;
        return kept;
    }
    case wire::BoardAnnotate::kErase: {
        const auto &orders = kept.erase().orders();
        if (orders.empty() || orders.size() > kMaxEraseTargets)
            return BoardRefusal::invalid("target", "an erase names 1..100 annotations");
        for (const quint64 order : orders) {
            if (order == 0)
                return BoardRefusal::invalid("target", "an erase names annotations by their order");
        }
        return kept;
    }
    case wire::BoardAnnotate::kUndo:
        if (kept.undo() == 0)
            return BoardRefusal::invalid("target", "an undo names an operation by its order");
        return kept;
    case wire::BoardAnnotate::kRedo:
        if (kept.redo() == 0)
            return BoardRefusal::invalid("target", "a redo names an operation by its order");
        return kept;
    case wire::BoardAnnotate::kClearPage:
        if (author != wire::PARTY_ADVISOR)
            return BoardRefusal::notAllowed("only the advisor clears a page");
        if (!kept.clear_page())
            return BoardRefusal::invalid("action", "clear_page is true or absent");
        return kept;
    case wire::BoardAnnotate::ACTION_NOT_SET:
        break;
    }
    return BoardRefusal::invalid("action", "an annotation has one action");
}

} // namespace consult::whiteboard
