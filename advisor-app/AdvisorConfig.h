#pragma once

#include "client/ServerEndpoint.h"
#include "core/Result.h"

#include <QString>

namespace consult::advisor {

// The workstation's packaged configuration: the relay it connects to and the relay key's pins (C1).
// The bank installs it with the app (README "Release builds and Windows"):
//   Linux (Debian package consult-advisor): /etc/consult-advisor.ini
//   Windows: consult-advisor.ini beside consult-advisor.exe
//
//   [server]
//   url = wss://beratung.sparkasse.example:443
//   pins = <current>, <backup>   ; base64 SHA-256 of the SubjectPublicKeyInfo, at least two (C1)
//   ca = <file>                  ; optional: an extra CA certificate (PEM) for a private PKI
//
// The command line's --server/--pin/--ca (development, scripts/run-local.sh) replace the file.
struct AdvisorConfig
{
    ServerEndpoint endpoint;

    static Result<AdvisorConfig> load(const QString &path);
    // Where the packaged file lies on this platform.
    static QString defaultPath();
};

} // namespace consult::advisor
