#include "MarkOfTheWeb.h"

#include <QtGlobal>

#ifdef Q_OS_WIN
#include <QFile>
#endif

namespace consult::advisor {

QString MarkOfTheWeb::streamPath(const QString &filePath)
{
    return filePath + QStringLiteral(":Zone.Identifier");
}

QByteArray MarkOfTheWeb::content(const QString &hostUrl)
{
    QByteArray text = QByteArrayLiteral("[ZoneTransfer]\r\nZoneId=3\r\n");
    // Only a URL on one line: a line break in it would add keys of its own to the stream.
    if (!hostUrl.isEmpty() && !hostUrl.contains(u'\r') && !hostUrl.contains(u'\n'))
        text += "HostUrl=" + hostUrl.toUtf8() + "\r\n";
    return text;
}

bool MarkOfTheWeb::write(const QString &filePath, const QString &hostUrl)
{
#ifdef Q_OS_WIN
    QFile stream(streamPath(filePath));
    if (!stream.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QByteArray text = content(hostUrl);
    return stream.write(text) == text.size();
#else
    Q_UNUSED(filePath)
    Q_UNUSED(hostUrl)
    return true;
#endif
}

} // namespace consult::advisor
