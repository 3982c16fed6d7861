#include "InboxPanel.h"

#include "client/AdvisorClient.h"
#include "validation/PhoneNumber.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace consult::advisor {

namespace {

// Received times as "24.11. 14:05", phone numbers grouped, long texts as one line (the full text is
// below the table).
class InboxDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() == InboxModel::PhoneColumn)
            option->text = validation::formatInternational(option->text);
    }
    QString displayText(const QVariant &value, const QLocale &locale) const override
    {
        if (value.userType() == QMetaType::QDateTime)
            return value.toDateTime().toLocalTime().toString(QStringLiteral("dd.MM. HH:mm"));
        QString text = QStyledItemDelegate::displayText(value, locale);
        text.replace(u'\n', u' ');
        return text;
    }
};

} // namespace

InboxPanel::InboxPanel(AdvisorClient &client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("inboxPanel"));
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("inboxView"));
    m_view->setModel(client.inbox());
    m_view->setItemDelegate(new InboxDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);

    m_empty = new QLabel(this);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setAlignment(Qt::AlignCenter);
    m_detailLabel = new QLabel(this);
    m_detailLabel->setTextFormat(Qt::PlainText);
    m_detail = new QPlainTextEdit(this); // plain text only (I3)
    m_detail->setObjectName(QStringLiteral("inboxDetail"));
    m_detail->setReadOnly(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_detailLabel->setBuddy(m_detail);
    m_done = new QPushButton(this);
    m_done->setObjectName(QStringLiteral("inboxDone"));

    auto *detailBox = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailBox);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detailLabel);
    detailLayout->addWidget(m_detail, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_done);
    detailLayout->addLayout(buttons);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(detailBox);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_empty);
    layout->addWidget(splitter, 1);

    const auto changed = [this, splitter] {
        const int n = count();
        m_empty->setVisible(n == 0);
        splitter->setVisible(n > 0);
        if (n > 0 && !m_view->selectionModel()->hasSelection())
            m_view->selectRow(0);
        showSelected();
        Q_EMIT countChanged(n);
    };
    connect(client.inbox(), &QAbstractItemModel::rowsInserted, this, changed);
    connect(client.inbox(), &QAbstractItemModel::rowsRemoved, this, changed);
    connect(client.inbox(), &QAbstractItemModel::modelReset, this, changed);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &InboxPanel::showSelected);
    connect(m_done, &QPushButton::clicked, this, &InboxPanel::markSelectedDone);
    retranslate();
    changed();
}

int InboxPanel::count() const
{
    return m_client.inbox()->rowCount();
}

void InboxPanel::retranslate()
{
    m_empty->setText(tr("Keine Nachrichten von Kunden."));
    m_detailLabel->setText(tr("Nachricht:"));
    m_done->setText(tr("Er&ledigt"));
    m_done->setToolTip(tr("Die Nachricht ist bearbeitet; sie wird für alle Berater gelöscht."));
    m_view->setAccessibleName(tr("Nachrichten von Kunden"));
    m_detail->setAccessibleName(tr("Text der Nachricht"));
    m_done->setAccessibleName(tr("Erledigt"));
    Q_EMIT m_client.inbox()->headerDataChanged(Qt::Horizontal, 0, InboxModel::ColumnCount - 1);
}

void InboxPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void InboxPanel::showSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    m_done->setEnabled(!rows.isEmpty());
    if (rows.isEmpty()) {
        m_detail->clear();
        return;
    }
    const wire::InboxItem &item = m_client.inbox()->items().at(rows.first().row());
    const QDateTime received = QDateTime::fromMSecsSinceEpoch(item.received_at(), Qt::UTC).toLocalTime();
    m_detail->setPlainText(tr("Von: %1\nRückruf: %2\nEingegangen: %3\n\n%4")
                               .arg(QString::fromStdString(item.name()),
                                    validation::formatInternational(QString::fromStdString(item.phone_e164())),
                                    received.toString(QStringLiteral("dd.MM.yyyy HH:mm")),
                                    QString::fromStdString(item.text())));
}

void InboxPanel::markSelectedDone()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const wire::InboxItem item = m_client.inbox()->items().at(rows.first().row());
    QMessageBox confirm(QMessageBox::Question, tr("Nachricht erledigt?"),
                        tr("Die Nachricht von %1 als erledigt markieren? Sie wird für alle Berater gelöscht.")
                            .arg(QString::fromStdString(item.name())),
                        QMessageBox::Yes | QMessageBox::No, this);
    confirm.setObjectName(QStringLiteral("confirmInboxDone"));
    confirm.setTextFormat(Qt::PlainText);
    confirm.setDefaultButton(QMessageBox::No);
    confirm.button(QMessageBox::Yes)->setText(tr("Erledigt"));
    confirm.button(QMessageBox::No)->setText(tr("Abbrechen"));
    if (confirm.exec() == QMessageBox::Yes)
        m_client.markInboxItemDone(QString::fromStdString(item.item_id()));
}

} // namespace consult::advisor
