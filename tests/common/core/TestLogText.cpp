#include "core/LogText.h"

#include <QTest>

using namespace consult;

// I8: whatever a client sends, the escaped field is one line that shows every character it hides.
class TestLogText final : public QObject
{
    Q_OBJECT
private slots:
    void controlAndInvisibleCharactersAreEscaped_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("escaped");

        QTest::newRow("plain text is unchanged")
            << QStringLiteral("consult-client 1.2.3") << QStringLiteral("consult-client 1.2.3");
        QTest::newRow("umlauts and emoji are unchanged")
            << QStringLiteral("Grüße 👋 你好") << QStringLiteral("Grüße 👋 你好");
        QTest::newRow("empty stays empty") << QString() << QString();
        // I8: the example of the requirement; a forged second event must not start a new line.
        QTest::newRow("I8 CRLF injection") << QStringLiteral("1.0\r\nFAKE 200") << QStringLiteral("1.0\\r\\nFAKE 200");
        QTest::newRow("lone LF") << QStringLiteral("a\nb") << QStringLiteral("a\\nb");
        QTest::newRow("lone CR") << QStringLiteral("a\rb") << QStringLiteral("a\\rb");
        QTest::newRow("tab") << QStringLiteral("a\tb") << QStringLiteral("a\\tb");
        QTest::newRow("NUL") << QString(QChar(u'\0')) << QStringLiteral("\\x00");
        QTest::newRow("ESC starts no terminal sequence")
            << QStringLiteral("\x1b[31mred") << QStringLiteral("\\x1B[31mred");
        QTest::newRow("vertical tab and form feed") << QStringLiteral("\v\f") << QStringLiteral("\\x0B\\x0C");
        QTest::newRow("DEL") << QStringLiteral("a\x7f") << QStringLiteral("a\\x7F");
        QTest::newRow("C1 next line U+0085") << QStringLiteral("a\u0085b") << QStringLiteral("a\\x85b");
        QTest::newRow("C1 CSI U+009B") << QStringLiteral("\u009B") << QStringLiteral("\\x9B");
        QTest::newRow("line separator U+2028") << QStringLiteral("a\u2028b") << QStringLiteral("a\\u{2028}b");
        QTest::newRow("paragraph separator U+2029") << QStringLiteral("a\u2029b") << QStringLiteral("a\\u{2029}b");
        // CVE-2021-42574: a reordered log line reads differently from what it contains.
        QTest::newRow("bidi override U+202E")
            << QStringLiteral("x\u202Efdp.exe") << QStringLiteral("x\\u{202E}fdp.exe");
        QTest::newRow("bidi embedding U+202A") << QStringLiteral("\u202A") << QStringLiteral("\\u{202A}");
        QTest::newRow("bidi isolate U+2066 and U+2069")
            << QStringLiteral("\u2066a\u2069") << QStringLiteral("\\u{2066}a\\u{2069}");
        QTest::newRow("zero-width space") << QStringLiteral("ad\u200Bmin") << QStringLiteral("ad\\u{200B}min");
        QTest::newRow("byte order mark") << QStringLiteral("\uFEFFx") << QStringLiteral("\\u{FEFF}x");
        QTest::newRow("lone high surrogate") << QString(QChar(0xD800)) << QStringLiteral("\\u{D800}");
        QTest::newRow("lone low surrogate") << (QStringLiteral("a") + QChar(0xDC00)) << QStringLiteral("a\\u{DC00}");
        // An escape in the output must always mean an escape was made.
        QTest::newRow("backslash is doubled") << QStringLiteral("C:\\temp\\n") << QStringLiteral("C:\\\\temp\\\\n");
    }
    void controlAndInvisibleCharactersAreEscaped()
    {
        QFETCH(QString, raw);
        QFETCH(QString, escaped);
        QCOMPARE(escapeForLog(raw), escaped);
    }

    void anEscapedFieldIsAlwaysOneLine_data()
    {
        QTest::addColumn<QString>("raw");
        QString everyControl;
        for (char16_t unit = 0; unit < 0x20; ++unit)
            everyControl.append(QChar(unit));
        for (char16_t unit = 0x7F; unit <= 0x9F; ++unit)
            everyControl.append(QChar(unit));
        QTest::newRow("every C0 and C1 control") << everyControl;
        QTest::newRow("I8 CRLF injection") << QStringLiteral("\r\nFAKE 200");
        QTest::newRow("separators") << QStringLiteral("\u2028\u2029\u0085");
    }
    void anEscapedFieldIsAlwaysOneLine()
    {
        QFETCH(QString, raw);
        const QString escaped = escapeForLog(raw, 10'000);
        for (const QChar character : escaped) {
            QVERIFY2(character.unicode() >= 0x20 && character.unicode() != 0x7F, "control character in output");
            QVERIFY(character.category() != QChar::Separator_Line);
            QVERIFY(character.category() != QChar::Separator_Paragraph);
        }
    }

    void longTextIsCutWithAMarker_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<qsizetype>("maxLength");
        QTest::addColumn<QString>("escaped");

        QTest::newRow("exactly the limit is kept") << QString(200, u'a') << qsizetype{200} << QString(200, u'a');
        QTest::newRow("one over the limit is cut")
            << QString(201, u'a') << qsizetype{200} << QString(189, u'a') + QStringLiteral("[truncated]");
        QTest::newRow("a custom limit") << QStringLiteral("abcdefghijklmnopqrstuvwxyz") << qsizetype{15}
                                        << QStringLiteral("abcd[truncated]");
        // The escapes count against the limit and are never cut in half.
        QTest::newRow("an escape is not split")
            << QStringLiteral("abc\n\n\n\n\n\n\n") << qsizetype{16} << QStringLiteral("abc\\n[truncated]");
        QTest::newRow("a surrogate pair is not split") << (QStringLiteral("abc") + QStringLiteral("👋").repeated(10))
                                                       << qsizetype{16} << QStringLiteral("abc👋[truncated]");
        QTest::newRow("a limit below the marker still leaves the marker")
            << QString(50, u'a') << qsizetype{3} << QStringLiteral("[truncated]");
    }
    void longTextIsCutWithAMarker()
    {
        QFETCH(QString, raw);
        QFETCH(qsizetype, maxLength);
        QFETCH(QString, escaped);
        QCOMPARE(escapeForLog(raw, maxLength), escaped);
    }

    void theDefaultLimitIsTwoHundred()
    {
        const QString escaped = escapeForLog(QString(1'000'000, u'\n'));
        QCOMPARE(escaped.size(), 199); // 94 escapes of two units, then the 11-unit marker
        QVERIFY(escaped.endsWith(QStringLiteral("[truncated]")));
        QCOMPARE(escapeForLog(QString(kDefaultLogFieldLength, u'x')), QString(kDefaultLogFieldLength, u'x'));
    }
};

QTEST_GUILESS_MAIN(TestLogText)
#include "TestLogText.moc"
