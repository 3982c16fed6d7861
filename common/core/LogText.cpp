#include "core/LogText.h"

#include <QChar>

#include <algorithm>

namespace consult {
namespace {

constexpr QLatin1StringView kTruncationMarker("[truncated]");

QString hex(char32_t codePoint, int width)
{
    return QString::number(static_cast<uint>(codePoint), 16).toUpper().rightJustified(width, u'0');
}

bool isControl(char32_t codePoint)
{
    return codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F);
}

// Characters a log viewer shows as nothing, or as a line break, or reorders the line around
// (CVE-2021-42574): all format characters, including U+202A-U+202E and U+2066-U+2069.
bool isInvisible(char32_t codePoint)
{
    const QChar::Category category = QChar::category(codePoint);
    return category == QChar::Other_Format || category == QChar::Separator_Line ||
           category == QChar::Separator_Paragraph || QChar::isSurrogate(codePoint);
}

void appendEscaped(QString &out, char32_t codePoint)
{
    switch (codePoint) {
    case u'\\':
        out += QLatin1StringView("\\\\");
        return;
    case u'\r':
        out += QLatin1StringView("\\r");
        return;
    case u'\n':
        out += QLatin1StringView("\\n");
        return;
    case u'\t':
        out += QLatin1StringView("\\t");
        return;
    default:
        break;
    }
    if (isControl(codePoint)) {
        out += QLatin1StringView("\\x") + hex(codePoint, 2);
    } else if (isInvisible(codePoint)) {
        out += QLatin1StringView("\\u{") + hex(codePoint, 4) + u'}';
    } else if (QChar::requiresSurrogates(codePoint)) {
        out += QChar(QChar::highSurrogate(codePoint));
        out += QChar(QChar::lowSurrogate(codePoint));
    } else {
        out += QChar(static_cast<char16_t>(codePoint));
    }
}

} // namespace

QString escapeForLog(const QString &text, qsizetype maxLength)
{
    const qsizetype limit = std::max(maxLength, kTruncationMarker.size());
    const qsizetype roomBeforeMarker = limit - kTruncationMarker.size();
    QString out;
    qsizetype lastCutPoint = 0; // the longest escaped prefix that still leaves room for the marker
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t codePoint = text[i].unicode();
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            codePoint = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        appendEscaped(out, codePoint);
        // Stop as soon as the line is too long: a multi-megabyte field costs no more than 200 units.
        if (out.size() > limit) {
            out.truncate(lastCutPoint);
            return out + kTruncationMarker;
        }
        if (out.size() <= roomBeforeMarker)
            lastCutPoint = out.size();
    }
    return out;
}

} // namespace consult
