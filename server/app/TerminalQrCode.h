#pragma once

#include <QString>

#include <optional>

namespace consult {

// A QR code for a terminal, so an operator can enrol an advisor's authenticator app over SSH
// without an image file: libqrencode's matrix drawn with UTF-8 half blocks (two modules a
// character cell, upper and lower), dark modules as spaces on a light background so it scans on a
// dark terminal too, with the four-module quiet zone the standard asks for. Pure; used by the
// administration command `advisor totp-enrol`.
namespace TerminalQrCode {

// The lines of the code for `text` (error correction level M), or nothing if libqrencode cannot
// encode it (too long).
std::optional<QString> render(const QString &text);

} // namespace TerminalQrCode
} // namespace consult
