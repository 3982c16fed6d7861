#include "transport/ReliableChannel.h"

#include "protocol/EnvelopeCodec.h"

#include <QTest>

using namespace consult;

namespace {

wire::Envelope chat(const std::string &text)
{
    wire::Envelope envelope;
    envelope.mutable_send_chat()->set_text(text);
    return envelope;
}

std::string textOf(const QByteArray &bytes)
{
    auto decoded = protocol::decode(bytes);
    return std::get<wire::Envelope>(decoded).send_chat().text();
}

} // namespace

class TestReliableChannel final : public QObject
{
    Q_OBJECT
private slots:
    void sequenceNumbersCountFromOne()
    {
        ReliableChannel channel;
        auto first = chat("a");
        auto second = chat("b");
        QVERIFY(channel.stampReliable(first));
        QVERIFY(channel.stampReliable(second));
        QCOMPARE(first.seq(), 1u);
        QCOMPARE(second.seq(), 2u);
        QCOMPARE(channel.lastSent(), 2u);
    }

    void receivedMessagesAreDeliveredOnceAndInOrder()
    {
        ReliableChannel channel;
        QCOMPARE(channel.receive(1), ReliableChannel::Receipt::Deliver);
        QCOMPARE(channel.receive(2), ReliableChannel::Receipt::Deliver);
        QCOMPARE(channel.receive(2), ReliableChannel::Receipt::Duplicate);
        QCOMPARE(channel.receive(1), ReliableChannel::Receipt::Duplicate);
        QCOMPARE(channel.receive(4), ReliableChannel::Receipt::OutOfOrder);
        QCOMPARE(channel.lastReceived(), 2u);
        QCOMPARE(channel.receive(0), ReliableChannel::Receipt::Deliver); // unsequenced
        QCOMPARE(channel.lastReceived(), 2u);
    }

    void outgoingEnvelopesCarryTheCumulativeAcknowledgement()
    {
        ReliableChannel channel;
        channel.receive(1);
        channel.receive(2);
        QVERIFY(channel.acknowledgementPending());
        auto envelope = chat("x");
        channel.stampReliable(envelope);
        QCOMPARE(envelope.ack(), 2u);
        QVERIFY(!channel.acknowledgementPending());
        channel.receive(3);
        wire::Envelope ack;
        ack.mutable_acknowledge();
        channel.stampUnsequenced(ack);
        QCOMPARE(ack.ack(), 3u);
        QCOMPARE(ack.seq(), 0u);
    }

    void acknowledgedMessagesAreNoLongerKept()
    {
        ReliableChannel channel;
        for (int i = 0; i < 5; ++i) {
            auto envelope = chat("m");
            channel.stampReliable(envelope);
        }
        QCOMPARE(channel.unacknowledgedCount(), 5);
        QVERIFY(channel.acknowledge(3));
        QCOMPARE(channel.unacknowledgedCount(), 2);
        QVERIFY(channel.acknowledge(2)); // older ack changes nothing
        QCOMPARE(channel.unacknowledgedCount(), 2);
        QVERIFY(!channel.acknowledge(9)); // never sent
        QCOMPARE(channel.unacknowledgedCount(), 2);
    }

    void replayReturnsWhatThePeerHasNotSeenInOrder()
    {
        ReliableChannel channel;
        for (const char *text : {"one", "two", "three", "four"}) {
            auto envelope = chat(text);
            channel.stampReliable(envelope);
        }
        channel.acknowledge(1);
        const auto replay = channel.replayAfter(2);
        QVERIFY(replay);
        QCOMPARE(replay->size(), 2);
        QCOMPARE(textOf(replay->at(0)), std::string("three"));
        QCOMPARE(textOf(replay->at(1)), std::string("four"));
        QVERIFY(!channel.replayAfter(7)); // claims to have seen what was never sent
    }

    void aFullWindowRefusesFurtherMessages()
    {
        ReliableChannel channel(ReliableChannel::Limits{3, 1 << 20});
        for (int i = 0; i < 3; ++i) {
            auto envelope = chat("m");
            QVERIFY(channel.stampReliable(envelope));
        }
        auto overflow = chat("m");
        QVERIFY(!channel.stampReliable(overflow));
        channel.acknowledge(1);
        QVERIFY(channel.stampReliable(overflow));
    }

    void theByteLimitCountsToo()
    {
        ReliableChannel channel(ReliableChannel::Limits{100, 50});
        auto big = chat(std::string(60, 'x'));
        QVERIFY(channel.stampReliable(big));
        auto next = chat("y");
        QVERIFY(!channel.stampReliable(next));
    }
};

QTEST_GUILESS_MAIN(TestReliableChannel)
#include "TestReliableChannel.moc"
