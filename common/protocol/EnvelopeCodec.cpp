#include "EnvelopeCodec.h"

#include "EnvelopeBodies.h"

#include <vector>

namespace consult::protocol {
namespace {

// True if `message` or any message nested in it carries fields this version does not know (I4).
bool hasUnknownFields(const google::protobuf::Message &message)
{
    const google::protobuf::Reflection *reflection = message.GetReflection();
    if (!reflection->GetUnknownFields(message).empty())
        return true;
    std::vector<const google::protobuf::FieldDescriptor *> fields;
    reflection->ListFields(message, &fields);
    for (const google::protobuf::FieldDescriptor *field : fields) {
        if (field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE)
            continue;
        if (field->is_repeated()) {
            for (int i = 0; i < reflection->FieldSize(message, field); ++i) {
                if (hasUnknownFields(reflection->GetRepeatedMessage(message, field, i)))
                    return true;
            }
        } else if (hasUnknownFields(reflection->GetMessage(message, field))) {
            return true;
        }
    }
    return false;
}

} // namespace

DecodeResult decode(const QByteArray &bytes)
{
    wire::Envelope envelope;
    if (!envelope.ParseFromArray(bytes.constData(), static_cast<int>(bytes.size())))
        return DecodeError{DecodeError::Kind::NotProtobuf, QStringLiteral("not a valid envelope")};
    if (envelope.body_case() == wire::Envelope::BODY_NOT_SET) {
        // Either no body, or one from a newer protocol that this version does not know.
        return DecodeError{DecodeError::Kind::NoBody, QStringLiteral("unknown or missing message type")};
    }
    if (hasUnknownFields(envelope))
        return DecodeError{DecodeError::Kind::UnknownFields, QStringLiteral("unknown fields in message")};
    return envelope;
}

QByteArray encode(const wire::Envelope &envelope)
{
    QByteArray bytes(static_cast<qsizetype>(envelope.ByteSizeLong()), Qt::Uninitialized);
    envelope.SerializeWithCachedSizesToArray(reinterpret_cast<quint8 *>(bytes.data()));
    return bytes;
}

QString bodyName(BodyCase bodyCase)
{
    switch (bodyCase) {
#define CONSULT_BODY_NAME(caseName, accessor, Type)                                                                    \
    case wire::Envelope::caseName:                                                                                     \
        return QStringLiteral(#accessor);
        CONSULT_ENVELOPE_BODIES(CONSULT_BODY_NAME)
#undef CONSULT_BODY_NAME
    case wire::Envelope::BODY_NOT_SET:
        break;
    }
    return QStringLiteral("unknown");
}

QList<BodyCase> allBodyCases()
{
    return {
#define CONSULT_BODY_CASE(caseName, accessor, Type) wire::Envelope::caseName,
        CONSULT_ENVELOPE_BODIES(CONSULT_BODY_CASE)
#undef CONSULT_BODY_CASE
    };
}

bool isSessionControl(BodyCase bodyCase)
{
    switch (bodyCase) {
    case wire::Envelope::kHello:
    case wire::Envelope::kWelcome:
    case wire::Envelope::kResume:
    case wire::Envelope::kResumed:
    case wire::Envelope::kPing:
    case wire::Envelope::kPong:
    case wire::Envelope::kAcknowledge:
        return true;
    default:
        return false;
    }
}

bool isRealtime(BodyCase bodyCase)
{
    return bodyCase == wire::Envelope::kMediaPacket || bodyCase == wire::Envelope::kMediaAcknowledge ||
           bodyCase == wire::Envelope::kMediaReceipt;
}

bool isUnsequenced(BodyCase bodyCase)
{
    // The board's pointer is live only: a late position is worth nothing, a lost one is replaced.
    return isRealtime(bodyCase) || bodyCase == wire::Envelope::kLinkTestData ||
           bodyCase == wire::Envelope::kBoardPointer;
}

} // namespace consult::protocol
