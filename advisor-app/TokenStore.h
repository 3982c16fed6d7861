#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace consult::advisor {

// Where "stay logged in" keeps the advisor's revocable token (A6): never the password, never a
// plain file. The workstation uses the system keychain (TokenVault); tests inject an in-memory
// store. Every operation is asynchronous (a keychain may ask the user or the desktop's service)
// and reports once through its callback, on the store's thread.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    enum class Outcome
    {
        Done,        // read: found; write and remove: done
        NotFound,    // read: nothing stored under the key (remove treats this as Done)
        Unavailable, // no keychain reachable, or it refused: ask for the password each time
    };

    struct Answer
    {
        Outcome outcome = Outcome::Unavailable;
        QByteArray token; // read, Done only
        QString detail;   // Unavailable: the keychain's reason, for the log
    };
    using Callback = std::function<void(const Answer &)>;

    using QObject::QObject;

    virtual void read(const QString &key, Callback done) = 0;
    virtual void write(const QString &key, const QByteArray &token, Callback done) = 0;
    virtual void remove(const QString &key, Callback done) = 0;
};

} // namespace consult::advisor
