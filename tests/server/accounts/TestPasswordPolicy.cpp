#include "accounts/PasswordPolicy.h"

#include <QTest>

using namespace consult;

namespace {

// `count` different emoji (each one code point, two UTF-16 units), every other one so that neither
// the repetition nor the run rule applies.
QString emoji(int count)
{
    QString text;
    for (int i = 0; i < count; ++i) {
        const char32_t codePoint = U'\U0001F400' + static_cast<char32_t>(2 * i);
        text += QString::fromUcs4(&codePoint, 1);
    }
    return text;
}

// A passphrase of `length` code points without repeats, runs or context words.
QString passphrase(int length)
{
    const QString words = QStringLiteral("Korrekt Pferd Batterie Heftklammer Wolke Ofen Regen Ziegel Nebel "
                                         "Kompass Tinte Laterne Dachs Mühle Gurke Feder Glocke Anker Birke ");
    return words.left(length);
}

} // namespace

class TestPasswordPolicy final : public QObject
{
    Q_OBJECT
private slots:
    void decidesByLengthListAndContext_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QStringList>("context");
        QTest::addColumn<QString>("expectedCode"); // empty: accepted

        const QStringList advisor = {QStringLiteral("mmustermann"), QStringLiteral("Max Mustermann")};

        // Length, counted in code points (A4: at least 12, at most 128, 64 must be possible).
        QTest::newRow("11 characters") << QStringLiteral("Tr0mb0n3F1x") << advisor << QStringLiteral("too_short");
        QTest::newRow("12 characters") << QStringLiteral("gX7#qLm2!vRw") << advisor << QString();
        QTest::newRow("empty") << QString() << advisor << QStringLiteral("too_short");
        QTest::newRow("64 characters") << passphrase(64) << advisor << QString();
        QTest::newRow("128 characters") << passphrase(128) << advisor << QString();
        QTest::newRow("129 characters") << passphrase(129) << advisor << QStringLiteral("too_long");

        // Unicode: code points, not UTF-16 units, and after NFKC.
        QTest::newRow("6 emoji are 12 UTF-16 units but 6 characters")
            << emoji(6) << advisor << QStringLiteral("too_short");
        QTest::newRow("12 emoji") << emoji(12) << advisor << QString();
        QTest::newRow("128 emoji are 256 UTF-16 units") << emoji(128) << advisor << QString();
        QTest::newRow("129 emoji") << emoji(129) << advisor << QStringLiteral("too_long");
        QTest::newRow("11 umlauts") << QStringLiteral("äöüßÄÖÜéèêë") << advisor << QStringLiteral("too_short");
        QTest::newRow("12 umlauts and accents") << QStringLiteral("äöüßÄÖÜéèêëñ") << advisor << QString();
        QTest::newRow("7 decomposed umlauts are 7 characters, not 14")
            << QStringLiteral("äöüÄÖÜë").normalized(QString::NormalizationForm_D) << advisor
            << QStringLiteral("too_short");

        // The common/breached list, case-insensitively, padded, de-leeted, and trivial patterns.
        QTest::newRow("listed digits") << QStringLiteral("123456789012") << advisor << QStringLiteral("common");
        QTest::newRow("listed word") << QStringLiteral("Sonnenschein") << advisor << QStringLiteral("common");
        QTest::newRow("listed, other case") << QStringLiteral("ICHLIEBEDICH") << advisor << QStringLiteral("common");
        QTest::newRow("listed German keyboard walk")
            << QStringLiteral("1q2w3e4r5t6z") << advisor << QStringLiteral("common");
        QTest::newRow("keyboard walk with umlaut")
            << QStringLiteral("QWERTZUIOPÜ+") << advisor << QStringLiteral("common");
        QTest::newRow("passwort padded with digits")
            << QStringLiteral("Passwort1234!") << advisor << QStringLiteral("common");
        QTest::newRow("hallo123 padded") << QStringLiteral("hallo123hallo123") << advisor << QStringLiteral("common");
        QTest::newRow("leetspeak passwort") << QStringLiteral("P@ssw0rt2024") << advisor << QStringLiteral("common");
        QTest::newRow("a football club and its year")
            << QStringLiteral("Schalke04!!!!!") << advisor << QStringLiteral("common");
        QTest::newRow("one character repeated")
            << QStringLiteral("############") << advisor << QStringLiteral("common");
        QTest::newRow("short unit repeated") << QStringLiteral("abcabcabcabc") << advisor << QStringLiteral("common");
        QTest::newRow("alphabet run") << QStringLiteral("abcdefghijklmn") << advisor << QStringLiteral("common");
        QTest::newRow("descending run") << QStringLiteral("zyxwvutsrqpo") << advisor << QStringLiteral("common");

        // Context words (ASVS 6.2.11): the bank, the product, the user's own names.
        QTest::newRow("Sparkasse2024") << QStringLiteral("Sparkasse2024") << advisor << QStringLiteral("context");
        QTest::newRow("Sparkasse2024!") << QStringLiteral("Sparkasse2024!") << advisor << QStringLiteral("context");
        QTest::newRow("product word without context list")
            << QStringLiteral("Beratung2025!") << QStringList() << QStringLiteral("context");
        QTest::newRow("leetspeak bank word")
            << QStringLiteral("5p4rk4553!2024") << advisor << QStringLiteral("context");
        QTest::newRow("user name plus digits")
            << QStringLiteral("mmustermann1990") << advisor << QStringLiteral("context");
        QTest::newRow("user name in capitals plus digits")
            << QStringLiteral("MMUSTERMANN-123") << advisor << QStringLiteral("context");
        QTest::newRow("display name parts reordered")
            << QStringLiteral("Mustermann.Max.1985") << advisor << QStringLiteral("context");
        QTest::newRow("user name twice") << QStringLiteral("mmustermannmmustermann") << advisor
                                         << QStringLiteral("context");

        // Long passphrases that merely contain a context word are fine.
        QTest::newRow("passphrase containing the bank")
            << QStringLiteral("Mein Hund mag die Sparkasse nicht") << advisor << QString();
        QTest::newRow("passphrase containing the first name")
            << QStringLiteral("Max trinkt morgens gern Kakao") << advisor << QString();
        QTest::newRow("plain passphrase")
            << QStringLiteral("korrekt Pferd Batterie Heftklammer") << advisor << QString();
        QTest::newRow("no composition rules: lower-case letters only")
            << QStringLiteral("wolkenbruchdackel") << advisor << QString();
    }

    void decidesByLengthListAndContext()
    {
        QFETCH(QString, password);
        QFETCH(QStringList, context);
        QFETCH(QString, expectedCode);

        const PasswordPolicy policy;
        const Status status = policy.check(password, context);
        if (expectedCode.isEmpty()) {
            QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.problem().code));
        } else {
            QVERIFY2(!status.ok(), "accepted");
            QCOMPARE(status.problem().code, expectedCode);
            QVERIFY(!status.problem().message.isEmpty());
        }
    }

    void theListHoldsTheRequiredGermanEntries_data()
    {
        QTest::addColumn<QString>("entry");
        // Each padded to 12+ characters, so only the list can refuse it.
        for (const char *word : {"passwort", "hallo123", "schatzi", "fussball", "qwertz", "ficken", "bayern",
                                 "borussia", "sommer", "michael", "sabine", "geheim", "kennwort", "deutschland"})
            QTest::newRow(word) << QString::fromLatin1(word);
    }

    void theListHoldsTheRequiredGermanEntries()
    {
        QFETCH(QString, entry);
        QString padded = entry;
        while (padded.size() < 12)
            padded += QLatin1Char('9');
        const Status status = PasswordPolicy().check(padded + QStringLiteral("!"), {});
        QVERIFY2(!status.ok(), qPrintable(padded));
        QCOMPARE(status.problem().code, QStringLiteral("common"));
    }

    void limitsAreConfigurable()
    {
        PasswordPolicyConfig config;
        config.minLength = 15;
        config.maxLength = 64;
        const PasswordPolicy policy(config);
        QCOMPARE(policy.check(QStringLiteral("gX7#qLm2!vRwT9"), {}).problem().code, QStringLiteral("too_short"));
        QVERIFY(policy.check(passphrase(64), {}).ok());
        QCOMPARE(policy.check(passphrase(65), {}).problem().code, QStringLiteral("too_long"));
    }
};

QTEST_GUILESS_MAIN(TestPasswordPolicy)
#include "TestPasswordPolicy.moc"
