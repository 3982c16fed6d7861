#include "FormView.h"

#include "forms/FormPdf.h"
#include "widgets/PlainLabel.h"

#include <QDateTime>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace consult::advisor {

namespace {

const wire::FormValue *valueOf(const wire::FormInstance &form, const std::string &key)
{
    for (const wire::FormValue &value : form.values()) {
        if (value.key() == key)
            return &value;
    }
    return nullptr;
}

QString when(qint64 milliseconds)
{
    return QDateTime::fromMSecsSinceEpoch(milliseconds).toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm"));
}

} // namespace

FormView::FormView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("formView"));
    m_title = plainLabel(this, "formTitle");
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_notice = plainLabel(this, "formNotice");
    m_notice->setStyleSheet(QStringLiteral("color: #7a4b00;"));
    m_state = plainLabel(this, "formState");
    m_state->setStyleSheet(QStringLiteral("color: #555555;"));
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addWidget(m_title);
    m_layout->addWidget(m_notice);
    m_layout->addWidget(m_state);
    m_layout->addStretch();
    clear();
}

void FormView::showForm(const wire::FormInstance &form)
{
    m_form = form;
    m_shown = true;
    rebuild();
}

void FormView::clear()
{
    m_form.Clear();
    m_shown = false;
    rebuild();
}

QString FormView::displayValue(const wire::FormField &field, const wire::FormValue *value)
{
    // P1: the masked value is plainly withheld, not blank; the rest reads as in the PDF (FormPdf).
    if (value && value->masked())
        return tr("●●●● (nicht freigegeben)");
    return forms::FormPdf::displayValue(field, value);
}

QString FormView::valueText(const QString &key) const
{
    if (!m_fields)
        return {};
    for (const QLabel *label : m_fields->findChildren<QLabel *>()) {
        if (label->property("fieldKey").toString() == key)
            return label->text();
    }
    return {};
}

void FormView::rebuild()
{
    delete m_fields;
    m_fields = nullptr;
    if (!m_shown) {
        m_title->setText(tr("Kein Formular gewählt."));
        m_notice->hide();
        m_state->hide();
        return;
    }
    const wire::FormDefinition &definition = m_form.definition();
    m_title->setText(QString::fromStdString(definition.title()));
    m_notice->setText(QString::fromStdString(definition.notice()));
    m_notice->setVisible(!definition.notice().empty());
    m_state->setText(
        m_form.state() == wire::FORM_STATE_SUBMITTED
            ? tr("Gesendet am %1 · ausgefüllt am %2").arg(when(m_form.sent_at()), when(m_form.submitted_at()))
            : tr("Gesendet am %1 · der Kunde füllt es aus").arg(when(m_form.sent_at())));
    m_state->show();
    if (m_form.state() != wire::FORM_STATE_SUBMITTED)
        return; // nothing to read before the customer submits
    // Label above value: a narrow column keeps both whole, however long the label.
    m_fields = new QWidget(this);
    auto *fields = new QVBoxLayout(m_fields);
    fields->setContentsMargins(0, 6, 0, 0);
    fields->setSpacing(2);
    for (const wire::FormField &field : definition.fields()) {
        QLabel *label = plainLabel(m_fields);
        label->setText(tr("%1:").arg(QString::fromStdString(field.label())));
        label->setStyleSheet(QStringLiteral("color: #555555;"));
        const wire::FormValue *value = valueOf(m_form, field.key());
        QLabel *shown = plainLabel(m_fields);
        shown->setObjectName(QStringLiteral("value-%1").arg(QString::fromStdString(field.key())));
        shown->setProperty("fieldKey", QString::fromStdString(field.key()));
        shown->setText(displayValue(field, value));
        shown->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        QFont font = shown->font();
        font.setBold(!(value && value->masked())); // the value is what the advisor reads
        shown->setFont(font);
        fields->addWidget(label);
        fields->addWidget(shown);
        fields->addSpacing(4);
    }
    m_layout->insertWidget(m_layout->count() - 1, m_fields); // above the stretch
}

void FormView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

} // namespace consult::advisor
