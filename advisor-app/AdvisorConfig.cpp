#include "AdvisorConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace consult::advisor {

namespace {

constexpr int kPinBytes = 32; // SHA-256
constexpr int kMinimumPins = 2;

bool isPin(const QByteArray &pin)
{
    const auto decoded = QByteArray::fromBase64Encoding(pin, QByteArray::AbortOnBase64DecodingErrors);
    return decoded && decoded.decoded.size() == kPinBytes;
}

} // namespace

Result<AdvisorConfig> AdvisorConfig::load(const QString &path)
{
    using R = Result<AdvisorConfig>;
    const QFileInfo file(path);
    if (!file.isFile() || !file.isReadable())
        return R::failure(QStringLiteral("missing"), QStringLiteral("cannot read the configuration %1").arg(path));
    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return R::failure(QStringLiteral("bad_ini"), QStringLiteral("%1 is not a readable INI file").arg(path));

    AdvisorConfig config;
    const QString urlText = ini.value(QStringLiteral("server/url")).toString().trimmed();
    config.endpoint.url = QUrl(urlText, QUrl::StrictMode);
    if (!config.endpoint.url.isValid() || config.endpoint.url.scheme() != u"wss" ||
        config.endpoint.url.host().isEmpty())
        return R::failure(
            QStringLiteral("bad_url"),
            QStringLiteral("%1: [server] url must be a wss://host:port address, not '%2'").arg(path, urlText));
    // QSettings splits an unquoted "a, b" into a list; a single pin stays a string.
    for (const QString &pin : ini.value(QStringLiteral("server/pins")).toStringList()) {
        const QByteArray bytes = pin.trimmed().toLatin1();
        if (bytes.isEmpty())
            continue;
        if (!isPin(bytes))
            return R::failure(QStringLiteral("bad_pin"),
                              QStringLiteral("%1: [server] pins: '%2' is not a base64 SHA-256 value").arg(path, pin));
        config.endpoint.pins.append(bytes);
    }
    // C1: the current key and an offline backup, so that a key change never locks the advisors out.
    if (config.endpoint.pins.size() < kMinimumPins)
        return R::failure(QStringLiteral("too_few_pins"),
                          QStringLiteral("%1: [server] pins needs the current and a backup pin").arg(path));
    const QString ca = ini.value(QStringLiteral("server/ca")).toString().trimmed();
    if (!ca.isEmpty()) {
        const QString caPath = QDir(file.absolutePath()).absoluteFilePath(ca);
        config.endpoint.extraCaCertificates = QSslCertificate::fromPath(caPath, QSsl::Pem);
        if (config.endpoint.extraCaCertificates.isEmpty())
            return R::failure(QStringLiteral("bad_ca"), QStringLiteral("%1: no certificate in %2").arg(path, caPath));
    }
    return config;
}

QString AdvisorConfig::defaultPath()
{
#ifdef Q_OS_WIN
    return QCoreApplication::applicationDirPath() + QStringLiteral("/consult-advisor.ini");
#else
    return QStringLiteral("/etc/consult-advisor.ini");
#endif
}

} // namespace consult::advisor
