#include "SnapshotAssembler.h"

namespace consult {

Q_LOGGING_CATEGORY(lcSnapshotAssembler, "consult.client.snapshot")

} // namespace consult
