#pragma once

#include <QFont>
#include <QTextBlockFormat>
#include <QTextCharFormat>

namespace consult::printable {

// The type sizes and spacing of everything the clients print or save for the user (the transcript,
// a form, the customer's summary), in one place so the parts of one summary look alike.
inline constexpr double kBodyPointSize = 10.5;

inline QTextCharFormat textFormat(double pointSize = kBodyPointSize, bool bold = false)
{
    QTextCharFormat format;
    format.setFontPointSize(pointSize);
    format.setFontWeight(bold ? QFont::Bold : QFont::Normal);
    return format;
}

inline QTextBlockFormat blockFormat(double topMargin, double bottomMargin = 0, double leftIndent = 0)
{
    QTextBlockFormat format;
    format.setTopMargin(topMargin);
    format.setBottomMargin(bottomMargin);
    format.setLeftMargin(leftIndent);
    return format;
}

} // namespace consult::printable
