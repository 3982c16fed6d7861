#include "TokenVault.h"

#include <qt6keychain/keychain.h>

#include <QLoggingCategory>
#include <QPointer>

namespace consult::advisor {

Q_LOGGING_CATEGORY(lcVault, "consult.advisor.vault")

namespace {

// Runs `job` and turns its result into an Answer. The job deletes itself when done.
void run(QKeychain::Job *job, const QString &key, TokenStore::Callback done, QObject *context,
         const std::function<QByteArray(QKeychain::Job *)> &payload = {})
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // A6: a plain-text file is no keychain
    job->setKey(key);
    QPointer<QObject> alive(context);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [done = std::move(done), payload, alive](QKeychain::Job *finished) {
                         if (!alive)
                             return;
                         TokenStore::Answer answer;
                         switch (finished->error()) {
                         case QKeychain::NoError:
                             answer.outcome = TokenStore::Outcome::Done;
                             if (payload)
                                 answer.token = payload(finished);
                             break;
                         case QKeychain::EntryNotFound:
                             answer.outcome = TokenStore::Outcome::NotFound;
                             break;
                         default:
                             // No backend, no session bus, a locked keyring, access denied: nothing was stored or read.
                             answer.outcome = TokenStore::Outcome::Unavailable;
                             answer.detail = finished->errorString();
                             qCInfo(lcVault) << "keychain unavailable:" << finished->error() << answer.detail;
                             break;
                         }
                         done(answer);
                     });
    job->start();
}

} // namespace

TokenVault::TokenVault(QString service, QObject *parent)
    : TokenStore(parent)
    , m_service(std::move(service))
{}

void TokenVault::read(const QString &key, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    run(job, key, std::move(done), this,
        [](QKeychain::Job *finished) { return static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData(); });
}

void TokenVault::write(const QString &key, const QByteArray &token, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setBinaryData(token);
    run(job, key, std::move(done), this);
}

void TokenVault::remove(const QString &key, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    // Deleting what is not there is success: the entry is gone either way.
    run(
        job, key,
        [done = std::move(done)](const Answer &answer) {
            done(answer.outcome == Outcome::NotFound ? Answer{Outcome::Done, {}, {}} : answer);
        },
        this);
}

} // namespace consult::advisor
