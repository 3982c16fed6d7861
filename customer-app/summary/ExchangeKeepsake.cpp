#include "ExchangeKeepsake.h"

#include "client/consultation/Consultation.h"
#include "client/documents/ConsultationDocuments.h"
#include "client/forms/ConsultationForms.h"

#include <algorithm>

namespace consult::customer {

ExchangeKeepsake::ExchangeKeepsake(QObject *parent)
    : QObject(parent)
{}

ExchangeKeepsake::~ExchangeKeepsake() = default;

void ExchangeKeepsake::follow(Consultation *consultation)
{
    stop();
    m_kept = {};
    m_consultation = consultation;
    if (!consultation)
        return;
    m_documents = consultation->part<ConsultationDocuments>();
    m_forms = consultation->part<ConsultationForms>();
    if (m_documents) {
        connect(m_documents, &ConsultationDocuments::documentsChanged, this, [this] {
            if (!frozen())
                refreshFiles();
        });
        refreshFiles();
    }
    if (m_forms) {
        connect(m_forms, &ConsultationForms::formChanged, this, [this](const QString &instanceId) {
            if (!frozen())
                refreshForm(instanceId);
        });
        for (const wire::FormInstance &form : m_forms->forms())
            refreshForm(QString::fromStdString(form.instance_id()));
    }
}

Exchanged ExchangeKeepsake::take()
{
    stop();
    Exchanged kept = std::move(m_kept);
    m_kept = {};
    return kept;
}

bool ExchangeKeepsake::frozen() const
{
    // The parts clear themselves as the consultation ends: that is not a change to keep.
    return !m_consultation || m_consultation->isEnded();
}

void ExchangeKeepsake::refreshFiles()
{
    // Metadata only: the bytes of a file never reach this list (the part keeps no copy either).
    m_kept.files.clear();
    for (const ConsultationDocument &document : m_documents->documents())
        m_kept.files.append(ExchangedFile{document.name, quint64(std::max<qint64>(0, document.size)), document.from,
                                          document.addedAt, document.removed});
}

void ExchangeKeepsake::refreshForm(const QString &instanceId)
{
    const wire::FormInstance *form = m_forms->form(instanceId);
    if (!form)
        return;
    const auto same = [&](const wire::FormInstance &kept) { return kept.instance_id() == form->instance_id(); };
    const auto it = std::find_if(m_kept.forms.begin(), m_kept.forms.end(), same);
    if (it == m_kept.forms.end())
        m_kept.forms.append(*form);
    else
        *it = *form;
}

void ExchangeKeepsake::stop()
{
    if (m_documents)
        m_documents->disconnect(this);
    if (m_forms)
        m_forms->disconnect(this);
    m_documents = nullptr;
    m_forms = nullptr;
    m_consultation = nullptr;
}

} // namespace consult::customer
