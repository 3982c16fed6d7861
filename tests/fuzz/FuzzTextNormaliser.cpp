// Fuzz target: chat text normalisation (I2). Oracles: accepted text is NFC,
// trimmed, within the limit in code points, holds no lone surrogate, no CR, no control character
// other than LF and TAB, no bidi control, and normalising it again changes nothing.
#include "FuzzText.h"
#include "validation/TextNormaliser.h"

using namespace consult::fuzz;

namespace {

void checkNormalised(const QString &raw, int maxCodePoints)
{
    const auto result = consult::validation::normaliseChatText(raw, maxCodePoints);
    if (!result.ok()) {
        require(!result.problem().code.isEmpty());
        return;
    }
    const QString &text = result.value();
    require(!text.isEmpty());
    require(isNfc(text));
    require(text == text.trimmed());
    const QList<char32_t> points = codePointsOf(text);
    require(points.size() <= maxCodePoints);
    for (const char32_t codePoint : points) {
        require(!QChar::isSurrogate(codePoint));
        require(!isBidiControl(codePoint));
        require(QChar::category(codePoint) != QChar::Other_Control || codePoint == u'\n' || codePoint == u'\t');
    }
    const auto again = consult::validation::normaliseChatText(text, maxCodePoints);
    require(again.ok() && again.value() == text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (const QString &raw : textsFrom(data, size)) {
        checkNormalised(raw, consult::validation::kMaxChatCodePoints);
        // A small limit derived from the input reaches the boundary with short inputs too.
        checkNormalised(raw, 1 + static_cast<int>(size % 16));
    }
    return 0;
}
