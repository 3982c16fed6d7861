// Fuzz target: customer name normalisation (I7, I2). Oracles: an accepted name
// is NFC, 1-100 code points, has no leading, trailing or double space, holds at least one letter and
// otherwise only combining marks on letters, space, "-", "." and "'" (so no control, zero-width or
// bidi character), and normalising it again changes nothing.
#include "FuzzText.h"
#include "validation/DisplayName.h"

using namespace consult::fuzz;

namespace {

void checkName(const QString &raw)
{
    const auto result = consult::validation::normaliseName(raw);
    if (!result.ok()) {
        require(!result.problem().code.isEmpty());
        return;
    }
    const QString &name = result.value();
    require(isNfc(name));
    require(!name.startsWith(u' ') && !name.endsWith(u' ') && !name.contains(QStringLiteral("  ")));
    const QList<char32_t> points = codePointsOf(name);
    require(!points.isEmpty() && points.size() <= consult::validation::kMaxNameCodePoints);
    bool hasLetter = false;
    bool previousIsLetterOrMark = false;
    for (const char32_t codePoint : points) {
        const bool letter = QChar::isLetter(codePoint);
        const bool mark = QChar::isMark(codePoint);
        const bool punctuation = codePoint == u' ' || codePoint == u'-' || codePoint == u'.' || codePoint == u'\'';
        require(letter || (mark && previousIsLetterOrMark) || punctuation);
        require(!isZeroWidth(codePoint) && !isBidiControl(codePoint) && !QChar::isSurrogate(codePoint));
        hasLetter = hasLetter || letter;
        previousIsLetterOrMark = letter || (mark && previousIsLetterOrMark);
    }
    require(hasLetter);
    const auto again = consult::validation::normaliseName(name);
    require(again.ok() && again.value() == name);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (const QString &raw : textsFrom(data, size))
        checkName(raw);
    return 0;
}
