#include "ConsultationForms.h"

#include "client/ClientConnection.h"
#include "client/consultation/Consultation.h"
#include "client/consultation/ConsultationRouting.h"

#include <QLoggingCategory>
#include <QSet>

#include <algorithm>

namespace consult {

namespace {

Q_LOGGING_CATEGORY(lcForms, "consult.client.forms")

ConsultationForms::Refusal refusalOf(wire::ErrorCode code)
{
    switch (code) {
    case wire::ERROR_NOT_FOUND:
        return ConsultationForms::Refusal::NotFound;
    case wire::ERROR_NOT_ALLOWED:
        return ConsultationForms::Refusal::NotAllowed;
    case wire::ERROR_LIMIT_REACHED:
        return ConsultationForms::Refusal::LimitReached;
    default:
        return ConsultationForms::Refusal::InvalidValue;
    }
}

// A submission that was never checked because there is nothing to submit (no such form, or it is
// no longer open): refused without a field.
forms::CheckedSubmission notSubmittable()
{
    forms::CheckedSubmission refused;
    refused.firstProblem = forms::ValueProblem::UnknownField;
    return refused;
}

} // namespace

struct ConsultationForms::Private
{
    Private(Consultation &owner, wire::Party party)
        : consultation(owner)
        , self(party)
    {}

    Consultation &consultation;
    wire::Party self;
    QList<wire::FormInstance> forms; // in the order they were sent
    QSet<QString> submitting;        // submitted by us, the server's FormInstance not yet back
    bool ended = false;

    int indexOf(const QString &instanceId) const
    {
        const std::string id = instanceId.toStdString();
        for (int i = 0; i < forms.size(); ++i)
            if (forms[i].instance_id() == id)
                return i;
        return -1;
    }
    bool canSend() const { return !ended && consultation.isRunning(); }
};

ConsultationForms::ConsultationForms(Consultation &consultation, wire::Party self, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(consultation, self))
{}

ConsultationForms::~ConsultationForms() = default;

QList<wire::FormInstance> ConsultationForms::forms() const
{
    return d->forms;
}

const wire::FormInstance *ConsultationForms::form(const QString &instanceId) const
{
    const int index = d->indexOf(instanceId);
    return index < 0 ? nullptr : &d->forms[index];
}

bool ConsultationForms::isSubmitting(const QString &instanceId) const
{
    return d->submitting.contains(instanceId);
}

void ConsultationForms::send(const QString &formId)
{
    if (!d->canSend() || d->self != wire::PARTY_ADVISOR || formId.isEmpty())
        return;
    wire::Envelope envelope;
    wire::SendForm *send = envelope.mutable_send_form();
    send->set_consultation_id(d->consultation.wireId());
    send->set_form_id(formId.toStdString());
    d->consultation.connection().send(std::move(envelope));
}

forms::CheckedSubmission ConsultationForms::submit(const QString &instanceId, const QList<wire::FormValue> &values)
{
    const int index = d->indexOf(instanceId);
    if (!d->canSend() || d->self != wire::PARTY_CUSTOMER || index < 0 ||
        d->forms[index].state() != wire::FORM_STATE_SENT || d->submitting.contains(instanceId))
        return notSubmittable();
    google::protobuf::RepeatedPtrField<wire::FormValue> typed;
    for (const wire::FormValue &value : values)
        *typed.Add() = value;
    forms::CheckedSubmission checked = forms::checkSubmission(d->forms[index].definition(), typed);
    if (!checked.accepted())
        return checked;
    wire::Envelope envelope;
    wire::SubmitForm *submit = envelope.mutable_submit_form();
    submit->set_consultation_id(d->consultation.wireId());
    submit->set_instance_id(instanceId.toStdString());
    for (const wire::FormValue &value : std::as_const(checked.values))
        *submit->add_values() = value; // the normalised values: what the server checks again
    d->submitting.insert(instanceId);
    d->consultation.connection().send(std::move(envelope));
    return checked;
}

void ConsultationForms::release(const QString &instanceId, const QStringList &keys)
{
    const int index = d->indexOf(instanceId);
    if (!d->canSend() || d->self != wire::PARTY_CUSTOMER || index < 0 || keys.isEmpty() ||
        d->forms[index].state() != wire::FORM_STATE_SUBMITTED)
        return;
    wire::Envelope envelope;
    wire::ReleaseFormFields *release = envelope.mutable_release_form_fields();
    release->set_consultation_id(d->consultation.wireId());
    release->set_instance_id(instanceId.toStdString());
    for (const QString &key : keys)
        release->add_keys(key.toStdString());
    d->consultation.connection().send(std::move(envelope));
}

// --- ConsultationPart -----------------------------------------------------------------------------

bool ConsultationForms::dispatch(const wire::Envelope &envelope)
{
    switch (envelope.body_case()) {
    case wire::Envelope::kFormInstance: {
        if (d->ended)
            return true; // nothing of a form after the end (P1)
        const wire::FormInstance &instance = envelope.form_instance();
        const QString id = QString::fromStdString(instance.instance_id());
        const int index = d->indexOf(id);
        if (index < 0)
            d->forms.append(instance);
        else
            d->forms[index] = instance;
        if (instance.state() == wire::FORM_STATE_SUBMITTED)
            d->submitting.remove(id);
        Q_EMIT formChanged(id);
        return true;
    }
    case wire::Envelope::kError:
        return onError(envelope.error());
    default:
        return false;
    }
}

void ConsultationForms::consultationEnded()
{
    // P1: the values are the customer's; nothing of them outlives the consultation in this part.
    // Views that keep a copy for the customer's summary took it from formChanged().
    d->ended = true;
    d->forms.clear();
    d->submitting.clear();
}

bool ConsultationForms::onError(const wire::Error &error)
{
    // "<consultation_id>:s<form_id>" (SendForm) or "<consultation_id>:i<instance_id>" (SubmitForm,
    // ReleaseFormFields); other letters belong to the consultation's other parts.
    const QString what = refusedPartReference(error, d->consultation.wireId());
    if (what.size() < 2 || (what.front() != u's' && what.front() != u'i'))
        return false;
    if (what.front() == u'i')
        d->submitting.remove(what.mid(1));
    QString detail = QString::fromStdString(error.field());
    if (detail.startsWith(QStringLiteral("value:")))
        detail = detail.mid(6); // the field's key
    if (detail.isEmpty())
        detail = what.mid(1);
    qCInfo(lcForms) << "refused:" << wire::ErrorCode_Name(error.code()).c_str() << "for" << what.front();
    Q_EMIT refused(refusalOf(error.code()), detail);
    return true;
}

} // namespace consult
