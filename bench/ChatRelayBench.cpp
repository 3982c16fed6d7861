// chat_relay_bench: N concurrent consultations against a real consult-server process (targets: the
// performance table in docs/ARCHITECTURE.md).
//
// Starts the server with a temporary configuration, creates advisors with the administration
// command, logs in advisors and customers through the real client library (spread over worker
// threads), pairs them through the queue, then has every customer send chat lines at a fixed rate.
// Each line carries its send time; the advisor's side measures customer -> advisor relay latency.
// Prints latency p50/p99/max, messages per second, and the server's CPU and RSS over the
// measurement window. Not a test: it prints figures and asserts nothing.
#include "client/AdvisorClient.h"
#include "client/CustomerClient.h"
#include "client/MediaSession.h"
#include "core/Clock.h"
#include "eventloop/EpollEventDispatcher.h"
#include "support/BenchServer.h"
#include "support/SyntheticStream.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

using namespace consult;
using namespace consult::bench;

namespace {

qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

struct Shared
{
    QMutex mutex;
    std::vector<double> latenciesMs;
    std::atomic<int> customersWaiting{0};
    std::atomic<int> customersConsulting{0};
    std::atomic<int> advisorsReady{0};
    std::atomic<int> failures{0};
    std::atomic<qint64> sent{0};
    std::atomic<qint64> received{0};
    std::atomic<bool> measuring{false};
    std::atomic<qint64> queueUpdates{0};
    std::vector<double> audioLatenciesMs;
    std::vector<double> videoLatenciesMs;
    std::atomic<qint64> mediaPackets{0};
    // What the senders' receipts said during the window.
    std::vector<double> receiptRttMs;
    std::vector<double> peerQueueMs;
    std::atomic<qint64> droppedForPeer{0};
};

// Measures each arriving packet's age since capture (sender and receiver share this process's clock).
class LatencySink final : public MediaStreamSink
{
public:
    LatencySink(Shared &shared, bool audio)
        : m_shared(shared)
        , m_audio(audio)
    {}
    void push(const wire::MediaPacket &packet) override
    {
        ++m_shared.mediaPackets;
        if (!m_shared.measuring)
            return;
        const double ms = double(SystemClock::instance().monotonicUs() - packet.capture_us()) / 1000.0;
        QMutexLocker lock(&m_shared.mutex);
        (m_audio ? m_shared.audioLatenciesMs : m_shared.videoLatenciesMs).push_back(ms);
    }

private:
    Shared &m_shared;
    bool m_audio;
};

// The clients of one worker thread.
class Worker final : public QObject
{
public:
    Worker(Shared &shared, ServerEndpoint endpoint, int customers, int advisors, int capacity, int firstAdvisor,
           int totalAdvisors)
        : m_shared(shared)
        , m_endpoint(std::move(endpoint))
        , m_customerCount(customers)
        , m_advisorCount(advisors)
        , m_capacity(capacity)
        , m_firstAdvisor(firstAdvisor)
        , m_totalAdvisors(totalAdvisors)
    {}

    // Connects the next `count` customers of this worker.
    void connectCustomers(int count)
    {
        for (int i = 0; i < count && m_connected < m_customerCount; ++i, ++m_connected) {
            ClientConnection::Settings settings;
            settings.clientVersion = QStringLiteral("chat_relay_bench");
            auto customer = std::make_unique<CustomerClient>(settings, SystemClock::instance());
            CustomerClient *raw = customer.get();
            QObject::connect(raw, &CustomerClient::phaseChanged, raw, [this, raw](CustomerClient::Phase phase) {
                if (phase == CustomerClient::Phase::ReadingNotices)
                    raw->login(QStringLiteral("Kunde Bench"), QStringLiteral("0561 7001234"),
                               wire::CONSULTATION_MODE_CHAT);
                else if (phase == CustomerClient::Phase::Waiting)
                    ++m_shared.customersWaiting;
                else if (phase == CustomerClient::Phase::Consulting)
                    ++m_shared.customersConsulting;
                else if (phase == CustomerClient::Phase::Failed)
                    ++m_shared.failures;
            });
            QObject::connect(raw, &CustomerClient::queueStatusChanged, raw, [this] { ++m_shared.queueUpdates; });
            raw->start(m_endpoint);
            m_customers.push_back(std::move(customer));
        }
    }

    void connectAdvisors()
    {
        for (int i = 0; i < m_advisorCount; ++i) {
            ClientConnection::Settings settings;
            settings.clientVersion = QStringLiteral("chat_relay_bench");
            auto advisor = std::make_unique<AdvisorClient>(settings, SystemClock::instance());
            AdvisorClient *raw = advisor.get();
            QObject::connect(raw, &AdvisorClient::loggedIn, raw, [this, raw] {
                ++m_shared.advisorsReady;
                if (m_takeHeadOnLogin)
                    raw->takeNext();
            });
            // More than 30 password checks in flight from one address are held back (A2); retry as told.
            const QString username = BenchServer::advisorName(m_firstAdvisor + i);
            QObject::connect(raw, &AdvisorClient::loginRefused, raw,
                             [this, raw, username](wire::ErrorCode, int retryMs) {
                                 QTimer::singleShot(qMax(100, retryMs), raw, [this, raw, username] {
                                     raw->loginWithPassword(m_endpoint, username, kAdvisorPassword);
                                 });
                             });
            // Every advisor sees the same arrivals in the same order; arrival k goes to advisor k mod A,
            // so each customer is taken once, as soon as they arrive, without a rush of refused takes.
            const int index = m_firstAdvisor + i;
            auto arrivals = std::make_shared<int>(0);
            QObject::connect(raw->queue(), &QAbstractItemModel::rowsInserted, raw,
                             [this, raw, index, arrivals](const QModelIndex &, int first, int last) {
                                 for (int row = first; row <= last; ++row) {
                                     if ((*arrivals)++ % m_totalAdvisors == index)
                                         raw->take(raw->queue()->entryIdAt(row));
                                 }
                             });
            QObject::connect(raw, &AdvisorClient::consultationStarted, raw, [this, raw](const QString &id) {
                ChatModel *chat = raw->consultation(id)->chat.get();
                QObject::connect(chat, &ChatModel::incomingLine, raw, [this](const ChatLine &line) {
                    const qint64 now = steadyNowNs();
                    const qint64 sentAt = line.text.section(u' ', 0, 0).toLongLong();
                    if (sentAt <= 0)
                        return;
                    ++m_shared.received;
                    if (m_shared.measuring) {
                        QMutexLocker lock(&m_shared.mutex);
                        m_shared.latenciesMs.push_back(double(now - sentAt) / 1e6);
                    }
                });
            });
            raw->loginWithPassword(m_endpoint, username, kAdvisorPassword);
            m_advisors.push_back(std::move(advisor));
        }
    }

    // Both sides of every consultation of this worker send synthetic audio and video.
    void startMedia(int audioKbps, int videoKbps)
    {
        const auto equip = [this, audioKbps, videoKbps](ClientConnection &connection, const QString &id) {
            auto call = std::make_unique<Call>();
            call->session =
                std::make_unique<MediaSession>(connection, SystemClock::instance(), id, MediaSession::Settings{});
            call->microphone = std::make_unique<SyntheticStream>(wire::MEDIA_KIND_AUDIO, audioKbps);
            call->camera = std::make_unique<SyntheticStream>(wire::MEDIA_KIND_VIDEO, videoKbps);
            call->speaker = std::make_unique<LatencySink>(m_shared, true);
            call->screen = std::make_unique<LatencySink>(m_shared, false);
            call->session->setSource(call->microphone.get());
            call->session->setSource(call->camera.get());
            call->session->setSink(wire::MEDIA_KIND_AUDIO, call->speaker.get());
            call->session->setSink(wire::MEDIA_KIND_VIDEO, call->screen.get());
            // Independent callers are not in step: spread the streams' start over one 40 ms video
            // frame (golden-ratio offsets), or every timer in the benchmark fires at once and the
            // relay sees one synchronised burst per frame that no real load produces.
            const int offsetMs = int(std::fmod(double(m_calls.size()) * 0.6180339887, 1.0) * 40.0);
            MediaSession *session = call->session.get();
            QTimer::singleShot(offsetMs, session, [session] {
                session->setMicrophoneOn(true);
                session->setCameraOn(true);
            });
            QObject::connect(&call->session->channel(), &MediaChannel::receiptReceived, call->session.get(),
                             [this](const MediaChannel::Receipt &receipt) {
                                 if (!m_shared.measuring)
                                     return;
                                 m_shared.droppedForPeer += receipt.droppedForPeer;
                                 QMutexLocker lock(&m_shared.mutex);
                                 if (receipt.roundTripUs >= 0)
                                     m_shared.receiptRttMs.push_back(double(receipt.roundTripUs) / 1000.0);
                                 m_shared.peerQueueMs.push_back(double(receipt.peerQueueMs));
                             });
            m_calls.push_back(std::move(call));
        };
        for (auto &customer : m_customers) {
            if (customer->phase() == CustomerClient::Phase::Consulting)
                equip(customer->connection(), customer->consultationId());
        }
        for (auto &advisor : m_advisors) {
            for (const QString &id : advisor->consultationIds())
                equip(advisor->connection(), id);
        }
    }

    // The waiting scenario: the advisor takes the head of the (already full) queue once logged in.
    void setTakeHeadOnLogin(bool take) { m_takeHeadOnLogin = take; }

    void startSending(double linesPerSecondPerConsultation)
    {
        const int intervalMs = static_cast<int>(1000.0 / linesPerSecondPerConsultation);
        // Spread the customers over the interval so the load is even, not in bursts.
        for (std::size_t i = 0; i < m_customers.size(); ++i) {
            CustomerClient *customer = m_customers[i].get();
            auto *timer = new QTimer(customer);
            timer->setInterval(intervalMs);
            // Coarse timers (Qt's default) are aligned so that many fire together: the load would come
            // in bursts and the first line of each burst would wait for the rest.
            timer->setTimerType(Qt::PreciseTimer);
            QObject::connect(timer, &QTimer::timeout, customer, [this, customer] {
                if (customer->phase() != CustomerClient::Phase::Consulting)
                    return;
                customer->sendChat(QString::number(steadyNowNs()) + QStringLiteral(" Wie hoch ist mein Limit?"));
                ++m_shared.sent;
            });
            QTimer::singleShot(static_cast<int>(i * intervalMs / qMax<std::size_t>(1, m_customers.size())), timer,
                               [timer] { timer->start(); });
        }
    }

    void stop()
    {
        m_calls.clear();
        m_customers.clear();
        m_advisors.clear();
    }

private:
    Shared &m_shared;
    ServerEndpoint m_endpoint;
    int m_customerCount;
    int m_advisorCount;
    int m_capacity;
    int m_firstAdvisor;
    int m_totalAdvisors;
    int m_connected = 0;
    bool m_takeHeadOnLogin = false;
    struct Call
    {
        std::unique_ptr<MediaSession> session;
        std::unique_ptr<SyntheticStream> microphone;
        std::unique_ptr<SyntheticStream> camera;
        std::unique_ptr<LatencySink> speaker;
        std::unique_ptr<LatencySink> screen;
    };
    std::vector<std::unique_ptr<Call>> m_calls;
    std::vector<std::unique_ptr<CustomerClient>> m_customers;
    std::vector<std::unique_ptr<AdvisorClient>> m_advisors;
};

// target: 10,000 waiting customers under 1 GB, and a queue change that costs O(changed)
// messages. Fills the queue, then one advisor takes the head: every customer behind moves up one
// place, which is N-1 position updates by design; prints how long the fan-out took.
int runWaitingScenario(Shared &shared, const std::vector<Worker *> &workers,
                       const std::function<void(const std::function<void(Worker &)> &)> &onWorkers, BenchServer &server,
                       int waiting)
{
    Q_UNUSED(workers);
    QElapsedTimer phase;
    phase.start();
    constexpr int kBatch = 200;
    for (int started = 0; started < waiting; started += kBatch) {
        const int perWorker = (qMin(kBatch, waiting - started) + int(workers.size()) - 1) / int(workers.size());
        onWorkers([perWorker](Worker &worker) { worker.connectCustomers(perWorker); });
        const int target = qMin(waiting, started + kBatch);
        if (!waitFor([&] { return shared.customersWaiting + shared.failures >= target; }, 120000)) {
            std::fprintf(stderr, "customers did not all get in (%d of %d)\n", shared.customersWaiting.load(), target);
            return 1;
        }
    }
    const double fillSeconds = double(phase.restart()) / 1000;
    waitFor([] { return false; }, 3000); // let the position updates of the arrivals settle
    const ProcessSample filled = sampleProcess(server.processId());
    const qint64 updatesBefore = shared.queueUpdates;
    // One advisor with one place logs in and takes the head of the queue.
    phase.restart();
    onWorkers([](Worker &worker) {
        worker.setTakeHeadOnLogin(true);
        worker.connectAdvisors();
    });
    const qint64 expected = updatesBefore + (waiting - 1);
    const bool settled = waitFor([&] { return shared.queueUpdates >= expected; }, 120000);
    const double fanOutSeconds = double(phase.elapsed()) / 1000;
    const ProcessSample after = sampleProcess(server.processId());
    std::printf("waiting customers=%d, queue filled in %.1f s, failures=%d\n", waiting, fillSeconds,
                shared.failures.load());
    std::printf("server rss with the queue full: %.1f MiB (%.1f KiB per waiting customer incl. TLS connection)\n",
                filled.rssMiB, filled.rssMiB * 1024 / waiting);
    std::printf("head taken: %lld position updates (expected %d) reached the customers in %.2f s%s; server cpu for "
                "it %.2f s\n",
                static_cast<long long>(shared.queueUpdates - updatesBefore), waiting - 1, fanOutSeconds,
                settled ? "" : " (incomplete)", after.cpuSeconds - filled.cpuSeconds);
    server.stop();
    return settled ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Chat relay benchmark against a consult-server process."));
    parser.addHelpOption();
    const QCommandLineOption consultationsOption(QStringLiteral("consultations"),
                                                 QStringLiteral("Concurrent consultations."), QStringLiteral("n"),
                                                 QStringLiteral("100"));
    const QCommandLineOption rateOption(QStringLiteral("rate"),
                                        QStringLiteral("Chat lines per second per consultation."), QStringLiteral("r"),
                                        QStringLiteral("1"));
    const QCommandLineOption durationOption(QStringLiteral("duration"), QStringLiteral("Measurement seconds."),
                                            QStringLiteral("s"), QStringLiteral("20"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"), QStringLiteral("Client worker threads."),
                                           QStringLiteral("t"), QStringLiteral("2"));
    const QCommandLineOption capacityOption(QStringLiteral("capacity"), QStringLiteral("Consultations per advisor."),
                                            QStringLiteral("c"), QStringLiteral("10"));
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("Path of consult-server."),
                                          QStringLiteral("path"), BenchServer::defaultBinary());
    const QCommandLineOption pkiOption(
        QStringLiteral("pki"), QStringLiteral("Test PKI directory (server.pem, server.key, ca.pem, server.pin)."),
        QStringLiteral("dir"), BenchServer::defaultPki());
    const QCommandLineOption waitingOption(
        QStringLiteral("waiting"),
        QStringLiteral("Instead of chat: this many customers wait; measure the server's memory and what one "
                       "advisor taking the head of the queue costs."),
        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption mediaOption(
        QStringLiteral("media"),
        QStringLiteral("Instead of chat: every consultation sends synthetic audio and video both ways; measure the "
                       "relay's added latency and the server's CPU and memory."));
    const QCommandLineOption noPinOption(
        QStringLiteral("no-pin"),
        QStringLiteral("Leave both processes to the scheduler. By default, on a machine with two or more CPUs, the "
                       "server runs on CPU 0 and this load generator on CPU 1, so that neither's figures include "
                       "waiting for the other."));
    parser.addOptions({consultationsOption, rateOption, durationOption, threadsOption, capacityOption, serverOption,
                       pkiOption, waitingOption, mediaOption, noPinOption});
    parser.process(app);

    const int waiting = parser.value(waitingOption).toInt();
    const int consultations = waiting > 0 ? waiting : parser.value(consultationsOption).toInt();
    const double rate = parser.value(rateOption).toDouble();
    const int duration = parser.value(durationOption).toInt();
    const int threads = qMax(1, parser.value(threadsOption).toInt());
    const bool media = parser.isSet(mediaOption);
    // One video consultation per advisor.
    const int capacity = media ? 1 : qBound(1, parser.value(capacityOption).toInt(), 20);
    const int advisors = waiting > 0 ? 1 : (consultations + capacity - 1) / capacity;
    const QDir pki(parser.value(pkiOption));

    const bool pin = !parser.isSet(noPinOption) && QThread::idealThreadCount() >= 2 && pinCurrentThread(1);
    std::fprintf(stderr, pin ? "server on CPU 0, load generator on CPU 1\n" : "processes not pinned\n");
    BenchServer server;
    if (!server.start({parser.value(serverOption), pki, advisors, capacity, pin ? 0 : -1}))
        return 1;
    const ServerEndpoint endpoint = server.endpoint();

    Shared shared;
    std::vector<std::unique_ptr<QThread>> workerThreads;
    std::vector<Worker *> workers;
    int firstAdvisor = 0;
    for (int t = 0; t < threads; ++t) {
        const int customers = consultations / threads + (t < consultations % threads ? 1 : 0);
        const int advisorShare = advisors / threads + (t < advisors % threads ? 1 : 0);
        auto thread = std::make_unique<QThread>();
        thread->setEventDispatcher(new EpollEventDispatcher); // 500+ connections per thread
        auto *worker = new Worker(shared, endpoint, customers, advisorShare, capacity, firstAdvisor, advisors);
        firstAdvisor += advisorShare;
        worker->moveToThread(thread.get());
        QObject::connect(thread.get(), &QThread::finished, worker, &QObject::deleteLater);
        thread->start();
        workers.push_back(worker);
        workerThreads.push_back(std::move(thread));
    }
    const auto onWorkers = [&](const std::function<void(Worker &)> &action) {
        for (Worker *worker : workers)
            QMetaObject::invokeMethod(
                worker, [worker, action] { action(*worker); }, Qt::QueuedConnection);
    };

    const auto stopWorkers = [&] {
        onWorkers([](Worker &worker) { worker.stop(); });
        for (auto &thread : workerThreads) {
            thread->quit();
            thread->wait();
        }
    };
    if (waiting > 0) {
        const int code = runWaitingScenario(shared, workers, onWorkers, server, waiting);
        stopWorkers();
        return code;
    }

    QElapsedTimer phase;
    phase.start();
    // Advisors on duty first, then customers arrive in batches and are taken as they come: the queue
    // stays short, as on a normal day. (A long queue drained at once is a different load: every take
    // moves everyone behind, which is O(n) messages per take by design.)
    onWorkers([](Worker &worker) { worker.connectAdvisors(); });
    if (!waitFor([&] { return shared.advisorsReady + shared.failures >= advisors; }, 120000)) {
        std::fprintf(stderr, "advisors did not all log in (%d)\n", shared.advisorsReady.load());
        stopWorkers(); // the worker threads end before their QThread objects (issue 15: it aborted here)
        return 1;
    }
    const double advisorsSeconds = double(phase.restart()) / 1000;
    constexpr int kBatch = 100;
    for (int started = 0; started < consultations; started += kBatch) {
        const int batch = qMin(kBatch, consultations - started);
        const int perWorker = (batch + threads - 1) / threads;
        onWorkers([perWorker](Worker &worker) { worker.connectCustomers(perWorker); });
        const int target = qMin(consultations, started + batch);
        if (!waitFor([&] { return shared.customersConsulting + shared.failures >= target; }, 120000)) {
            std::fprintf(stderr, "consultations did not all start (%d of %d)\n", shared.customersConsulting.load(),
                         target);
            stopWorkers();
            return 1;
        }
    }
    std::fprintf(stderr, "%d advisors logged in after %.1f s; %d consultations started after %.1f s more\n", advisors,
                 advisorsSeconds, consultations, double(phase.restart()) / 1000);

    if (media) {
        onWorkers([](Worker &worker) { worker.startMedia(32, 450); });
    } else {
        onWorkers([rate](Worker &worker) { worker.startSending(rate); });
    }
    waitFor([] { return false; }, 3000); // warm-up
    shared.measuring = true;
    const qint64 receivedBefore = shared.received;
    const qint64 mediaBefore = shared.mediaPackets;
    const ProcessSample before = sampleProcess(server.processId());
    const ProcessSample clientsBefore = sampleProcess(QCoreApplication::applicationPid());
    QElapsedTimer window;
    window.start();
    const qint64 windowStartMs = server.nowMs();
    waitFor([] { return false; }, duration * 1000);
    const ProcessSample after = sampleProcess(server.processId());
    const ProcessSample clientsAfter = sampleProcess(QCoreApplication::applicationPid());
    const double seconds = double(window.elapsed()) / 1000;
    shared.measuring = false;
    const qint64 receivedInWindow = shared.received - receivedBefore;
    const qint64 mediaInWindow = shared.mediaPackets - mediaBefore;

    stopWorkers();
    // The server's own figures for the window: its 5-second reports that fell inside it.
    const QList<QByteArray> serverLog = server.log("latency, last 5 s", windowStartMs + 5000, server.nowMs());
    server.stop();

    std::vector<double> latencies;
    {
        QMutexLocker lock(&shared.mutex);
        latencies = shared.latenciesMs;
    }
    const double p50 = percentile(latencies, 0.50);
    const double p99 = percentile(latencies, 0.99);
    const double max = latencies.empty() ? 0 : *std::max_element(latencies.begin(), latencies.end());
    std::printf("consultations=%d advisors=%d client_threads=%d rate=%.1f/s/consultation window=%.1fs\n", consultations,
                advisors, threads, rate, seconds);
    if (media) {
        std::vector<double> audio;
        std::vector<double> video;
        {
            QMutexLocker lock(&shared.mutex);
            audio = shared.audioLatenciesMs;
            video = shared.videoLatenciesMs;
        }
        std::printf("media: %d audio+video consultations, both ways; %.0f packets/s relayed\n", consultations,
                    double(mediaInWindow) / seconds);
        std::vector<double> rtt;
        std::vector<double> queued;
        {
            QMutexLocker lock(&shared.mutex);
            rtt = shared.receiptRttMs;
            queued = shared.peerQueueMs;
        }
        std::printf("senders' receipts: round trip to the relay p50=%.2f ms p99=%.2f ms; wait on the relay for the "
                    "peer p50=%.0f ms p99=%.0f ms; %lld packets dropped on the relay\n",
                    percentile(rtt, 0.5), percentile(rtt, 0.99), percentile(queued, 0.5), percentile(queued, 0.99),
                    static_cast<long long>(shared.droppedForPeer.load()));
        std::printf("added latency (capture stamp to arrival, through the relay): audio p50=%.2f ms p99=%.2f ms; "
                    "video fragments p50=%.2f ms p99=%.2f ms\n",
                    percentile(audio, 0.5), percentile(audio, 0.99), percentile(video, 0.5), percentile(video, 0.99));
    } else {
        std::printf("relay latency customer->advisor: p50=%.2f ms p99=%.2f ms max=%.2f ms (n=%zu)\n", p50, p99, max,
                    latencies.size());
        std::printf("throughput: %.0f chat lines/s relayed\n", double(receivedInWindow) / seconds);
    }
    for (const QByteArray &line : serverLog)
        std::printf("server's own report: %s\n", line.constData());
    std::printf("server: cpu=%.1f%% of one core, rss=%.1f MiB\n",
                100.0 * (after.cpuSeconds - before.cpuSeconds) / seconds, after.rssMiB);
    std::printf("clients (this process, %d threads): cpu=%.1f%%, rss=%.1f MiB\n", threads,
                100.0 * (clientsAfter.cpuSeconds - clientsBefore.cpuSeconds) / seconds, clientsAfter.rssMiB);
    std::printf("failures=%d\n", shared.failures.load());
    return 0;
}
