#include "CannedResponses.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

namespace consult::advisor {

Q_LOGGING_CATEGORY(lcCanned, "consult.advisor.canned")

Result<CannedResponses> CannedResponses::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Result<CannedResponses>::failure(QStringLiteral("not_json"), error.errorString());
    const QJsonValue list = document.object().value(QStringLiteral("responses"));
    if (!list.isArray())
        return Result<CannedResponses>::failure(QStringLiteral("no_responses"),
                                                QStringLiteral("no \"responses\" list"));
    CannedResponses responses;
    for (const QJsonValue &entry : list.toArray()) {
        const QString title = entry.toObject().value(QStringLiteral("title")).toString().trimmed();
        const QString text = entry.toObject().value(QStringLiteral("text")).toString().trimmed();
        if (title.isEmpty() || text.isEmpty() || text.size() > kMaxTextLength)
            return Result<CannedResponses>::failure(
                QStringLiteral("bad_entry"),
                QStringLiteral("entry %1 needs a title and a text of at most %2 characters")
                    .arg(responses.m_responses.size() + 1)
                    .arg(kMaxTextLength));
        if (responses.m_responses.size() == kMaxResponses)
            return Result<CannedResponses>::failure(QStringLiteral("too_many"),
                                                    QStringLiteral("more than %1 responses").arg(kMaxResponses));
        responses.m_responses.append({title, text});
    }
    return responses;
}

CannedResponses CannedResponses::builtIn()
{
    QFile file(QStringLiteral(":/advisor/canned-responses.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    auto responses = fromJson(file.readAll());
    return responses ? std::move(responses).value() : CannedResponses();
}

CannedResponses CannedResponses::load(const QString &path)
{
    if (path.isEmpty())
        return builtIn();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcCanned) << "cannot read" << path << file.errorString() << "- using the built-in responses";
        return builtIn();
    }
    auto responses = fromJson(file.read(1024 * 1024));
    if (!responses) {
        qCWarning(lcCanned) << path << responses.problem().message << "- using the built-in responses";
        return builtIn();
    }
    return std::move(responses).value();
}

QString CannedResponses::fill(const QString &text, const Placeholders &placeholders)
{
    QString filled = text;
    filled.replace(QStringLiteral("{kunde}"), placeholders.customerName);
    filled.replace(QStringLiteral("{telefon}"), placeholders.customerPhone);
    filled.replace(QStringLiteral("{berater}"), placeholders.advisorName);
    return filled;
}

} // namespace consult::advisor
