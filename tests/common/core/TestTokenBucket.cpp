#include "core/TokenBucket.h"

#include <QTest>

using namespace consult;

class TestTokenBucket final : public QObject
{
    Q_OBJECT
private slots:
    void aFullBucketAllowsTheBurstThenRefuses()
    {
        TokenBucket bucket(5, 20, 0);
        for (int i = 0; i < 20; ++i)
            QVERIFY(bucket.tryTake(0));
        QVERIFY(!bucket.tryTake(0));
    }

    void tokensRefillAtTheRate()
    {
        TokenBucket bucket(5, 20, 0);
        for (int i = 0; i < 20; ++i)
            bucket.tryTake(0);
        QVERIFY(!bucket.tryTake(100'000)); // 0.1 s: half a token
        QVERIFY(bucket.tryTake(200'000));  // 0.2 s: one token
        QVERIFY(!bucket.tryTake(200'000));
        QCOMPARE(bucket.waitUs(200'000) > 0, true);
    }

    void refillStopsAtTheBurst()
    {
        TokenBucket bucket(5, 3, 0);
        QVERIFY(bucket.isFull(10'000'000));
        for (int i = 0; i < 3; ++i)
            QVERIFY(bucket.tryTake(10'000'000));
        QVERIFY(!bucket.tryTake(10'000'000));
    }

    void aCreditGoesBeyondTheBurstUntilItExpires()
    {
        TokenBucket bucket(5, 20, 0);
        bucket.grantCredit(10, 1'000'000);
        for (int i = 0; i < 30; ++i)
            QVERIFY2(bucket.tryTake(0), qPrintable(QString::number(i)));
        QVERIFY(!bucket.tryTake(0));

        // What is left of a credit expires at its deadline; the bucket alone limits again.
        TokenBucket later(5, 20, 0);
        later.grantCredit(10, 1'000'000);
        QVERIFY(later.tryTake(0));
        for (int i = 0; i < 20; ++i)
            QVERIFY(later.tryTake(2'000'000));
        QVERIFY(!later.tryTake(2'000'000));
    }
};

QTEST_GUILESS_MAIN(TestTokenBucket)
#include "TestTokenBucket.moc"
