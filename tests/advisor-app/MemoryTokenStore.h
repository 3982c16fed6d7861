#pragma once

#include "TokenStore.h"

#include <QHash>
#include <QTimer>

namespace consult::advisor::testing {

// The test implementation of the TokenStore seam: a map in memory that answers asynchronously, like
// a keychain, and can play "no keychain reachable". The real TokenVault is tested against a real
// Secret Service in test_advisor_keychain.
class MemoryTokenStore final : public TokenStore
{
public:
    using TokenStore::TokenStore;

    bool available = true;
    QHash<QString, QByteArray> entries;

    void read(const QString &key, Callback done) override
    {
        answerLater(std::move(done), [this, key] {
            if (!available)
                return Answer{Outcome::Unavailable, {}, QStringLiteral("no keychain (test)")};
            const auto it = entries.constFind(key);
            return it == entries.cend() ? Answer{Outcome::NotFound, {}, {}} : Answer{Outcome::Done, it.value(), {}};
        });
    }
    void write(const QString &key, const QByteArray &token, Callback done) override
    {
        answerLater(std::move(done), [this, key, token] {
            if (!available)
                return Answer{Outcome::Unavailable, {}, QStringLiteral("no keychain (test)")};
            entries.insert(key, token);
            return Answer{Outcome::Done, {}, {}};
        });
    }
    void remove(const QString &key, Callback done) override
    {
        answerLater(std::move(done), [this, key] {
            if (!available)
                return Answer{Outcome::Unavailable, {}, QStringLiteral("no keychain (test)")};
            entries.remove(key);
            return Answer{Outcome::Done, {}, {}};
        });
    }

private:
    void answerLater(Callback done, std::function<Answer()> work)
    {
        QTimer::singleShot(0, this, [done = std::move(done), work = std::move(work)] { done(work()); });
    }
};

} // namespace consult::advisor::testing
