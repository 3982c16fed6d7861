#pragma once

#include <QString>

namespace consult::validation {

// U6: the longest stored file name, in bytes of UTF-8 (what file systems count).
inline constexpr int kMaxFileNameBytes = 200;

// Turns the name of an uploaded file into display metadata that is safe on every client platform
// (U6, I2). The file itself is stored under a random server-side ID; this name is only shown and
// offered as the default when a user saves the file.
//
// Any path is dropped (both "/" and "\"); control, format (bidi, zero-width) and line-separator
// characters are removed and whitespace becomes a plain space; the result is NFC; ": * ? \" < > |"
// become "_" (":" also defeats NTFS alternate data streams); runs of dots become one dot, so ".."
// never appears; a leading dot becomes "_" (no hidden files); trailing dots and spaces go; Windows
// device names (CON, PRN, AUX, NUL, COM0-9, LPT0-9, also with an extension, any case) get a "_"
// prefix; the name is cut to kMaxFileNameBytes keeping a short extension. Never fails: a name with
// nothing left becomes "document".
QString sanitiseFileName(const QString &raw);

} // namespace consult::validation
