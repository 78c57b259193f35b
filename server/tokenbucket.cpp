#include "tokenbucket.h"

void TokenBucket::setRate(int perSecond, qint64 nowMs)
{
    m_rate = perSecond;
    m_tokens = 2.0 * perSecond;
    m_lastMs = nowMs;
}

bool TokenBucket::take(qint64 nowMs)
{
    if (m_rate <= 0)
        return true;
    const double capacity = 2.0 * m_rate;
    m_tokens = qMin(capacity, m_tokens + (nowMs - m_lastMs) * m_rate / 1000.0);
    m_lastMs = nowMs;
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}
