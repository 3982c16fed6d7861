#include "diagnostics/LoopOverload.h"

#include <algorithm>

namespace consult {

LoopOverload::LoopOverload(qint64 thresholdUs, qint64 windowUs)
    : m_thresholdUs(std::max<qint64>(0, thresholdUs))
    , m_windowUs(std::max<qint64>(1, windowUs))
{}

void LoopOverload::add(qint64 atUs, qint64 lateUs)
{
    // Bounded: what ended before the window can no longer count.
    while (!m_behind.empty() && m_behind.front().toUs <= atUs - m_windowUs)
        m_behind.pop_front();
    if (lateUs <= m_thresholdUs)
        return;
    // The probe was due at atUs - lateUs; the loop has been more than the threshold behind since
    // the threshold passed. A sample never reaches back before the previous one's end.
    qint64 fromUs = atUs - lateUs + m_thresholdUs;
    if (!m_behind.empty())
        fromUs = std::max(fromUs, m_behind.back().toUs);
    if (fromUs < atUs)
        m_behind.push_back(Span{fromUs, atUs});
}

qint64 LoopOverload::behindUs(qint64 nowUs) const
{
    const qint64 windowStartUs = nowUs - m_windowUs;
    qint64 total = 0;
    for (const Span &span : m_behind) {
        const qint64 fromUs = std::max(span.fromUs, windowStartUs);
        const qint64 toUs = std::min(span.toUs, nowUs);
        if (toUs > fromUs)
            total += toUs - fromUs;
    }
    return total;
}

bool LoopOverload::overloaded(qint64 nowUs) const
{
    return 2 * behindUs(nowUs) >= m_windowUs;
}

} // namespace consult
