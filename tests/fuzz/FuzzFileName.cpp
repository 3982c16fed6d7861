// Fuzz target: upload file name sanitiser (U6, I2). Oracles: the result is
// never empty, at most 200 bytes of UTF-8, NFC, and never contains "/", "\", "..", ":", another
// character Windows forbids, a control, format (bidi, zero-width) or line-separator character, a lone
// surrogate, a trailing dot or space, or a Windows device name; sanitising it again changes nothing.
#include "FuzzText.h"
#include "validation/FileName.h"

#include <QStringList>

using namespace consult::fuzz;

namespace {

// Kept apart from the sanitiser's own list on purpose: the oracle must not share its mistakes.
bool isDeviceName(const QString &name)
{
    QString stem = name.section(u'.', 0, 0).toUpper();
    while (stem.endsWith(u' '))
        stem.chop(1);
    static const QStringList kFixed{QStringLiteral("CON"), QStringLiteral("PRN"),    QStringLiteral("AUX"),
                                    QStringLiteral("NUL"), QStringLiteral("CONIN$"), QStringLiteral("CONOUT$")};
    if (kFixed.contains(stem))
        return true;
    if (stem.size() != 4 || !(stem.startsWith(QStringLiteral("COM")) || stem.startsWith(QStringLiteral("LPT"))))
        return false;
    const QChar digit = stem[3];
    return (digit >= u'0' && digit <= u'9') || digit == QChar(0xB9) || digit == QChar(0xB2) || digit == QChar(0xB3);
}

void checkFileName(const QString &raw)
{
    const QString name = consult::validation::sanitiseFileName(raw);
    require(!name.isEmpty());
    require(name.toUtf8().size() <= consult::validation::kMaxFileNameBytes);
    require(isNfc(name));
    require(!name.contains(QStringLiteral("..")));
    for (const QChar forbidden : QStringView(u"/\\:*?\"<>|"))
        require(!name.contains(forbidden));
    require(!name.endsWith(u'.') && !name.endsWith(u' '));
    require(!isDeviceName(name));
    for (const char32_t codePoint : codePointsOf(name)) {
        const QChar::Category category = QChar::category(codePoint);
        require(category != QChar::Other_Control && category != QChar::Other_Format &&
                category != QChar::Separator_Line && category != QChar::Separator_Paragraph);
        require(!isBidiControl(codePoint) && !isZeroWidth(codePoint) && !QChar::isSurrogate(codePoint));
    }
    require(consult::validation::sanitiseFileName(name) == name);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (const QString &raw : textsFrom(data, size))
        checkFileName(raw);
    return 0;
}
