#include "validation/DisplayName.h"

#include <QTest>

using namespace consult::validation;

// I7, I2: the name the advisor sees is letters of any script, space, "-", "." and "'", nothing hidden.
class TestDisplayName final : public QObject
{
    Q_OBJECT
private slots:
    void acceptedNamesAreNormalised_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("normalised");

        const auto add = [](const char *name, const QString &raw, const QString &normalised) {
            QTest::newRow(name) << raw << normalised;
        };
        add("simple name", QStringLiteral("Anna Müller"), QStringLiteral("Anna Müller"));
        add("single letter", QStringLiteral("A"), QStringLiteral("A"));
        add("surrounding whitespace is trimmed", QStringLiteral("  Anna Müller \t"), QStringLiteral("Anna Müller"));
        add("inner runs of spaces collapse", QStringLiteral("Anna    Müller"), QStringLiteral("Anna Müller"));
        add("tab becomes a space", QStringLiteral("Anna\tMüller"), QStringLiteral("Anna Müller"));
        add("line break becomes a space", QStringLiteral("Anna\r\nMüller"), QStringLiteral("Anna Müller"));
        add("no-break space becomes a space", QStringLiteral("Anna\u00A0Müller"), QStringLiteral("Anna Müller"));
        add("ideographic space becomes a space", QStringLiteral("Anna\u3000Müller"), QStringLiteral("Anna Müller"));
        add("decomposed umlaut is composed (NFC)", QStringLiteral("Mu\u0308ller"), QStringLiteral("Müller"));
        add("decomposed Vietnamese is composed (NFC)", QStringLiteral("Nguye\u0302\u0303n"), QStringLiteral("Nguyễn"));
        add("ASCII apostrophe", QStringLiteral("O'Brien"), QStringLiteral("O'Brien"));
        add("typographic apostrophe becomes ASCII", QStringLiteral("O\u2019Brien"), QStringLiteral("O'Brien"));
        add("hyphenated first name", QStringLiteral("Jean-Luc Picard"), QStringLiteral("Jean-Luc Picard"));
        add("double surname", QStringLiteral("Müller-Lüdenscheidt"), QStringLiteral("Müller-Lüdenscheidt"));
        add("title with dots", QStringLiteral("Dr. med. Anna Schmidt"), QStringLiteral("Dr. med. Anna Schmidt"));
        add("sharp s", QStringLiteral("Anna Großmann"), QStringLiteral("Anna Großmann"));
        add("Polish", QStringLiteral("Łukasz Żółć"), QStringLiteral("Łukasz Żółć"));
        add("Turkish", QStringLiteral("Işıl Çağlar"), QStringLiteral("Işıl Çağlar"));
        add("Greek", QStringLiteral("Γιώργος Παπαδόπουλος"), QStringLiteral("Γιώργος Παπαδόπουλος"));
        add("Cyrillic", QStringLiteral("Иван Петров"), QStringLiteral("Иван Петров"));
        add("Arabic", QStringLiteral("محمد علي"), QStringLiteral("محمد علي"));
        add("Hebrew", QStringLiteral("דוד כהן"), QStringLiteral("דוד כהן"));
        add("Chinese", QStringLiteral("山田太郎"), QStringLiteral("山田太郎"));
        add("Korean", QStringLiteral("김민준"), QStringLiteral("김민준"));
        // Vowel signs are combining marks (Mc, Mn) that follow their consonant.
        add("Devanagari with vowel signs", QStringLiteral("अनिल कुमार"), QStringLiteral("अनिल कुमार"));
        add("Thai with tone marks", QStringLiteral("สมศักดิ์"), QStringLiteral("สมศักดิ์"));
        add("modifier letter okina", QStringLiteral("Kaʻiulani"), QStringLiteral("Kaʻiulani"));
        add("exactly 100 letters", QString(kMaxNameCodePoints, u'a'), QString(kMaxNameCodePoints, u'a'));
        // Counted in code points: a supplementary-plane ideograph is two UTF-16 units.
        add("100 supplementary letters", QStringLiteral("\U00020000").repeated(kMaxNameCodePoints),
            QStringLiteral("\U00020000").repeated(kMaxNameCodePoints));
        add("whitespace does not count against the limit",
            QStringLiteral("   ") + QString(kMaxNameCodePoints, u'a') + QStringLiteral("   "),
            QString(kMaxNameCodePoints, u'a'));
    }
    void acceptedNamesAreNormalised()
    {
        QFETCH(QString, raw);
        QFETCH(QString, normalised);
        const auto result = normaliseName(raw);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.problem().code));
        QCOMPARE(result.value(), normalised);
        QCOMPARE(normaliseName(normalised).value(), normalised);
    }

    void forbiddenNamesAreRefusedWithTheirReason_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("code");

        const auto add = [](const char *name, const QString &raw, const char *code) {
            QTest::newRow(name) << raw << QString::fromLatin1(code);
        };
        add("empty", QString(), "empty");
        add("only whitespace", QStringLiteral(" \t\n\u00A0"), "empty");
        add("only a hyphen", QStringLiteral("-"), "no_letter");
        add("only punctuation", QStringLiteral(". - '"), "no_letter");
        add("101 letters", QString(kMaxNameCodePoints + 1, u'a'), "too_long");
        add("101 code points with spaces", QStringLiteral("ab ").repeated(33) + QStringLiteral("ab"), "too_long");
        add("absurd padding is refused before any work", QString(100'000, u' ') + QStringLiteral("Anna"), "too_long");
        add("digit", QStringLiteral("Anna2"), "forbidden_character");
        add("underscore", QStringLiteral("Anna_Müller"), "forbidden_character");
        add("comma", QStringLiteral("Müller, Anna"), "forbidden_character");
        add("at sign", QStringLiteral("anna@example.org"), "forbidden_character");
        add("markup", QStringLiteral("<b>Anna</b>"), "forbidden_character");
        add("ampersand", QStringLiteral("Müller & Söhne"), "forbidden_character");
        add("emoji", QStringLiteral("Anna 👋"), "forbidden_character");
        add("left single quotation mark is not mapped", QStringLiteral("\u2018Anna"), "forbidden_character");
        add("NUL", QStringLiteral("Anna") + QChar(u'\0'), "forbidden_character");
        add("escape sequence", QStringLiteral("Anna\x1b[2J"), "forbidden_character");
        add("DEL", QStringLiteral("Anna\x7f"), "forbidden_character");
        // I2: invisible characters make two names look alike.
        add("zero-width space", QStringLiteral("An\u200Bna"), "forbidden_character");
        add("zero-width non-joiner", QStringLiteral("An\u200Cna"), "forbidden_character");
        add("zero-width joiner", QStringLiteral("An\u200Dna"), "forbidden_character");
        add("word joiner", QStringLiteral("An\u2060na"), "forbidden_character");
        add("byte order mark", QStringLiteral("\uFEFFAnna"), "forbidden_character");
        add("left-to-right mark", QStringLiteral("Anna\u200E"), "forbidden_character");
        add("soft hyphen", QStringLiteral("An\u00ADna"), "forbidden_character");
        add("Hangul filler poses as a blank name", QStringLiteral("\u3164"), "forbidden_character");
        add("Hangul choseong filler", QStringLiteral("\u115F"), "forbidden_character");
        // I2, CVE-2021-42574.
        add("RLO U+202E", QStringLiteral("\u202EAnna"), "forbidden_character");
        add("LRE U+202A", QStringLiteral("Anna\u202A"), "forbidden_character");
        add("PDF U+202C", QStringLiteral("Anna\u202C"), "forbidden_character");
        add("RLI U+2067", QStringLiteral("An\u2067na"), "forbidden_character");
        add("PDI U+2069", QStringLiteral("Anna\u2069"), "forbidden_character");
        add("combining mark without a letter", QStringLiteral("\u0301Anna"), "forbidden_character");
        add("combining mark on a hyphen", QStringLiteral("Anna-\u0301"), "forbidden_character");
        add("combining mark after a space", QStringLiteral("Anna \u0308"), "forbidden_character");
        add("lone high surrogate", QStringLiteral("Anna") + QChar(0xD800), "invalid_encoding");
        add("lone low surrogate", QChar(0xDC00) + QStringLiteral("Anna"), "invalid_encoding");
    }
    void forbiddenNamesAreRefusedWithTheirReason()
    {
        QFETCH(QString, raw);
        QFETCH(QString, code);
        const auto result = normaliseName(raw);
        QVERIFY(!result.ok());
        QCOMPARE(result.problem().code, code);
        QVERIFY(!result.problem().message.isEmpty());
    }

    // P7: a refusal reason may reach a log, the name must not.
    void aRefusalNeverQuotesTheName()
    {
        const auto result = normaliseName(QStringLiteral("Canaryname 4711"));
        QVERIFY(!result.ok());
        QVERIFY(!result.problem().message.contains(QStringLiteral("Canary")));
        QVERIFY(!result.problem().message.contains(QStringLiteral("4711")));
    }
};

QTEST_GUILESS_MAIN(TestDisplayName)
#include "TestDisplayName.moc"
