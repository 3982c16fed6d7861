#pragma once

#include "client/AdvisorClient.h"
#include "client/CustomerClient.h"
#include "client/MediaSession.h"
#include "support/LinkEmulator.h"
#include "support/TcpProxy.h"
#include "support/TestAccounts.h"
#include "support/TestClients.h"
#include "support/TestServer.h"

#include <functional>
#include <list>
#include <memory>
#include <optional>
#include <vector>

namespace consult::testing {

// How a client reaches the server.
enum class Route
{
    Direct,             // straight to the server's port
    CuttingProxy,       // through the scenario's TcpProxy, which a test can cut (R1)
    SecondCuttingProxy, // through a second TcpProxy, cut apart from the first (one side's trouble only)
    EmulatedLink,       // through the scenario's LinkEmulator (rate, delay, jitter); see Scenario::emulateLink
};

// An advisor account and how its client connects.
struct AdvisorSpec
{
    QString username = QStringLiteral("anna");
    QString displayName = QStringLiteral("Anna Berger");
    int capacity = 2;
    Route route = Route::Direct;

    // The account `username` shown as "<username> Berater" with three places, as the adversarial
    // suites name their advisors.
    static AdvisorSpec named(const QString &username, int capacity = 3);
};

// A customer as the log-in form describes them (the notices are always accepted), and their route.
struct CustomerSpec
{
    QString name = QStringLiteral("Erika Mustermann");
    QString phone = QStringLiteral("0561 7001234");
    wire::ConsultationMode mode = wire::CONSULTATION_MODE_CHAT;
    QString language = QStringLiteral("de");
    Route route = Route::Direct;
    std::optional<wire::SystemCheck> systemCheck; // the customer's system check, sent with the log-in

    // A chat customer called `name` (with `phone`), on the direct route.
    static CustomerSpec named(const QString &name, const QString &phone = QStringLiteral("0561 7001234"));
};

// How the advisor takes the customer: the customer by name (whoever else waits) or the head of the queue.
enum class Take
{
    ByName,
    Next,
};

// Media on both sides of a consultation, as the client library plugs a MediaSession onto a consultation.
struct MediaSpec
{
    MediaSession::Settings customer;
    MediaSession::Settings advisor;
};

// A whole consultation: who, how they connect, how the advisor takes, and whether media is plugged in.
struct ConsultationSpec
{
    AdvisorSpec advisor;
    CustomerSpec customer;
    Take take = Take::ByName;
    std::optional<MediaSpec> media;

    // The advisor AdvisorSpec::named(username) and a chat customer called `customerName`.
    static ConsultationSpec between(const QString &username, const QString &customerName);
};

// A running consultation the scenario set up. The scenario owns the clients; the media sessions are
// the test's to replace or drop (a side that stops acknowledging, other settings).
struct TestConsultation
{
    AdvisorClient *advisor = nullptr;
    CustomerClient *customer = nullptr;
    QString id;
    std::unique_ptr<MediaSession> customerMedia;
    std::unique_ptr<MediaSession> advisorMedia;
    int probes = 0; // lines sent by verifyTalksBothWays so far

    // The consultation as the advisor's client holds it.
    AdvisorConsultation *atAdvisor() const { return advisor->consultation(id); }
    ChatModel &advisorChat() const { return *atAdvisor()->chat; }
    ChatModel &customerChat() const { return *customer->chat(); }
};

// The fixture of the integration tests: a real server in the test's process (TestServer) and the
// steps "an advisor logs in", "a customer logs in and waits", "the advisor takes the customer, both
// are consulting", with the options the suites need (a cutting proxy, an emulated link, chat or
// video, media sessions, several advisors and customers). This is the one place where the
// log-in-take-consult sequence is written down; tests that set up a consultation call it.
//
// Every step waits by spinning the event loop until its condition holds, never by sleeping. A step
// that times out says which condition did not hold (qWarning) and returns null or false, so a test
// writes QVERIFY(step) and stops there; in init() a failed QVERIFY skips the test function.
//
// Owns the server, the proxy, the link, every client it made and every consultation it set up;
// destroys them in that reverse order. Steps also accept clients the scenario did not make (a UI
// test's window owns its client): take() and awaitConsulting() take references.
//
// Real windows (the app UI tests): the scenario gives the server and the non-UI side, the test
// drives its window. For the customer window: endpoint() for the window's options, advisor() for
// the scripted advisor, the window's log-in driven through its widgets, then take(*advisor,
// *window->client()). For the advisor workstation: addAccount() for the account the dialog logs
// into, waitingCustomer() for scripted customers, a click on "take next", then
// awaitConsulting(*workstation.client(), *customer).
class Scenario
{
public:
    using Configure = std::function<void(ServerConfig &)>;

    explicit Scenario(const Configure &configure = {}, std::optional<OpeningHours> hours = std::nullopt,
                      const Clock *clock = nullptr);
    ~Scenario();
    Scenario(const Scenario &) = delete;
    Scenario &operator=(const Scenario &) = delete;

    // Starts the server; false (with the reason logged) if it could not.
    bool start();

    TestServer &server() { return *m_server; }
    // The cutting proxy in front of the server, made on first use.
    TcpProxy &proxy();
    // The second cutting proxy (Route::SecondCuttingProxy), made on first use.
    TcpProxy &secondProxy();
    // Puts an emulated link in front of the server for the clients on Route::EmulatedLink.
    LinkEmulator &emulateLink(LinkEmulator::Direction up, LinkEmulator::Direction down);
    LinkEmulator *link() const { return m_link.get(); }
    ServerEndpoint endpoint(Route route = Route::Direct);

    // --- Advisors ------------------------------------------------------------------------------
    // Creates the account only (in the database, hashed with Argon2id).
    void addAccount(const AdvisorSpec &spec);
    // Logs into an existing account with kTestPassword and waits until the client is ready.
    AdvisorClient *logIn(const AdvisorSpec &spec = {});
    // addAccount() and logIn().
    AdvisorClient *advisor(const AdvisorSpec &spec = {});

    // --- Customers -----------------------------------------------------------------------------
    // Connected, with the notices read (the log-in form is showing).
    CustomerClient *customerAtNotices(const CustomerSpec &spec = {});
    // The notices accepted and the log-in sent; the answer (waiting, message only, refused) is the
    // test's to wait for.
    CustomerClient *customerLoggingIn(const CustomerSpec &spec = {});
    // Logged in and waiting in the queue.
    CustomerClient *waitingCustomer(const CustomerSpec &spec = {});

    // --- Taking and consulting -----------------------------------------------------------------
    // The advisor takes the waiting customer (once the advisor's queue shows them) and both are
    // consulting.
    TestConsultation *take(AdvisorClient &advisor, CustomerClient &customer, Take how = Take::ByName);
    // For a take the test did itself (a click on a real window's button): waits until both are consulting.
    TestConsultation *awaitConsulting(AdvisorClient &advisor, CustomerClient &customer);
    // The whole sequence: an advisor logs in, a customer logs in and waits, the advisor takes them,
    // both are consulting; with media sessions on both sides if the spec asks.
    TestConsultation *consultation(const ConsultationSpec &spec = {});
    // Plugs a media session onto each side of a running consultation.
    void addMedia(TestConsultation &consultation, const MediaSpec &media);

    // Destroys a client the scenario made, now (its connection goes as an app closing would). A
    // consultation recorded with that client must not be used afterwards.
    void discard(AdvisorClient *advisor);
    void discard(CustomerClient *customer);

private:
    // Spins the event loop until `condition` holds; false and a warning naming `what` after `timeoutMs`.
    bool waitFor(const std::function<bool()> &condition, int timeoutMs, const char *what);
    TestConsultation *recordConsultation(AdvisorClient &advisor, CustomerClient &customer);

    // Declared in the order of construction; destroyed in reverse, clients before the server.
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TcpProxy> m_proxy;
    std::unique_ptr<TcpProxy> m_secondProxy;
    std::unique_ptr<LinkEmulator> m_link;
    std::vector<std::unique_ptr<AdvisorClient>> m_advisors;
    std::vector<std::unique_ptr<CustomerClient>> m_customers;
    std::list<TestConsultation> m_consultations; // a list: tests hold pointers to its elements
};

// The consultation still works: a line each way arrives and is confirmed as delivered.
void verifyTalksBothWays(TestConsultation &consultation, int timeoutMs = 10000);

} // namespace consult::testing
