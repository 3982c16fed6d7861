// The Mark-of-the-Web a saved document gets on Windows (U7): the alternate data stream's name and the
// content Explorer and Office read as "from the internet". The builders run on every platform; the
// write itself happens on Windows only and is a no-op elsewhere.
#include "documents/MarkOfTheWeb.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using consult::advisor::MarkOfTheWeb;

class TestMarkOfTheWeb final : public QObject
{
    Q_OBJECT
private slots:
    // U7: the stream sits beside the file's data under the name Windows looks for.
    void theStreamIsTheFilesZoneIdentifier()
    {
        QCOMPARE(MarkOfTheWeb::streamPath(QStringLiteral("C:/Users/anna/Documents/Vertrag.pdf")),
                 QStringLiteral("C:/Users/anna/Documents/Vertrag.pdf:Zone.Identifier"));
        QCOMPARE(MarkOfTheWeb::streamPath(QStringLiteral("Kontoauszug (2).png")),
                 QStringLiteral("Kontoauszug (2).png:Zone.Identifier"));
    }

    // U7: zone 3 is the internet zone (protected view); the lines end in CR LF as Windows writes them.
    void theContentMarksTheInternetZone()
    {
        QCOMPARE(MarkOfTheWeb::content(), QByteArray("[ZoneTransfer]\r\nZoneId=3\r\n"));
    }

    void theServerMayBeNamedAsHostUrl()
    {
        QCOMPARE(MarkOfTheWeb::content(QStringLiteral("https://beratung.bank.example:8443/")),
                 QByteArray("[ZoneTransfer]\r\nZoneId=3\r\nHostUrl=https://beratung.bank.example:8443/\r\n"));
    }

    // A line break in the URL would add keys of its own (e.g. a lower ZoneId): such a URL is left out.
    void aHostUrlWithALineBreakIsLeftOut()
    {
        QCOMPARE(MarkOfTheWeb::content(QStringLiteral("https://x.example/\r\nZoneId=0")),
                 QByteArray("[ZoneTransfer]\r\nZoneId=3\r\n"));
    }

    // Elsewhere than on Windows the saved file stays exactly as it was and nothing is written beside it.
    void writingOutsideWindowsLeavesTheFileAlone()
    {
#ifdef Q_OS_WIN
        QSKIP("On Windows the stream is written; this checks the other platforms.");
#else
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString path = directory.filePath(QStringLiteral("Vertrag.pdf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("%PDF-1.7\n");
        file.close();
        QVERIFY(MarkOfTheWeb::write(path));
        QCOMPARE(QDir(directory.path()).entryList(QDir::Files), QStringList{QStringLiteral("Vertrag.pdf")});
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("%PDF-1.7\n"));
#endif
    }
};

QTEST_GUILESS_MAIN(TestMarkOfTheWeb)
#include "TestMarkOfTheWeb.moc"
