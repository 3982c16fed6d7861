#pragma once

#include <QByteArray>
#include <QString>

namespace consult::advisor {

// The Mark-of-the-Web for a document the advisor saved from a consultation (U7): Windows keeps it
// in the file's "Zone.Identifier" alternate data stream, and Explorer, Office and Acrobat then open
// the file as one from the internet (protected view) instead of trusting it. The builders are plain
// functions so a test checks them on every platform; write() does something on Windows only. Used
// by the DocumentsPanel after a download was saved; stateless.
class MarkOfTheWeb final
{
public:
    // "<file>:Zone.Identifier", the alternate data stream of `filePath`.
    static QString streamPath(const QString &filePath);
    // "[ZoneTransfer]\r\nZoneId=3\r\n" (3: the internet zone), with "HostUrl=<url>\r\n" when given.
    static QByteArray content(const QString &hostUrl = {});
    // Writes the mark beside the saved file; true when written. Elsewhere than on Windows there is no
    // such stream and nothing is written (true).
    static bool write(const QString &filePath, const QString &hostUrl = {});
};

} // namespace consult::advisor
