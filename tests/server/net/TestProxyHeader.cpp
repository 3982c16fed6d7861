// The PROXY protocol v2 header a TLS passthrough load balancer puts before a client's bytes (issue 13
// weakness 1, second half): bytes in, complete / need more / invalid and the client's address out.
#include "net/ProxyHeader.h"

#include <QTest>
#include <QtEndian>

using namespace consult;

namespace {

const QByteArray kSignature("\r\n\r\n\0\r\nQUIT\n", 12);

QByteArray be16(quint16 value)
{
    QByteArray bytes(2, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

QByteArray header(quint8 versionCommand, quint8 familyTransport, const QByteArray &body)
{
    return kSignature + char(versionCommand) + char(familyTransport) + be16(quint16(body.size())) + body;
}

QByteArray ipv4Body(const QHostAddress &source, quint16 port)
{
    QByteArray body(4, '\0');
    qToBigEndian(source.toIPv4Address(), body.data());
    return body + QByteArray::fromHex("0a000005") + be16(port) + be16(8443);
}

QByteArray ipv6Body(const QHostAddress &source, quint16 port)
{
    const Q_IPV6ADDR address = source.toIPv6Address();
    return QByteArray(reinterpret_cast<const char *>(address.c), 16) + QByteArray(16, '\x01') + be16(port) + be16(8443);
}

} // namespace

class TestProxyHeader final : public QObject
{
    Q_OBJECT
private slots:
    void aProxyHeaderGivesTheClientsAddress_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("length");
        const QHostAddress v4(QStringLiteral("203.0.113.7"));
        const QHostAddress v6(QStringLiteral("2001:db8::1"));
        QTest::newRow("TCP over IPv4") << header(0x21, 0x11, ipv4Body(v4, 40000)) << v4.toString() << 28;
        QTest::newRow("TCP over IPv6") << header(0x21, 0x21, ipv6Body(v6, 40000)) << v6.toString() << 52;
        // TLVs (here an authority and a NOOP) are skipped with the rest of the announced length.
        const QByteArray tlvs = QByteArray::fromHex("020003616263") + QByteArray::fromHex("040000");
        QTest::newRow("TCP over IPv4 with TLVs")
            << header(0x21, 0x11, ipv4Body(v4, 40000) + tlvs) << v4.toString() << 28 + int(tlvs.size());
    }

    void aProxyHeaderGivesTheClientsAddress()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, source);
        QFETCH(int, length);
        // The client's TLS follows at once; it is not part of the header.
        const ProxyHeader::Result result = ProxyHeader::parse(QByteArray(bytes + QByteArray::fromHex("1603010200")));
        QCOMPARE(result.status, ProxyHeader::Status::Complete);
        QCOMPARE(result.headerBytes, length);
        QVERIFY(!result.local);
        QCOMPARE(result.source, QHostAddress(source));
        QCOMPARE(result.sourcePort, quint16(40000));
    }

    // Bytes arrive in any pieces: every proper prefix needs more, and says how many at least.
    void everyPrefixNeedsMore()
    {
        const QByteArray bytes = header(0x21, 0x21, ipv6Body(QHostAddress(QStringLiteral("2001:db8::1")), 1));
        for (qsizetype length = 0; length < bytes.size(); ++length) {
            const ProxyHeader::Result result = ProxyHeader::parse(bytes.first(length));
            QCOMPARE(result.status, ProxyHeader::Status::NeedMore);
            QVERIFY(result.neededBytes > length);
            QVERIFY(result.neededBytes <= bytes.size());
        }
        QCOMPARE(ProxyHeader::parse(bytes).status, ProxyHeader::Status::Complete);
    }

    // LOCAL is the proxy's own health check: complete, no client address, whatever it carries.
    void theLocalCommandCarriesNoClient()
    {
        const ProxyHeader::Result bare = ProxyHeader::parse(header(0x20, 0x00, {}));
        QCOMPARE(bare.status, ProxyHeader::Status::Complete);
        QVERIFY(bare.local);
        QCOMPARE(bare.headerBytes, 16);
        const ProxyHeader::Result withAddress =
            ProxyHeader::parse(header(0x20, 0x11, ipv4Body(QHostAddress(QStringLiteral("192.0.2.1")), 1)));
        QCOMPARE(withAddress.status, ProxyHeader::Status::Complete);
        QVERIFY(withAddress.local);
        QVERIFY(withAddress.source.isNull());
    }

    void whatIsNotAUsableV2HeaderIsInvalid_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray v4 = ipv4Body(QHostAddress(QStringLiteral("192.0.2.1")), 1);
        QTest::newRow("a TLS ClientHello") << QByteArray::fromHex("16030102000100");
        QTest::newRow("its first byte alone") << QByteArray::fromHex("16");
        QTest::newRow("version 1 (text)") << QByteArray("PROXY TCP4 192.0.2.1 10.0.0.5 1 8443\r\n");
        QTest::newRow("version 3") << header(0x31, 0x11, v4);
        QTest::newRow("command 2") << header(0x22, 0x11, v4);
        QTest::newRow("UDP") << header(0x21, 0x12, v4);
        QTest::newRow("UNIX socket") << header(0x21, 0x31, QByteArray(216, '\0'));
        QTest::newRow("UNSPEC with PROXY") << header(0x21, 0x00, {});
        QTest::newRow("IPv4 shorter than its addresses") << header(0x21, 0x11, v4.first(11));
        QTest::newRow("IPv6 shorter than its addresses") << header(0x21, 0x21, QByteArray(35, '\0'));
        QTest::newRow("longer than 536 bytes") << header(0x21, 0x11, v4 + QByteArray(509, '\0'));
        QTest::newRow("a bad signature byte") << QByteArray("\r\n\r\n\0\r\nQUIX\n", 12);
    }

    void whatIsNotAUsableV2HeaderIsInvalid()
    {
        QFETCH(QByteArray, bytes);
        QCOMPARE(ProxyHeader::parse(bytes).status, ProxyHeader::Status::Invalid);
    }

    // 536 bytes is the most a header may take; one that is exactly that long is fine.
    void aHeaderOfExactly536BytesIsComplete()
    {
        const QByteArray v4 = ipv4Body(QHostAddress(QStringLiteral("192.0.2.1")), 1);
        const QByteArray bytes = header(0x21, 0x11, v4 + QByteArray(536 - 16 - 12, '\0'));
        QCOMPARE(bytes.size(), 536);
        QCOMPARE(ProxyHeader::parse(bytes).status, ProxyHeader::Status::Complete);
    }
};

QTEST_GUILESS_MAIN(TestProxyHeader)
#include "TestProxyHeader.moc"
