#include "AdvisorQueueModel.h"

namespace consult {

QString AdvisorQueueModel::systemCheckSummary(const wire::SystemCheck &check)
{
    // A tick, a cross or a dash per line, in the order of the check (seed 001 step 2).
    const auto mark = [](wire::CheckOutcome outcome) {
        switch (outcome) {
        case wire::CHECK_OUTCOME_PASSED:
            return QStringLiteral("\u2713");
        case wire::CHECK_OUTCOME_UNSPECIFIED:
            return QStringLiteral("\u2013");
        default:
            return QStringLiteral("\u2717");
        }
    };
    return tr("Kamera %1 · Mikrofon %2 · Lautsprecher %3 · Leitung %4")
        .arg(mark(check.camera()), mark(check.microphone()), mark(check.speaker()), mark(check.connection()));
}

int AdvisorQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int AdvisorQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AdvisorQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const wire::QueueEntry &entry = m_entries.at(index.row());
    if (role == EntryIdRole)
        return QString::fromStdString(entry.entry_id());
    if (role == EnqueuedAtRole)
        return QDateTime::fromMSecsSinceEpoch(entry.enqueued_at(), Qt::UTC);
    if (role == ModeRole)
        return static_cast<int>(entry.mode());
    if (role == SystemCheckRole)
        return entry.has_system_check() ? QVariant::fromValue(entry.system_check()) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return QString::fromStdString(entry.name());
    case PhoneColumn:
        return QString::fromStdString(entry.phone_e164());
    case ModeColumn:
        return entry.mode() == wire::CONSULTATION_MODE_VIDEO ? tr("Video") : tr("Chat");
    case WaitingSinceColumn:
        return QDateTime::fromMSecsSinceEpoch(entry.enqueued_at(), Qt::UTC).toLocalTime();
    case SystemCheckColumn:
        return entry.has_system_check() ? systemCheckSummary(entry.system_check()) : QString();
    default:
        return {};
    }
}

QVariant AdvisorQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case PhoneColumn:
        return tr("Telefon");
    case ModeColumn:
        return tr("Gewünscht");
    case WaitingSinceColumn:
        return tr("Wartet seit");
    case SystemCheckColumn:
        return tr("Systemprüfung");
    default:
        return {};
    }
}

void AdvisorQueueModel::applySnapshotPage(const wire::QueueSnapshot &page)
{
    auto complete = m_assembler.addPage(page.has_page() ? &page.page() : nullptr, page.entries());
    if (!complete)
        return;
    beginResetModel();
    m_entries = std::move(*complete);
    endResetModel();
}

void AdvisorQueueModel::add(const wire::QueueEntry &entry)
{
    if (m_assembler.isCollecting()) {
        m_assembler.defer(entry);
        return;
    }
    const int row = static_cast<int>(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
}

void AdvisorQueueModel::remove(const QString &entryId)
{
    const std::string id = entryId.toStdString();
    if (m_assembler.isCollecting()) {
        m_assembler.defer(id);
        return;
    }
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).entry_id() == id) {
            beginRemoveRows({}, row, row);
            m_entries.removeAt(row);
            endRemoveRows();
            return;
        }
    }
}

void AdvisorQueueModel::update(const wire::QueueEntry &entry)
{
    if (m_assembler.isCollecting()) {
        m_assembler.defer(entry); // replaces the entry in its place once the snapshot is in
        return;
    }
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).entry_id() == entry.entry_id()) {
            m_entries[row] = entry;
            Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
            return;
        }
    }
}

QString AdvisorQueueModel::entryIdAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? QString::fromStdString(m_entries.at(row).entry_id()) : QString();
}

} // namespace consult
