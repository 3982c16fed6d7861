#pragma once

#include "protocol/consult.pb.h"
#include "transcript/Transcript.h"

#include <QCoreApplication>

namespace consult {
class CustomerClient;
}

namespace consult::customer {

// What the customer's transcript shows, taken from the client's in-memory chat (C4): the bank, the
// advisor, the times and every line that reached the server, with its time and author. Lines that
// were never sent (refused, or still waiting for a connection at the end) are left out: they were
// not part of the conversation.
class TranscriptSource final
{
    Q_DECLARE_TR_FUNCTIONS(consult::customer::TranscriptSource)
public:
    static TranscriptContent contentOf(const CustomerClient &client, const QString &bankName);
    // The kind of consultation in the transcript's title ("Service-Chat", "Videoberatung"), in the
    // current language.
    static QString title(wire::ConsultationMode mode);
};

} // namespace consult::customer
