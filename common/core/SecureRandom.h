#pragma once

#include <QByteArray>
#include <QString>

namespace consult {

// Bearer secrets and opaque identifiers from the operating system's CSPRNG (S1).
// Never QUuid, never qrand/rand.
namespace SecureRandom {

// `byteCount` random bytes; at least 16 for anything that acts as a secret.
QByteArray bytes(int byteCount);

// A token of 32 random bytes (256 bits).
QByteArray token();

// An opaque identifier: 16 random bytes in base64url without padding (22 characters).
QString identifier();

// A uniformly distributed number in [0, bound).
quint32 bounded(quint32 bound);

} // namespace SecureRandom
} // namespace consult
