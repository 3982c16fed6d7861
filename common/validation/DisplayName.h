#pragma once

#include "core/Result.h"

#include <QString>

namespace consult::validation {

// I7: the longest name the advisor sees, in code points.
inline constexpr int kMaxNameCodePoints = 100;

// Turns the name a customer types into the form shown to the advisor (I7, I2): NFC, trimmed, runs of
// whitespace (any Unicode white space, also tabs and line breaks) collapsed to one space, and nothing but letters of
// any script (with the combining marks that follow them), space, "-", "." and "'". The typographic apostrophe U+2019
// becomes "'", so "O’Brien" and "O'Brien" are the same name. Zero-width and bidi characters are refused: in a name they
// only serve to make two different customers look alike.
//
// Problem codes: "too_long", "invalid_encoding", "forbidden_character", "empty", "no_letter".
// Messages never quote the name (P7).
Result<QString> normaliseName(const QString &raw);

} // namespace consult::validation
