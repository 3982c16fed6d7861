// Fuzz target: the server's dispatch of an envelope from a session in any state.
// The first byte chooses the sender's kind and stage, the rest is the envelope.
// Oracles: no crash or sanitizer report; a message the authorisation table denies (S6) gets exactly
// one answer, ERROR_NOT_ALLOWED, and changes nothing; the session's own replies decode.
#include "app/ServerCore.h"
#include "core/Clock.h"
#include "protocol/EnvelopeCodec.h"
#include "session/Authorisation.h"
#include "storage/AtRestCipher.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>
#include <memory>

using namespace consult;

namespace {

struct Harness
{
    Harness()
    {
        static int argc = 1;
        static char name[] = "fuzz_server_dispatch";
        static char *argv[] = {name, nullptr};
        app = std::make_unique<QCoreApplication>(argc, argv);
        config.dataDirectory = directory.path();
        config.entriesPerAddress = 1'000'000;
        config.messagesPerAddress = 1'000'000;
        database = std::move(Database::openSqlite(config.databasePath())).value();
        cipher =
            std::make_unique<AtRestCipher>(std::move(AtRestCipher::openOrCreateKeyFile(config.inboxKeyPath())).value());
        // The cheapest Argon2id parameters: the fuzzer is after the dispatch, not the hash.
        core = std::make_unique<ServerCore>(config, ServerCore::Dependencies{*database,
                                                                             *cipher,
                                                                             std::move(NoticeCatalog::load()).value(),
                                                                             OpeningHours::alwaysOpen(),
                                                                             SystemClock::instance(),
                                                                             {1, 8}});
    }

    std::unique_ptr<QCoreApplication> app;
    QTemporaryDir directory;
    ServerConfig config;
    std::unique_ptr<Database> database;
    std::unique_ptr<AtRestCipher> cipher;
    std::unique_ptr<ServerCore> core;
    quint64 nextSessionId = 1'000'000;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Harness harness;
    if (size < 1)
        return 0;
    const auto stage = static_cast<Session::Stage>(data[0] % 5); // Anonymous .. Advisor
    const auto kind = (data[0] & 0x80) ? wire::CLIENT_KIND_ADVISOR : wire::CLIENT_KIND_CUSTOMER;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    const auto decoded = protocol::decode(bytes);
    const auto *envelope = std::get_if<wire::Envelope>(&decoded);
    if (!envelope || protocol::isSessionControl(envelope->body_case()))
        return 0;

    Session session(harness.nextSessionId++, kind, QStringLiteral("de"), QStringLiteral("fuzz"),
                    QHostAddress(QHostAddress::LocalHost), {}, {}, SystemClock::instance().monotonicUs());
    session.setStage(stage);
    const bool quiet = Authorisation::isDroppedQuietly(stage, kind, envelope->body_case());
    const bool denied =
        !quiet && Authorisation::check(stage, kind, envelope->body_case()) == Authorisation::Verdict::Deny;
    harness.core->handleEnvelope(session, *envelope);

    // Everything the server sent this session is kept in its channel until acknowledged.
    const auto sent = session.channel().replayAfter(0);
    if (!sent)
        std::abort();
    for (const QByteArray &reply : *sent) {
        if (!std::holds_alternative<wire::Envelope>(protocol::decode(reply)))
            std::abort();
    }
    if (quiet && !sent->isEmpty())
        std::abort(); // dropped without an answer
    if (denied) {
        if (sent->size() != 1)
            std::abort();
        const wire::Envelope reply = std::get<wire::Envelope>(protocol::decode(sent->first()));
        if (reply.body_case() != wire::Envelope::kError || reply.error().code() != wire::ERROR_NOT_ALLOWED)
            std::abort();
    }
    // Whatever the message set up (a queue entry, a consultation) goes with the session.
    session.setStage(Session::Stage::Closing);
    harness.core->sessionEnding(session);
    QCoreApplication::processEvents();
    return 0;
}
