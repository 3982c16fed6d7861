#pragma once

#include "client/AdvisorClient.h"
#include "client/CustomerClient.h"
#include "core/Clock.h"

#include <QTest>

#include <memory>

namespace consult::testing {

inline ClientConnection::Settings fastRetrySettings(const QString &language = QStringLiteral("de"))
{
    ClientConnection::Settings settings;
    settings.clientVersion = QStringLiteral("consult-test 1");
    settings.language = language;
    settings.firstRetryDelayMs = 20;
    settings.maxRetryDelayMs = 200;
    return settings;
}

inline std::unique_ptr<CustomerClient> makeCustomer(const QString &language = QStringLiteral("de"))
{
    return std::make_unique<CustomerClient>(fastRetrySettings(language), SystemClock::instance());
}

inline std::unique_ptr<AdvisorClient> makeAdvisor()
{
    return std::make_unique<AdvisorClient>(fastRetrySettings(), SystemClock::instance());
}

} // namespace consult::testing

// Waits (processing events) until `condition` holds; fails the test after `timeoutMs`.
#define CONSULT_WAIT_FOR(condition, timeoutMs) QTRY_VERIFY_WITH_TIMEOUT(condition, timeoutMs)
