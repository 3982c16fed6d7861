#pragma once

#include "protocol/consult.pb.h"

#include <QString>

#include <string>

namespace consult {

// The consultation a message from the server is addressed to, or nullptr for a message that belongs
// to the session (log-in, queue, inbox, errors). ConsultationStarted is not routed: it creates the
// consultation. Both clients' dispatch tables use this one list, so a new consultation-scoped
// message is routed on both sides by adding it here.
const std::string *routedConsultationId(const wire::Envelope &envelope);

// The consultation whose part sent what the server refused: the id before the ':' of an Error's
// reference ("<consultation_id>:...", the whiteboard's refusals in consult.proto), or empty for a
// refusal of the session's own (a chat line's reference has no ':'). Routed like the messages above.
std::string refusedConsultationId(const wire::Error &error);

// What a refusal names after "<consultation_id>:" when it is one of `consultationId`'s parts (its
// first letter says which part: the whiteboard d, p, a, b; documents u, g, r; forms s, i), or empty
// when the reference belongs to no part of that consultation. Each part takes only its own letters.
QString refusedPartReference(const wire::Error &error, const std::string &consultationId);

} // namespace consult
