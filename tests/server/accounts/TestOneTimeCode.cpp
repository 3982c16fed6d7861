#include "accounts/OneTimeCode.h"

#include <QTest>

using namespace consult;

namespace {

// RFC 6238 Appendix B: the SHA-1 test key.
const QByteArray kRfcSecret("12345678901234567890");

} // namespace

// The second factor's codes (A5): RFC 6238 as liboath computes it, one step of skew either way,
// only six digits accepted, and what the enrolment prints for the authenticator app.
class TestOneTimeCode final : public QObject
{
    Q_OBJECT
private slots:
    void codesAreThoseOfRfc6238_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("code");
        // The last six digits of the RFC's eight-digit SHA-1 vectors.
        QTest::newRow("59") << qint64(59) << QStringLiteral("287082");
        QTest::newRow("1111111109") << qint64(1111111109) << QStringLiteral("081804");
        QTest::newRow("1111111111") << qint64(1111111111) << QStringLiteral("050471");
        QTest::newRow("1234567890") << qint64(1234567890) << QStringLiteral("005924");
        QTest::newRow("2000000000") << qint64(2000000000) << QStringLiteral("279037");
    }

    void codesAreThoseOfRfc6238()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, code);
        QCOMPARE(OneTimeCode::codeAt(kRfcSecret, seconds * 1000), code);
        QCOMPARE(OneTimeCode::matchingStep(kRfcSecret, code, seconds * 1000), std::optional<qint64>(seconds / 30));
    }

    void oneStepOfSkewIsAcceptedTwoAreNot()
    {
        const qint64 now = 1'700'000'015'000; // the middle of a step
        const qint64 step = now / 30'000;
        for (int offset : {-1, 0, 1})
            QCOMPARE(OneTimeCode::matchingStep(kRfcSecret, OneTimeCode::codeAt(kRfcSecret, now + offset * 30'000), now),
                     std::optional<qint64>(step + offset));
        for (int offset : {-2, 2})
            QCOMPARE(OneTimeCode::matchingStep(kRfcSecret, OneTimeCode::codeAt(kRfcSecret, now + offset * 30'000), now),
                     std::nullopt);
    }

    void onlySixDigitsAreCompared_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QString();
        QTest::newRow("five digits") << QStringLiteral("28708");
        QTest::newRow("seven digits") << QStringLiteral("2870820");
        QTest::newRow("eight digits of the RFC") << QStringLiteral("94287082");
        QTest::newRow("spaces") << QStringLiteral(" 287082");
        QTest::newRow("letters") << QStringLiteral("28708a");
        QTest::newRow("Arabic-Indic digits") << QStringLiteral("٢٨٧٠٨٢");
    }

    void onlySixDigitsAreCompared()
    {
        QFETCH(QString, code);
        QCOMPARE(OneTimeCode::matchingStep(kRfcSecret, code, 59'000), std::nullopt);
    }

    void noSecretMatchesNothing()
    {
        QCOMPARE(OneTimeCode::matchingStep({}, QStringLiteral("287082"), 59'000), std::nullopt);
    }

    void newSecretsHave160RandomBits()
    {
        const QByteArray first = OneTimeCode::newSecret();
        QCOMPARE(first.size(), 20);
        QVERIFY(first != OneTimeCode::newSecret());
    }

    void theAppIsToldTheSecretInBase32AndAsAnOtpauthUri()
    {
        QCOMPARE(OneTimeCode::base32(kRfcSecret), QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        QCOMPARE(
            OneTimeCode::provisioningUri(kRfcSecret, QStringLiteral("Sparkasse Nord & Süd"), QStringLiteral("anna")),
            QStringLiteral(
                "otpauth://totp/Sparkasse%20Nord%20%26%20S%C3%BCd:anna?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                "&issuer=Sparkasse%20Nord%20%26%20S%C3%BCd&algorithm=SHA1&digits=6&period=30"));
    }
};

QTEST_GUILESS_MAIN(TestOneTimeCode)
#include "TestOneTimeCode.moc"
