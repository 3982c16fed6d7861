#pragma once

#include "config/ServerConfig.h"

#include <QStringList>

class QTextStream;

namespace consult {

// The operators' command line beside "serve": advisor accounts and their second factor, purges, statistics export, the
// configuration check and the key pin of a certificate. Each returns the process exit code and
// writes what it did (or why not) to `out`/`err`. Passwords are read from `in`, never from arguments
// (which other users could see in the process list).
class AdminCommands
{
public:
    AdminCommands(const ServerConfig &config, QTextStream &in, QTextStream &out, QTextStream &err)
        : m_config(config)
        , m_in(in)
        , m_out(out)
        , m_err(err)
    {}

    // arguments: the positional arguments after the global options, e.g. {"advisor", "add", "anna"}.
    int run(const QStringList &arguments, const QString &displayName, int capacity);

    static QString usage();

private:
    int advisorAdd(const QString &username, const QString &displayName, int capacity);
    int advisorSetDisabled(const QString &username, bool disabled);
    int advisorResetPassword(const QString &username);
    int advisorSetCapacity(const QString &username, int capacity);
    int advisorSetSupervisor(const QString &username, bool supervisor);
    int advisorList();
    // A5: a new second factor (printed as text, URI and terminal QR code), or none.
    int advisorTotpEnrol(const QString &username);
    int advisorTotpRemove(const QString &username);
    int purge();
    int exportStatistics();
    int check();
    // Reads a new password twice (once when not interactive) and checks the policy (A4).
    std::optional<QString> readNewPassword(const QStringList &contextWords);

    const ServerConfig &m_config;
    QTextStream &m_in;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace consult
