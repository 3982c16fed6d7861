#pragma once

// Messages as the server sends them, for the client library's unit tests: they are handed to a
// client as its connection would (ClientConnection::envelopeReceived), without a server.
#include "protocol/consult.pb.h"

#include <QString>

namespace consult::testing {

inline wire::Envelope started(const std::string &id, const std::string &customer = "Max Müller",
                              const std::string &advisor = "Anna Berger")
{
    wire::Envelope envelope;
    auto *started = envelope.mutable_consultation_started();
    started->set_consultation_id(id);
    started->set_customer_name(customer);
    started->set_advisor_name(advisor);
    started->set_customer_phone_e164("+491711234567");
    return envelope;
}

inline wire::Envelope chatLine(const std::string &id, const std::string &messageId, wire::Party author,
                               const std::string &text)
{
    wire::Envelope envelope;
    auto *line = envelope.mutable_chat_message();
    line->set_consultation_id(id);
    line->set_message_id(messageId);
    line->set_author(author);
    line->set_author_name(author == wire::PARTY_CUSTOMER ? "Max Müller" : "Anna Berger");
    line->set_text(text);
    return envelope;
}

inline wire::Envelope typing(const std::string &id, bool active)
{
    wire::Envelope envelope;
    envelope.mutable_typing()->set_consultation_id(id);
    envelope.mutable_typing()->set_active(active);
    return envelope;
}

inline wire::Envelope presence(const std::string &id, wire::PeerState state)
{
    wire::Envelope envelope;
    envelope.mutable_peer_presence()->set_consultation_id(id);
    envelope.mutable_peer_presence()->set_state(state);
    return envelope;
}

inline wire::Envelope ended(const std::string &id, wire::EndReason reason)
{
    wire::Envelope envelope;
    envelope.mutable_consultation_ended()->set_consultation_id(id);
    envelope.mutable_consultation_ended()->set_reason(reason);
    return envelope;
}

} // namespace consult::testing
