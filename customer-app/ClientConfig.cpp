#include "ClientConfig.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace consult::customer {

namespace {

constexpr int kDefaultWssPort = 443;
constexpr int kPinBytes = 32; // SHA-256

bool isPin(const QByteArray &pin)
{
    const auto decoded = QByteArray::fromBase64Encoding(pin, QByteArray::AbortOnBase64DecodingErrors);
    return decoded && decoded.decoded.size() == kPinBytes;
}

Result<QUrl> serverUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"wss" || url.host().isEmpty() || !url.userInfo().isEmpty() ||
        url.hasQuery() || url.hasFragment())
        return Result<QUrl>::failure(QStringLiteral("bad_url"),
                                     QStringLiteral("'%1' is not a wss://host[:port][/path] address").arg(text));
    return url;
}

bool sameServer(const QUrl &a, const QUrl &b)
{
    return a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && a.port(kDefaultWssPort) == b.port(kDefaultWssPort);
}

} // namespace

Result<ClientConfig> ClientConfig::fromJson(const QByteArray &json)
{
    using R = Result<ClientConfig>;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return R::failure(QStringLiteral("bad_json"), QStringLiteral("the configuration is not a JSON object"));
    const QJsonObject root = document.object();
    ClientConfig config;
    config.bankName = root.value(u"bankName").toString().trimmed();
    if (config.bankName.isEmpty())
        return R::failure(QStringLiteral("no_bank_name"), QStringLiteral("bankName is missing"));
    if (root.contains(u"dialInNumber")) {
        config.dialInNumber = root.value(u"dialInNumber").toString().trimmed();
        // A number has digits; anything else would leave the customer without the telephone way.
        if (config.dialInNumber.isEmpty() || config.dialInNumber.size() > 40 ||
            std::none_of(config.dialInNumber.cbegin(), config.dialInNumber.cend(), [](QChar c) { return c.isDigit(); }))
            return R::failure(QStringLiteral("bad_dial_in"), QStringLiteral("dialInNumber is not a telephone number"));
    }
    for (const QJsonValue &entry : root.value(u"servers").toArray()) {
        const QJsonObject object = entry.toObject();
        auto url = serverUrl(object.value(u"url").toString());
        if (!url)
            return R::failure(url.problem().code, url.problem().message);
        AllowedServer server{url.value(), {}};
        for (const QJsonValue &pin : object.value(u"pins").toArray()) {
            const QByteArray bytes = pin.toString().toLatin1();
            if (!isPin(bytes))
                return R::failure(
                    QStringLiteral("bad_pin"),
                    QStringLiteral("a pin of %1 is not base64 SHA-256").arg(server.url.toDisplayString()));
            server.pins.append(bytes);
        }
        // C1: the current key and at least one offline backup, so a key change never locks customers out.
        if (server.pins.size() < 2)
            return R::failure(
                QStringLiteral("too_few_pins"),
                QStringLiteral("%1 needs the current and a backup pin").arg(server.url.toDisplayString()));
        config.servers.append(server);
    }
    if (config.servers.isEmpty())
        return R::failure(QStringLiteral("no_servers"), QStringLiteral("no server is configured"));
    return config;
}

Result<ClientConfig> ClientConfig::loadShipped()
{
    QFile file(QStringLiteral(":/customer/client.json"));
    if (!file.open(QIODevice::ReadOnly))
        return Result<ClientConfig>::failure(QStringLiteral("missing"),
                                             QStringLiteral("the shipped configuration is missing"));
    return fromJson(file.readAll());
}

Result<StartOptions> parseStartOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("Server address (development)."),
                                    QStringLiteral("wss-url"));
    const QCommandLineOption pin(QStringLiteral("pin"), QStringLiteral("Pinned server key, base64 (development)."),
                                 QStringLiteral("base64"));
    const QCommandLineOption ca(QStringLiteral("ca"), QStringLiteral("Extra CA certificate (development)."),
                                QStringLiteral("pem-file"));
    const QCommandLineOption language(QStringLiteral("language"), QStringLiteral("Start language: de or en."),
                                      QStringLiteral("code"));
    parser.addOptions({server, pin, ca, language});
    if (!parser.parse(arguments))
        return Result<StartOptions>::failure(QStringLiteral("bad_arguments"), parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return Result<StartOptions>::failure(
            QStringLiteral("bad_arguments"),
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    StartOptions options;
    options.server = parser.value(server);
    for (const QString &value : parser.values(pin))
        options.pins.append(value.toLatin1());
    options.caFile = parser.value(ca);
    options.language = parser.value(language);
    if (!options.language.isEmpty() && options.language != u"de" && options.language != u"en")
        return Result<StartOptions>::failure(QStringLiteral("bad_language"), QStringLiteral("--language is de or en"));
    return options;
}

Result<ServerEndpoint> resolveEndpoint(const ClientConfig &config, const StartOptions &options, bool developmentBuild)
{
    using R = Result<ServerEndpoint>;
    for (const QByteArray &pin : options.pins) {
        if (!isPin(pin))
            return R::failure(QStringLiteral("bad_pin"), QStringLiteral("--pin is not a base64 SHA-256 value"));
    }
    const bool overrides = !options.pins.isEmpty() || !options.caFile.isEmpty();
    if (overrides && !developmentBuild)
        return R::failure(QStringLiteral("not_development"),
                          QStringLiteral("--pin and --ca are accepted by development builds only"));

    ServerEndpoint endpoint;
    if (options.server.isEmpty()) {
        if (!options.pins.isEmpty())
            return R::failure(QStringLiteral("pin_without_server"), QStringLiteral("--pin needs --server"));
        endpoint.url = config.servers.first().url;
        endpoint.pins = config.servers.first().pins;
    } else {
        auto url = serverUrl(options.server);
        if (!url)
            return R::failure(url.problem().code, url.problem().message);
        endpoint.url = url.value();
        const auto allowed =
            std::find_if(config.servers.cbegin(), config.servers.cend(),
                         [&](const AllowedServer &server) { return sameServer(server.url, url.value()); });
        if (allowed != config.servers.cend()) {
            endpoint.pins = allowed->pins;
        } else if (!developmentBuild) {
            // P6: only the bank's servers in Germany, as shipped.
            return R::failure(QStringLiteral("not_allowed"),
                              QStringLiteral("%1 is not one of the bank's servers").arg(url->host()));
        } else if (options.pins.isEmpty()) {
            return R::failure(QStringLiteral("no_pin"),
                              QStringLiteral("a development server needs --pin (pinning is never off)"));
        }
        endpoint.pins.append(options.pins);
    }
    if (!options.caFile.isEmpty()) {
        endpoint.extraCaCertificates = QSslCertificate::fromPath(options.caFile, QSsl::Pem);
        if (endpoint.extraCaCertificates.isEmpty())
            return R::failure(QStringLiteral("bad_ca"), QStringLiteral("no certificate in %1").arg(options.caFile));
    }
    return endpoint;
}

bool isDevelopmentBuild()
{
#ifdef CONSULT_CUSTOMER_DEVELOPMENT_SERVERS
    return true;
#else
    return false;
#endif
}

Result<ServerEndpoint> resolveEndpointForThisBuild(const ClientConfig &config, const StartOptions &options)
{
    return resolveEndpoint(config, options, isDevelopmentBuild());
}

} // namespace consult::customer
