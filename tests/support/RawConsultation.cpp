#include "RawConsultation.h"

#include "support/TestAccounts.h"

namespace consult::testing {

std::unique_ptr<RawClient> rawWaitingCustomer(TestServer &server, const QString &name)
{
    auto customer = std::make_unique<RawClient>();
    if (!customer->open(server.endpoint()) || !customer->hello(wire::CLIENT_KIND_CUSTOMER) ||
        !customer->customerLogin(name, QStringLiteral("030 1234567")))
        return {};
    return customer;
}

std::unique_ptr<RawClient> rawAdvisor(TestServer &server, const QString &username, int capacity)
{
    server.addAdvisor(username, username + QStringLiteral(" Berater"), kTestPassword, capacity);
    auto advisor = std::make_unique<RawClient>();
    if (!advisor->open(server.endpoint()) || !advisor->hello(wire::CLIENT_KIND_ADVISOR) ||
        !advisor->advisorLogin(username, kTestPassword))
        return {};
    return advisor;
}

QString rawTake(RawClient &advisor, RawClient &customer, const QString &name)
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

bool startRawConsultation(TestServer &server, const QString &username, const QString &customerName,
                          RawConsultation &out)
{
    out.advisor = rawAdvisor(server, username);
    if (!out.advisor) {
        qWarning("the raw advisor could not log in");
        return false;
    }
    out.customer = rawWaitingCustomer(server, customerName);
    if (!out.customer) {
        qWarning("the raw customer could not log in");
        return false;
    }
    out.id = rawTake(*out.advisor, *out.customer, customerName);
    if (out.id.isEmpty()) {
        qWarning("the raw advisor could not take the raw customer");
        return false;
    }
    return true;
}

wire::Envelope chatEnvelope(const QString &consultationId, const QString &clientMessageId, const QString &text)
{
    wire::Envelope envelope;
    auto *chat = envelope.mutable_send_chat();
    chat->set_consultation_id(consultationId.toStdString());
    chat->set_client_message_id(clientMessageId.toStdString());
    chat->set_text(text.toStdString());
    return envelope;
}

QList<wire::Envelope> applicationEnvelopes(const QList<wire::Envelope> &envelopes)
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
