#pragma once

#include <QString>
#include <QStringView>

namespace consult::validation {

// A word in the one spelling the keyword lists of C2 and C3 use: case-folded, with umlauts and "ß"
// spelled out ("Überweisung", "UEBERWEISUNG" and "ueberweisung" all become "ueberweisung"), also when
// the umlaut arrives decomposed (u + U+0308).
QString foldGermanWord(QStringView word);

} // namespace consult::validation
