#pragma once

#include <QtGlobal>

namespace consult {

// A leaky-bucket rate limiter: `ratePerSecond` tokens refill continuously up to `burst`. Used for
// per-participant message limits (I5), per-IP entry limits (S3) and login attempts (A2).
class TokenBucket
{
public:
    TokenBucket() = default;
    TokenBucket(double ratePerSecond, double burst, qint64 nowUs)
        : m_ratePerUs(ratePerSecond / 1e6)
        , m_burst(burst)
        , m_tokens(burst)
        , m_lastUs(nowUs)
    {}

    // Takes `cost` tokens if available (a granted credit first). Returns false (and takes nothing)
    // otherwise.
    bool tryTake(qint64 nowUs, double cost = 1.0)
    {
        if (m_credit > 0 && nowUs <= m_creditUntilUs && m_credit >= cost) {
            m_credit -= cost;
            return true;
        }
        refill(nowUs);
        if (m_tokens < cost)
            return false;
        m_tokens -= cost;
        return true;
    }

    // Microseconds until `cost` tokens are available (0 if they are now).
    qint64 waitUs(qint64 nowUs, double cost = 1.0)
    {
        refill(nowUs);
        if (m_tokens >= cost || m_ratePerUs <= 0)
            return 0;
        return static_cast<qint64>((cost - m_tokens) / m_ratePerUs) + 1;
    }

    // Lets `tokens` more be taken, beyond the burst, until `untilUs`; what is left then expires. A
    // participant who comes back from a lost connection sends at once what was written, at the
    // allowed rate, while away (I5 with resume, S10): the credit is that rate times the time away.
    void grantCredit(double tokens, qint64 untilUs)
    {
        m_credit = qMax(0.0, tokens);
        m_creditUntilUs = untilUs;
    }

    bool isFull(qint64 nowUs)
    {
        refill(nowUs);
        return m_tokens >= m_burst;
    }

private:
    void refill(qint64 nowUs)
    {
        if (nowUs > m_lastUs) {
            m_tokens = qMin(m_burst, m_tokens + static_cast<double>(nowUs - m_lastUs) * m_ratePerUs);
            m_lastUs = nowUs;
        }
    }

    double m_ratePerUs = 0;
    double m_burst = 0;
    double m_tokens = 0;
    qint64 m_lastUs = 0;
    double m_credit = 0;
    qint64 m_creditUntilUs = 0;
};

} // namespace consult
