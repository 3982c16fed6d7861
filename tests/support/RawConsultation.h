#pragma once

#include "support/RawClient.h"
#include "support/TestServer.h"

#include <QList>

#include <memory>

namespace consult::testing {

// The log-in-take-consult sequence on the wire, for the adversarial suites: raw clients (RawClient)
// that can then send what the client library never would. Each step returns null, empty or false
// when the server did not answer as expected; the test QVERIFYs it.

// A consultation between two raw clients.
struct RawConsultation
{
    std::unique_ptr<RawClient> advisor;
    std::unique_ptr<RawClient> customer;
    QString id;
};

// A raw customer who has said hello and logged in (waiting in the queue).
std::unique_ptr<RawClient> rawWaitingCustomer(TestServer &server, const QString &name);

// A raw advisor (the account created here, with kTestPassword) who has logged in.
std::unique_ptr<RawClient> rawAdvisor(TestServer &server, const QString &username, int capacity = 3);

// The raw advisor takes the waiting raw customer called `name`; returns the consultation id, or
// nothing if the entry never showed or the customer was not told the consultation started.
QString rawTake(RawClient &advisor, RawClient &customer, const QString &name);

// All three: the advisor `username` and the customer `customerName` in one consultation.
bool startRawConsultation(TestServer &server, const QString &username, const QString &customerName,
                          RawConsultation &out);

// A SendChat envelope.
wire::Envelope chatEnvelope(const QString &consultationId, const QString &clientMessageId, const QString &text);

// Application envelopes (not session control) among `envelopes`.
QList<wire::Envelope> applicationEnvelopes(const QList<wire::Envelope> &envelopes);

} // namespace consult::testing
