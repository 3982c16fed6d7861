#include "Scenario.h"

#include "support/RawClient.h"

#include <QTest>

#include <algorithm>

namespace consult::testing {

namespace {

// Long enough for Argon2id on a loaded two-core machine; a step that takes longer is a failure.
constexpr int kLoginTimeoutMs = 20000;
constexpr int kStepTimeoutMs = 10000;

// The queue row of the customer called `name` in the advisor's queue, or -1.
int queueRowOf(const AdvisorClient &advisor, const QString &name)
{
    const AdvisorQueueModel *queue = advisor.queue();
    for (int row = 0; row < queue->rowCount(); ++row) {
        if (queue->data(queue->index(row, AdvisorQueueModel::NameColumn), Qt::DisplayRole).toString() == name)
            return row;
    }
    return -1;
}

} // namespace

AdvisorSpec AdvisorSpec::named(const QString &username, int capacity)
{
    return AdvisorSpec{username, username + QStringLiteral(" Berater"), capacity, Route::Direct};
}

CustomerSpec CustomerSpec::named(const QString &name, const QString &phone)
{
    CustomerSpec spec;
    spec.name = name;
    spec.phone = phone;
    return spec;
}

ConsultationSpec ConsultationSpec::between(const QString &username, const QString &customerName)
{
    ConsultationSpec spec;
    spec.advisor = AdvisorSpec::named(username);
    spec.customer.name = customerName;
    return spec;
}

Scenario::Scenario(const Configure &configure, std::optional<OpeningHours> hours, const Clock *clock)
    : m_server(std::make_unique<TestServer>(configure, std::move(hours), clock))
{}

Scenario::~Scenario()
{
    // Media sessions and clients first: they hold connections into the proxy, the link and the server.
    m_consultations.clear();
    m_customers.clear();
    m_advisors.clear();
    m_link.reset();
    m_secondProxy.reset();
    m_proxy.reset();
    m_server.reset();
}

bool Scenario::start()
{
    if (m_server->start())
        return true;
    qWarning("Scenario: the test server did not start");
    return false;
}

bool Scenario::waitFor(const std::function<bool()> &condition, int timeoutMs, const char *what)
{
    // spinUntil, not QTest::qWaitFor: server and clients share this thread, and qWaitFor sleeps
    // between event passes, which would add its sleep to every round trip of a TLS handshake.
    if (spinUntil(condition, timeoutMs))
        return true;
    qWarning("Scenario: %s did not happen within %d ms", what, timeoutMs);
    return false;
}

TcpProxy &Scenario::proxy()
{
    if (!m_proxy)
        m_proxy = std::make_unique<TcpProxy>(m_server->port());
    return *m_proxy;
}

TcpProxy &Scenario::secondProxy()
{
    if (!m_secondProxy)
        m_secondProxy = std::make_unique<TcpProxy>(m_server->port());
    return *m_secondProxy;
}

LinkEmulator &Scenario::emulateLink(LinkEmulator::Direction up, LinkEmulator::Direction down)
{
    m_link = std::make_unique<LinkEmulator>(m_server->port(), up, down);
    return *m_link;
}

ServerEndpoint Scenario::endpoint(Route route)
{
    switch (route) {
    case Route::Direct:
        break;
    case Route::CuttingProxy:
        return m_server->endpointAt(proxy().port());
    case Route::SecondCuttingProxy:
        return m_server->endpointAt(secondProxy().port());
    case Route::EmulatedLink:
        if (m_link)
            return m_server->endpointAt(m_link->port());
        qWarning("Scenario: Route::EmulatedLink without emulateLink(); connecting directly");
        break;
    }
    return m_server->endpoint();
}

void Scenario::addAccount(const AdvisorSpec &spec)
{
    m_server->addAdvisor(spec.username, spec.displayName, kTestPassword, spec.capacity);
}

AdvisorClient *Scenario::logIn(const AdvisorSpec &spec)
{
    m_advisors.push_back(makeAdvisor());
    AdvisorClient *advisor = m_advisors.back().get();
    advisor->loginWithPassword(endpoint(spec.route), spec.username, kTestPassword);
    if (!waitFor([&] { return advisor->phase() == AdvisorClient::Phase::Ready; }, kLoginTimeoutMs,
                 "the advisor's log-in"))
        return nullptr;
    return advisor;
}

AdvisorClient *Scenario::advisor(const AdvisorSpec &spec)
{
    addAccount(spec);
    return logIn(spec);
}

CustomerClient *Scenario::customerAtNotices(const CustomerSpec &spec)
{
    m_customers.push_back(makeCustomer(spec.language));
    CustomerClient *customer = m_customers.back().get();
    customer->start(endpoint(spec.route));
    if (!waitFor([&] { return customer->phase() == CustomerClient::Phase::ReadingNotices; }, kStepTimeoutMs,
                 "the customer's welcome with the notices"))
        return nullptr;
    return customer;
}

CustomerClient *Scenario::customerLoggingIn(const CustomerSpec &spec)
{
    CustomerClient *customer = customerAtNotices(spec);
    if (customer)
        customer->login(spec.name, spec.phone, spec.mode, spec.systemCheck ? &*spec.systemCheck : nullptr);
    return customer;
}

CustomerClient *Scenario::waitingCustomer(const CustomerSpec &spec)
{
    CustomerClient *customer = customerLoggingIn(spec);
    if (!customer || !waitFor([&] { return customer->phase() == CustomerClient::Phase::Waiting; }, kStepTimeoutMs,
                              "the customer's place in the queue"))
        return nullptr;
    return customer;
}

TestConsultation *Scenario::take(AdvisorClient &advisor, CustomerClient &customer, Take how)
{
    const QString name = customer.name();
    if (!waitFor([&] { return queueRowOf(advisor, name) >= 0; }, kStepTimeoutMs,
                 "the customer's entry in the advisor's queue"))
        return nullptr;
    if (how == Take::Next)
        advisor.takeNext();
    else
        advisor.take(advisor.queue()->entryIdAt(queueRowOf(advisor, name)));
    return awaitConsulting(advisor, customer);
}

TestConsultation *Scenario::awaitConsulting(AdvisorClient &advisor, CustomerClient &customer)
{
    if (!waitFor([&] { return customer.phase() == CustomerClient::Phase::Consulting; }, kStepTimeoutMs,
                 "the customer's consultation"))
        return nullptr;
    const QString id = customer.consultationId();
    if (!waitFor([&] { return advisor.consultation(id) != nullptr; }, kStepTimeoutMs,
                 "the consultation at the advisor's client"))
        return nullptr;
    return recordConsultation(advisor, customer);
}

TestConsultation *Scenario::recordConsultation(AdvisorClient &advisor, CustomerClient &customer)
{
    TestConsultation &consultation = m_consultations.emplace_back();
    consultation.advisor = &advisor;
    consultation.customer = &customer;
    consultation.id = customer.consultationId();
    return &consultation;
}

TestConsultation *Scenario::consultation(const ConsultationSpec &spec)
{
    AdvisorClient *advisor = this->advisor(spec.advisor);
    if (!advisor)
        return nullptr;
    CustomerClient *customer = waitingCustomer(spec.customer);
    if (!customer)
        return nullptr;
    TestConsultation *consultation = take(*advisor, *customer, spec.take);
    if (consultation && spec.media)
        addMedia(*consultation, *spec.media);
    return consultation;
}

void Scenario::addMedia(TestConsultation &consultation, const MediaSpec &media)
{
    consultation.customerMedia = std::make_unique<MediaSession>(
        consultation.customer->connection(), SystemClock::instance(), consultation.id, media.customer);
    consultation.advisorMedia = std::make_unique<MediaSession>(consultation.advisor->connection(),
                                                               SystemClock::instance(), consultation.id, media.advisor);
}

void Scenario::discard(AdvisorClient *advisor)
{
    std::erase_if(m_advisors, [&](const auto &owned) { return owned.get() == advisor; });
}

void Scenario::discard(CustomerClient *customer)
{
    std::erase_if(m_customers, [&](const auto &owned) { return owned.get() == customer; });
}

void verifyTalksBothWays(TestConsultation &consultation, int timeoutMs)
{
    QVERIFY(consultation.customer && consultation.advisor);
    const int probe = ++consultation.probes;
    const QString fromCustomer = QStringLiteral("Kunde Probe %1").arg(probe);
    const QString fromAdvisor = QStringLiteral("Berater Probe %1").arg(probe);
    AdvisorConsultation *atAdvisor = consultation.atAdvisor();
    QVERIFY(atAdvisor);
    const auto hasIncoming = [](const ChatModel &chat, const QString &text) {
        for (const ChatLine &line : chat.lines()) {
            if (!line.own && line.text == text)
                return true;
        }
        return false;
    };
    const auto ownDelivered = [](const ChatModel &chat, const QString &text) {
        for (const ChatLine &line : chat.lines()) {
            if (line.own && line.text == text)
                return line.delivery == ChatLine::Delivery::Delivered;
        }
        return false;
    };
    consultation.customer->sendChat(fromCustomer);
    CONSULT_WAIT_FOR(hasIncoming(*atAdvisor->chat, fromCustomer), timeoutMs);
    CONSULT_WAIT_FOR(ownDelivered(consultation.customerChat(), fromCustomer), timeoutMs);
    consultation.advisor->sendChat(consultation.id, fromAdvisor);
    CONSULT_WAIT_FOR(hasIncoming(consultation.customerChat(), fromAdvisor), timeoutMs);
    CONSULT_WAIT_FOR(ownDelivered(*atAdvisor->chat, fromAdvisor), timeoutMs);
}

} // namespace consult::testing
