#pragma once

namespace consult {

// Issue 13: libprotobuf writes its own lines to stderr (e.g. one per string field with invalid
// UTF-8 that a client sends), outside Qt's logging, so they bypass the log rules and any volume
// limit: a client could flood the log with them. This routes them into the category
// "consult.protobuf" (warnings), at most kLinesPerMinute a minute; what is held back is counted and
// said with the next line that goes out. The lines name a field, never its content. Installed once,
// first thing in main(); thread-safe.
void routeProtobufLogging();

namespace protobuflogging {
inline constexpr int kLinesPerMinute = 10;
} // namespace protobuflogging

} // namespace consult
