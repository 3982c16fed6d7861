// Fuzz target: envelope decoding. Oracle: no crash, no sanitizer report,
// and whatever decodes re-encodes and decodes to the same body type.
#include "protocol/EnvelopeCodec.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto decoded = consult::protocol::decode(bytes);
    if (const auto *envelope = std::get_if<consult::wire::Envelope>(&decoded)) {
        const auto again = consult::protocol::decode(consult::protocol::encode(*envelope));
        const auto *back = std::get_if<consult::wire::Envelope>(&again);
        if (!back || back->body_case() != envelope->body_case())
            std::abort();
    }
    return 0;
}
