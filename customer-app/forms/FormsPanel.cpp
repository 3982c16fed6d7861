#include "FormsPanel.h"

#include "FormView.h"
#include "client/consultation/Consultation.h"
#include "forms/FormPdf.h"
#include "validation/FileName.h"
#include "widgets/Announcer.h"
#include "widgets/PlainLabel.h"

#include <QDir>
#include <QEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace consult::customer {

namespace {

using Refusal = ConsultationForms::Refusal;

QString refusalText(Refusal refusal)
{
    switch (refusal) {
    case Refusal::NotFound:
        return FormsPanel::tr("Dieses Formular gibt es nicht mehr. Die Beratung ist vielleicht zu Ende.");
    case Refusal::NotAllowed:
        return FormsPanel::tr("Dieses Formular wurde schon gesendet und lässt sich nicht mehr ändern.");
    case Refusal::InvalidValue:
        return FormsPanel::tr("Eine Angabe wurde nicht angenommen. Bitte prüfen Sie das markierte Feld.");
    case Refusal::LimitReached:
        return FormsPanel::tr("In dieser Beratung sind keine weiteren Formulare möglich.");
    }
    return {};
}

} // namespace

FormsPanel::FormsPanel(QWidget *parent)
    : QWidget(parent)
{
    m_heading = plainLabel(this, "formsHeading", "subheading");
    m_arrival = plainLabel(this, "formArrival", "note");
    m_arrival->hide();
    m_list = new QWidget;
    m_list->setObjectName(QStringLiteral("formsList"));
    m_listLayout = new QVBoxLayout(m_list);
    m_listLayout->setContentsMargins(0, 0, 8, 0);
    m_listLayout->setSpacing(24);
    m_listLayout->addStretch(1);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("formsScroll"));
    m_scroll->setWidget(m_list);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setMinimumHeight(100);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_heading);
    layout->addWidget(m_arrival);
    layout->addWidget(m_scroll, 1);
    retranslate();
}

FormsPanel::~FormsPanel() = default;

void FormsPanel::setConsultation(Consultation *consultation)
{
    ConsultationForms *forms = consultation ? consultation->part<ConsultationForms>() : nullptr;
    if (consultation == m_consultation && forms == m_forms)
        return;
    if (m_forms)
        m_forms->disconnect(this);
    m_consultation = consultation;
    m_forms = forms;
    m_pendingSubmit.clear();
    m_pendingRelease.clear();
    m_lastArrived.clear();
    clearViews();
    if (forms) {
        connect(forms, &ConsultationForms::formChanged, this, &FormsPanel::onFormChanged);
        connect(forms, &ConsultationForms::refused, this, &FormsPanel::onRefused);
        // A consultation resumed with forms already there: shown without announcing them again.
        for (const wire::FormInstance &form : forms->forms()) {
            const QString id = QString::fromStdString(form.instance_id());
            auto *view = new FormView(form, consultation->peer().name, m_list);
            connect(view, &FormView::submitRequested, this, &FormsPanel::submit);
            connect(view, &FormView::releaseRequested, this, &FormsPanel::askAndRelease);
            connect(view, &FormView::savePdfRequested, this, &FormsPanel::savePdf);
            m_listLayout->insertWidget(m_listLayout->count() - 1, view);
            m_views.insert(id, view);
        }
    }
    retranslate();
    Q_EMIT availabilityChanged(available());
}

QList<FormView *> FormsPanel::views() const
{
    QList<FormView *> views;
    for (int index = 0; index < m_listLayout->count(); ++index)
        if (auto *view = qobject_cast<FormView *>(m_listLayout->itemAt(index)->widget()))
            views.append(view);
    return views;
}

void FormsPanel::clearViews()
{
    const bool had = !m_views.isEmpty();
    qDeleteAll(m_views);
    m_views.clear();
    if (had)
        Q_EMIT availabilityChanged(false);
}

void FormsPanel::onFormChanged(const QString &instanceId)
{
    const wire::FormInstance *form = m_forms ? m_forms->form(instanceId) : nullptr;
    if (!form)
        return;
    if (FormView *view = m_views.value(instanceId)) {
        view->update(*form);
        if (m_pendingSubmit == instanceId && form->state() == wire::FORM_STATE_SUBMITTED) {
            m_pendingSubmit.clear();
            announce(view->stateLabel(), view->stateLabel()->text());
        }
        if (m_pendingRelease == instanceId)
            m_pendingRelease.clear();
        return;
    }
    const QString advisor = m_consultation ? m_consultation->peer().name : QString();
    auto *view = new FormView(*form, advisor, m_list);
    connect(view, &FormView::submitRequested, this, &FormsPanel::submit);
    connect(view, &FormView::releaseRequested, this, &FormsPanel::askAndRelease);
    connect(view, &FormView::savePdfRequested, this, &FormsPanel::savePdf);
    m_listLayout->insertWidget(m_listLayout->count() - 1, view);
    m_views.insert(instanceId, view);
    m_lastArrived = instanceId;
    retranslate();
    if (m_views.size() == 1)
        Q_EMIT availabilityChanged(true);
    // Seen and heard, but the focus stays where the customer is typing (the chat, most likely).
    m_scroll->ensureWidgetVisible(view, 0, 0);
    announce(m_arrival, m_arrival->text());
}

void FormsPanel::submit(const QString &instanceId)
{
    FormView *view = m_views.value(instanceId);
    if (!view || !m_forms)
        return;
    const forms::CheckedSubmission checked = m_forms->submit(instanceId, view->values());
    if (!checked.accepted()) {
        view->showProblems(checked.firstProblemKey);
        return;
    }
    m_pendingSubmit = instanceId;
    view->setSubmitting(true);
}

void FormsPanel::askAndRelease(const QString &instanceId, const QString &key)
{
    FormView *view = m_views.value(instanceId);
    FormFieldEditor *editor = view ? view->editor(key) : nullptr;
    if (!editor || !m_forms)
        return;
    const QString advisor = m_consultation ? m_consultation->peer().name : tr("Ihr Berater");
    const QString label = QString::fromStdString(editor->field().label());
    QMessageBox box(
        QMessageBox::Question, tr("Angabe freigeben?"),
        tr("Wenn Sie „%1“ freigeben, sieht %2 den Wert. Das lässt sich nicht zurücknehmen.").arg(label, advisor),
        QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmRelease"));
    box.setTextFormat(Qt::PlainText);
    QPushButton *yes = box.addButton(tr("Freigeben"), QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("yes"));
    QPushButton *no = box.addButton(tr("Nicht freigeben"), QMessageBox::RejectRole);
    no->setObjectName(QStringLiteral("no"));
    box.setDefaultButton(no);
    box.exec();
    if (box.clickedButton() != yes || !m_forms || !m_views.contains(instanceId))
        return; // the form may have gone while the question was open
    m_pendingRelease = instanceId;
    view->setReleasing(key);
    m_forms->release(instanceId, {key});
}

void FormsPanel::savePdf(const QString &instanceId)
{
    FormView *view = m_views.value(instanceId);
    const wire::FormInstance *form = m_forms ? m_forms->form(instanceId) : nullptr;
    if (!view || !form)
        return;
    const QString suggested =
        validation::sanitiseFileName(QString::fromStdString(form->definition().title()) + QStringLiteral(".pdf"));
    FileQuestion question;
    question.kind = FileQuestion::Kind::Save;
    question.objectName = QStringLiteral("saveFormPdfDialog");
    question.title = tr("Formular als PDF speichern");
    question.filters = {tr("PDF-Dokumente (*.pdf)")};
    question.suggestedName = suggested;
    question.defaultSuffix = QStringLiteral("pdf");
    const QStringList paths = m_fileChooser.ask(this, question);
    if (paths.isEmpty())
        return; // cancelled: nothing written
    QString path = paths.constFirst();
    if (!path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    const Status written = forms::FormPdf::writePdf(*form, path);
    view->setSaveStatus(written.ok() ? tr("Gespeichert: %1").arg(QDir::toNativeSeparators(path))
                                     : tr("Das Formular konnte nicht gespeichert werden. Bitte wählen Sie einen "
                                          "anderen Ort."),
                        !written.ok());
    announce(view->saveStatusLabel(), view->saveStatusLabel()->text());
}

void FormsPanel::onRefused(ConsultationForms::Refusal refusal, const QString &detail)
{
    if (FormView *view = m_views.value(m_pendingRelease)) {
        m_pendingRelease.clear();
        view->releaseRefused();
        view->setProblem(refusalText(refusal));
        announce(view->problemLabel(), view->problemLabel()->text());
        return;
    }
    if (FormView *view = m_views.value(m_pendingSubmit)) {
        m_pendingSubmit.clear();
        view->setProblem(refusalText(refusal));
        if (refusal == Refusal::InvalidValue)
            view->showProblems(detail);
        announce(view->problemLabel(), view->problemLabel()->text());
    }
}

void FormsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FormsPanel::retranslate()
{
    m_heading->setText(tr("Formulare"));
    const FormView *newest = m_views.value(m_lastArrived);
    const QString advisor = m_consultation ? m_consultation->peer().name : QString();
    m_arrival->setText(newest ? tr("%1 hat Ihnen ein Formular geschickt: %2. Sie finden es hier unten.")
                                    .arg(advisor, QString::fromStdString(newest->form().definition().title()))
                              : QString());
    m_arrival->setVisible(newest);
    m_scroll->setAccessibleName(tr("Formulare dieser Beratung"));
}

} // namespace consult::customer
