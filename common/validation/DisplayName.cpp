#include "validation/DisplayName.h"

#include "validation/CodePoints.h"

#include <QChar>

namespace consult::validation {
namespace {

// Refuse absurd input before normalising it; generous enough for a 100-character name padded with
// whitespace or written with decomposed accents.
constexpr qsizetype kMaxRawUnits = 10 * kMaxNameCodePoints;

constexpr char32_t kTypographicApostrophe = 0x2019;

Result<QString> refuse(const char *code, const QString &message)
{
    return Result<QString>::failure(QString::fromLatin1(code), message);
}

// Hangul fillers are letters (Lo) by category but render as nothing, the classic way to register a
// blank name.
bool isInvisibleLetter(char32_t codePoint)
{
    return codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0;
}

bool isNameLetter(char32_t codePoint)
{
    return QChar::isLetter(codePoint) && !isInvisibleLetter(codePoint);
}

bool isCombiningMark(char32_t codePoint)
{
    return QChar::isMark(codePoint);
}

bool isNamePunctuation(char32_t codePoint)
{
    return codePoint == u' ' || codePoint == u'-' || codePoint == u'.' || codePoint == u'\'';
}

} // namespace

Result<QString> normaliseName(const QString &raw)
{
    if (raw.size() > kMaxRawUnits)
        return refuse("too_long", QStringLiteral("Name exceeds %1 characters").arg(kMaxNameCodePoints));
    if (hasLoneSurrogate(raw))
        return refuse("invalid_encoding", QStringLiteral("Name is not valid UTF-16 (lone surrogate)"));

    QString name;
    bool spacePending = false;
    bool followsLetter = false; // a combining mark is only allowed on a letter (or on its other marks)
    bool hasLetter = false;
    for (char32_t codePoint : codePoints(raw.normalized(QString::NormalizationForm_C))) {
        if (QChar::isSpace(codePoint)) {
            spacePending = !name.isEmpty(); // leading whitespace is dropped, inner runs become one space
            followsLetter = false;
            continue;
        }
        if (codePoint == kTypographicApostrophe)
            codePoint = u'\'';
        const bool letter = isNameLetter(codePoint);
        const bool attachedMark = followsLetter && isCombiningMark(codePoint);
        // I7, I2: everything else, including digits, zero-width and bidi characters, is refused.
        if (!letter && !attachedMark && !isNamePunctuation(codePoint)) {
            return refuse("forbidden_character",
                          QStringLiteral("Character %1 is not allowed in a name").arg(codePointLabel(codePoint)));
        }
        if (spacePending) {
            name.append(u' ');
            spacePending = false;
        }
        appendCodePoint(name, codePoint);
        followsLetter = letter || attachedMark;
        hasLetter = hasLetter || letter;
    }

    if (name.isEmpty())
        return refuse("empty", QStringLiteral("Name is empty"));
    if (!hasLetter)
        return refuse("no_letter", QStringLiteral("Name contains no letter"));
    if (codePointCount(name) > kMaxNameCodePoints)
        return refuse("too_long", QStringLiteral("Name exceeds %1 characters").arg(kMaxNameCodePoints));
    return name;
}

} // namespace consult::validation
