#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>

namespace consult::advisor {

// One text snippet an advisor inserts into the input field, edits if needed, and sends.
struct CannedResponse
{
    QString title;
    QString text; // may contain {kunde}, {telefon}, {berater}
};

// The service desk's canned responses, from a JSON file the bank maintains
// ({"responses": [{"title": ..., "text": ...}, ...]}); the app ships a German default set in its
// resources. Order matters: the first nine get the shortcuts Ctrl+1 .. Ctrl+9.
class CannedResponses
{
public:
    static constexpr int kMaxResponses = 100;
    static constexpr int kMaxTextLength = 4000; // a chat line's limit (I2)

    static Result<CannedResponses> fromJson(const QByteArray &json);
    // The file at `path`, or the built-in set when `path` is empty or unusable (with a warning).
    static CannedResponses load(const QString &path = {});
    static CannedResponses builtIn();

    const QList<CannedResponse> &all() const { return m_responses; }
    bool isEmpty() const { return m_responses.isEmpty(); }

    // The text with its placeholders filled in for one consultation.
    struct Placeholders
    {
        QString customerName;
        QString customerPhone;
        QString advisorName;
    };
    static QString fill(const QString &text, const Placeholders &placeholders);

private:
    QList<CannedResponse> m_responses;
};

} // namespace consult::advisor
