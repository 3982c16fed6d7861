#include "validation/CodePoints.h"

#include <QChar>

namespace consult::validation {

bool isBidiControl(char32_t codePoint)
{
    return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
}

bool isZeroWidth(char32_t codePoint)
{
    return (codePoint >= 0x200B && codePoint <= 0x200D) || codePoint == 0x2060 || codePoint == 0xFEFF;
}

bool isControl(char32_t codePoint)
{
    return QChar::category(codePoint) == QChar::Other_Control;
}

bool hasLoneSurrogate(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar unit = text[i];
        if (unit.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        else if (unit.isSurrogate())
            return true;
    }
    return false;
}

qsizetype codePointCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i, ++count) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
    }
    return count;
}

QString codePointLabel(char32_t codePoint)
{
    return QStringLiteral("U+") + QString::number(static_cast<uint>(codePoint), 16).toUpper().rightJustified(4, u'0');
}

void appendCodePoint(QString &text, char32_t codePoint)
{
    if (QChar::requiresSurrogates(codePoint)) {
        text.append(QChar(QChar::highSurrogate(codePoint)));
        text.append(QChar(QChar::lowSurrogate(codePoint)));
    } else {
        text.append(QChar(static_cast<char16_t>(codePoint)));
    }
}

QList<char32_t> codePoints(QStringView text)
{
    QList<char32_t> result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar unit = text[i];
        if (unit.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            result.append(QChar::surrogateToUcs4(unit, text[i + 1]));
            ++i;
        } else {
            result.append(unit.unicode());
        }
    }
    return result;
}

} // namespace consult::validation
