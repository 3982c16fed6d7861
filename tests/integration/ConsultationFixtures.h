#pragma once

// Consultations to attack and consultations that must not notice, for the adversarial integration
// tests. Helpers report through the Qt Test macros; callers check QTest::currentTestFailed().
#include "support/RawClient.h"
#include "support/TestClients.h"
#include "support/TestServer.h"

#include <memory>

namespace consult::testing {

inline const QString kFixturePassword = QStringLiteral("correct horse battery staple");

// A consultation between the real client library's customer and advisor.
struct RealConsultation
{
    std::unique_ptr<AdvisorClient> advisor;
    std::unique_ptr<CustomerClient> customer;
    QString id;
    int probes = 0;
};

// A consultation between two raw clients, for sending what the client library never would.
struct RawConsultation
{
    std::unique_ptr<RawClient> advisor;
    std::unique_ptr<RawClient> customer;
    QString id;
};

// Logs in the advisor `username` (created here) and a customer called `customerName`, and has the
// advisor take exactly that customer, whoever else is waiting.
inline void startRealConsultation(TestServer &server, const QString &username, const QString &customerName,
                                  RealConsultation &out)
{
    server.addAdvisor(username, username + QStringLiteral(" Berater"), kFixturePassword, 3);
    out.advisor = makeAdvisor();
    out.advisor->loginWithPassword(server.endpoint(), username, kFixturePassword);
    CONSULT_WAIT_FOR(out.advisor->phase() == AdvisorClient::Phase::Ready, 20000);
    out.customer = makeCustomer();
    out.customer->start(server.endpoint());
    CONSULT_WAIT_FOR(out.customer->phase() == CustomerClient::Phase::ReadingNotices, 10000);
    out.customer->login(customerName, QStringLiteral("0561 7001234"), wire::CONSULTATION_MODE_CHAT);
    CONSULT_WAIT_FOR(out.customer->phase() == CustomerClient::Phase::Waiting, 10000);
    const auto rowOf = [&] {
        AdvisorQueueModel *queue = out.advisor->queue();
        for (int row = 0; row < queue->rowCount(); ++row) {
            if (queue->data(queue->index(row, AdvisorQueueModel::NameColumn), Qt::DisplayRole).toString() ==
                customerName)
                return row;
        }
        return -1;
    };
    CONSULT_WAIT_FOR(rowOf() >= 0, 10000);
    out.advisor->take(out.advisor->queue()->entryIdAt(rowOf()));
    CONSULT_WAIT_FOR(out.customer->phase() == CustomerClient::Phase::Consulting, 10000);
    out.id = out.customer->consultationId();
    CONSULT_WAIT_FOR(out.advisor->consultation(out.id) != nullptr, 10000);
}

// The consultation still works: a line each way arrives and is confirmed as delivered.
inline void verifyTalksBothWays(RealConsultation &consultation, int timeoutMs = 10000)
{
    QVERIFY(consultation.customer && consultation.advisor);
    const int probe = ++consultation.probes;
    const QString fromCustomer = QStringLiteral("Kunde Probe %1").arg(probe);
    const QString fromAdvisor = QStringLiteral("Berater Probe %1").arg(probe);
    AdvisorConsultation *atAdvisor = consultation.advisor->consultation(consultation.id);
    QVERIFY(atAdvisor);
    const auto hasIncoming = [](const ChatModel &chat, const QString &text) {
        for (const ChatLine &line : chat.lines()) {
            if (!line.own && line.text == text)
                return true;
        }
        return false;
    };
    const auto ownDelivered = [](const ChatModel &chat, const QString &text) {
        for (const ChatLine &line : chat.lines()) {
            if (line.own && line.text == text)
                return line.delivery == ChatLine::Delivery::Delivered;
        }
        return false;
    };
    consultation.customer->sendChat(fromCustomer);
    CONSULT_WAIT_FOR(hasIncoming(*atAdvisor->chat, fromCustomer), timeoutMs);
    CONSULT_WAIT_FOR(ownDelivered(*consultation.customer->chat(), fromCustomer), timeoutMs);
    consultation.advisor->sendChat(consultation.id, fromAdvisor);
    CONSULT_WAIT_FOR(hasIncoming(*consultation.customer->chat(), fromAdvisor), timeoutMs);
    CONSULT_WAIT_FOR(ownDelivered(*atAdvisor->chat, fromAdvisor), timeoutMs);
}

// A raw customer who has said hello and logged in (waiting in the queue).
inline std::unique_ptr<RawClient> rawWaitingCustomer(TestServer &server, const QString &name)
{
    auto customer = std::make_unique<RawClient>();
    if (!customer->open(server.endpoint()) || !customer->hello(wire::CLIENT_KIND_CUSTOMER) ||
        !customer->customerLogin(name, QStringLiteral("030 1234567")))
        return {};
    return customer;
}

// A raw advisor (created here) who has logged in.
inline std::unique_ptr<RawClient> rawAdvisor(TestServer &server, const QString &username, int capacity = 3)
{
    server.addAdvisor(username, username + QStringLiteral(" Berater"), kFixturePassword, capacity);
    auto advisor = std::make_unique<RawClient>();
    if (!advisor->open(server.endpoint()) || !advisor->hello(wire::CLIENT_KIND_ADVISOR) ||
        !advisor->advisorLogin(username, kFixturePassword))
        return {};
    return advisor;
}

// The raw advisor takes the waiting raw customer called `name`; returns the consultation id.
inline QString rawTake(RawClient &advisor, RawClient &customer, const QString &name)
{
    const std::string wanted = name.toStdString();
    const auto entry = advisor.waitFor(
        [&](const wire::Envelope &envelope) {
            if (envelope.body_case() == wire::Envelope::kQueueEntryAdded)
                return envelope.queue_entry_added().entry().name() == wanted;
            if (envelope.body_case() == wire::Envelope::kQueueSnapshot) {
                for (const wire::QueueEntry &e : envelope.queue_snapshot().entries()) {
                    if (e.name() == wanted)
                        return true;
                }
            }
            return false;
        },
        0);
    if (!entry)
        return {};
    std::string entryId;
    if (entry->body_case() == wire::Envelope::kQueueEntryAdded) {
        entryId = entry->queue_entry_added().entry().entry_id();
    } else {
        for (const wire::QueueEntry &e : entry->queue_snapshot().entries()) {
            if (e.name() == wanted)
                entryId = e.entry_id();
        }
    }
    const int customerFrom = customer.mark();
    wire::Envelope take;
    take.mutable_take_customer()->set_request_id(7);
    take.mutable_take_customer()->set_entry_id(entryId);
    advisor.sendReliable(std::move(take));
    if (!customer.waitForBody(wire::Envelope::kConsultationStarted, customerFrom))
        return {};
    return customer.consultationId();
}

inline void startRawConsultation(TestServer &server, const QString &username, const QString &customerName,
                                 RawConsultation &out)
{
    out.advisor = rawAdvisor(server, username);
    QVERIFY2(out.advisor, "the raw advisor could not log in");
    out.customer = rawWaitingCustomer(server, customerName);
    QVERIFY2(out.customer, "the raw customer could not log in");
    out.id = rawTake(*out.advisor, *out.customer, customerName);
    QVERIFY2(!out.id.isEmpty(), "the raw advisor could not take the raw customer");
}

inline wire::Envelope chatEnvelope(const QString &consultationId, const QString &clientMessageId, const QString &text)
{
    wire::Envelope envelope;
    auto *chat = envelope.mutable_send_chat();
    chat->set_consultation_id(consultationId.toStdString());
    chat->set_client_message_id(clientMessageId.toStdString());
    chat->set_text(text.toStdString());
    return envelope;
}

// Application envelopes (not session control) among `envelopes`.
inline QList<wire::Envelope> applicationEnvelopes(const QList<wire::Envelope> &envelopes)
{
    QList<wire::Envelope> result;
    for (const wire::Envelope &envelope : envelopes) {
        switch (envelope.body_case()) {
        case wire::Envelope::kPing:
        case wire::Envelope::kPong:
        case wire::Envelope::kAcknowledge:
            break;
        default:
            result.append(envelope);
        }
    }
    return result;
}

} // namespace consult::testing
