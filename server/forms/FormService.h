#pragma once

#include "FormLibrary.h"
#include "consultation/ConsultationSubscriber.h"
#include "protocol/consult.pb.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <vector>

namespace consult {

class Clock;
class ConsultationService;
class Session;
class SessionRegistry;

// Forms in a consultation on the server (seed 002): the advisor gets the FormLibrary after the
// log-in and sends a form of it (SendForm, advisor only, S6); the customer fills it in and submits
// it once (SubmitForm), checked with the same forms::checkSubmission the customer's app uses; the
// values of sensitive fields reach the advisor masked until the customer releases them
// (ReleaseFormFields). Every step sends the FormInstance to both; a colleague who takes over gets
// every instance. Refusals are Error with the proto's reference and field. Forms live in RAM only
// (P1): nothing of them is logged or stored, and they are gone when the consultation ends, where they
// are listed in the DeletionReceipt. A part of every consultation; owned by the ServerCore.
class FormService final : public ConsultationSubscriber
{
public:
    struct Settings
    {
        int maxPerConsultation = 10; // [forms] max_per_consultation
    };

    FormService(Settings settings, FormLibrary library, ConsultationService &consultations, SessionRegistry &registry,
                const Clock &clock);

    // After an advisor's log-in: the forms they can send (nothing when the library is empty).
    void sendLibrary(Session &advisor) const;

    void handleSend(Session &sender, const wire::SendForm &request);
    void handleSubmit(Session &sender, const wire::SubmitForm &request);
    void handleRelease(Session &sender, const wire::ReleaseFormFields &request);

    const FormLibrary &library() const { return m_library; }
    // Forms held for running consultations (tests: nothing is left after the end).
    int instanceCount() const;

    // ConsultationSubscriber
    void advisorReplaced(const ConsultationRecord &consultation, quint64 previousSessionId) override;
    void listDeleted(const ConsultationRecord &consultation, wire::DeletionReceipt &receipt) const override;
    void consultationEnded(const ConsultationRecord &consultation) override;

private:
    struct Instance
    {
        wire::FormInstance form; // the customer's copy: every value as submitted
        QSet<std::string> released;
    };

    // The sender's consultation's instance `instanceId` after S5 and the customer-only rule;
    // else refused (null).
    Instance *customerInstance(Session &sender, const std::string &consultationId, const std::string &instanceId);
    // The advisor's copy: sensitive values masked until released.
    static wire::FormInstance advisorCopy(const Instance &instance);
    void sendToBoth(const ConsultationRecord &consultation, const Instance &instance);
    static void refuse(Session &sender, wire::ErrorCode code, const QString &message, const QString &reference,
                       const QString &field = {});

    Settings m_settings;
    FormLibrary m_library;
    ConsultationService &m_consultations;
    SessionRegistry &m_registry;
    const Clock &m_clock;
    QHash<QString, std::vector<Instance>> m_forms;         // consultation id -> its forms, in sent order
    QHash<QString, wire::DeletionReceipt> m_endedReceipts; // between consultationEnded and addToReceipt
};

} // namespace consult
