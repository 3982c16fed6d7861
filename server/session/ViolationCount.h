#pragma once

#include <QtGlobal>

namespace consult {

// The rate violations of one connection (messages over the coarse rate limit, I5) as a leaky count:
// each violation adds one, and the count drains evenly so that `limit` violations spread over
// `window` never reach it. A sustained flood reaches it within seconds and the connection is
// closed; occasional bursts of a long call (a reconnect's replay, a busy whiteboard minute) drain
// away instead of adding up over hours until a two-hour consultation is closed for "flooding".
// Time comes from the caller (the connection's clock). Pure.
class ViolationCount final
{
public:
    ViolationCount(int limit, qint64 windowUs, qint64 nowUs);

    // Counts one violation at `nowUs`; true when the count has reached the limit.
    bool add(qint64 nowUs);
    double count(qint64 nowUs) const;

private:
    void drain(qint64 nowUs);

    int m_limit;
    double m_drainPerUs;
    double m_count = 0;
    qint64 m_lastUs;
};

} // namespace consult
