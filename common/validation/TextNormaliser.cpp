#include "validation/TextNormaliser.h"

#include "validation/CodePoints.h"

#include <QChar>

#include <algorithm>

namespace consult::validation {
namespace {

// NFC can shrink text (a base letter plus combining marks becomes one code point) and trimming drops
// surrounding whitespace, so the raw length may exceed the limit a little. Four UTF-16 units per
// allowed code point leaves ample room for that while refusing a hostile multi-megabyte frame before
// normalisation spends time on it.
constexpr qsizetype kRawUnitsPerCodePoint = 4;

Result<QString> refuse(const char *code, const QString &message)
{
    return Result<QString>::failure(QString::fromLatin1(code), message);
}

QString withUnixLineBreaks(const QString &text)
{
    QString result = text;
    result.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    result.replace(u'\r', u'\n');
    // Qt's text layout breaks lines at LINE SEPARATOR and PARAGRAPH SEPARATOR too; mapping them keeps
    // "one line break" meaning the same thing for every reader of the stored text.
    result.replace(QChar(0x2028), u'\n');
    result.replace(QChar(0x2029), u'\n');
    return result;
}

bool isInvisible(char32_t codePoint)
{
    return QChar::isSpace(codePoint) || isZeroWidth(codePoint);
}

} // namespace

Result<QString> normaliseChatText(const QString &raw, int maxCodePoints)
{
    const qsizetype limit = std::max(maxCodePoints, 0);
    if (raw.size() > kRawUnitsPerCodePoint * limit)
        return refuse("too_long", QStringLiteral("Text exceeds %1 code points").arg(limit));
    if (hasLoneSurrogate(raw))
        return refuse("invalid_encoding", QStringLiteral("Text is not valid UTF-16 (lone surrogate)"));

    const QString text = withUnixLineBreaks(raw).normalized(QString::NormalizationForm_C).trimmed();
    const QList<char32_t> points = codePoints(text);
    for (const char32_t codePoint : points) {
        // I2: only "\n" and "\t" survive among the control characters.
        if (isControl(codePoint) && codePoint != u'\n' && codePoint != u'\t') {
            return refuse("control_character",
                          QStringLiteral("Control character %1 is not allowed").arg(codePointLabel(codePoint)));
        }
        // I2, CVE-2021-42574: reordering controls make the shown text differ from the stored one.
        if (isBidiControl(codePoint)) {
            return refuse("bidi_control",
                          QStringLiteral("Bidirectional control %1 is not allowed").arg(codePointLabel(codePoint)));
        }
    }
    if (std::all_of(points.cbegin(), points.cend(), isInvisible))
        return refuse("empty", QStringLiteral("Text is empty"));
    if (points.size() > limit)
        return refuse("too_long", QStringLiteral("Text exceeds %1 code points").arg(limit));
    return text;
}

} // namespace consult::validation
