#pragma once

class QLabel;
class QWidget;

namespace consult {

// A label for text that must never be read as markup (I3): customer names, messages, anything a
// person or the server supplied. Qt's QLabel guesses rich text by default; this one never does.
// `objectName` and `flag` (a boolean property the style sheets select on, e.g. "warning") are optional.
QLabel *plainLabel(QWidget *parent, const char *objectName = nullptr, const char *flag = nullptr, bool wordWrap = true);

} // namespace consult
