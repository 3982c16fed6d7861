#pragma once

#include "client/consultation/ConsultationPart.h"
#include "forms/FormRules.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace consult {

class Consultation;

// The forms part of one consultation on the client (seed 002), the same class on both sides: the
// consultation's forms as the server last sent them (FormInstance), the advisor's sending of a form
// from the library, the customer's submission (checked with forms::checkSubmission first, so a
// problem shows at the field before anything is sent) and release of sensitive fields, and the
// server's refusals (Error.reference "<consultation_id>:s…", ":i…") as refused(). The form library
// itself belongs to the advisor's session (AdvisorClient::formLibrary()), not to a consultation.
// Added to its Consultation by the client library when the consultation begins.
class ConsultationForms : public QObject, public ConsultationPart
{
    Q_OBJECT
public:
    enum class Refusal
    {
        NotFound,     // no such form or instance (or the consultation ended)
        NotAllowed,   // e.g. a second submit
        InvalidValue, // a field failed the server's check (detail: its key)
        LimitReached, // [forms] max_per_consultation
    };
    Q_ENUM(Refusal)

    ConsultationForms(Consultation &consultation, wire::Party self, QObject *parent = nullptr);
    ~ConsultationForms() override;

    QList<wire::FormInstance> forms() const; // in the order they were sent
    const wire::FormInstance *form(const QString &instanceId) const;
    // Customer: submitted and the server's answer (the submitted FormInstance or a refusal) not yet in.
    bool isSubmitting(const QString &instanceId) const;

    // Advisor: send this library form to the customer.
    void send(const QString &formId);
    // Customer: submit the filled form. Returns the local check; when it fails nothing is sent. A form
    // that cannot be submitted (unknown, already submitted or on its way, the consultation not
    // running) is refused with ValueProblem::UnknownField and an empty key, and nothing is sent.
    forms::CheckedSubmission submit(const QString &instanceId, const QList<wire::FormValue> &values);
    // Customer: show these sensitive fields of a submitted form to the advisor.
    void release(const QString &instanceId, const QStringList &keys);

    // ConsultationPart. Also takes the server's refusals of this part's messages (Error.reference).
    bool dispatch(const wire::Envelope &envelope) override;
    void consultationEnded() override;

Q_SIGNALS:
    // A form arrived or changed (sent, submitted, released).
    void formChanged(const QString &instanceId);
    void refused(consult::ConsultationForms::Refusal refusal, const QString &detail);

private:
    bool onError(const wire::Error &error);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace consult
