#include "accounts/PasswordHasher.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <thread>
#include <vector>

using namespace consult;

namespace {

// Only for tests that are not about the cost: the smallest parameters libsodium accepts.
constexpr Argon2idParameters kCheapParameters{1, 8};

qint64 medianMs(std::vector<qint64> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.at(samples.size() / 2);
}

} // namespace

class TestPasswordHasher final : public QObject
{
    Q_OBJECT
private slots:
    void defaultHashIsArgon2idPhcWithAtLeastTheA1Parameters()
    {
        const PasswordHasher hasher;
        const Result<QString> phc = hasher.hash(QStringLiteral("korrekt Pferd Batterie Heftklammer"));
        QVERIFY(phc.ok());

        // A1: exactly the expression the requirement prescribes.
        static const QRegularExpression format(QStringLiteral("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$"));
        const QRegularExpressionMatch match = format.match(*phc);
        QVERIFY2(match.hasMatch(), qPrintable(*phc));
        QVERIFY(match.captured(1).toInt() >= 19456);
        QVERIFY(match.captured(2).toInt() >= 2);
        QCOMPARE(match.captured(3).toInt(), 1);
    }

    void saltMakesTwoHashesOfTheSamePasswordDiffer()
    {
        const PasswordHasher hasher;
        const QString password = QStringLiteral("dasselbe Passwort zweimal");
        const Result<QString> first = hasher.hash(password);
        const Result<QString> second = hasher.hash(password);
        QVERIFY(first.ok() && second.ok());
        QVERIFY(*first != *second);
        QVERIFY(hasher.verify(password, *first));
        QVERIFY(hasher.verify(password, *second));
    }

    void verifyAcceptsTheRightPasswordOnly()
    {
        const PasswordHasher hasher(kCheapParameters);
        const Result<QString> phc = hasher.hash(QStringLiteral("richtiges Passwort 42"));
        QVERIFY(phc.ok());
        QVERIFY(hasher.verify(QStringLiteral("richtiges Passwort 42"), *phc));
        QVERIFY(!hasher.verify(QStringLiteral("richtiges Passwort 43"), *phc));
        QVERIFY(!hasher.verify(QStringLiteral("Richtiges Passwort 42"), *phc));
        QVERIFY(!hasher.verify(QString(), *phc));
    }

    void verifyRefusesMalformedHashes_data()
    {
        QTest::addColumn<QString>("phc");
        QTest::newRow("empty") << QString();
        QTest::newRow("not a phc string") << QStringLiteral("hunter2");
        QTest::newRow("truncated") << QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$");
        QTest::newRow("overlong") << QString(500, QLatin1Char('a'));
    }

    void verifyRefusesMalformedHashes()
    {
        QFETCH(QString, phc);
        const PasswordHasher hasher(kCheapParameters);
        QVERIFY(!hasher.verify(QStringLiteral("irgendein Passwort"), phc));
    }

    void composedAndDecomposedUmlautsAreTheSamePassword()
    {
        const PasswordHasher hasher(kCheapParameters);
        const QString composed = QStringLiteral("Grüße aus Köln am Rhein");
        const QString decomposed = composed.normalized(QString::NormalizationForm_D);
        QVERIFY(composed != decomposed);
        const Result<QString> phc = hasher.hash(composed);
        QVERIFY(phc.ok());
        QVERIFY(hasher.verify(decomposed, *phc));
    }

    void dummyVerificationNeverSucceeds()
    {
        const PasswordHasher hasher;
        QVERIFY(!hasher.verifyDummy(QStringLiteral("irgendein Passwort")));
        QVERIFY(!hasher.verifyDummy(QString()));
    }

    void hashesWithOtherParametersNeedRehash()
    {
        const PasswordHasher current;
        const PasswordHasher cheap(kCheapParameters);
        const Result<QString> currentPhc = current.hash(QStringLiteral("Parameter-Wechsel 2026"));
        const Result<QString> cheapPhc = cheap.hash(QStringLiteral("Parameter-Wechsel 2026"));
        QVERIFY(currentPhc.ok() && cheapPhc.ok());
        QVERIFY(!current.needsRehash(*currentPhc));
        QVERIFY(current.needsRehash(*cheapPhc));
        QVERIFY(current.needsRehash(QStringLiteral("$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA")));
        QVERIFY(current.needsRehash(QStringLiteral("garbage")));
    }

    void hashingFromSeveralThreadsAtOnceGivesValidHashes()
    {
        const PasswordHasher hasher(kCheapParameters);
        constexpr int kThreads = 8;
        std::vector<QString> hashes(kThreads);
        std::vector<std::thread> threads;
        for (int i = 0; i < kThreads; ++i) {
            threads.emplace_back([&hasher, &hashes, i] {
                const Result<QString> phc = hasher.hash(QStringLiteral("Faden %1 Passwort").arg(i));
                if (phc.ok())
                    hashes[static_cast<size_t>(i)] = *phc;
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        for (int i = 0; i < kThreads; ++i) {
            QVERIFY(hasher.verify(QStringLiteral("Faden %1 Passwort").arg(i), hashes[static_cast<size_t>(i)]));
            QVERIFY(!hasher.verifyDummy(QStringLiteral("Faden %1 Passwort").arg(i)));
        }
    }

    void reportsTheMedianCostOfTheDefaultParameters()
    {
        const PasswordHasher hasher;
        const QString password = QStringLiteral("Messung der Hashdauer");
        std::vector<qint64> hashMs;
        std::vector<qint64> verifyMs;
        std::vector<qint64> dummyMs;
        QString phc;
        for (int i = 0; i < 7; ++i) {
            QElapsedTimer timer;
            timer.start();
            const Result<QString> result = hasher.hash(password);
            hashMs.push_back(timer.elapsed());
            QVERIFY(result.ok());
            phc = *result;

            timer.restart();
            QVERIFY(hasher.verify(password, phc));
            verifyMs.push_back(timer.elapsed());

            timer.restart();
            QVERIFY(!hasher.verifyDummy(password));
            dummyMs.push_back(timer.elapsed());
        }
        // Informational only (no timing assertions in unit tests); A3's timing test is end to end.
        qInfo("Argon2id m=%zu KiB t=%llu: median hash %lld ms, verify %lld ms, dummy verify %lld ms",
              hasher.parameters().memoryKiB, hasher.parameters().iterations, medianMs(hashMs), medianMs(verifyMs),
              medianMs(dummyMs));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "TestPasswordHasher.moc"
