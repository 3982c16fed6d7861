#pragma once

#include "client/ServerEndpoint.h"
#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace consult::customer {

// A server the app may connect to (P6) and the keys it must present (C1).
struct AllowedServer
{
    QUrl url;               // wss://host[:port][/path]
    QList<QByteArray> pins; // base64 SHA-256 of the SubjectPublicKeyInfo: current key and a backup
};

// The configuration shipped inside the app (resources/customer/client.json), made by the bank when it
// packages the client:
//
//   { "bankName": "Sparkasse",
//     "dialInNumber": "+49 561 7001 7000",
//     "servers": [ { "url": "wss://beratung.example:443/consult", "pins": ["<current>", "<backup>"] } ] }
//
// `servers` is the allowlist (P6): the app connects to the first entry, and to no host that is not
// listed. Every entry needs at least two pins (C1: the current key and an offline backup key).
// `dialInNumber` (optional, default kDemoDialInNumber): the bank's telephone number that a video
// customer without microphone and speakers calls instead, giving the consultation's phone code
// (seed 002); shown as plain text, so any notation the bank prints is fine.
struct ClientConfig
{
    // The demo bank's dial-in number, used when the configuration names none.
    static constexpr const char *kDemoDialInNumber = "+49 561 7001 7000";

    QString bankName;
    QString dialInNumber = QString::fromLatin1(kDemoDialInNumber);
    QList<AllowedServer> servers;

    static Result<ClientConfig> fromJson(const QByteArray &json);
    static Result<ClientConfig> loadShipped();
};

// The command line: development overrides of the server (scripts/run-local.sh passes all three)
// and the start language.
struct StartOptions
{
    QString server;         // --server wss://localhost:8443
    QList<QByteArray> pins; // --pin <base64> (repeatable)
    QString caFile;         // --ca <ca.pem>: an extra CA for a development PKI
    QString language;       // --language de|en
};

// Parses the arguments (argv including the program name). Unknown options are an error.
Result<StartOptions> parseStartOptions(const QStringList &arguments);

// Where the app connects. Without --server: the first allowlisted server with its pins. A --server
// whose host and port are allowlisted: that server with its shipped pins (plus --pin ones). Any other
// host, --pin without --server, and --ca are development overrides: accepted only by a development
// build (CMake option CONSULT_CUSTOMER_DEVELOPMENT_SERVERS) and then only with a pin, because pinning
// is never switched off (C1). Only wss:// is accepted.
Result<ServerEndpoint> resolveEndpoint(const ClientConfig &config, const StartOptions &options, bool developmentBuild);

// True when this binary was built to accept development servers from the command line.
bool isDevelopmentBuild();

// resolveEndpoint() as this binary decides it (with isDevelopmentBuild()): what main() calls. A
// release build (CMakePresets.json "release") refuses --server for any host outside the allowlist,
// and --pin and --ca altogether; test_customer_release_build compiles this file without the switch.
Result<ServerEndpoint> resolveEndpointForThisBuild(const ClientConfig &config, const StartOptions &options);

} // namespace consult::customer
