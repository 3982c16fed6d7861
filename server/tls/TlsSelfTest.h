#pragma once

#include "core/Result.h"

#include <QSslConfiguration>

#include <chrono>

namespace consult::tls {

// T9: the fail-closed start-up self-test. Call it with the exact configuration the listener will
// use, before listening; refuse to start unless it succeeds.
//
// It runs a listener on 127.0.0.1 (ephemeral port) in its own event loop and handshakes with it:
// - a client with our own profile, and a client with OpenSSL's defaults (X25519 first, ChaCha20,
//   TLS 1.2 allowed) must both connect with TLS 1.3 (T1), an allowed suite (T2) and an allowed EC
//   group (T4), and see the configured certificate;
// - clients offering only TLS 1.2 (T1), only ChaCha20 or CCM_8 (T2), or only X25519, X448 or
//   ffdhe2048 (T4) must be refused by the server.
// This catches backend options that break every handshake and Qt silently dropping a setting.
// The Problem names the failed check and carries the client's and the server's error text.
// Needs a QCoreApplication; spins a local event loop (typically < 100 ms), so call it at start-up
// before other sockets exist.
Status runTlsSelfTest(const QSslConfiguration &serverConfiguration,
                      std::chrono::milliseconds timeout = std::chrono::seconds(5));

} // namespace consult::tls
