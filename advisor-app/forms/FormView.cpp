#include "FormView.h"

#include "forms/FormPdf.h"
#include "widgets/PlainLabel.h"

#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
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
    m_fields = new QFormLayout;
    m_fields->setRowWrapPolicy(QFormLayout::WrapLongRows); // a narrow column puts the value under its label
    m_fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_notice);
    layout->addWidget(m_state);
    layout->addLayout(m_fields);
    layout->addStretch();
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
    for (int row = 0; row < m_fields->rowCount(); ++row) {
        QLayoutItem *item = m_fields->itemAt(row, QFormLayout::FieldRole);
        auto *label = item ? qobject_cast<QLabel *>(item->widget()) : nullptr;
        if (label && label->property("fieldKey").toString() == key)
            return label->text();
    }
    return {};
}

void FormView::rebuild()
{
    while (m_fields->rowCount() > 0)
        m_fields->removeRow(0);
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
    for (const wire::FormField &field : definition.fields()) {
        QLabel *label = plainLabel(this);
        label->setText(tr("%1:").arg(QString::fromStdString(field.label())));
        const wire::FormValue *value = valueOf(m_form, field.key());
        QLabel *shown = plainLabel(this);
        shown->setObjectName(QStringLiteral("value-%1").arg(QString::fromStdString(field.key())));
        shown->setProperty("fieldKey", QString::fromStdString(field.key()));
        shown->setText(displayValue(field, value));
        shown->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        if (value && value->masked())
            shown->setStyleSheet(QStringLiteral("color: #555555;"));
        m_fields->addRow(label, shown);
    }
}

void FormView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

} // namespace consult::advisor
