// The customer's transcript (common/transcript): what it shows (lesson 3), that user text stays
// plain text (I3), and that it becomes a file only where the user asks (C4).
#include "CustomerTestMain.h"
#include "transcript/Transcript.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>

using namespace consult;
using namespace consult::testing;

namespace {

TranscriptContent sampleContent()
{
    const QDateTime start(QDate(2026, 3, 12), QTime(10, 15));
    TranscriptContent content;
    content.bankName = QStringLiteral("Sparkasse Teststadt");
    content.title = QStringLiteral("Service-Chat");
    content.advisorName = QStringLiteral("Anna Berger");
    content.customerName = QStringLiteral("Max Müller");
    content.startedAt = start;
    content.endedAt = start.addSecs(17 * 60);
    content.lines = {
        {start, QStringLiteral("Anna Berger"), QStringLiteral("Guten Tag, hier ist Anna Berger. Wie kann ich helfen?")},
        {start.addSecs(60), QStringLiteral("Max Müller"),
         QStringLiteral("Wie hoch ist mein Tageslimit?\nUnd im Ausland?")},
        {start.addSecs(180), QStringLiteral("Anna Berger"), QStringLiteral("1.000 € am Tag, im Ausland ebenso.")},
    };
    return content;
}

// Every fragment of the document, for format checks.
QList<QTextFragment> fragments(const QTextDocument &document)
{
    QList<QTextFragment> all;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it)
            all.append(it.fragment());
    }
    return all;
}

} // namespace

class TestTranscript final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // The app sets the locale with its language (LanguageSwitcher); German is the default.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    }

    void showsBankAdvisorDateAndEveryLineWithTimeAndAuthor()
    {
        const auto document = Transcript::buildDocument(sampleContent());
        const QString text = document->toPlainText();
        for (const QString &expected :
             {QStringLiteral("Sparkasse Teststadt"), QStringLiteral("Gesprächsprotokoll – Service-Chat"),
              QStringLiteral("Beraterin oder Berater: Anna Berger"), QStringLiteral("Kundin oder Kunde: Max Müller"),
              QStringLiteral("12. März 2026"), QStringLiteral("10:15 bis 10:32 Uhr"),
              QStringLiteral("10:16  Max Müller"), QStringLiteral("Wie hoch ist mein Tageslimit?"),
              QStringLiteral("Und im Ausland?"), QStringLiteral("10:18  Anna Berger"),
              QStringLiteral("1.000 € am Tag, im Ausland ebenso.")})
            QVERIFY2(text.contains(expected), qPrintable(expected));
        QCOMPARE(document->metaInformation(QTextDocument::DocumentTitle),
                 QStringLiteral("Gesprächsprotokoll – Service-Chat"));
    }

    void anEmptyChatSaysSo()
    {
        TranscriptContent content = sampleContent();
        content.lines.clear();
        QVERIFY(Transcript::buildDocument(content)->toPlainText().contains(
            QStringLiteral("Im Chat wurden keine Nachrichten geschrieben.")));
    }

    void markupInMessagesAndNamesStaysLiteralText()
    {
        // I3: nothing a participant writes becomes an image, a link or formatting.
        TranscriptContent content = sampleContent();
        const QStringList hostile = {QStringLiteral("<img src=x onerror=alert(1)>"),
                                     QStringLiteral("<a href=\"https://evil.example/\">Hier klicken</a>"),
                                     QStringLiteral("<b>fett</b> **auch fett** [Link](https://evil.example)"),
                                     QStringLiteral("&lt;script&gt; <style>body{display:none}</style>")};
        for (const QString &line : hostile)
            content.lines.append({content.endedAt, QStringLiteral("<i>Mallory</i>"), line});
        content.advisorName = QStringLiteral("<img src=advisor.png>");
        const auto document = Transcript::buildDocument(content);
        const QString text = document->toPlainText();
        for (const QString &line : hostile)
            QVERIFY2(text.contains(line), qPrintable(line));
        QVERIFY(text.contains(QStringLiteral("<i>Mallory</i>")));
        QVERIFY(text.contains(QStringLiteral("<img src=advisor.png>")));
        for (const QTextFragment &fragment : fragments(*document)) {
            QVERIFY2(!fragment.charFormat().isImageFormat(), qPrintable(fragment.text()));
            QVERIFY2(!fragment.charFormat().isAnchor(), qPrintable(fragment.text()));
            QVERIFY(fragment.charFormat().anchorHref().isEmpty());
        }
        QVERIFY(!document->toHtml().contains(QStringLiteral("<img")));
        QVERIFY(!document->toHtml().contains(QStringLiteral("<a href")));
    }

    void thePdfIsWrittenOnlyWhereAskedAndHoldsTheText()
    {
        QTemporaryDir target;
        const QString path = target.filePath(QStringLiteral("protokoll.pdf"));
        const QStringList tempBefore = QDir(QDir::tempPath()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        const auto document = Transcript::buildDocument(sampleContent());
        QVERIFY(Transcript::writePdf(*document, path).ok());
        QCOMPARE(QDir(target.path()).entryList(QDir::Files), QStringList{QStringLiteral("protokoll.pdf")});
        // C4: no temporary copy anywhere else.
        QCOMPARE(QDir(QDir::tempPath()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), tempBefore);
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        const QString text = pdfText(path);
        QVERIFY2(!text.isEmpty(), "pdftotext (poppler-utils) read nothing");
        for (const QString &expected : {QStringLiteral("Sparkasse Teststadt"), QStringLiteral("Anna Berger"),
                                        QStringLiteral("Max Müller"), QStringLiteral("Wie hoch ist mein Tageslimit?"),
                                        QStringLiteral("1.000 € am Tag"), QStringLiteral("10:18")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" missing in:\n") + text));
    }

    void anUnwritablePlaceIsReported()
    {
        const auto document = Transcript::buildDocument(sampleContent());
        const Status status = Transcript::writePdf(*document, QStringLiteral("/nonexistent-directory/protokoll.pdf"));
        QVERIFY(!status.ok());
        QCOMPARE(status.problem().code, QStringLiteral("write_failed"));
        QVERIFY(!Transcript::writePdf(*document, QString()).ok());
    }
};

CUSTOMER_TEST_MAIN(TestTranscript)
#include "TestTranscript.moc"
