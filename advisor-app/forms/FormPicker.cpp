#include "FormPicker.h"

#include "widgets/PlainLabel.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace consult::advisor {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kDescriptionRole = Qt::UserRole + 1;

// One library entry as two parts the eye tells apart: the title in bold, the description below it
// in the normal weight, wrapped to the list's width. Painted as plain text (I3).
class SummaryDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
        const bool selected = option.state & QStyle::State_Selected;
        painter->save();
        painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        const QRect area = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        const QRect title = QFontMetrics(bold).boundingRect(area, Qt::TextWordWrap, index.data().toString());
        painter->drawText(area, Qt::TextWordWrap, index.data().toString());
        painter->setFont(option.font);
        painter->drawText(area.adjusted(0, title.height() + 2, 0, 0), Qt::TextWordWrap,
                          index.data(kDescriptionRole).toString());
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const int width = qMax(100, (option.widget ? option.widget->width() : 400) - 2 * kMargin - 24);
        QFont bold = option.font;
        bold.setBold(true);
        const QRect bounds(0, 0, width, 10000);
        int height = QFontMetrics(bold).boundingRect(bounds, Qt::TextWordWrap, index.data().toString()).height();
        const QString description = index.data(kDescriptionRole).toString();
        if (!description.isEmpty())
            height += 2 + QFontMetrics(option.font).boundingRect(bounds, Qt::TextWordWrap, description).height();
        return {width, height + 2 * kMargin};
    }

private:
    static constexpr int kMargin = 6;
};

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
    m_list->setItemDelegate(new SummaryDelegate(m_list));
    m_list->setResizeMode(QListView::Adjust); // the descriptions wrap anew when the dialog is resized
    for (const wire::FormSummary &form : library) {
        const QString title = QString::fromStdString(form.title());
        const QString description = QString::fromStdString(form.description());
        auto *item = new QListWidgetItem(title, m_list);
        item->setData(kIdRole, QString::fromStdString(form.form_id()));
        item->setData(kDescriptionRole, description);
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

QString FormPicker::descriptionAt(int row) const
{
    const QListWidgetItem *item = m_list->item(row);
    return item ? item->data(kDescriptionRole).toString() : QString();
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
        const bool match = wanted.isEmpty() || item->text().contains(wanted, Qt::CaseInsensitive) ||
                           item->data(kDescriptionRole).toString().contains(wanted, Qt::CaseInsensitive);
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
