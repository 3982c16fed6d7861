#include "protocol/EnvelopeCodec.h"

#include <QTest>

using namespace consult;

namespace {

void appendVarint(QByteArray &out, quint64 value)
{
    while (value >= 0x80) {
        out.append(static_cast<char>((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.append(static_cast<char>(value));
}

void appendTag(QByteArray &out, quint32 field, quint32 wireType)
{
    appendVarint(out, (quint64(field) << 3) | wireType);
}

} // namespace

class TestEnvelopeCodec final : public QObject
{
    Q_OBJECT
private slots:
    void aValidEnvelopeRoundTrips()
    {
        wire::Envelope envelope;
        envelope.set_seq(7);
        envelope.set_ack(3);
        envelope.mutable_send_chat()->set_consultation_id("c1");
        envelope.mutable_send_chat()->set_text("Guten Tag");
        const auto decoded = protocol::decode(protocol::encode(envelope));
        QVERIFY(std::holds_alternative<wire::Envelope>(decoded));
        const auto &back = std::get<wire::Envelope>(decoded);
        QCOMPARE(back.seq(), 7u);
        QCOMPARE(back.send_chat().text(), std::string("Guten Tag"));
    }

    void garbageIsRefused()
    {
        const auto decoded = protocol::decode(QByteArray("\xff\xff\xff\xff\xff", 5));
        QVERIFY(std::holds_alternative<protocol::DecodeError>(decoded));
        QCOMPARE(std::get<protocol::DecodeError>(decoded).kind, protocol::DecodeError::Kind::NotProtobuf);
    }

    void anEnvelopeWithoutBodyIsRefused()
    {
        wire::Envelope envelope;
        envelope.set_seq(1);
        const auto decoded = protocol::decode(protocol::encode(envelope));
        QVERIFY(std::holds_alternative<protocol::DecodeError>(decoded));
        QCOMPARE(std::get<protocol::DecodeError>(decoded).kind, protocol::DecodeError::Kind::NoBody);
    }

    void aBodyFromANewerProtocolIsAnUnknownType()
    {
        // Field 99 (length-delimited, empty): a message type this version does not know.
        QByteArray bytes;
        appendTag(bytes, 1, 0);
        appendVarint(bytes, 1); // seq = 1
        appendTag(bytes, 99, 2);
        appendVarint(bytes, 0);
        const auto decoded = protocol::decode(bytes);
        QVERIFY(std::holds_alternative<protocol::DecodeError>(decoded));
        QCOMPARE(std::get<protocol::DecodeError>(decoded).kind, protocol::DecodeError::Kind::NoBody);
    }

    void unknownFieldsInTheBodyAreRefused()
    {
        wire::Envelope envelope;
        envelope.mutable_ping()->set_nonce(1);
        QByteArray bytes = protocol::encode(envelope);
        // Append field 15 (varint 1) inside the ping body by rebuilding it by hand.
        wire::Ping ping;
        ping.set_nonce(1);
        QByteArray body = QByteArray::fromStdString(ping.SerializeAsString());
        appendTag(body, 15, 0);
        appendVarint(body, 1);
        QByteArray crafted;
        appendTag(crafted, 14, 2);
        appendVarint(crafted, quint64(body.size()));
        crafted.append(body);
        const auto decoded = protocol::decode(crafted);
        QVERIFY(std::holds_alternative<protocol::DecodeError>(decoded));
        QCOMPARE(std::get<protocol::DecodeError>(decoded).kind, protocol::DecodeError::Kind::UnknownFields);
        QVERIFY(std::holds_alternative<wire::Envelope>(protocol::decode(bytes)));
    }

    void unknownFieldsInNestedNoticeAcceptancesAreRefused()
    {
        wire::NoticeAcceptance acceptance;
        acceptance.set_version("v1");
        QByteArray nested = QByteArray::fromStdString(acceptance.SerializeAsString());
        appendTag(nested, 9, 0);
        appendVarint(nested, 1);
        QByteArray login;
        appendTag(login, 4, 2);
        appendVarint(login, quint64(nested.size()));
        login.append(nested);
        QByteArray crafted;
        appendTag(crafted, 30, 2); // customer_login
        appendVarint(crafted, quint64(login.size()));
        crafted.append(login);
        const auto decoded = protocol::decode(crafted);
        QVERIFY(std::holds_alternative<protocol::DecodeError>(decoded));
        QCOMPARE(std::get<protocol::DecodeError>(decoded).kind, protocol::DecodeError::Kind::UnknownFields);
    }

    void everyBodyHasANameAndIsListed()
    {
        const auto cases = protocol::allBodyCases();
        QCOMPARE(cases.size(), 45);
        for (auto bodyCase : cases)
            QVERIFY(protocol::bodyName(bodyCase) != QStringLiteral("unknown"));
    }
};

QTEST_GUILESS_MAIN(TestEnvelopeCodec)
#include "TestEnvelopeCodec.moc"
