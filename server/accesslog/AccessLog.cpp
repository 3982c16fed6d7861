#include "AccessLog.h"

#include "core/Clock.h"
#include "core/LogText.h"
#include "net/AddressGroup.h"
#include "storage/Database.h"

#include <QLoggingCategory>

namespace consult {

Q_LOGGING_CATEGORY(lcAccessLog, "consult.accesslog")

namespace {
constexpr std::size_t kMaxBuffered = 10'000; // beyond this, lines are dropped rather than memory grown (R3)
} // namespace

AccessLog::AccessLog(Database &database, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
{
    m_flushTimer.setInterval(1000);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &AccessLog::flush);
}

AccessLog::~AccessLog()
{
    flush();
}

void AccessLog::record(const AccessEvent &event)
{
    if (m_buffer.size() >= kMaxBuffered)
        return;
    int &rows = m_rowsThisBatch[addressGroup(event.address)];
    if (rows >= kRowsPerAddressPerBatch) {
        ++m_notWritten;
        return;
    }
    ++rows;
    // I8: every field escaped, so one event is one line wherever it is printed.
    // "-" where a field is unknown (no hello, no upgrade), as in the common log format.
    const auto field = [](const QString &text) {
        const QString escaped = escapeForLog(text, 100);
        return escaped.isEmpty() ? QStringLiteral("-") : escaped;
    };
    m_buffer.push_back(
        Entry{m_clock.nowMs(), event.address.toString(), field(event.client), field(event.resource), event.status});
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void AccessLog::flush()
{
    if (m_buffer.empty())
        return;
    m_rowsThisBatch.clear();
    // The count accumulates while the line's budget is spent, so the next line that goes out says all.
    if (m_notWritten > 0 && m_notWrittenLines.take(m_clock.nowMs())) {
        qCWarning(lcAccessLog).nospace() << m_notWritten << " access log entries not written: more than "
                                         << kRowsPerAddressPerBatch << " a second from one address";
        m_notWritten = 0;
    }
    std::vector<Entry> entries;
    entries.swap(m_buffer);
    m_database.transaction();
    for (const Entry &entry : entries) {
        auto inserted = m_database.exec(
            QStringLiteral("INSERT INTO access_log (at, address, client, resource, status) VALUES (?, ?, ?, ?, ?)"),
            {entry.atMs, entry.address, entry.client, entry.resource, entry.status});
        if (!inserted) {
            // R3: a full disk costs log lines, never the service.
            qCWarning(lcAccessLog) << "access log entries dropped:" << inserted.problem().message;
            break;
        }
    }
    m_database.commit();
}

Result<int> AccessLog::purgeBefore(Database &database, qint64 cutoffMs)
{
    auto query = database.exec(QStringLiteral("DELETE FROM access_log WHERE at < ?"), {cutoffMs});
    if (!query)
        return query.problem();
    const int purged = query.value().numRowsAffected();
    if (purged > 0) // P5: the addresses are gone from the write-ahead log too
        (void)database.forgetDeleted();
    return purged;
}

} // namespace consult
