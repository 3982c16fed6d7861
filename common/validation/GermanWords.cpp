#include "validation/GermanWords.h"

namespace consult::validation {

QString foldGermanWord(QStringView word)
{
    QString folded;
    folded.reserve(word.size() + 4);
    for (const QChar c : word) {
        const QChar lower = c.toCaseFolded();
        switch (lower.unicode()) {
        case 0x00E4:
            folded += QLatin1StringView("ae");
            break;
        case 0x00F6:
            folded += QLatin1StringView("oe");
            break;
        case 0x00FC:
            folded += QLatin1StringView("ue");
            break;
        case 0x00DF:
            folded += QLatin1StringView("ss");
            break;
        case 0x0308: // combining diaeresis of a decomposed umlaut
            if (!folded.isEmpty() && (folded.back() == u'a' || folded.back() == u'o' || folded.back() == u'u'))
                folded += u'e';
            break;
        default:
            folded += lower;
        }
    }
    return folded;
}

} // namespace consult::validation
