#pragma once

#include "Session.h"
#include "protocol/EnvelopeCodec.h"

namespace consult {

// Function-level authorisation (S6) and the customer's pre-consultation lock-down (S2, S4): which
// stage of which kind of session may send which message at all. Object-level checks (S5) happen in
// the handlers, which know the objects. Session control (hello, resume, ping, pong, acknowledge) is
// handled by the session layer before this table is asked.
namespace Authorisation {

enum class Verdict
{
    Allow,
    Deny
};

Verdict check(Session::Stage stage, wire::ClientKind kind, protocol::BodyCase body);

// Denied, but dropped without an answer and without counting as a protocol error: upload chunks of a
// connection check still on their way when an advisor took the customer (the test was abandoned at
// the consultation's start, S11; the customer did nothing wrong).
bool isDroppedQuietly(Session::Stage stage, wire::ClientKind kind, protocol::BodyCase body);

// The rate class a message counts against (I5).
enum class RateClass
{
    Chat,
    Control,
    Media, // unsequenced data (media, link-test data): bounded in bytes by its service
    Board, // whiteboard operations: per participant by the WhiteboardService ([whiteboard])
    Bulk,  // sequenced bulk (whiteboard page chunks, document chunks): bytes by their services' limits,
           // count by the connection
};
RateClass rateClassOf(protocol::BodyCase body);

} // namespace Authorisation
} // namespace consult
