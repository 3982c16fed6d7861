#include "FormFieldEditor.h"

#include "FormTexts.h"
#include "widgets/PlainLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace consult::customer {

namespace {

// Text boxes for several lines keep to a few lines; the form scrolls, not the field.
constexpr int kMultilineHeight = 90;

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

FormFieldEditor::FormFieldEditor(const wire::FormField &field, QWidget *parent)
    : QWidget(parent)
    , m_field(field)
{
    m_label = plainLabel(this, "fieldLabel", "strong");
    m_help = plainLabel(this, "fieldHelp", "hint");
    m_help->setVisible(!m_field.help().empty());
    m_problem = plainLabel(this, "fieldProblem", "error");
    m_problem->hide();
    m_value = plainLabel(this, "fieldValue");
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_value->hide();
    m_releaseLabel = plainLabel(this, "fieldRelease", "hint");
    m_releaseLabel->hide();
    m_releaseButton = new QPushButton(this);
    m_releaseButton->setObjectName(QStringLiteral("releaseField"));
    m_releaseButton->hide();
    connect(m_releaseButton, &QPushButton::clicked, this, [this] { Q_EMIT releaseRequested(key()); });
    buildInput();
    m_input->setObjectName(QStringLiteral("field:") + key());
    m_input->installEventFilter(this);

    auto *releaseRow = new QHBoxLayout;
    releaseRow->addWidget(m_releaseLabel, 1);
    releaseRow->addWidget(m_releaseButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    if (m_field.type() != wire::FORM_FIELD_TYPE_CHECKBOX)
        layout->addWidget(m_label);
    else
        m_label->hide(); // the tick box carries the label itself
    layout->addWidget(m_input);
    layout->addWidget(m_value);
    layout->addWidget(m_help);
    layout->addWidget(m_problem);
    layout->addLayout(releaseRow);
    retranslate();
}

void FormFieldEditor::buildInput()
{
    switch (m_field.type()) {
    case wire::FORM_FIELD_TYPE_MULTILINE:
        m_text = new QPlainTextEdit(this);
        m_text->setTabChangesFocus(true);
        m_text->setFixedHeight(kMultilineHeight);
        connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
            m_touched = m_touched || !m_text->toPlainText().isEmpty();
            Q_EMIT edited();
        });
        m_input = m_text;
        return;
    case wire::FORM_FIELD_TYPE_CHOICE:
        m_choice = new QComboBox(this);
        m_choice->addItem(QString()); // "Bitte wählen …": nothing chosen yet
        for (const std::string &choice : m_field.choices())
            m_choice->addItem(fromStd(choice), fromStd(choice));
        connect(m_choice, &QComboBox::currentIndexChanged, this, [this] {
            m_touched = true;
            Q_EMIT edited();
        });
        m_input = m_choice;
        return;
    case wire::FORM_FIELD_TYPE_CHECKBOX:
        m_check = new QCheckBox(this);
        connect(m_check, &QCheckBox::toggled, this, [this] {
            m_touched = true;
            Q_EMIT edited();
        });
        m_input = m_check;
        return;
    default:
        m_line = new QLineEdit(this);
        if (m_field.type() == wire::FORM_FIELD_TYPE_PHONE)
            m_line->setInputMethodHints(Qt::ImhDialableCharactersOnly);
        else if (m_field.type() == wire::FORM_FIELD_TYPE_EMAIL)
            m_line->setInputMethodHints(Qt::ImhEmailCharactersOnly);
        else if (m_field.type() == wire::FORM_FIELD_TYPE_DATE)
            m_line->setInputMethodHints(Qt::ImhDate);
        else if (m_field.type() == wire::FORM_FIELD_TYPE_IBAN)
            m_line->setInputMethodHints(Qt::ImhPreferUppercase | Qt::ImhNoPredictiveText);
        connect(m_line, &QLineEdit::textEdited, this, [this] {
            m_touched = m_touched || !m_line->text().isEmpty();
            Q_EMIT edited();
        });
        connect(m_line, &QLineEdit::editingFinished, this, [this] {
            // An IBAN reads back in groups of four once it is right: easier to compare with the card.
            if (m_field.type() == wire::FORM_FIELD_TYPE_IBAN) {
                const forms::CheckedValue checked = check();
                if (checked.problem == forms::ValueProblem::None && !checked.normalised.isEmpty())
                    m_line->setText(FormTexts::groupedIban(checked.normalised));
            }
        });
        m_input = m_line;
        return;
    }
}

QString FormFieldEditor::rawValue() const
{
    if (m_text)
        return m_text->toPlainText();
    if (m_choice)
        return m_choice->currentData().toString();
    if (m_check)
        return m_check->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    return m_line->text();
}

forms::CheckedValue FormFieldEditor::check() const
{
    return forms::checkValue(m_field, rawValue());
}

void FormFieldEditor::showCheck(bool insist)
{
    if (m_readOnly)
        return;
    m_touched = m_touched || insist;
    const forms::CheckedValue checked = check();
    const bool show =
        checked.problem != forms::ValueProblem::None && (checked.problem != forms::ValueProblem::Missing || m_touched);
    m_problem->setText(show ? FormTexts::problem(checked.problem, m_field) : QString());
    m_problem->setVisible(show);
    m_input->setAccessibleDescription(show ? m_problem->text() : fromStd(m_field.help()));
}

void FormFieldEditor::showSubmitted(const QString &wireValue)
{
    m_readOnly = true;
    m_submitted = wireValue;
    m_input->hide();
    m_problem->hide();
    m_label->show(); // a tick box becomes "label: Ja/Nein"
    m_value->show();
    retranslate();
}

void FormFieldEditor::setRelease(Release release)
{
    m_release = release;
    retranslate();
}

bool FormFieldEditor::eventFilter(QObject *watched, QEvent *event)
{
    // Leaving a field counts as having been there: a missing value is said from now on.
    if (watched == m_input && event->type() == QEvent::FocusOut && !m_touched) {
        m_touched = true;
        showCheck(false);
    }
    return QWidget::eventFilter(watched, event);
}

void FormFieldEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (!m_readOnly)
            showCheck(false);
    }
    QWidget::changeEvent(event);
}

void FormFieldEditor::retranslate()
{
    const QString label = fromStd(m_field.label());
    const QString marked = m_field.required() ? label + QStringLiteral(" *") : label;
    m_label->setText(marked);
    m_help->setText(fromStd(m_field.help()));
    if (m_check)
        m_check->setText(marked);
    if (m_choice)
        m_choice->setItemText(0, tr("Bitte wählen …"));
    if (m_line) {
        switch (m_field.type()) {
        case wire::FORM_FIELD_TYPE_DATE:
            m_line->setPlaceholderText(tr("TT.MM.JJJJ"));
            break;
        case wire::FORM_FIELD_TYPE_NUMBER:
            m_line->setPlaceholderText(tr("z. B. 1.250,00"));
            break;
        case wire::FORM_FIELD_TYPE_IBAN:
            m_line->setPlaceholderText(tr("z. B. DE12 3456 7890 1234 5678 90"));
            break;
        case wire::FORM_FIELD_TYPE_EMAIL:
            m_line->setPlaceholderText(tr("z. B. name@beispiel.de"));
            break;
        case wire::FORM_FIELD_TYPE_PHONE:
            m_line->setPlaceholderText(tr("z. B. 0561 123456"));
            break;
        default:
            break;
        }
    }
    // The label is the input's name for screen readers; "Pflichtfeld" in words, not as a star.
    m_input->setAccessibleName(m_field.required() ? tr("%1 (Pflichtfeld)").arg(label) : label);
    if (m_problem->isHidden())
        m_input->setAccessibleDescription(fromStd(m_field.help()));
    if (m_readOnly) {
        const QString shown = FormTexts::display(m_field, m_submitted);
        m_value->setText(shown.isEmpty() ? tr("(nicht ausgefüllt)") : shown);
        m_value->setAccessibleName(tr("%1: %2").arg(label, m_value->text()));
    }
    const bool releasable = m_readOnly && m_release != Release::NotSensitive;
    m_releaseLabel->setVisible(releasable);
    m_releaseButton->setVisible(releasable && m_release == Release::Hidden);
    switch (m_release) {
    case Release::NotSensitive:
        break;
    case Release::Hidden:
        m_releaseLabel->setText(tr("Für den Berater verborgen"));
        break;
    case Release::Releasing:
        m_releaseLabel->setText(tr("Wird freigegeben …"));
        break;
    case Release::Released:
        m_releaseLabel->setText(tr("Für den Berater freigegeben"));
        break;
    }
    m_releaseLabel->setAccessibleName(tr("%1: %2").arg(label, m_releaseLabel->text()));
    m_releaseButton->setText(tr("Freigeben"));
    m_releaseButton->setAccessibleName(tr("%1 für den Berater freigeben").arg(label));
}

} // namespace consult::customer
