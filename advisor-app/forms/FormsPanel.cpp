#include "FormsPanel.h"

#include "FormPicker.h"
#include "FormView.h"
#include "client/consultation/Consultation.h"
#include "forms/FormPdf.h"
#include "widgets/Announcer.h"
#include "widgets/PlainLabel.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace consult::advisor {

namespace {

constexpr int kIdRole = Qt::UserRole;

QString fileNameFor(const wire::FormInstance &form)
{
    // The title as a file name: letters, digits, spaces, dashes; nothing a file system objects to.
    QString name = QString::fromStdString(form.definition().title());
    for (QChar &c : name) {
        if (!c.isLetterOrNumber() && c != u' ' && c != u'-' && c != u'_')
            c = u'_';
    }
    name = name.simplified().left(80);
    return (name.isEmpty() ? QStringLiteral("Formular") : name) + QStringLiteral(".pdf");
}

} // namespace

FormsPanel::FormsPanel(Consultation &consultation, Library library, QWidget *parent)
    : QWidget(parent)
    , m_consultation(&consultation)
    , m_forms(consultation.part<ConsultationForms>())
    , m_library(std::move(library))
{
    setObjectName(QStringLiteral("formsPanel"));
    m_title = plainLabel(this, "formsTitle", nullptr, false);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_send = new QPushButton(this);
    m_send->setObjectName(QStringLiteral("sendForm"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("formsList"));
    m_list->setWordWrap(true);
    m_view = new FormView(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_view);
    m_pdf = new QPushButton(this);
    m_pdf->setObjectName(QStringLiteral("saveFormPdf"));
    m_message = plainLabel(this, "formsMessage");
    m_message->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addStretch();
    top->addWidget(m_send);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_list);
    split->addWidget(scroll);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({1000, 3000}); // in proportion: the list is short, the form is what is read
    auto *bottom = new QHBoxLayout;
    bottom->addStretch();
    bottom->addWidget(m_pdf);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);
    layout->addWidget(m_message);

    connect(m_send, &QPushButton::clicked, this, &FormsPanel::chooseAndSend);
    connect(m_pdf, &QPushButton::clicked, this, &FormsPanel::chooseAndSavePdf);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            showForm(item->data(kIdRole).toString());
    });
    connect(&consultation, &Consultation::ended, this, &FormsPanel::updateControls);
    if (m_forms) {
        connect(m_forms, &ConsultationForms::formChanged, this, &FormsPanel::onFormChanged);
        connect(m_forms, &ConsultationForms::refused, this,
                [this](ConsultationForms::Refusal refusal, const QString &) {
                    showMessage([refusal] { return refusalText(refusal); }, true);
                });
        for (const wire::FormInstance &form : m_forms->forms()) {
            if (form.state() == wire::FORM_STATE_SUBMITTED)
                m_submitted.insert(QString::fromStdString(form.instance_id()));
        }
    }
    retranslate();
}

FormsPanel::~FormsPanel() = default;

void FormsPanel::retranslate()
{
    m_title->setText(tr("Formulare"));
    m_send->setText(tr("Formular senden …"));
    m_send->setToolTip(tr("Ein Formular aus der Bibliothek an den Kunden senden"));
    m_pdf->setText(tr("Als PDF speichern …"));
    m_pdf->setToolTip(tr("Das gewählte Formular als PDF-Datei speichern"));
    m_list->setAccessibleName(tr("Formulare dieser Beratung"));
    rebuildList();
    if (m_messageText)
        m_message->setText(m_messageText());
}

void FormsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString FormsPanel::stateText(const wire::FormInstance &form)
{
    if (form.state() == wire::FORM_STATE_SUBMITTED)
        return tr("ausgefüllt am %1")
            .arg(QDateTime::fromMSecsSinceEpoch(form.submitted_at())
                     .toLocalTime()
                     .toString(QStringLiteral("dd.MM.yyyy HH:mm")));
    return tr("gesendet");
}

QString FormsPanel::refusalText(ConsultationForms::Refusal refusal)
{
    switch (refusal) {
    case ConsultationForms::Refusal::NotFound:
        return tr("Das Formular gibt es nicht mehr (aus der Bibliothek entfernt oder die Beratung ist beendet).");
    case ConsultationForms::Refusal::NotAllowed:
        return tr("Das ist bei diesem Formular nicht möglich.");
    case ConsultationForms::Refusal::InvalidValue:
        return tr("Der Server hat einen Wert des Formulars abgelehnt.");
    case ConsultationForms::Refusal::LimitReached:
        return tr("Das Formular wurde nicht gesendet: in dieser Beratung sind keine weiteren Formulare möglich.");
    }
    return tr("Das Formular wurde abgelehnt.");
}

void FormsPanel::rebuildList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    if (m_forms) {
        for (const wire::FormInstance &form : m_forms->forms()) {
            const QString id = QString::fromStdString(form.instance_id());
            auto *item = new QListWidgetItem(
                tr("%1 — %2").arg(QString::fromStdString(form.definition().title()), stateText(form)), m_list);
            item->setData(kIdRole, id);
            if (id == m_shown)
                m_list->setCurrentItem(item);
        }
    }
    if (m_forms && !m_shown.isEmpty()) {
        if (const wire::FormInstance *form = m_forms->form(m_shown))
            m_view->showForm(*form);
    }
    updateControls();
}

void FormsPanel::updateControls()
{
    const bool running = m_forms && m_consultation && !m_consultation->isEnded();
    m_send->setEnabled(running);
    // A form stays printable after the end: the advisor keeps what the screen shows.
    m_pdf->setEnabled(m_forms && !m_shown.isEmpty() && m_forms->form(m_shown));
}

int FormsPanel::rowOf(const QString &instanceId) const
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(kIdRole).toString() == instanceId)
            return row;
    }
    return -1;
}

void FormsPanel::onFormChanged(const QString &instanceId)
{
    const wire::FormInstance *form = m_forms ? m_forms->form(instanceId) : nullptr;
    if (form && form->state() == wire::FORM_STATE_SUBMITTED && !m_submitted.contains(instanceId)) {
        m_submitted.insert(instanceId);
        // The form just filled in is what the advisor wants to read next.
        m_shown = instanceId;
        Q_EMIT formSubmitted();
    } else if (m_shown.isEmpty()) {
        m_shown = instanceId;
    }
    rebuildList();
}

void FormsPanel::showForm(const QString &instanceId)
{
    const wire::FormInstance *form = m_forms ? m_forms->form(instanceId) : nullptr;
    if (!form)
        return;
    m_shown = instanceId;
    m_view->showForm(*form);
    const int row = rowOf(instanceId);
    if (row >= 0 && m_list->currentRow() != row) {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentRow(row);
    }
    updateControls();
}

void FormsPanel::showMessage(MessageText text, bool problem)
{
    m_messageText = std::move(text);
    const QString said = m_messageText();
    m_message->setText(said);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QStringLiteral("color: #555555;"));
    m_message->setVisible(!said.isEmpty());
    if (problem)
        announce(m_message, said);
}

void FormsPanel::chooseAndSend()
{
    if (!m_send->isEnabled())
        return;
    FormPicker picker(m_library ? m_library() : QList<wire::FormSummary>(),
                      m_consultation ? m_consultation->peer().name : QString(), this);
    if (picker.exec() != QDialog::Accepted || picker.selectedFormId().isEmpty())
        return;
    sendForm(picker.selectedFormId());
}

void FormsPanel::sendForm(const QString &formId)
{
    if (!m_forms || !m_consultation || m_consultation->isEnded() || formId.isEmpty())
        return;
    m_messageText = {};
    m_message->hide();
    m_forms->send(formId);
}

void FormsPanel::chooseAndSavePdf()
{
    const wire::FormInstance *form = m_forms ? m_forms->form(m_shown) : nullptr;
    if (!form)
        return;
    FileQuestion question;
    question.kind = FileQuestion::Kind::Save;
    question.objectName = QStringLiteral("saveFormPdfDialog");
    question.title = tr("Formular als PDF speichern");
    question.filters = {tr("PDF-Dateien (*.pdf)")};
    question.suggestedName = fileNameFor(*form);
    question.defaultSuffix = QStringLiteral("pdf");
    const QString instanceId = m_shown;
    const QStringList paths = m_fileChooser.ask(this, question);
    if (!paths.isEmpty())
        savePdfTo(instanceId, paths.constFirst());
}

bool FormsPanel::savePdfTo(const QString &instanceId, const QString &path)
{
    const wire::FormInstance *form = m_forms ? m_forms->form(instanceId) : nullptr;
    if (!form || path.isEmpty())
        return false;
    const Status written = forms::FormPdf::writePdf(*form, path);
    const QString shown = QDir::toNativeSeparators(path);
    if (!written.ok()) {
        showMessage([shown] { return tr("Das PDF konnte nicht gespeichert werden: %1").arg(shown); }, true);
        return false;
    }
    showMessage([shown] { return tr("Gespeichert: %1").arg(shown); }, false);
    return true;
}

} // namespace consult::advisor
