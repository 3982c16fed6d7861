#include "ServerConfig.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <functional>

namespace consult {

namespace {

// One table describes every key: its name, and how to read it into the config.
struct KeyReader
{
    const char *key;
    std::function<bool(ServerConfig &, const QVariant &, const QDir &)> read;
};

template <typename Int>
std::function<bool(ServerConfig &, const QVariant &, const QDir &)> integer(Int ServerConfig::*member, qint64 min,
                                                                            qint64 max)
{
    return [member, min, max](ServerConfig &config, const QVariant &value, const QDir &) {
        bool ok = false;
        const qint64 number = value.toString().trimmed().toLongLong(&ok);
        if (!ok || number < min || number > max)
            return false;
        config.*member = static_cast<Int>(number);
        return true;
    };
}

std::function<bool(ServerConfig &, const QVariant &, const QDir &)> real(double ServerConfig::*member, double min,
                                                                         double max)
{
    return [member, min, max](ServerConfig &config, const QVariant &value, const QDir &) {
        bool ok = false;
        const double number = value.toString().trimmed().toDouble(&ok);
        if (!ok || number < min || number > max)
            return false;
        config.*member = number;
        return true;
    };
}

std::function<bool(ServerConfig &, const QVariant &, const QDir &)> text(QString ServerConfig::*member)
{
    return [member](ServerConfig &config, const QVariant &value, const QDir &) {
        // QSettings splits an unquoted value at commas and trims the parts; in prose a comma is followed
        // by a space, so that is how the parts are joined again (quote the value to keep it exact).
        config.*member = value.typeId() == QMetaType::QStringList ? value.toStringList().join(QStringLiteral(", "))
                                                                  : value.toString();
        return true;
    };
}

std::function<bool(ServerConfig &, const QVariant &, const QDir &)> path(QString ServerConfig::*member)
{
    return [member](ServerConfig &config, const QVariant &value, const QDir &base) {
        const QString raw = value.toString().trimmed();
        config.*member = raw.isEmpty() ? QString() : QDir::cleanPath(base.absoluteFilePath(raw));
        return true;
    };
}

std::function<bool(ServerConfig &, const QVariant &, const QDir &)> flag(bool ServerConfig::*member)
{
    return [member](ServerConfig &config, const QVariant &value, const QDir &) {
        const QString word = value.toString().trimmed().toLower();
        if (word == u"true" || word == u"yes" || word == u"on" || word == u"1")
            config.*member = true;
        else if (word == u"false" || word == u"no" || word == u"off" || word == u"0")
            config.*member = false;
        else
            return false;
        return true;
    };
}

std::function<bool(ServerConfig &, const QVariant &, const QDir &)> hours(const char *day)
{
    return [day](ServerConfig &config, const QVariant &value, const QDir &) {
        config.openingHours.insert(QString::fromLatin1(day), value.typeId() == QMetaType::QStringList
                                                                 ? value.toStringList().join(u',')
                                                                 : value.toString());
        return true;
    };
}

const std::vector<KeyReader> &readers()
{
    static const std::vector<KeyReader> table = {
        {"network/listen_address",
         [](ServerConfig &c, const QVariant &v, const QDir &) {
             QHostAddress address;
             if (!address.setAddress(v.toString().trimmed()))
                 return false;
             c.listenAddress = address;
             return true;
         }},
        {"network/port", integer(&ServerConfig::port, 0, 65535)},
        {"network/certificate_chain", path(&ServerConfig::certificateChainPath)},
        {"network/private_key", path(&ServerConfig::privateKeyPath)},
        {"network/allowed_origins",
         [](ServerConfig &c, const QVariant &v, const QDir &) {
             c.allowedOrigins =
                 v.typeId() == QMetaType::QStringList ? v.toStringList() : v.toString().split(u',', Qt::SkipEmptyParts);
             for (QString &origin : c.allowedOrigins)
                 origin = origin.trimmed();
             c.allowedOrigins.removeAll(QString());
             return true;
         }},
        {"network/trusted_proxies",
         [](ServerConfig &c, const QVariant &v, const QDir &) {
             const QStringList items =
                 v.typeId() == QMetaType::QStringList ? v.toStringList() : v.toString().split(u',', Qt::SkipEmptyParts);
             c.trustedProxies.clear();
             for (const QString &item : items) {
                 const QString text = item.trimmed();
                 if (text.isEmpty())
                     continue;
                 // A bare address is a network of one.
                 const QPair<QHostAddress, int> network = QHostAddress::parseSubnet(
                     text.contains(u'/')
                         ? text
                         : text + (text.contains(u':') ? QStringLiteral("/128") : QStringLiteral("/32")));
                 if (network.first.isNull())
                     return false;
                 c.trustedProxies.append(network);
             }
             return true;
         }},
        {"network/max_connections_per_address", integer(&ServerConfig::maxConnectionsPerAddress, 1, 100'000)},
        {"network/max_connections", integer(&ServerConfig::maxConnections, 1, 1'000'000)},
        {"network/max_pending_handshakes", integer(&ServerConfig::maxPendingHandshakes, 1, 100'000)},
        {"network/handshake_timeout_ms", integer(&ServerConfig::handshakeTimeoutMs, 100, 10'000)},
        {"network/client_hello_timeout_ms", integer(&ServerConfig::clientHelloTimeoutMs, 100, 10'000)},
        {"network/handshakes_per_address", integer(&ServerConfig::handshakesPerAddress, 1, 1'000'000)},
        {"network/handshake_window_seconds", integer(&ServerConfig::handshakeWindowSeconds, 1, 3600)},
        {"network/max_message_bytes", integer(&ServerConfig::maxMessageBytes, 1024, 1024 * 1024)},
        {"network/max_outgoing_buffer_bytes",
         integer(&ServerConfig::maxOutgoingBufferBytes, 64 * 1024, 256 * 1024 * 1024)},
        {"session/resume_ttl_seconds", integer(&ServerConfig::resumeTtlSeconds, 1, 120)},
        {"session/ping_interval_seconds", integer(&ServerConfig::pingIntervalSeconds, 1, 300)},
        {"session/ping_timeout_seconds", integer(&ServerConfig::pingTimeoutSeconds, 2, 600)},
        {"session/client_ping_interval_seconds", integer(&ServerConfig::clientPingIntervalSeconds, 1, 60)},
        {"session/max_unacknowledged_messages", integer(&ServerConfig::maxUnacknowledgedMessages, 16, 1'000'000)},
        {"limits/chat_per_second", real(&ServerConfig::chatPerSecond, 0.1, 10'000)},
        {"limits/chat_burst", real(&ServerConfig::chatBurst, 1, 100'000)},
        {"limits/control_per_second", real(&ServerConfig::controlPerSecond, 0.1, 10'000)},
        {"limits/control_burst", real(&ServerConfig::controlBurst, 1, 100'000)},
        {"limits/max_protocol_errors", integer(&ServerConfig::maxProtocolErrors, 1, 1000)},
        {"limits/envelopes_per_second", real(&ServerConfig::envelopesPerSecond, 1, 100'000)},
        {"limits/envelope_burst", real(&ServerConfig::envelopeBurst, 1, 1'000'000)},
        {"limits/entries_per_address", integer(&ServerConfig::entriesPerAddress, 1, 1'000'000)},
        {"limits/messages_per_address", integer(&ServerConfig::messagesPerAddress, 1, 1'000'000)},
        {"limits/entry_window_minutes", integer(&ServerConfig::entryWindowMinutes, 1, 24 * 60)},
        {"queue/max_length", integer(&ServerConfig::maxQueueLength, 1, 1'000'000)},
        {"queue/default_handling_seconds", integer(&ServerConfig::defaultHandlingSeconds, 10, 24 * 3600)},
        {"queue/pickup_seconds", integer(&ServerConfig::pickupSeconds, 0, 3600)},
        {"inbox/max_items", integer(&ServerConfig::inboxMaxItems, 1, 100'000)},
        {"hours/monday", hours("monday")},
        {"hours/tuesday", hours("tuesday")},
        {"hours/wednesday", hours("wednesday")},
        {"hours/thursday", hours("thursday")},
        {"hours/friday", hours("friday")},
        {"hours/saturday", hours("saturday")},
        {"hours/sunday", hours("sunday")},
        {"hours/closed_dates", text(&ServerConfig::closedDates)},
        {"hours/time_zone", text(&ServerConfig::timeZone)},
        {"advisors/default_capacity", integer(&ServerConfig::defaultCapacity, 1, 20)},
        {"advisors/idle_timeout_minutes", integer(&ServerConfig::idleTimeoutMinutes, 1, 24 * 60)},
        {"advisors/absolute_lifetime_hours", integer(&ServerConfig::absoluteLifetimeHours, 1, 24)},
        {"advisors/greeting_de", text(&ServerConfig::greetingGerman)},
        {"advisors/greeting_en", text(&ServerConfig::greetingEnglish)},
        {"advisors/transfer_greeting_de", text(&ServerConfig::transferGreetingGerman)},
        {"advisors/transfer_greeting_en", text(&ServerConfig::transferGreetingEnglish)},
        {"advisors/transfer_history_lines", integer(&ServerConfig::transferHistoryLines, 0, 5000)},
        {"advisors/allowed_networks",
         [](ServerConfig &c, const QVariant &v, const QDir &) {
             // QSettings splits an unquoted list at its commas already.
             const auto networks = AllowedNetworks::parse(v.typeId() == QMetaType::QStringList
                                                              ? v.toStringList()
                                                              : v.toString().split(u',', Qt::SkipEmptyParts));
             if (!networks)
                 return false;
             c.advisorNetworks = *networks;
             return true;
         }},
        {"media/window_bytes", integer(&ServerConfig::mediaWindowBytes, 4 * 1024, 1024 * 1024)},
        {"media/audio_deadline_ms", integer(&ServerConfig::mediaAudioDeadlineMs, 20, 5000)},
        {"media/video_deadline_ms", integer(&ServerConfig::mediaVideoDeadlineMs, 20, 5000)},
        {"media/max_uplink_kbps", integer(&ServerConfig::mediaMaxUplinkKbps, 64, 100'000)},
        {"diagnostics/loop_lag_probe_ms", integer(&ServerConfig::loopLagProbeMs, 0, 1000)},
        {"whiteboard/max_documents", integer(&ServerConfig::whiteboardMaxDocuments, 1, 1000)},
        {"whiteboard/max_pages", integer(&ServerConfig::whiteboardMaxPages, 1, 1000)},
        {"whiteboard/max_page_bytes", integer(&ServerConfig::whiteboardMaxPageBytes, 16 * 1024, 16 * 1024 * 1024)},
        {"whiteboard/max_board_bytes", integer(&ServerConfig::whiteboardMaxBoardBytes, 64 * 1024, 1024 * 1024 * 1024)},
        {"whiteboard/operations_per_second", real(&ServerConfig::whiteboardOperationsPerSecond, 1, 10'000)},
        {"whiteboard/operation_burst", real(&ServerConfig::whiteboardOperationBurst, 1, 100'000)},
        {"whiteboard/max_operations", integer(&ServerConfig::whiteboardMaxOperations, 1, 1'000'000)},
        {"whiteboard/max_points", integer(&ServerConfig::whiteboardMaxPoints, 2, 100'000)},
        {"documents/max_file_bytes", integer(&ServerConfig::documentsMaxFileBytes, 1024, 1024LL * 1024 * 1024)},
        {"documents/max_files", integer(&ServerConfig::documentsMaxFiles, 1, 1000)},
        {"documents/max_consultation_bytes",
         integer(&ServerConfig::documentsMaxConsultationBytes, 1024, 16LL * 1024 * 1024 * 1024)},
        {"documents/max_server_bytes",
         integer(&ServerConfig::documentsMaxServerBytes, 1024 * 1024, 16LL * 1024 * 1024 * 1024 * 1024)},
        {"documents/directory", path(&ServerConfig::documentsDirectory)},
        {"documents/max_image_side", integer(&ServerConfig::documentsMaxImageSide, 16, 100'000)},
        {"documents/max_image_pixels", integer(&ServerConfig::documentsMaxImagePixels, 256, 1'000'000'000)},
        {"documents/max_pdf_pages", integer(&ServerConfig::documentsMaxPdfPages, 1, 10'000)},
        {"documents/check_threads", integer(&ServerConfig::documentsCheckThreads, 1, 64)},
        {"linktest/max_download_bytes", integer(&ServerConfig::linkTestMaxDownloadBytes, 16 * 1024, 4 * 1024 * 1024)},
        {"linktest/max_upload_bytes", integer(&ServerConfig::linkTestMaxUploadBytes, 16 * 1024, 4 * 1024 * 1024)},
        {"linktest/time_limit_ms", integer(&ServerConfig::linkTestTimeLimitMs, 1000, 30'000)},
        {"linktest/tests_per_address", integer(&ServerConfig::linkTestsPerAddress, 1, 1000)},
        {"linktest/window_minutes", integer(&ServerConfig::linkTestWindowMinutes, 1, 24 * 60)},
        {"linktest/max_concurrent", integer(&ServerConfig::linkTestMaxConcurrent, 1, 10'000)},
        {"linktest/busy_loop_lag_ms", integer(&ServerConfig::linkTestBusyLoopLagMs, 1, 10'000)},
        {"linktest/busy_window_ms", integer(&ServerConfig::linkTestBusyWindowMs, 1000, 60'000)},
        {"forms/directory", path(&ServerConfig::formsDirectory)},
        {"forms/max_per_consultation", integer(&ServerConfig::formsMaxPerConsultation, 1, 100)},
        {"storage/data_directory", path(&ServerConfig::dataDirectory)},
        {"storage/key_directory", path(&ServerConfig::keyDirectory)},
        {"storage/database_file", text(&ServerConfig::databaseFile)},
        {"storage/inbox_key_file", text(&ServerConfig::inboxKeyFile)},
        {"retention/inbox_days", integer(&ServerConfig::inboxRetentionDays, 1, 365)},
        {"retention/statistics_days", integer(&ServerConfig::statisticsRetentionDays, 1, 3650)},
        {"retention/access_log_days", integer(&ServerConfig::accessLogRetentionDays, 1, 7)},
        {"monitoring/enabled", flag(&ServerConfig::monitoringEnabled)},
        {"monitoring/listen_address",
         [](ServerConfig &c, const QVariant &v, const QDir &) {
             QHostAddress address;
             if (!address.setAddress(v.toString().trimmed()))
                 return false;
             c.monitoringAddress = address;
             return true;
         }},
        {"monitoring/port", integer(&ServerConfig::monitoringPort, 0, 65535)},
        {"monitoring/allow_non_loopback", flag(&ServerConfig::monitoringAllowNonLoopback)},
        {"service/bank_name", text(&ServerConfig::bankName)},
        {"service/notices_directory", path(&ServerConfig::noticesDirectory)},
    };
    return table;
}

} // namespace

QString ServerConfig::databasePath() const
{
    return QDir(dataDirectory).absoluteFilePath(databaseFile);
}

QString ServerConfig::inboxKeyPath() const
{
    return QDir(keyDirectory).absoluteFilePath(inboxKeyFile);
}

QString ServerConfig::legacyInboxKeyPath() const
{
    return QDir(dataDirectory).absoluteFilePath(inboxKeyFile);
}

QString ServerConfig::documentsPath() const
{
    return documentsDirectory.isEmpty() ? QDir(dataDirectory).absoluteFilePath(QStringLiteral("documents"))
                                        : documentsDirectory;
}

Result<ServerConfig> ServerConfig::load(const QString &iniPath)
{
    if (!QFileInfo(iniPath).isReadable())
        return Result<ServerConfig>::failure(QStringLiteral("unreadable"),
                                             QStringLiteral("cannot read the configuration file %1").arg(iniPath));
    QSettings settings(iniPath, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return Result<ServerConfig>::failure(QStringLiteral("syntax"),
                                             QStringLiteral("the configuration file %1 is not valid INI").arg(iniPath));

    const QDir base = QFileInfo(iniPath).absoluteDir();
    ServerConfig config;
    config.dataDirectory = base.absoluteFilePath(config.dataDirectory);
    config.formsDirectory = base.absoluteFilePath(QStringLiteral("forms"));
    config.keyDirectory = base.absoluteFilePath(QStringLiteral("keys"));
    QStringList unknown;
    for (const QString &key : settings.allKeys()) {
        const auto &table = readers();
        const auto it = std::find_if(table.begin(), table.end(),
                                     [&](const KeyReader &reader) { return key == QLatin1StringView(reader.key); });
        if (it == table.end()) {
            unknown.append(key);
            continue;
        }
        if (!it->read(config, settings.value(key), base))
            return Result<ServerConfig>::failure(QStringLiteral("bad_value"),
                                                 QStringLiteral("%1: the value of %2 is not valid").arg(iniPath, key));
    }
    if (!unknown.isEmpty())
        return Result<ServerConfig>::failure(QStringLiteral("unknown_key"),
                                             QStringLiteral("%1: unknown keys: %2").arg(iniPath, unknown.join(u", ")));
    if (config.certificateChainPath.isEmpty() || config.privateKeyPath.isEmpty())
        return Result<ServerConfig>::failure(
            QStringLiteral("missing_certificate"),
            QStringLiteral("%1: network/certificate_chain and network/private_key are required").arg(iniPath));
    return config;
}

QStringList ServerConfig::knownKeys()
{
    QStringList keys;
    for (const KeyReader &reader : readers())
        keys.append(QString::fromLatin1(reader.key));
    return keys;
}

} // namespace consult
