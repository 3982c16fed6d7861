#pragma once

#include "protocol/consult.pb.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <variant>

namespace consult::protocol {

using BodyCase = wire::Envelope::BodyCase;

// Why bytes from the network are not a usable envelope.
struct DecodeError
{
    enum class Kind
    {
        NotProtobuf,
        NoBody,
        UnknownFields
    };
    Kind kind;
    QString message;
};

using DecodeResult = std::variant<wire::Envelope, DecodeError>;

// Turns untrusted bytes into an envelope, or a reason. Refuses: bytes that do not parse, an
// envelope without a known body (a type this version does not know), and unknown fields anywhere
// in the envelope (I4).
DecodeResult decode(const QByteArray &bytes);

QByteArray encode(const wire::Envelope &envelope);

// The body's name as in the .proto ("send_chat"), for logs and errors; never content.
QString bodyName(BodyCase bodyCase);

// Every body case this version knows, in .proto order.
QList<BodyCase> allBodyCases();

// Whether the envelope's body belongs to the unsequenced session-control class.
bool isSessionControl(BodyCase bodyCase);

// Whether the body belongs to the real-time class: unsequenced, never retransmitted (media packets
// and their acknowledgements).
bool isRealtime(BodyCase bodyCase);

// Whether an application message travels unsequenced: the real-time class, and the connection
// check's test data (bulk, but worthless after a resume and never worth a place in the replay
// buffer). Every other application message is reliable.
bool isUnsequenced(BodyCase bodyCase);

} // namespace consult::protocol
