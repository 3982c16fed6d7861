#include "net/AllowedNetworks.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace consult;

// [advisors] allowed_networks (issue 13): which source addresses the advisor role may come from.
class TestAllowedNetworks final : public QObject
{
    Q_OBJECT
private slots:
    void addressesAreInsideOrOutside_data()
    {
        QTest::addColumn<QString>("networks");
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("empty allows anyone") << QString() << u"203.0.113.7"_s << true;
        QTest::newRow("inside a /8") << u"10.0.0.0/8, 192.168.1.0/24"_s << u"10.20.30.40"_s << true;
        QTest::newRow("inside the second network") << u"10.0.0.0/8, 192.168.1.0/24"_s << u"192.168.1.9"_s << true;
        QTest::newRow("next to a /24") << u"10.0.0.0/8, 192.168.1.0/24"_s << u"192.168.2.9"_s << false;
        QTest::newRow("loopback outside") << u"10.0.0.0/8"_s << u"127.0.0.1"_s << false;
        QTest::newRow("IPv4-mapped IPv6 is its IPv4 address") << u"127.0.0.0/8"_s << u"::ffff:127.0.0.1"_s << true;
        QTest::newRow("mapped, outside") << u"10.0.0.0/8"_s << u"::ffff:127.0.0.1"_s << false;
        QTest::newRow("IPv6 inside a /48") << u"2001:db8:100::/48"_s << u"2001:db8:100:5::1"_s << true;
        QTest::newRow("IPv6 outside a /48") << u"2001:db8:100::/48"_s << u"2001:db8:101::1"_s << false;
        QTest::newRow("a bare address is a /32") << u"10.1.2.3"_s << u"10.1.2.3"_s << true;
        QTest::newRow("a bare address, its neighbour") << u"10.1.2.3"_s << u"10.1.2.4"_s << false;
    }

    void addressesAreInsideOrOutside()
    {
        QFETCH(QString, networks);
        QFETCH(QString, address);
        QFETCH(bool, allowed);
        const auto parsed = AllowedNetworks::parse(networks.split(u','));
        QVERIFY(parsed);
        QCOMPARE(parsed->allows(QHostAddress(address)), allowed);
    }

    void whatIsNoNetworkIsRefused_data()
    {
        QTest::addColumn<QString>("networks");
        QTest::newRow("a name") << u"office"_s;
        QTest::newRow("prefix too long") << u"10.0.0.0/33"_s;
        QTest::newRow("one bad among good") << u"10.0.0.0/8, 300.1.1.1/24"_s;
    }

    void whatIsNoNetworkIsRefused()
    {
        QFETCH(QString, networks);
        QVERIFY(!AllowedNetworks::parse(networks.split(u',')));
    }
};

QTEST_GUILESS_MAIN(TestAllowedNetworks)
#include "TestAllowedNetworks.moc"
