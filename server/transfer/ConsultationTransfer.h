#pragma once

#include "consultation/ConsultationPart.h"
#include "protocol/consult.pb.h"

#include <QString>

namespace consult {

class AdvisorRoster;
class ChatRelay;
class Clock;
class ConsultationService;
class Session;
class SessionRegistry;

// Hands a consultation to a colleague (the advisor workstation's "transfer"): checks that the
// colleague is logged in, on duty and has a free place, then the previous advisor is told the
// consultation ended for them, the colleague receives it with the chat so far, the customer is told
// who took over, and the colleague's greeting follows. The consultation keeps its id, its customer
// and its statistics. A part of every consultation; owned by the ServerCore.
class ConsultationTransfer final : public ConsultationPart
{
public:
    struct Settings
    {
        // The first line of the colleague who received a transferred consultation; %1 is their name.
        QString greetingGerman =
            QStringLiteral("Guten Tag, hier ist %1. Ich habe Ihr Gespräch übernommen und sehe den bisherigen Verlauf.");
        QString greetingEnglish =
            QStringLiteral("Hello, this is %1. I have taken over your conversation and can see what was said so far.");
    };

    ConsultationTransfer(Settings settings, ConsultationService &consultations, ChatRelay &chat, AdvisorRoster &roster,
                         SessionRegistry &registry, const Clock &clock);

    void handleTransfer(Session &sender, const wire::TransferConsultation &request);

private:
    // Tells the three people involved; runs between the change of advisor and the parts hearing of it.
    void announce(const ConsultationRecord &consultation, quint64 previousSessionId, const QString &previousAdvisor);

    Settings m_settings;
    ConsultationService &m_consultations;
    ChatRelay &m_chat;
    AdvisorRoster &m_roster;
    SessionRegistry &m_registry;
    const Clock &m_clock;
};

} // namespace consult
