#include "FormPicker.h"

#include "widgets/PlainLabel.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace consult::advisor {

namespace {

constexpr int kIdRole = Qt::UserRole;

} // namespace

FormPicker::FormPicker(const QList<wire::FormSummary> &library, const QString &customerName, QWidget *parent)
    : QDialog(parent)
    , m_library(library)
{
    setObjectName(QStringLiteral("formPicker"));
    setWindowTitle(tr("Formular senden"));
    m_intro = plainLabel(this, "formPickerIntro");
    m_intro->setText(customerName.isEmpty() ? tr("Welches Formular soll der Kunde ausfüllen?")
                                            : tr("Welches Formular soll %1 ausfüllen?").arg(customerName));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("formSearch"));
    m_search->setPlaceholderText(tr("Formulare durchsuchen …"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Formulare durchsuchen"));
    m_search->setVisible(library.size() > kSearchAbove);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("formLibrary"));
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setAlternatingRowColors(true);
    m_list->setAccessibleName(tr("Formulare"));
    for (const wire::FormSummary &form : library) {
        const QString title = QString::fromStdString(form.title());
        const QString description = QString::fromStdString(form.description());
        // Plain text in a list item: the library's texts are never read as markup (I3).
        auto *item = new QListWidgetItem(description.isEmpty() ? title : title + u'\n' + description, m_list);
        item->setData(kIdRole, QString::fromStdString(form.form_id()));
        item->setToolTip(description);
    }
    m_empty = plainLabel(this, "formPickerEmpty");
    m_empty->setText(library.isEmpty() ? tr("Die Formularbibliothek des Servers ist leer.")
                                       : tr("Kein Formular passt zur Suche."));
    m_empty->setVisible(library.isEmpty());
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Senden"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Abbrechen"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addWidget(m_buttons);
    resize(480, 420);

    connect(m_search, &QLineEdit::textChanged, this, &FormPicker::filter);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &FormPicker::updateButtons);
    connect(m_list, &QListWidget::itemActivated, this, [this] {
        if (!selectedFormId().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    (m_search->isVisible() ? static_cast<QWidget *>(m_search) : m_list)->setFocus();
    updateButtons();
}

QString FormPicker::selectedFormId() const
{
    const QList<QListWidgetItem *> items = m_list->selectedItems();
    if (items.isEmpty() || items.first()->isHidden())
        return {};
    return items.first()->data(kIdRole).toString();
}

bool FormPicker::selectForm(const QString &formId)
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        if (item->data(kIdRole).toString() == formId && !item->isHidden()) {
            m_list->setCurrentItem(item);
            item->setSelected(true);
            return true;
        }
    }
    return false;
}

void FormPicker::filter(const QString &text)
{
    const QString wanted = text.trimmed();
    int shown = 0;
    QListWidgetItem *first = nullptr;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const bool match = wanted.isEmpty() || item->text().contains(wanted, Qt::CaseInsensitive);
        item->setHidden(!match);
        if (match) {
            ++shown;
            first = first ? first : item;
        }
    }
    // The first match is picked, so Enter after typing sends it.
    if (first && (m_list->selectedItems().isEmpty() || m_list->selectedItems().first()->isHidden()))
        m_list->setCurrentItem(first);
    m_empty->setVisible(shown == 0);
    updateButtons();
}

void FormPicker::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!selectedFormId().isEmpty());
}

} // namespace consult::advisor
