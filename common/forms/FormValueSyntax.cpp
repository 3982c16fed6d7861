#include "forms/FormValueSyntax.h"

#include <QStringList>

#include <algorithm>

namespace consult::forms {
namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool allDigits(QStringView text)
{
    for (const QChar c : text)
        if (!isAsciiDigit(c))
            return false;
    return true;
}

// "1.234.567" with `separator` "." -> "1234567"; empty when the groups are not 1-3 then threes.
std::optional<QString> ungroup(const QString &text, QChar separator)
{
    const QStringList groups = text.split(separator);
    if (groups.first().isEmpty() || groups.first().size() > 3)
        return std::nullopt;
    QString digits;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        if ((i > 0 && groups[i].size() != 3) || !allDigits(groups[i]))
            return std::nullopt;
        digits += groups[i];
    }
    return digits;
}

struct Split
{
    QString integer;
    QString fraction;
};

Split splitDecimal(const QString &number, bool &negative)
{
    negative = number.startsWith(u'-');
    const QString magnitude = negative ? number.mid(1) : number;
    const qsizetype point = magnitude.indexOf(u'.');
    if (point < 0)
        return Split{magnitude, QString()};
    return Split{magnitude.left(point), magnitude.mid(point + 1)};
}

int compareMagnitudes(const Split &left, const Split &right)
{
    if (left.integer.size() != right.integer.size())
        return left.integer.size() < right.integer.size() ? -1 : 1;
    if (const int order = left.integer.compare(right.integer); order != 0)
        return order < 0 ? -1 : 1;
    const qsizetype width = std::max(left.fraction.size(), right.fraction.size());
    const QString a = left.fraction.leftJustified(width, u'0');
    const QString b = right.fraction.leftJustified(width, u'0');
    const int order = a.compare(b);
    return order < 0 ? -1 : (order > 0 ? 1 : 0);
}

bool isLocalPartCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || isAsciiDigit(c) ||
           QStringView(u"!#$%&'*+/=?^_`{|}~-.").contains(c);
}

bool isDomainLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
        return false;
    for (const QChar c : label)
        if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || isAsciiDigit(c) || c == u'-'))
            return false;
    return true;
}

} // namespace

std::optional<QString> parseDecimal(const QString &text)
{
    QString number = text.trimmed();
    if (number.isEmpty() || number.size() > 2 * kMaxNumberDigits)
        return std::nullopt;
    bool negative = false;
    if (number.startsWith(u'-') || number.startsWith(u'+')) {
        negative = number.startsWith(u'-');
        number.remove(0, 1);
    }
    const qsizetype lastComma = number.lastIndexOf(u',');
    const qsizetype lastDot = number.lastIndexOf(u'.');
    QChar decimal;
    QChar grouping;
    if (lastComma >= 0 && lastDot >= 0) {
        decimal = lastComma > lastDot ? QChar(u',') : QChar(u'.');
        grouping = lastComma > lastDot ? QChar(u'.') : QChar(u',');
    } else if (lastComma >= 0) {
        decimal = number.count(u',') == 1 ? QChar(u',') : QChar();
        grouping = number.count(u',') == 1 ? QChar() : QChar(u',');
    } else if (lastDot >= 0) {
        // "100.000" is a German hundred thousand; "850.00" and "12.5" are decimal points.
        const bool germanGrouping = number.count(u'.') > 1 || number.size() - lastDot - 1 == 3;
        decimal = germanGrouping ? QChar() : QChar(u'.');
        grouping = germanGrouping ? QChar(u'.') : QChar();
    }
    QString integerPart = number;
    QString fraction;
    if (!decimal.isNull()) {
        const qsizetype at = number.lastIndexOf(decimal);
        integerPart = number.left(at);
        fraction = number.mid(at + 1);
        if (fraction.isEmpty() || !allDigits(fraction) || integerPart.contains(decimal))
            return std::nullopt;
    }
    if (integerPart.isEmpty())
        return std::nullopt;
    if (!grouping.isNull() && integerPart.contains(grouping)) {
        const auto digits = ungroup(integerPart, grouping);
        if (!digits)
            return std::nullopt;
        integerPart = *digits;
    }
    if (!allDigits(integerPart) || integerPart.size() + fraction.size() > kMaxNumberDigits)
        return std::nullopt;
    while (integerPart.size() > 1 && integerPart.startsWith(u'0'))
        integerPart.remove(0, 1);
    QString result = integerPart;
    if (!fraction.isEmpty())
        result += u'.' + fraction;
    const bool zero = integerPart == QLatin1StringView("0") &&
                      std::all_of(fraction.begin(), fraction.end(), [](QChar c) { return c == u'0'; });
    if (negative && !zero)
        result.prepend(u'-');
    return result;
}

std::optional<QString> parseCanonicalDecimal(const QString &text)
{
    const bool negative = text.startsWith(u'-');
    const QString magnitude = negative ? text.mid(1) : text;
    const qsizetype point = magnitude.indexOf(u'.');
    const QString integerPart = point < 0 ? magnitude : magnitude.left(point);
    const QString fraction = point < 0 ? QString() : magnitude.mid(point + 1);
    if (integerPart.isEmpty() || !allDigits(integerPart) ||
        (point >= 0 && (fraction.isEmpty() || !allDigits(fraction))))
        return std::nullopt;
    // Made unambiguous, the German reading gives the same number.
    return parseDecimal((negative ? QStringLiteral("-") : QString()) + integerPart +
                        (point < 0 ? QString() : u',' + fraction));
}

int compareDecimals(const QString &left, const QString &right)
{
    bool leftNegative = false;
    bool rightNegative = false;
    const Split a = splitDecimal(left, leftNegative);
    const Split b = splitDecimal(right, rightNegative);
    if (leftNegative != rightNegative)
        return leftNegative ? -1 : 1;
    const int order = compareMagnitudes(a, b);
    return leftNegative ? -order : order;
}

std::optional<QDate> parseDate(const QString &text)
{
    const QString trimmed = text.trimmed();
    QDate date;
    if (trimmed.size() == 10 && trimmed[4] == u'-' && trimmed[7] == u'-')
        date = QDate::fromString(trimmed, QStringLiteral("yyyy-MM-dd"));
    else if (trimmed.contains(u'.'))
        date = QDate::fromString(trimmed, QStringLiteral("d.M.yyyy"));
    if (!date.isValid() || date.year() < 1000 || date.year() > 9999)
        return std::nullopt;
    return date;
}

std::optional<QString> parseEmail(const QString &text)
{
    if (text.isEmpty() || text.size() > 254 || text.count(u'@') != 1)
        return std::nullopt;
    const qsizetype at = text.indexOf(u'@');
    const QString local = text.left(at);
    const QString domain = text.mid(at + 1).toLower();
    if (local.isEmpty() || local.size() > 64 || local.startsWith(u'.') || local.endsWith(u'.') ||
        local.contains(QStringLiteral("..")))
        return std::nullopt;
    for (const QChar c : local)
        if (!isLocalPartCharacter(c))
            return std::nullopt;
    const QStringList labels = domain.split(u'.');
    if (labels.size() < 2)
        return std::nullopt;
    for (const QString &label : labels)
        if (!isDomainLabel(label))
            return std::nullopt;
    const QString &top = labels.last();
    if (top.size() < 2 || allDigits(top))
        return std::nullopt;
    return local + u'@' + domain;
}

} // namespace consult::forms
