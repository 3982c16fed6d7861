#include "FormService.h"

#include "consultation/ConsultationService.h"
#include "core/Clock.h"
#include "core/SecureRandom.h"
#include "forms/FormRules.h"
#include "session/Session.h"
#include "session/SessionRegistry.h"
#include "stats/StatisticsStore.h"

#include <QLoggingCategory>

#include <algorithm>

namespace consult {

Q_LOGGING_CATEGORY(lcForms, "consult.forms")

namespace {

QString sendReference(const std::string &consultationId, const std::string &formId)
{
    // Echoed to the sender only; bounded so a hostile id cannot make the answer large.
    return QString::fromStdString(consultationId).left(64) + QStringLiteral(":s") +
           QString::fromStdString(formId).left(64);
}

QString instanceReference(const std::string &consultationId, const std::string &instanceId)
{
    return QString::fromStdString(consultationId).left(64) + QStringLiteral(":i") +
           QString::fromStdString(instanceId).left(64);
}

// Error.field for a refused value: "value:<key>", the key cut to the longest a definition allows.
QString valueField(const QString &key)
{
    return QStringLiteral("value:") + key.left(40);
}

const char *describe(forms::ValueProblem problem)
{
    switch (problem) {
    case forms::ValueProblem::Missing:
        return "a required field is empty";
    case forms::ValueProblem::TooLong:
        return "a value is too long";
    case forms::ValueProblem::UnknownField:
        return "the form has no such field";
    case forms::ValueProblem::Duplicate:
        return "a field is given twice";
    default:
        return "a value does not follow its field's rule";
    }
}

} // namespace

FormService::FormService(Settings settings, FormLibrary library, ConsultationService &consultations,
                         SessionRegistry &registry, const Clock &clock)
    : m_settings(settings)
    , m_library(std::move(library))
    , m_consultations(consultations)
    , m_registry(registry)
    , m_clock(clock)
{}

void FormService::sendLibrary(Session &advisor) const
{
    // A server without forms says nothing: an app without a library shows no forms.
    if (m_library.size() == 0)
        return;
    wire::Envelope envelope;
    *envelope.mutable_form_library() = m_library.summary();
    advisor.send(std::move(envelope));
}

int FormService::instanceCount() const
{
    int count = 0;
    for (const auto &instances : m_forms)
        count += static_cast<int>(instances.size());
    return count;
}

void FormService::handleSend(Session &sender, const wire::SendForm &request)
{
    const QString reference = sendReference(request.consultation_id(), request.form_id());
    const ConsultationRecord *consultation = m_consultations.ownConsultation(sender, request.consultation_id());
    if (!consultation) {
        refuse(sender, wire::ERROR_NOT_FOUND, QStringLiteral("no such consultation"), reference); // S5
        return;
    }
    if (consultation->partyOf(sender.id()) != wire::PARTY_ADVISOR) {
        refuse(sender, wire::ERROR_NOT_ALLOWED, QStringLiteral("only the advisor sends forms"), reference); // S6
        return;
    }
    const wire::FormDefinition *definition = m_library.find(request.form_id());
    if (!definition) {
        refuse(sender, wire::ERROR_NOT_FOUND, QStringLiteral("no such form"), reference);
        return;
    }
    std::vector<Instance> &instances = m_forms[consultation->id];
    if (static_cast<int>(instances.size()) >= m_settings.maxPerConsultation) {
        refuse(sender, wire::ERROR_LIMIT_REACHED, QStringLiteral("the consultation has all the forms it may have"),
               reference, QStringLiteral("forms"));
        return;
    }
    Instance instance;
    instance.form.set_consultation_id(consultation->id.toStdString());
    instance.form.set_instance_id(SecureRandom::identifier().toStdString()); // S1: not guessable
    *instance.form.mutable_definition() = *definition;
    instance.form.set_state(wire::FORM_STATE_SENT);
    instance.form.set_sent_at(m_clock.nowMs());
    instances.push_back(std::move(instance));
    qCDebug(lcForms) << "form" << QString::fromStdString(definition->form_id()) << "sent";
    m_consultations.noteFeature(consultation->id, StatisticsStore::Forms);
    sendToBoth(*consultation, instances.back());
}

FormService::Instance *FormService::customerInstance(Session &sender, const std::string &consultationId,
                                                     const std::string &instanceId)
{
    const QString reference = instanceReference(consultationId, instanceId);
    const ConsultationRecord *consultation = m_consultations.ownConsultation(sender, consultationId);
    const auto forms = consultation ? m_forms.find(consultation->id) : m_forms.end();
    Instance *instance = nullptr;
    if (forms != m_forms.end()) {
        const auto it = std::find_if(forms->begin(), forms->end(),
                                     [&](const Instance &held) { return held.form.instance_id() == instanceId; });
        instance = it == forms->end() ? nullptr : &*it;
    }
    // S5: another consultation's instance gets the answer of one that never existed.
    if (!instance) {
        refuse(sender, wire::ERROR_NOT_FOUND, QStringLiteral("no such form"), reference);
        return nullptr;
    }
    if (consultation->partyOf(sender.id()) != wire::PARTY_CUSTOMER) {
        refuse(sender, wire::ERROR_NOT_ALLOWED, QStringLiteral("only the customer fills in a form"), reference);
        return nullptr;
    }
    return instance;
}

void FormService::handleSubmit(Session &sender, const wire::SubmitForm &request)
{
    const QString reference = instanceReference(request.consultation_id(), request.instance_id());
    Instance *instance = customerInstance(sender, request.consultation_id(), request.instance_id());
    if (!instance)
        return;
    if (instance->form.state() != wire::FORM_STATE_SENT) {
        refuse(sender, wire::ERROR_NOT_ALLOWED, QStringLiteral("the form was submitted already"), reference);
        return;
    }
    // The same rules the customer's app applied while the customer typed; here they are the authority.
    const forms::CheckedSubmission checked = forms::checkSubmission(instance->form.definition(), request.values());
    if (!checked.accepted()) {
        // P1: the message names the rule, never the value.
        refuse(sender, wire::ERROR_INVALID_INPUT, QString::fromLatin1(describe(checked.firstProblem)), reference,
               valueField(checked.firstProblemKey));
        return;
    }
    for (const wire::FormValue &value : checked.values)
        *instance->form.add_values() = value;
    instance->form.set_state(wire::FORM_STATE_SUBMITTED);
    instance->form.set_submitted_at(m_clock.nowMs());
    if (const ConsultationRecord *consultation =
            m_consultations.find(QString::fromStdString(request.consultation_id())))
        sendToBoth(*consultation, *instance);
}

void FormService::handleRelease(Session &sender, const wire::ReleaseFormFields &request)
{
    const QString reference = instanceReference(request.consultation_id(), request.instance_id());
    Instance *instance = customerInstance(sender, request.consultation_id(), request.instance_id());
    if (!instance)
        return;
    if (instance->form.state() != wire::FORM_STATE_SUBMITTED) {
        refuse(sender, wire::ERROR_NOT_ALLOWED, QStringLiteral("only a submitted form has values to release"),
               reference);
        return;
    }
    const auto &fields = instance->form.definition().fields();
    for (const std::string &key : request.keys()) {
        const bool sensitive = std::any_of(fields.begin(), fields.end(), [&](const wire::FormField &field) {
            return field.key() == key && field.sensitive();
        });
        if (!sensitive) {
            refuse(sender, wire::ERROR_INVALID_INPUT, QStringLiteral("not a sensitive field of the form"), reference,
                   valueField(QString::fromStdString(key)));
            return;
        }
    }
    for (const std::string &key : request.keys())
        instance->released.insert(key);
    if (const ConsultationRecord *consultation =
            m_consultations.find(QString::fromStdString(request.consultation_id())))
        sendToBoth(*consultation, *instance);
}

wire::FormInstance FormService::advisorCopy(const Instance &instance)
{
    wire::FormInstance copy = instance.form;
    const auto &fields = instance.form.definition().fields();
    for (wire::FormValue &value : *copy.mutable_values()) {
        const bool sensitive = std::any_of(fields.begin(), fields.end(), [&](const wire::FormField &field) {
            return field.key() == value.key() && field.sensitive();
        });
        if (sensitive && !instance.released.contains(value.key())) {
            value.clear_value();
            value.set_masked(true);
        }
    }
    return copy;
}

void FormService::sendToBoth(const ConsultationRecord &consultation, const Instance &instance)
{
    if (Session *customer = m_registry.find(consultation.customerSessionId)) {
        wire::Envelope envelope;
        *envelope.mutable_form_instance() = instance.form;
        customer->send(std::move(envelope));
    }
    if (Session *advisor = m_registry.find(consultation.advisorSessionId)) {
        wire::Envelope envelope;
        *envelope.mutable_form_instance() = advisorCopy(instance);
        advisor->send(std::move(envelope));
    }
}

void FormService::refuse(Session &sender, wire::ErrorCode code, const QString &message, const QString &reference,
                         const QString &field)
{
    wire::Envelope envelope;
    auto *error = envelope.mutable_error();
    error->set_code(code);
    error->set_message(message.toStdString());
    error->set_field(field.toStdString());
    error->set_reference(reference.toStdString());
    sender.send(std::move(envelope));
}

void FormService::advisorReplaced(const ConsultationRecord &consultation, quint64 previousSessionId)
{
    (void)previousSessionId;
    Session *colleague = m_registry.find(consultation.advisorSessionId);
    const auto forms = m_forms.constFind(consultation.id);
    if (!colleague || forms == m_forms.constEnd())
        return;
    // The colleague sees what the previous advisor saw: masked values stay masked.
    for (const Instance &instance : *forms) {
        wire::Envelope envelope;
        *envelope.mutable_form_instance() = advisorCopy(instance);
        colleague->send(std::move(envelope));
    }
}

void FormService::listDeleted(const ConsultationRecord &consultation, wire::DeletionReceipt &receipt) const
{
    const auto forms = m_forms.constFind(consultation.id);
    if (forms == m_forms.constEnd())
        return;
    for (const Instance &instance : *forms) {
        wire::DeletedItem *item = receipt.add_items();
        item->set_kind(wire::DELETED_KIND_FORM);
        item->set_name(instance.form.definition().title());
    }
}

void FormService::consultationEnded(const ConsultationRecord &consultation)
{
    m_forms.remove(consultation.id); // P1: the values were never anywhere else
}

} // namespace consult
