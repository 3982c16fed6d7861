#pragma once

// Helpers shared by the fuzz targets of common/validation: how fuzz bytes become text, and the
// post-conditions every normalised string must meet.

#include <QChar>
#include <QList>
#include <QString>

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace consult::fuzz {

// The bytes read two ways: as UTF-8 (what arrives in a text frame; invalid sequences become U+FFFD)
// and as raw UTF-16, which also yields lone surrogates and any QChar a buggy or hostile client could
// hand to the Qt APIs directly.
inline QList<QString> textsFrom(const uint8_t *data, size_t size)
{
    QString utf16(static_cast<qsizetype>(size / 2), Qt::Uninitialized);
    std::memcpy(utf16.data(), data, size / 2 * 2);
    return {QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)), utf16};
}

// The oracle failed: let libFuzzer (or the corpus driver) report the input.
inline void require(bool condition)
{
    if (!condition)
        std::abort();
}

inline bool isNfc(const QString &text)
{
    return text == text.normalized(QString::NormalizationForm_C);
}

inline QList<char32_t> codePointsOf(const QString &text)
{
    QList<char32_t> result;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            result.append(QChar::surrogateToUcs4(text[i], text[i + 1]));
            ++i;
        } else {
            result.append(text[i].unicode());
        }
    }
    return result;
}

// I2: bidi embeddings, overrides and isolates.
inline bool isBidiControl(char32_t codePoint)
{
    return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
}

inline bool isZeroWidth(char32_t codePoint)
{
    return (codePoint >= 0x200B && codePoint <= 0x200D) || codePoint == 0x2060 || codePoint == 0xFEFF;
}

} // namespace consult::fuzz
