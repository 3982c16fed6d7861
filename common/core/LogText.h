#pragma once

#include <QString>

namespace consult {

// I8: the longest a single untrusted field may make a log line, in UTF-16 units, marker included.
inline constexpr qsizetype kDefaultLogFieldLength = 200;

// Makes an untrusted string (a client's version string, a rejected value's shape, a peer address)
// safe to put into one log line (I8): CR, LF and TAB become \r, \n and \t; other C0 and C1 controls
// and DEL become \xNN; invisible format characters (bidi controls, zero-width characters), line and
// paragraph separators and lone surrogates become \u{NNNN}; a backslash becomes \\ so that an
// escape in the output always means an escape was made. So one event stays one line, and the line
// reads the same in every viewer.
//
// The result is at most maxLength long (never less than the marker): longer text is cut at a
// character boundary and ends with "[truncated]".
//
// This guards the format of the log, not its content: customer data (chat, names, phone numbers)
// must not be logged at all (P1, P7).
QString escapeForLog(const QString &text, qsizetype maxLength = kDefaultLogFieldLength);

} // namespace consult
