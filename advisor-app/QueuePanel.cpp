#include "QueuePanel.h"

#include "StatusTexts.h"
#include "client/AdvisorClient.h"
#include "core/Clock.h"
#include "validation/PhoneNumber.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace consult::advisor {

LiveQueueModel::LiveQueueModel(const Clock &clock, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_clock(clock)
{
    setSortRole(AdvisorQueueModel::EnqueuedAtRole);
    sort(AdvisorQueueModel::WaitingSinceColumn, Qt::AscendingOrder);
    setDynamicSortFilter(true);
    // The waiting time counts up on its own: one repaint of one column per second.
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, AdvisorQueueModel::WaitingSinceColumn),
                               index(rowCount() - 1, AdvisorQueueModel::WaitingSinceColumn), {Qt::DisplayRole});
    });
    m_tick.start();
}

bool LiveQueueModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    return left.data(AdvisorQueueModel::EnqueuedAtRole).toDateTime() <
           right.data(AdvisorQueueModel::EnqueuedAtRole).toDateTime();
}

QVariant LiveQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const int column = index.column();
    if (column == AdvisorQueueModel::WaitingSinceColumn &&
        (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)) {
        const QDateTime since = index.data(AdvisorQueueModel::EnqueuedAtRole).toDateTime();
        return StatusTexts::duration(m_clock.nowMs() - since.toMSecsSinceEpoch());
    }
    if (column == AdvisorQueueModel::WaitingSinceColumn && role == Qt::ToolTipRole)
        return tr("Wartet seit %1 Uhr")
            .arg(index.data(AdvisorQueueModel::EnqueuedAtRole).toDateTime().toLocalTime().toString(u"HH:mm:ss"));
    if (column == AdvisorQueueModel::PhoneColumn && role == Qt::DisplayRole)
        return validation::formatInternational(QSortFilterProxyModel::data(index, role).toString());
    if (column == AdvisorQueueModel::SystemCheckColumn && role == Qt::ToolTipRole)
        return QSortFilterProxyModel::data(index, Qt::DisplayRole);
    if (column == AdvisorQueueModel::SystemCheckColumn && role == Qt::DisplayRole) {
        const QString check = QSortFilterProxyModel::data(index, role).toString();
        return check.isEmpty() ? QStringLiteral("–") : check;
    }
    if (column == AdvisorQueueModel::WaitingSinceColumn && role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return QSortFilterProxyModel::data(index, role);
}

QVariant LiveQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section == AdvisorQueueModel::WaitingSinceColumn)
        return tr("Wartezeit");
    return QSortFilterProxyModel::headerData(section, orientation, role);
}

QueuePanel::QueuePanel(AdvisorClient &client, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("queuePanel"));
    m_model = new LiveQueueModel(clock, this);
    m_model->setSourceModel(client.queue());

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("queueView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(false); // always by waiting time
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setWordWrap(false);
    m_view->installEventFilter(this);

    m_empty = new QLabel(this);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setObjectName(QStringLiteral("queueEmpty"));

    m_takeNext = new QPushButton(this);
    m_takeNext->setObjectName(QStringLiteral("takeNext"));
    m_takeSelected = new QPushButton(this);
    m_takeSelected->setObjectName(QStringLiteral("takeSelected"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_takeNext);
    buttons->addWidget(m_takeSelected);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);
    layout->addLayout(buttons);

    connect(m_takeNext, &QPushButton::clicked, this, &QueuePanel::takeNext);
    connect(m_takeSelected, &QPushButton::clicked, this, &QueuePanel::takeSelected);
    connect(m_view, &QTableView::doubleClicked, this, &QueuePanel::takeSelected);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &QueuePanel::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &QueuePanel::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueuePanel::updateState);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &QueuePanel::updateState);
    connect(&client, &AdvisorClient::statusChanged, this, &QueuePanel::updateState);
    retranslate();
}

void QueuePanel::retranslate()
{
    m_takeNext->setText(tr("&Nächsten annehmen"));
    m_takeNext->setToolTip(tr("Den Kunden annehmen, der am längsten wartet (Strg+N)"));
    m_takeSelected->setText(tr("Ausgewählten anneh&men"));
    m_takeSelected->setToolTip(tr("Den markierten Kunden annehmen (Eingabetaste in der Liste)"));
    m_view->setAccessibleName(tr("Warteschlange"));
    m_view->setAccessibleDescription(tr("Wartende Kunden, wer am längsten wartet, steht oben."));
    m_takeNext->setAccessibleName(tr("Nächsten annehmen"));
    m_takeSelected->setAccessibleName(tr("Ausgewählten annehmen"));
    Q_EMIT m_client.queue()->headerDataChanged(Qt::Horizontal, 0, AdvisorQueueModel::ColumnCount - 1);
    updateState();
}

void QueuePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

bool QueuePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            takeSelected();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void QueuePanel::updateState()
{
    const wire::AdvisorStatus &status = m_client.status();
    const bool canTake = status.available() && status.active_consultations() < status.capacity();
    const bool anyone = m_model->rowCount() > 0;
    m_view->setVisible(anyone);
    m_empty->setVisible(!anyone);
    if (!status.available())
        m_empty->setText(tr("Niemand wartet.\nSie sind auf Pause."));
    else
        m_empty->setText(tr("Niemand wartet."));
    m_takeNext->setEnabled(canTake && anyone);
    m_takeSelected->setEnabled(canTake && m_view->selectionModel()->hasSelection());
}

void QueuePanel::takeNext()
{
    m_client.takeNext();
}

void QueuePanel::takeSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QString entryId = rows.first().data(AdvisorQueueModel::EntryIdRole).toString();
    if (!entryId.isEmpty())
        m_client.take(entryId);
}

} // namespace consult::advisor
