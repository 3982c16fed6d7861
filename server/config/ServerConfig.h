#pragma once

#include "core/Result.h"
#include "net/AllowedNetworks.h"

#include <QHostAddress>
#include <QMap>
#include <QString>
#include <QStringList>

namespace consult {

// Everything the server reads from its INI file, with the defaults documented in
// server/consult-server.example.ini (keep the two in step: a test checks that every key there is
// read here). Paths are resolved relative to the INI file's directory.
struct ServerConfig
{
    // [network]
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8443;
    QString certificateChainPath;
    QString privateKeyPath;
    QStringList allowedOrigins;
    int maxConnectionsPerAddress = 20;
    int maxConnections = 20'000;
    int maxPendingHandshakes = 512;
    int handshakeTimeoutMs = 10'000;
    int clientHelloTimeoutMs = 3'000; // R4
    int handshakesPerAddress = 10;    // R4: per address group per window
    int handshakeWindowSeconds = 10;
    // Load balancers passing TLS through, whose connections begin with a PROXY protocol v2 header
    // naming the client; addresses or networks (address/prefix). Empty: no header is ever read.
    QList<QPair<QHostAddress, int>> trustedProxies;
    int maxMessageBytes = 64 * 1024;
    qint64 maxOutgoingBufferBytes = 8 * 1024 * 1024;

    // [session]
    int resumeTtlSeconds = 60;
    int pingIntervalSeconds = 20;
    int pingTimeoutSeconds = 60;
    int clientPingIntervalSeconds = 5;
    int maxUnacknowledgedMessages = 4096;

    // [limits]
    double chatPerSecond = 5;
    double chatBurst = 20;
    double controlPerSecond = 10;
    double controlBurst = 30;
    int maxProtocolErrors = 5;
    double envelopesPerSecond = 50; // every message type together, per connection
    double envelopeBurst = 200;
    int entriesPerAddress = 5;  // S3: queue entries per address per window
    int messagesPerAddress = 5; // S3: left messages per address per window
    int entryWindowMinutes = 10;

    // [queue]
    int maxQueueLength = 10'000;
    int defaultHandlingSeconds = 300;
    int pickupSeconds = 60;

    // [inbox]
    int inboxMaxItems = 1000; // I9: stored left messages, all customers together

    // [hours]
    QMap<QString, QString> openingHours; // "monday" .. "sunday" -> "08:00-18:00" or "closed"
    QString closedDates;
    QString timeZone = QStringLiteral("Europe/Berlin");

    // [advisors]
    int defaultCapacity = 3;
    int idleTimeoutMinutes = 30;    // A7
    int absoluteLifetimeHours = 10; // A7
    QString greetingGerman = QStringLiteral("Guten Tag, hier ist %1. Wie kann ich Ihnen helfen?");
    QString greetingEnglish = QStringLiteral("Hello, this is %1. How can I help you?");
    QString transferGreetingGerman =
        QStringLiteral("Guten Tag, hier ist %1. Ich habe Ihr Gespräch übernommen und sehe den bisherigen Verlauf.");
    QString transferGreetingEnglish =
        QStringLiteral("Hello, this is %1. I have taken over your conversation and can see what was said so far.");
    int transferHistoryLines = 500;  // P1: RAM only, for the colleague who receives a transfer
    AllowedNetworks advisorNetworks; // where advisors may log in from (password or token); empty: anywhere

    // [media]
    int mediaWindowBytes = 48 * 1024; // unacknowledged media per receiver
    int mediaAudioDeadlineMs = 300;   // audio older than this is dropped, not sent
    int mediaVideoDeadlineMs = 200;
    int mediaMaxUplinkKbps = 2000; // per sender
    int loopLagProbeMs = 0;        // 0: off

    // [whiteboard]: per consultation, RAM only (P1)
    int whiteboardMaxDocuments = 10;
    int whiteboardMaxPages = 50; // per document
    int whiteboardMaxPageBytes = 2 * 1024 * 1024;
    int whiteboardMaxBoardBytes = 32 * 1024 * 1024; // page images and annotations together
    double whiteboardOperationsPerSecond = 40;      // per participant (I5)
    double whiteboardOperationBurst = 80;
    int whiteboardMaxOperations = 10'000; // annotations, undo, redo, erase, clear (not a stroke's extends)
    int whiteboardMaxPoints = 5000;       // point pairs of one stroke

    // [documents]: files exchanged in a consultation, in an encrypted vault file each, deleted at the
    // end (P2); the limits are U1's, the content limits U3's and U4's
    qint64 documentsMaxFileBytes = 10 * 1024 * 1024;
    int documentsMaxFiles = 20;                                // per consultation, both directions
    qint64 documentsMaxConsultationBytes = 50 * 1024 * 1024;   // all files of a consultation
    qint64 documentsMaxServerBytes = 2LL * 1024 * 1024 * 1024; // all consultations together
    QString documentsDirectory;                                // empty: <data directory>/documents
    int documentsMaxImageSide = 10'000;                        // pixels per side (U3)
    qint64 documentsMaxImagePixels = 25'000'000;               // U3
    int documentsMaxPdfPages = 100;                            // U4
    int documentsCheckThreads = 2; // content checks at once; each holds one file in RAM while it runs

    // [linktest]: the connection check of the customer's system check (S11)
    int linkTestMaxDownloadBytes = 512 * 1024;
    int linkTestMaxUploadBytes = 256 * 1024;
    int linkTestTimeLimitMs = 10'000;
    int linkTestsPerAddress = 6; // per window, IPv6 by /64
    int linkTestWindowMinutes = 60;
    int linkTestMaxConcurrent = 32;
    int linkTestBusyLoopLagMs = 100; // refused while the loop is this far behind ...
    int linkTestBusyWindowMs = 5000; // ... for half of this window (LoopOverload)

    // [forms]: the form library and forms per consultation, RAM only (P1)
    QString formsDirectory; // load() sets <directory of the INI file>/forms unless the INI names one
    int formsMaxPerConsultation = 10;

    // [storage]
    QString dataDirectory = QStringLiteral("data");
    QString databaseFile = QStringLiteral("consult.sqlite");
    // The inbox key lives apart from the data it protects, so a backup of the data directory alone
    // cannot read the messages (load() sets <directory of the INI file>/keys unless the INI names one).
    QString keyDirectory;
    QString inboxKeyFile = QStringLiteral("inbox.key"); // relative to keyDirectory

    // [retention]
    int inboxRetentionDays = 14;
    int statisticsRetentionDays = 730;
    int accessLogRetentionDays = 7; // P5

    // [monitoring]: /healthz and /metrics for the operators' monitoring, plain HTTP on a port of its
    // own (issue 14). Aggregate figures only, nothing of a person (P3); still loopback by default.
    bool monitoringEnabled = true;
    QHostAddress monitoringAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 monitoringPort = 9180; // 0: any free port (tests read the chosen one from the log)
    // Anyone who reaches a non-loopback address reads it unencrypted and unauthenticated: refused
    // unless the operators say they protect it (a firewall, a network only the monitoring reaches).
    bool monitoringAllowNonLoopback = false;

    // [service]
    QString bankName = QStringLiteral("Sparkasse");
    QString noticesDirectory; // empty: the notices built into the server

    QString databasePath() const;
    QString inboxKeyPath() const;
    // Where versions before key_directory kept the inbox key: inside the data directory.
    QString legacyInboxKeyPath() const;
    QString documentsPath() const;

    // Loads `iniPath`; unknown keys and bad values are errors, not silently ignored.
    static Result<ServerConfig> load(const QString &iniPath);
    // Every key load() understands, as "section/key"; for the documentation check.
    static QStringList knownKeys();
};

} // namespace consult
