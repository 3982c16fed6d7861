#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace consult::validation {

// Character classes shared by the normalisers. Each function names one rule of docs/REQUIREMENTS.md so that a
// change of policy happens in one place.

// I2, CVE-2021-42574 ("Trojan Source"): embeddings, overrides and isolates that reorder what a reader
// sees (U+202A-U+202E, U+2066-U+2069).
bool isBidiControl(char32_t codePoint);

// I2: invisible characters that are harmless in chat (emoji ZWJ sequences) but let two names or file
// names look identical (U+200B-U+200D, U+2060, U+FEFF).
bool isZeroWidth(char32_t codePoint);

// A control character (Unicode category Cc: C0, DEL and C1).
bool isControl(char32_t codePoint);

// True when the UTF-16 text holds a surrogate without its partner, i.e. is not a sequence of
// Unicode scalar values. Qt happily stores such strings; they come from raw UTF-16 input.
bool hasLoneSurrogate(QStringView text);

// Number of code points; a surrogate pair counts once, a lone surrogate counts once as well.
qsizetype codePointCount(QStringView text);

// "U+202E": how messages name a refused character without quoting the text around it (P1).
QString codePointLabel(char32_t codePoint);

// Appends one code point, as a surrogate pair where needed.
void appendCodePoint(QString &text, char32_t codePoint);

// The code points of the text; a lone surrogate is returned as its own value, so callers that refuse
// or drop surrogates can still see it.
QList<char32_t> codePoints(QStringView text);

} // namespace consult::validation
