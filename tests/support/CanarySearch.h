#pragma once

#include <QString>
#include <QStringList>

namespace consult::testing {

// Every file under `directory` whose bytes contain `needle` in UTF-8 or UTF-16: the canary search of
// the privacy tests (P1, P7), over a data directory with its database, -wal and -shm files.
QStringList filesContaining(const QString &directory, const QString &needle);

} // namespace consult::testing
