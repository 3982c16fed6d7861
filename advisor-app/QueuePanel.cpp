#include "QueuePanel.h"

#include "Pictograms.h"
#include "StatusTexts.h"
#include "SystemCheckMarks.h"
#include "client/AdvisorClient.h"
#include "core/Clock.h"
#include "validation/PhoneNumber.h"
#include "widgets/Announcer.h"

#include <QEvent>
#include <QGuiApplication>
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
    if (column == AdvisorQueueModel::ModeColumn && role == Qt::DecorationRole) {
        const bool video = index.data(AdvisorQueueModel::ModeRole).toInt() == wire::CONSULTATION_MODE_VIDEO;
        return pictograms::icon(video ? pictograms::Kind::Camera : pictograms::Kind::Chat,
                                QGuiApplication::palette().color(QPalette::Text),
                                QGuiApplication::palette().color(QPalette::HighlightedText));
    }
    if (column == AdvisorQueueModel::ModeColumn && role == Qt::ToolTipRole) {
        if (index.data(AdvisorQueueModel::ModeRole).toInt() != wire::CONSULTATION_MODE_VIDEO)
            return tr("Textchat");
        return m_videoBusy ? tr("Videoberatung (Bild und Ton)") + u'\n' + StatusTexts::videoInProgress()
                           : tr("Videoberatung (Bild und Ton)");
    }
    if (column == AdvisorQueueModel::SystemCheckColumn &&
        (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole || role == Qt::AccessibleDescriptionRole)) {
        const QVariant check = index.data(AdvisorQueueModel::SystemCheckRole);
        if (!check.isValid())
            return role == Qt::AccessibleDescriptionRole ? QVariant() : QVariant(StatusTexts::noSystemCheck());
        const auto value = check.value<wire::SystemCheck>();
        if (role == Qt::AccessibleTextRole)
            return StatusTexts::systemCheck(value);
        if (role == Qt::AccessibleDescriptionRole)
            return StatusTexts::systemCheckFigures(value);
        return QString(StatusTexts::systemCheck(value) + u'\n' + StatusTexts::systemCheckFigures(value));
    }
    if (column == AdvisorQueueModel::SystemCheckColumn && role == Qt::DisplayRole) {
        const QString check = QSortFilterProxyModel::data(index, role).toString();
        return check.isEmpty() ? QStringLiteral("–") : check;
    }
    if (column == AdvisorQueueModel::WaitingSinceColumn && role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return QSortFilterProxyModel::data(index, role);
}

void LiveQueueModel::setVideoBusy(bool busy)
{
    if (m_videoBusy == busy)
        return;
    m_videoBusy = busy;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, AdvisorQueueModel::ModeColumn),
                           index(rowCount() - 1, AdvisorQueueModel::ModeColumn), {Qt::ToolTipRole});
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
    m_view->setItemDelegateForColumn(AdvisorQueueModel::SystemCheckColumn, new SystemCheckDelegate(m_view));
    m_view->installEventFilter(this);

    m_empty = new QLabel(this);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setObjectName(QStringLiteral("queueEmpty"));

    m_takeNext = new QPushButton(this);
    m_takeNext->setObjectName(QStringLiteral("takeNext"));
    m_takeSelected = new QPushButton(this);
    m_takeSelected->setObjectName(QStringLiteral("takeSelected"));
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("queueHint"));
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: #7a4b00;"));
    m_hint->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_takeNext);
    buttons->addWidget(m_takeSelected);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_hint);
    layout->addLayout(buttons);

    connect(m_takeNext, &QPushButton::clicked, this, &QueuePanel::takeNext);
    connect(m_takeSelected, &QPushButton::clicked, this, &QueuePanel::takeSelected);
    connect(m_view, &QTableView::doubleClicked, this, &QueuePanel::takeSelected);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &QueuePanel::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &QueuePanel::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueuePanel::updateState);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &QueuePanel::updateState);
    connect(&client, &AdvisorClient::statusChanged, this, &QueuePanel::updateState);
    connect(&client, &AdvisorClient::consultationStarted, this, &QueuePanel::updateState);
    connect(&client, &AdvisorClient::consultationEnded, this, &QueuePanel::updateState);
    connect(&client, &AdvisorClient::requestRefused, this, [this](wire::ErrorCode code) {
        if (code != wire::ERROR_VIDEO_IN_PROGRESS)
            return;
        m_videoRefused = true;
        updateState();
    });
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
    const bool videoBusy = holdsVideoConsultation();
    m_model->setVideoBusy(videoBusy);
    // One video consultation at a time: a selected video customer waits for its end.
    const bool selectedBlocked = videoBusy && selectedWantsVideo();
    m_videoRefused = m_videoRefused && videoBusy;
    m_takeNext->setEnabled(canTake && anyone);
    m_takeSelected->setEnabled(canTake && m_view->selectionModel()->hasSelection() && !selectedBlocked);
    const bool explain = selectedBlocked || m_videoRefused;
    if (explain && m_hint->isHidden())
        announce(m_hint, StatusTexts::videoInProgress());
    m_hint->setText(explain ? StatusTexts::videoInProgress() : QString());
    m_hint->setVisible(explain);
}

bool QueuePanel::holdsVideoConsultation() const
{
    const QStringList ids = m_client.consultationIds();
    return std::any_of(ids.begin(), ids.end(), [this](const QString &id) {
        const Consultation *c = m_client.findConsultation(id);
        return c && !c->isEnded() && c->mode() == wire::CONSULTATION_MODE_VIDEO;
    });
}

bool QueuePanel::selectedWantsVideo() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return !rows.isEmpty() && rows.first().data(AdvisorQueueModel::ModeRole).toInt() == wire::CONSULTATION_MODE_VIDEO;
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
