#pragma once

namespace consult::protocol {

// The protocol version this build speaks, and the oldest one the server still accepts.
// Raise kCurrent for every incompatible change of consult.proto; raise kOldestSupported when the
// server drops an old one.
inline constexpr unsigned kCurrent = 1;
inline constexpr unsigned kOldestSupported = 1;

inline constexpr bool isSupported(unsigned version)
{
    return version >= kOldestSupported && version <= kCurrent;
}

} // namespace consult::protocol
