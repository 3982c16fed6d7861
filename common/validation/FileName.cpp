#include "validation/FileName.h"

#include "validation/CodePoints.h"

#include <QChar>
#include <QStringList>

#include <algorithm>

namespace consult::validation {
namespace {

// A longer "extension" is more likely part of the name ("Protokoll.vom 3. Mai ...") and is cut with it.
constexpr qsizetype kMaxExtensionBytes = 16;

bool isDropped(char32_t codePoint)
{
    // I2: bidi controls and zero-width characters would let "x\u202Efdp.exe" pose as "xexe.pdf";
    // other format and control characters are invisible or break lines in the same way.
    if (isBidiControl(codePoint) || isZeroWidth(codePoint) || isControl(codePoint))
        return true;
    if (QChar::isSurrogate(codePoint)) // lone: a pair arrives here as one code point
        return true;
    const QChar::Category category = QChar::category(codePoint);
    return category == QChar::Other_Format || category == QChar::Separator_Line ||
           category == QChar::Separator_Paragraph;
}

QString withoutInvisibleCharacters(const QString &raw)
{
    QString result;
    result.reserve(raw.size());
    for (const char32_t codePoint : codePoints(raw)) {
        if (QChar::isSpace(codePoint))
            result.append(u' ');
        else if (!isDropped(codePoint))
            appendCodePoint(result, codePoint);
    }
    return result;
}

QString lastPathComponent(const QString &path)
{
    const qsizetype separator = std::max(path.lastIndexOf(u'/'), path.lastIndexOf(u'\\'));
    return path.mid(separator + 1);
}

// U6: characters Windows forbids in names; ":" would otherwise name an NTFS alternate data stream.
QString withForbiddenCharactersReplaced(QString name)
{
    for (const QChar forbidden : QStringView(u":*?\"<>|"))
        name.replace(forbidden, u'_');
    return name;
}

QString withSingleDots(const QString &name)
{
    QString result;
    result.reserve(name.size());
    for (const QChar character : name) {
        if (character != u'.' || !result.endsWith(u'.'))
            result.append(character);
    }
    return result;
}

// Windows drops trailing dots and spaces when it creates a file, so "a.pdf." would silently become a
// different name there than here.
QString withoutTrailingDotsAndSpaces(QString name)
{
    while (name.endsWith(u'.') || name.endsWith(u' '))
        name.chop(1);
    return name;
}

bool isWindowsDeviceName(const QString &name)
{
    static const QStringList kDeviceNames = [] {
        QStringList names{QStringLiteral("CON"), QStringLiteral("PRN"),    QStringLiteral("AUX"),
                          QStringLiteral("NUL"), QStringLiteral("CONIN$"), QStringLiteral("CONOUT$")};
        // COM0-9 and LPT0-9, plus the superscript digits Windows also treats as device numbers.
        for (const QChar digit : QStringView(u"0123456789\u00B9\u00B2\u00B3"))
            names << QStringLiteral("COM") + digit << QStringLiteral("LPT") + digit;
        return names;
    }();
    // The device is reached whatever follows the first dot ("CON.tar.gz") and despite trailing spaces.
    QString stem = name.section(u'.', 0, 0);
    while (stem.endsWith(u' '))
        stem.chop(1);
    return kDeviceNames.contains(stem, Qt::CaseInsensitive);
}

qsizetype utf8Size(char32_t codePoint)
{
    return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

qsizetype utf8Size(const QString &text)
{
    qsizetype size = 0;
    for (const char32_t codePoint : codePoints(text))
        size += utf8Size(codePoint);
    return size;
}

// Cuts at a code point boundary, so no surrogate pair or UTF-8 sequence is split.
QString leftBytes(const QString &text, qsizetype maxBytes)
{
    QString result;
    qsizetype size = 0;
    for (const char32_t codePoint : codePoints(text)) {
        size += utf8Size(codePoint);
        if (size > maxBytes)
            break;
        appendCodePoint(result, codePoint);
    }
    return result;
}

// U6: at most kMaxFileNameBytes, shortening the stem so that "report.pdf" stays a PDF.
QString fittedToLength(const QString &name)
{
    if (utf8Size(name) <= kMaxFileNameBytes)
        return name;
    const qsizetype dot = name.lastIndexOf(u'.');
    QString extension = dot > 0 ? name.mid(dot) : QString();
    if (utf8Size(extension) > kMaxExtensionBytes)
        extension.clear();
    const QString stem = name.left(name.size() - extension.size());
    return withoutTrailingDotsAndSpaces(leftBytes(stem, kMaxFileNameBytes - utf8Size(extension))) + extension;
}

} // namespace

QString sanitiseFileName(const QString &raw)
{
    // NFC after the removals: dropping a zero-width character can leave a letter and a combining mark
    // side by side, and they must then compose.
    const QString visible = withoutInvisibleCharacters(raw).normalized(QString::NormalizationForm_C);
    QString name = withForbiddenCharactersReplaced(lastPathComponent(visible));
    name = withoutTrailingDotsAndSpaces(withSingleDots(name).trimmed());
    if (name.startsWith(u'.'))
        name[0] = u'_';
    name = fittedToLength(name);
    if (isWindowsDeviceName(name))
        name = fittedToLength(name.prepend(u'_'));
    return name.isEmpty() ? QStringLiteral("document") : name;
}

} // namespace consult::validation
