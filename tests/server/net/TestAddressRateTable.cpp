// The per-address rate of the network edge (R4, S3; issue 13 weaknesses 3 and 7): an allowance per
// address group that refills over its window, with time from a ManualClock, and a table that holds
// only the addresses of the last window however many distinct addresses it has seen.
#include "core/Clock.h"
#include "net/AddressRateTable.h"

#include <QTest>

using namespace consult;
using namespace std::chrono_literals;

namespace {

QHostAddress ipv4(quint32 index)
{
    return QHostAddress(0x0A000000u + index); // 10.x.y.z
}

} // namespace

class TestAddressRateTable final : public QObject
{
    Q_OBJECT
private slots:
    // R4: ten handshakes per ten seconds; the eleventh is refused and told when to come back.
    void theAllowanceOfAWindowIsTakenThenRefused()
    {
        ManualClock clock;
        AddressRateTable table(10, 10s, clock);
        const QHostAddress address(QStringLiteral("192.0.2.7"));
        for (int i = 0; i < 10; ++i)
            QVERIFY(table.tryTake(address));
        qint64 retryAfterUs = 0;
        QVERIFY(!table.tryTake(address, &retryAfterUs));
        QVERIFY2(retryAfterUs > 0 && retryAfterUs <= 1'000'001, qPrintable(QString::number(retryAfterUs)));
    }

    // The allowance refills evenly: one more per window / perWindow.
    void theAllowanceRefillsOverTheWindow()
    {
        ManualClock clock;
        AddressRateTable table(10, 10s, clock);
        const QHostAddress address(QStringLiteral("192.0.2.7"));
        for (int i = 0; i < 10; ++i)
            QVERIFY(table.tryTake(address));
        clock.advance(999ms);
        QVERIFY(!table.tryTake(address));
        clock.advance(2ms);
        QVERIFY(table.tryTake(address));
        QVERIFY(!table.tryTake(address));
    }

    // Other addresses have their own allowance; the addresses of one IPv6 /64 share one.
    void addressesCountByTheirGroup()
    {
        ManualClock clock;
        AddressRateTable table(2, 10s, clock);
        QVERIFY(table.tryTake(QHostAddress(QStringLiteral("2001:db8:1:2::1"))));
        QVERIFY(table.tryTake(QHostAddress(QStringLiteral("2001:db8:1:2::ffff"))));
        QVERIFY(!table.tryTake(QHostAddress(QStringLiteral("2001:db8:1:2:abcd::9"))));
        QVERIFY(table.tryTake(QHostAddress(QStringLiteral("2001:db8:1:3::1"))));
        QVERIFY(table.tryTake(QHostAddress(QStringLiteral("192.0.2.1"))));
        QVERIFY(table.tryTake(QHostAddress(QStringLiteral("192.0.2.2"))));
        QCOMPARE(table.trackedGroups(), 4);
    }

    // Issue 13 weakness 7: 200,000 distinct addresses, one every 5 ms, with a 10 s window: the table
    // never holds more than the 2,000 of the last window (plus the one just taken), and an address
    // that was refused stays refused while it is in the table.
    void theTableHoldsOnlyTheAddressesOfTheLastWindow()
    {
        ManualClock clock;
        AddressRateTable table(1, 10s, clock);
        int largest = 0;
        for (quint32 i = 0; i < 200'000; ++i) {
            QVERIFY(table.tryTake(ipv4(i)));
            largest = qMax(largest, table.trackedGroups());
            clock.advance(5ms);
        }
        QVERIFY2(largest <= 2'001, qPrintable(QString::number(largest)));
        // The last address is still remembered (and refused); the first was forgotten.
        QVERIFY(!table.tryTake(ipv4(199'999)));
        QVERIFY(table.tryTake(ipv4(0)));
    }

    // Thousands of other addresses passing do not push out an address whose allowance is not whole:
    // 9 s after taking all five, it has four and a half, not a fresh five.
    void anAddressWithinItsWindowIsNotForgotten()
    {
        ManualClock clock;
        AddressRateTable table(5, 10s, clock);
        const QHostAddress busy(QStringLiteral("198.51.100.1"));
        for (int i = 0; i < 5; ++i)
            QVERIFY(table.tryTake(busy));
        for (quint32 i = 0; i < 9'000; ++i) {
            clock.advance(1ms);
            QVERIFY(table.tryTake(ipv4(i)));
        }
        for (int i = 0; i < 4; ++i)
            QVERIFY(table.tryTake(busy));
        QVERIFY(!table.tryTake(busy));
    }
};

QTEST_GUILESS_MAIN(TestAddressRateTable)
#include "TestAddressRateTable.moc"
