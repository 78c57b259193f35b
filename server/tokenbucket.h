#pragma once

#include <QtGlobal>

// A token bucket: holds up to twice the rate and refills at the rate per second.
class TokenBucket
{
public:
    void setRate(int perSecond, qint64 nowMs);

    // Takes one token if there is one. Always true when the rate is 0 (no limit).
    bool take(qint64 nowMs);

private:
    int m_rate = 0;
    double m_tokens = 0;
    qint64 m_lastMs = 0;
};
