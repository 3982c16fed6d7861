// Fuzz target: the annotation validator (I2, I4), which turns a participant's BoardAnnotate into
// what the board keeps, and the board that orders it. The first byte picks the author; the rest is
// a serialised BoardAnnotate. Oracles: no crash; what the validator accepts has every point inside
// the page, an even count within the stroke bound, a width of 1..100, a 0xRRGGBB colour, text only
// on a text annotation and there NFC, at most 500 code points and without controls or bidi
// characters, and a clear_page only from the advisor; validating the accepted result again accepts
// it unchanged; the board either refuses it or gives it the next order.
#include "FuzzText.h"
#include "whiteboard/AnnotationValidator.h"
#include "whiteboard/BoardState.h"

#include <google/protobuf/stubs/logging.h>

using namespace consult;
using namespace consult::fuzz;
using namespace consult::whiteboard;

namespace {

constexpr int kMaxPoints = 64;

void checkShape(const wire::BoardShape &shape)
{
    require(shape.points_size() % 2 == 0 && shape.points_size() / 2 <= kMaxPoints);
    for (const quint32 value : shape.points())
        require(value <= 10000);
    require(shape.width() >= 1 && shape.width() <= 100);
    require(shape.color() <= 0xFFFFFF);
    if (shape.tool() != wire::BOARD_TOOL_TEXT) {
        require(shape.text().empty());
        return;
    }
    const QString text = QString::fromStdString(shape.text());
    require(!text.isEmpty() && isNfc(text) && codePointsOf(text).size() <= 500);
    for (const char32_t codePoint : codePointsOf(text)) {
        require(!isBidiControl(codePoint));
        require(codePoint == U'\n' || codePoint == U'\t' || QChar::category(codePoint) != QChar::Other_Control);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Invalid UTF-8 in a string field is an ordinary refusal here, not worth a log line per input.
    static const bool silenced = (google::protobuf::SetLogHandler(nullptr), true);
    (void)silenced;
    if (size < 1)
        return 0;
    const wire::Party author = (data[0] & 1) ? wire::PARTY_ADVISOR : wire::PARTY_CUSTOMER;
    wire::BoardAnnotate annotate;
    if (!annotate.ParseFromArray(data + 1, static_cast<int>(size - 1)))
        return 0;
    const auto outcome = validateAnnotation(annotate, author, AnnotationLimits{kMaxPoints});
    if (const auto *refusal = std::get_if<BoardRefusal>(&outcome)) {
        require(refusal->code == wire::ERROR_INVALID_INPUT || refusal->code == wire::ERROR_LIMIT_REACHED ||
                refusal->code == wire::ERROR_NOT_ALLOWED);
        return 0;
    }
    const wire::BoardAnnotate &kept = std::get<wire::BoardAnnotate>(outcome);
    require(kept.action_case() == annotate.action_case());
    if (kept.has_draw())
        checkShape(kept.draw());
    if (kept.has_clear_page())
        require(author == wire::PARTY_ADVISOR);
    const auto again = validateAnnotation(kept, author, AnnotationLimits{kMaxPoints});
    require(std::holds_alternative<wire::BoardAnnotate>(again) &&
            std::get<wire::BoardAnnotate>(again).SerializeAsString() == kept.SerializeAsString());

    BoardState board("fuzz", BoardState::Limits{.maxPoints = kMaxPoints});
    wire::BoardDocument document;
    document.set_document_id(kept.document_id() == 0 ? 1 : kept.document_id());
    for (quint32 page = 0; page <= kept.page_index() && page < 3; ++page) {
        auto *pageSize = document.add_pages();
        pageSize->set_width(100);
        pageSize->set_height(100);
    }
    (void)board.addDocument(document);
    const auto applied = board.apply(author, kept, 0);
    if (const auto *operation = std::get_if<wire::BoardOperation>(&applied))
        require(operation->order() == 1 && operation->author() == author);
    return 0;
}
