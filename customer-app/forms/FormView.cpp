#include "FormView.h"

#include "FormTexts.h"
#include "widgets/PlainLabel.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace consult::customer {

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

void setRole(QLabel *label, const char *role, bool on)
{
    label->setProperty(role, on);
    label->setStyleSheet(QString()); // re-evaluate the dynamic properties in the style sheet
}

} // namespace

FormView::FormView(const wire::FormInstance &form, const QString &advisorName, QWidget *parent)
    : QWidget(parent)
    , m_form(form)
    , m_advisor(advisorName)
{
    setObjectName(QStringLiteral("form:") + instanceId());
    m_title = plainLabel(this, "formTitle", "subheading");
    m_notice = plainLabel(this, "formNotice", "warning");
    m_notice->setVisible(!m_form.definition().notice().empty());
    m_description = plainLabel(this, "formDescription");
    m_description->setVisible(!m_form.definition().description().empty());
    m_required = plainLabel(this, "formRequired", "hint");
    m_hint = plainLabel(this, "formHint", "hint");
    m_problem = plainLabel(this, "formProblem", "error");
    m_problem->hide();
    m_state = plainLabel(this, "formState", "confirmation");
    m_submit = new QPushButton(this);
    m_submit->setObjectName(QStringLiteral("submitForm"));
    m_submit->setProperty("primary", true);
    m_savePdf = new QPushButton(this);
    m_savePdf->setObjectName(QStringLiteral("saveFormPdf"));
    m_saveStatus = plainLabel(this, "formSaveStatus");
    m_saveStatus->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_notice);
    layout->addWidget(m_description);
    layout->addWidget(m_state);
    layout->addWidget(m_required);
    bool anyRequired = false;
    for (const wire::FormField &field : m_form.definition().fields()) {
        auto *editor = new FormFieldEditor(field, this);
        editor->setObjectName(QStringLiteral("formField:") + fromStd(field.key()));
        connect(editor, &FormFieldEditor::edited, this, &FormView::onEdited);
        connect(editor, &FormFieldEditor::releaseRequested, this,
                [this](const QString &key) { Q_EMIT releaseRequested(instanceId(), key); });
        layout->addWidget(editor);
        m_editors.append(editor);
        anyRequired = anyRequired || field.required();
    }
    m_anyRequired = anyRequired;
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_submit);
    buttons->addStretch(1);
    buttons->addWidget(m_savePdf);
    layout->addWidget(m_hint);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);
    layout->addWidget(m_saveStatus);

    connect(m_submit, &QPushButton::clicked, this, [this] { Q_EMIT submitRequested(instanceId()); });
    connect(m_savePdf, &QPushButton::clicked, this, [this] { Q_EMIT savePdfRequested(instanceId()); });
    update(form);
}

void FormView::update(const wire::FormInstance &form)
{
    m_form = form;
    if (submitted()) {
        m_submitting = false;
        for (FormFieldEditor *editor : std::as_const(m_editors)) {
            const auto &values = m_form.values();
            const auto value = std::find_if(values.begin(), values.end(), [&](const wire::FormValue &candidate) {
                return fromStd(candidate.key()) == editor->key();
            });
            editor->showSubmitted(value == values.end() ? QString() : fromStd(value->value()));
            if (!editor->field().sensitive())
                continue;
            // The customer's copy never says what the advisor sees; an update after a release is its
            // confirmation (a refusal comes as an error instead, releaseRefused()).
            if (m_releasing.removeAll(editor->key()) > 0 || editor->release() == FormFieldEditor::Release::Released)
                editor->setRelease(FormFieldEditor::Release::Released);
            else
                editor->setRelease(FormFieldEditor::Release::Hidden);
        }
    }
    onEdited();
}

QList<wire::FormValue> FormView::values() const
{
    QList<wire::FormValue> values;
    for (const FormFieldEditor *editor : m_editors) {
        wire::FormValue value;
        value.set_key(editor->field().key());
        value.set_value(editor->rawValue().toStdString());
        values.append(value);
    }
    return values;
}

void FormView::showProblems(const QString &firstProblemKey)
{
    for (FormFieldEditor *editor : std::as_const(m_editors))
        editor->showCheck(true);
    if (FormFieldEditor *first = editor(firstProblemKey))
        first->input()->setFocus();
    retranslate();
}

void FormView::setSubmitting(bool submitting)
{
    m_submitting = submitting;
    if (submitting)
        m_problemText.clear();
    retranslate();
}

void FormView::setProblem(const QString &text)
{
    m_problemText = text;
    m_submitting = false;
    retranslate();
}

void FormView::setSaveStatus(const QString &text, bool error)
{
    m_saveStatusText = text;
    m_saveFailed = error;
    retranslate();
}

void FormView::setReleasing(const QString &key)
{
    if (FormFieldEditor *field = editor(key)) {
        m_releasing.append(key);
        field->setRelease(FormFieldEditor::Release::Releasing);
    }
}

void FormView::releaseRefused()
{
    for (const QString &key : std::as_const(m_releasing))
        if (FormFieldEditor *field = editor(key))
            field->setRelease(FormFieldEditor::Release::Hidden);
    m_releasing.clear();
}

FormFieldEditor *FormView::editor(const QString &key) const
{
    for (FormFieldEditor *editor : m_editors)
        if (editor->key() == key)
            return editor;
    return nullptr;
}

void FormView::onEdited()
{
    for (FormFieldEditor *editor : std::as_const(m_editors))
        editor->showCheck(false);
    retranslate();
}

void FormView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FormView::retranslate()
{
    const wire::FormDefinition &definition = m_form.definition();
    m_title->setText(fromStd(definition.title()));
    m_title->setAccessibleName(tr("Formular: %1").arg(m_title->text()));
    m_notice->setText(fromStd(definition.notice()));
    m_notice->setAccessibleName(tr("Wichtiger Hinweis: %1").arg(m_notice->text()));
    m_description->setText(fromStd(definition.description()));
    m_required->setText(tr("Felder mit * müssen ausgefüllt werden."));
    int problems = 0;
    for (const FormFieldEditor *editor : std::as_const(m_editors))
        problems += editor->check().problem == forms::ValueProblem::None ? 0 : 1;
    const bool editable = !submitted();
    m_required->setVisible(editable && m_anyRequired);
    m_submit->setVisible(editable);
    m_submit->setEnabled(editable && problems == 0 && !m_submitting);
    m_submit->setText(m_submitting ? tr("Wird gesendet …") : tr("Formular senden"));
    m_submit->setAccessibleName(tr("Formular %1 an den Berater senden").arg(m_title->text()));
    m_hint->setVisible(editable && problems > 0);
    m_hint->setText(tr("Bitte füllen Sie alle Felder mit * richtig aus, dann können Sie das Formular senden."));
    m_problem->setText(m_problemText);
    m_problem->setVisible(!m_problemText.isEmpty());
    if (submitted())
        m_state->setText(tr("Gesendet am %1. Das Formular lässt sich nicht mehr ändern.")
                             .arg(FormTexts::when(QDateTime::fromMSecsSinceEpoch(m_form.submitted_at()))));
    else
        m_state->setText(tr("%1 hat Ihnen dieses Formular am %2 geschickt. Bitte füllen Sie es aus.")
                             .arg(m_advisor, FormTexts::when(QDateTime::fromMSecsSinceEpoch(m_form.sent_at()))));
    setRole(m_state, "confirmation", submitted());
    setRole(m_state, "hint", !submitted());
    m_state->setAccessibleName(m_state->text());
    m_savePdf->setText(tr("Als PDF speichern …"));
    m_savePdf->setAccessibleName(tr("Formular %1 als PDF speichern").arg(m_title->text()));
    m_saveStatus->setText(m_saveStatusText);
    m_saveStatus->setVisible(!m_saveStatusText.isEmpty());
    setRole(m_saveStatus, "error", m_saveFailed);
    setRole(m_saveStatus, "confirmation", !m_saveFailed && !m_saveStatusText.isEmpty());
}

} // namespace consult::customer
