#include "validation/OrderIntentDetector.h"

#include <QFile>
#include <QTest>

using namespace consult::validation;

namespace {

QString intentName(OrderIntent intent)
{
    switch (intent) {
    case OrderIntent::None:
        return QStringLiteral("None");
    case OrderIntent::Transfer:
        return QStringLiteral("Transfer");
    case OrderIntent::SecuritiesOrder:
        return QStringLiteral("SecuritiesOrder");
    case OrderIntent::CardBlocking:
        return QStringLiteral("CardBlocking");
    }
    return QStringLiteral("?");
}

QStringList corpusLines(const QString &fileName)
{
    QFile file(QStringLiteral(CONSULT_CHAT_CORPUS_DIR "/") + fileName);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QStringList lines;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(u'#'))
            lines.append(trimmed);
    }
    return lines;
}

void addRow(const char *text, const char *intent)
{
    QTest::newRow(text) << QString::fromUtf8(text) << QString::fromLatin1(intent);
}

} // namespace

// C3: messages about binding orders get a hint with the official channel; other messages do not.
class TestOrderIntentDetector final : public QObject
{
    Q_OBJECT
private slots:
    void messagesAboutOrdersAreRecognisedByKind_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("intent");
        // Card blocking: the Sperr-Notruf 116 116.
        addRow("Bitte Karte sperren", "CardBlocking"); // C3's own test
        addRow("Bitte sperren Sie meine Karte!", "CardBlocking");
        addRow("Wie kann ich meine Kreditkarte sperren lassen?", "CardBlocking");
        addRow("Kartensperre bitte sofort", "CardBlocking");
        addRow("Meine Kreditkarte wurde gestohlen.", "CardBlocking");
        addRow("Ich habe meine EC-Karte verloren", "CardBlocking");
        addRow("Meine Girocard ist weg, was soll ich tun?", "CardBlocking");
        addRow("Mir wurde das Portemonnaie geklaut", "CardBlocking");
        addRow("Diebstahl der Sparkassen-Card melden", "CardBlocking");
        addRow("KARTE SPERREN", "CardBlocking");
        addRow("Wie ist die Nummer vom Sperr-Notruf?", "CardBlocking");
        addRow("Meine Karte wurde gestohlen, bitte auch die Überweisung stoppen", "CardBlocking"); // most urgent wins
        // Transfers: Online-Banking or a branch.
        addRow("Ich möchte 500 € an meine Tochter überweisen.", "Transfer");
        addRow("Bitte ueberweisen Sie 200 Euro an meinen Vermieter.", "Transfer");
        addRow("Bitte überweise 50 € an Max", "Transfer");
        addRow("Uberweisung an die Stadtwerke bitte ausführen", "Transfer");
        addRow("SEPA-Überweisung in die Schweiz", "Transfer");
        addRow("Ich habe gestern 300 € überwiesen, ist das angekommen?", "Transfer");
        addRow("Ich möchte einen Dauerauftrag einrichten.", "Transfer");
        addRow("Bitte die Daueraufträge ändern", "Transfer");
        addRow("Bitte die Lastschrift von Vodafone zurückgeben.", "Transfer");
        addRow("Lastschriftrückgabe für die Buchung vom 12.05.", "Transfer");
        addRow("Bitte 1000 € vom Tagesgeld aufs Girokonto umbuchen.", "Transfer");
        // Decision: a question about transfers gets the hint too; it only informs.
        addRow("Wie lange dauert eine Überweisung ins Ausland?", "Transfer");
        // Securities orders: Online-Banking or a branch.
        addRow("Bitte kaufen Sie 10 Aktien von Siemens.", "SecuritiesOrder");
        addRow("Ich möchte meine Wertpapiere verkaufen.", "SecuritiesOrder");
        addRow("Verkaufen Sie bitte 50 Stück BASF.", "SecuritiesOrder");
        addRow("Kauf von ETF-Anteilen über 2.000 €", "SecuritiesOrder");
        addRow("Ich möchte Fondsanteile erwerben.", "SecuritiesOrder");
        addRow("Ich will in Aktien investieren.", "SecuritiesOrder");
        addRow("Bitte eine Limit-Order für SAP bei 180 € aufgeben.", "SecuritiesOrder");
        addRow("Stop-Loss-Order auf Allianz setzen", "SecuritiesOrder");
        addRow("Wertpapierorder für 20 Anteile", "SecuritiesOrder");
        addRow("Wann wird meine Order ausgeführt?", "SecuritiesOrder");
        addRow("Ich möchte Aktien ordern.", "SecuritiesOrder");
        addRow("ETF-Sparplan einrichten, 100 € monatlich", "SecuritiesOrder");
        // Ordinary messages.
        addRow("Ich habe eine Frage zu meinem Kontoauszug", "None");
        addRow("Meine Karte ist gesperrt, warum?", "None"); // unblocking is not the Sperr-Notruf's job
        addRow("Wie kann ich die Sperre meiner Karte aufheben?", "None");
        addRow("Ich möchte ein Auto kaufen, brauche ich einen Kredit?", "None");
        addRow("Was ist eigentlich ein Fonds?", "None");
        addRow("Die Aktie von Siemens ist gestiegen.", "None");
        addRow("Der Ordner mit den Unterlagen ist weg.", "None");
        addRow("Ich habe meine Geduld verloren", "None");
        addRow("Ich bin überwiegend zufrieden.", "None");
        addRow("Die Landkarte vom Ort ist weg", "None");
        addRow("Warum wurde die Lastschrift abgebucht?", "None");
        addRow("Wo finde ich meine IBAN?", "None");
    }
    void messagesAboutOrdersAreRecognisedByKind()
    {
        QFETCH(QString, text);
        QFETCH(QString, intent);
        QCOMPARE(intentName(detectOrderIntent(text)), intent);
        QCOMPARE(looksLikeBindingOrder(text), intent != QStringLiteral("None"));
    }

    void decomposedUmlautsAreMatchedLikeComposedOnes()
    {
        const QString decomposed = QStringLiteral("Bitte u\u0308berweisen Sie 20 €");
        QCOMPARE(detectOrderIntent(decomposed), OrderIntent::Transfer);
    }

    // No threshold: questions about transfers rightly get the hint. The rate is printed so that a
    // change of the rules that floods ordinary chat with hints is seen.
    void ordinaryChatRateIsReported()
    {
        const QStringList lines = corpusLines(QStringLiteral("ordinary-chat-de.txt"));
        QVERIFY2(lines.size() >= 500, qPrintable(QStringLiteral("corpus has %1 lines").arg(lines.size())));
        int hinted = 0;
        for (const QString &line : lines) {
            const OrderIntent intent = detectOrderIntent(line);
            if (intent != OrderIntent::None) {
                ++hinted;
                qInfo().noquote() << intentName(intent) << "hint:" << line;
            }
        }
        qInfo().noquote() << QStringLiteral("order hints: %1 of %2 ordinary lines (%3 %)")
                                 .arg(hinted)
                                 .arg(lines.size())
                                 .arg(100.0 * hinted / lines.size(), 0, 'f', 2);
    }
};

QTEST_GUILESS_MAIN(TestOrderIntentDetector)
#include "TestOrderIntentDetector.moc"
