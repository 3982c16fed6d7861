#include "validation/TextNormaliser.h"

#include <QTest>

using namespace consult::validation;

// I2: chat text is stored, relayed and shown in exactly one form.
class TestTextNormaliser final : public QObject
{
    Q_OBJECT
private slots:
    void acceptedTextIsNormalised_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<int>("maxCodePoints");
        QTest::addColumn<QString>("normalised");

        const auto add = [](const char *name, const QString &raw, const QString &normalised,
                            int maxCodePoints = kMaxChatCodePoints) {
            QTest::newRow(name) << raw << maxCodePoints << normalised;
        };
        add("plain text", QStringLiteral("Guten Tag, ich habe eine Frage."),
            QStringLiteral("Guten Tag, ich habe eine Frage."));
        add("surrounding spaces are trimmed", QStringLiteral("  Hallo  "), QStringLiteral("Hallo"));
        add("surrounding line breaks are trimmed", QStringLiteral("\n\nHallo\n"), QStringLiteral("Hallo"));
        add("surrounding no-break spaces are trimmed", QStringLiteral("\u00A0Hallo\u3000"), QStringLiteral("Hallo"));
        add("CRLF becomes LF", QStringLiteral("Zeile 1\r\nZeile 2"), QStringLiteral("Zeile 1\nZeile 2"));
        add("lone CR becomes LF", QStringLiteral("a\rb"), QStringLiteral("a\nb"));
        add("blank lines survive", QStringLiteral("a\r\n\r\nb"), QStringLiteral("a\n\nb"));
        add("CR CR LF is two breaks", QStringLiteral("a\r\r\nb"), QStringLiteral("a\n\nb"));
        add("line separator becomes LF", QStringLiteral("a\u2028b"), QStringLiteral("a\nb"));
        add("paragraph separator becomes LF", QStringLiteral("a\u2029b"), QStringLiteral("a\nb"));
        add("inner tab is kept", QStringLiteral("Betrag\t100"), QStringLiteral("Betrag\t100"));
        add("decomposed umlaut is composed (NFC)", QStringLiteral("Mu\u0308ller"), QStringLiteral("Müller"));
        add("decomposed acute is composed (NFC)", QStringLiteral("Cafe\u0301"), QStringLiteral("Café"));
        add("Hangul jamo are composed (NFC)", QStringLiteral("\u1100\u1161"), QStringLiteral("\uAC00"));
        add("singleton decomposition (Angstrom sign)", QStringLiteral("\u212B"), QStringLiteral("\u00C5"));
        add("emoji ZWJ sequence keeps its joiners", QStringLiteral("👨\u200D👩\u200D👧"),
            QStringLiteral("👨\u200D👩\u200D👧"));
        add("flag emoji", QStringLiteral("🇩🇪"), QStringLiteral("🇩🇪"));
        add("zero-width non-joiner in Persian is kept", QStringLiteral("می\u200Cخواهم"),
            QStringLiteral("می\u200Cخواهم"));
        add("left-to-right mark is not an override", QStringLiteral("abc\u200Edef"), QStringLiteral("abc\u200Edef"));
        add("right-to-left text", QStringLiteral("שלום עולם"), QStringLiteral("שלום עולם"));
        add("CJK text", QStringLiteral("你好，世界"), QStringLiteral("你好，世界"));
        // I3: markup is text; the clients render it as plain text, the normaliser does not alter it.
        add("markup stays literal", QStringLiteral("<img src=x> & <a href=y>"),
            QStringLiteral("<img src=x> & <a href=y>"));
        add("exactly the limit", QString(kMaxChatCodePoints, u'a'), QString(kMaxChatCodePoints, u'a'));
        // Counted in code points: 4000 emoji are 8000 UTF-16 units.
        add("limit counts code points, not UTF-16 units", QStringLiteral("😀").repeated(kMaxChatCodePoints),
            QStringLiteral("😀").repeated(kMaxChatCodePoints));
        // Counted after NFC: 8000 decomposed code points compose to 4000.
        add("limit applies after composition", QStringLiteral("e\u0301").repeated(kMaxChatCodePoints),
            QStringLiteral("é").repeated(kMaxChatCodePoints));
        add("a custom limit", QStringLiteral("ab"), QStringLiteral("ab"), 2);
    }
    void acceptedTextIsNormalised()
    {
        QFETCH(QString, raw);
        QFETCH(int, maxCodePoints);
        QFETCH(QString, normalised);
        const auto result = normaliseChatText(raw, maxCodePoints);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.problem().code));
        QCOMPARE(result.value(), normalised);
        // Normalised text is a fixed point: relaying it again changes nothing.
        QCOMPARE(normaliseChatText(normalised, maxCodePoints).value(), normalised);
    }

    void forbiddenTextIsRefusedWithItsReason_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<int>("maxCodePoints");
        QTest::addColumn<QString>("code");

        const auto add = [](const char *name, const QString &raw, const char *code,
                            int maxCodePoints = kMaxChatCodePoints) {
            QTest::newRow(name) << raw << maxCodePoints << QString::fromLatin1(code);
        };
        add("empty", QString(), "empty");
        add("only spaces", QStringLiteral("   "), "empty");
        add("only line breaks and tabs", QStringLiteral("\r\n\t\n"), "empty");
        add("only a zero-width space", QStringLiteral("\u200B"), "empty");
        add("only invisible characters", QStringLiteral("\uFEFF \u200D\u2060"), "empty");
        add("one over the limit", QString(kMaxChatCodePoints + 1, u'a'), "too_long");
        add("one emoji over the limit", QStringLiteral("😀").repeated(kMaxChatCodePoints + 1), "too_long");
        add("a hostile frame is refused before any work", QString(1'000'000, u' '), "too_long");
        add("over a custom limit", QStringLiteral("abc"), "too_long", 2);
        add("NUL", QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b"), "control_character");
        add("escape sequence", QStringLiteral("\x1b[2J"), "control_character");
        add("bell", QStringLiteral("ding\a"), "control_character");
        add("backspace", QStringLiteral("abc\b\b\bxyz"), "control_character");
        add("vertical tab", QStringLiteral("a\vb"), "control_character");
        add("form feed", QStringLiteral("a\fb"), "control_character");
        add("DEL", QStringLiteral("a\x7f"), "control_character");
        add("C1 next line U+0085", QStringLiteral("a\u0085b"), "control_character");
        add("C1 CSI U+009B", QStringLiteral("a\u009Bb"), "control_character");
        // I2, CVE-2021-42574 ("Trojan Source"): every embedding, override and isolate.
        add("LRE U+202A", QStringLiteral("a\u202Ab"), "bidi_control");
        add("RLE U+202B", QStringLiteral("a\u202Bb"), "bidi_control");
        add("PDF U+202C", QStringLiteral("a\u202Cb"), "bidi_control");
        add("LRO U+202D", QStringLiteral("a\u202Db"), "bidi_control");
        add("RLO U+202E", QStringLiteral("x\u202Efdp.exe"), "bidi_control");
        add("LRI U+2066", QStringLiteral("a\u2066b"), "bidi_control");
        add("RLI U+2067", QStringLiteral("a\u2067b"), "bidi_control");
        add("FSI U+2068", QStringLiteral("a\u2068b"), "bidi_control");
        add("PDI U+2069", QStringLiteral("a\u2069b"), "bidi_control");
        add("bidi control at the end is not trimmed away", QStringLiteral("Hallo \u202E"), "bidi_control");
        add("lone high surrogate", QStringLiteral("a") + QChar(0xD83D), "invalid_encoding");
        add("lone low surrogate", QChar(0xDE00) + QStringLiteral("a"), "invalid_encoding");
        add("surrogates in the wrong order", QString(QChar(0xDE00)) + QChar(0xD83D), "invalid_encoding");
    }
    void forbiddenTextIsRefusedWithItsReason()
    {
        QFETCH(QString, raw);
        QFETCH(int, maxCodePoints);
        QFETCH(QString, code);
        const auto result = normaliseChatText(raw, maxCodePoints);
        QVERIFY(!result.ok());
        QCOMPARE(result.problem().code, code);
        QVERIFY(!result.problem().message.isEmpty());
    }

    // P1: a refusal reason may reach a log, the refused text must not.
    void aRefusalNeverQuotesTheText()
    {
        const auto result = normaliseChatText(QStringLiteral("CANARY-4711\u202E"));
        QVERIFY(!result.ok());
        QVERIFY(!result.problem().message.contains(QStringLiteral("CANARY")));
    }
};

QTEST_GUILESS_MAIN(TestTextNormaliser)
#include "TestTextNormaliser.moc"
