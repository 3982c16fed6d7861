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
        QCOMPARE(cases.size(), 75); // 59 + documents (7), forms (5) and the supervisor's overview (4)
        for (auto bodyCase : cases)
            QVERIFY(protocol::bodyName(bodyCase) != QStringLiteral("unknown"));
        QCOMPARE(protocol::bodyName(wire::Envelope::kLinkTestRequest), QStringLiteral("link_test_request"));
        QCOMPARE(protocol::bodyName(wire::Envelope::kLinkTestData), QStringLiteral("link_test_data"));
        QCOMPARE(protocol::bodyName(wire::Envelope::kLinkTestResult), QStringLiteral("link_test_result"));
        QCOMPARE(protocol::bodyName(wire::Envelope::kBoardSnapshot), QStringLiteral("board_snapshot"));
    }

    void onlyMediaLinkTestDataAndTheBoardPointerTravelUnsequenced()
    {
        // The connection check's data is bulk and worthless after a resume: it must not fill the replay
        // buffer. Its request and result are reliable, as every other application message. The board's
        // pointer is live only; the board's page images are bulk but sequenced (exactly once).
        for (const auto bodyCase : protocol::allBodyCases()) {
            const bool media = bodyCase == wire::Envelope::kMediaPacket ||
                               bodyCase == wire::Envelope::kMediaAcknowledge ||
                               bodyCase == wire::Envelope::kMediaReceipt;
            QVERIFY2(protocol::isRealtime(bodyCase) == media, qPrintable(protocol::bodyName(bodyCase)));
            QVERIFY2(protocol::isUnsequenced(bodyCase) == (media || bodyCase == wire::Envelope::kLinkTestData ||
                                                           bodyCase == wire::Envelope::kBoardPointer),
                     qPrintable(protocol::bodyName(bodyCase)));
        }
    }

    void linkTestDataRoundTripsAndRefusesUnknownFields()
    {
        wire::Envelope envelope;
        envelope.mutable_link_test_data()->set_request_id(3);
        envelope.mutable_link_test_data()->set_payload(std::string(16 * 1024, 'x'));
        envelope.mutable_link_test_data()->set_last(true);
        const auto decoded = protocol::decode(protocol::encode(envelope));
        QVERIFY(std::holds_alternative<wire::Envelope>(decoded));
        QCOMPARE(std::get<wire::Envelope>(decoded).link_test_data().payload().size(), std::size_t(16 * 1024));
        QVERIFY(std::get<wire::Envelope>(decoded).link_test_data().last());

        // An unknown field inside the link-test data (field 9, varint) is refused like anywhere else (I4).
        QByteArray body = QByteArray::fromStdString(envelope.link_test_data().SerializeAsString());
        body.append(char(9 << 3));
        body.append(char(1));
        QByteArray crafted;
        appendTag(crafted, 111, 2); // link_test_data
        appendVarint(crafted, quint64(body.size()));
        crafted.append(body);
        const auto refused = protocol::decode(crafted);
        QVERIFY(std::holds_alternative<protocol::DecodeError>(refused));
        QCOMPARE(std::get<protocol::DecodeError>(refused).kind, protocol::DecodeError::Kind::UnknownFields);
    }
};

QTEST_GUILESS_MAIN(TestEnvelopeCodec)
#include "TestEnvelopeCodec.moc"
