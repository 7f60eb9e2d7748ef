// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview/SignInHistogram.h"

#include <algorithm>

namespace lanyard::ui {

namespace {

constexpr qint64 MsecsPerMinute = 60'000;

/// The minute (since the epoch) that contains `time`, rounding down also
/// for times before 1970.
qint64 minuteOf(const QDateTime &time)
{
    const qint64 ms = time.toMSecsSinceEpoch();
    return ms >= 0 ? ms / MsecsPerMinute : -((-ms + MsecsPerMinute - 1) / MsecsPerMinute);
}

} // namespace

SignInHistogram::SignInHistogram(int minutes, const QDateTime &now)
    : m_minutes(std::max(1, minutes)), m_now(now.toUTC())
{}

void SignInHistogram::setNow(const QDateTime &now)
{
    if (!now.isValid())
        return;
    m_now = now.toUTC();
    dropOld();
}

bool SignInHistogram::add(const QDateTime &time, bool succeeded)
{
    if (!time.isValid() || !m_now.isValid())
        return false;
    const qint64 minute = minuteOf(time);
    const qint64 current = currentMinute();
    if (minute <= current - m_minutes || minute >= current + m_minutes)
        return false;
    Counts &counts = m_counts[minute];
    if (succeeded)
        ++counts.succeeded;
    else
        ++counts.failed;
    return true;
}

void SignInHistogram::clear()
{
    m_counts.clear();
}

QList<SignInHistogram::Bucket> SignInHistogram::buckets() const
{
    QList<Bucket> result;
    result.reserve(m_minutes);
    const qint64 first = currentMinute() - m_minutes + 1;
    for (qint64 minute = first; minute < first + m_minutes; ++minute) {
        const Counts counts = m_counts.value(minute);
        result.append({QDateTime::fromMSecsSinceEpoch(minute * MsecsPerMinute, Qt::UTC),
                       counts.succeeded, counts.failed});
    }
    return result;
}

QDateTime SignInHistogram::windowStart() const
{
    return QDateTime::fromMSecsSinceEpoch((currentMinute() - m_minutes + 1) * MsecsPerMinute,
                                          Qt::UTC);
}

int SignInHistogram::totalSucceeded() const
{
    int total = 0;
    for (const Bucket &bucket : buckets())
        total += bucket.succeeded;
    return total;
}

int SignInHistogram::totalFailed() const
{
    int total = 0;
    for (const Bucket &bucket : buckets())
        total += bucket.failed;
    return total;
}

int SignInHistogram::maximum() const
{
    int result = 0;
    for (const Bucket &bucket : buckets())
        result = std::max(result, bucket.succeeded + bucket.failed);
    return result;
}

qint64 SignInHistogram::currentMinute() const
{
    return m_now.isValid() ? minuteOf(m_now) : 0;
}

void SignInHistogram::dropOld()
{
    const qint64 first = currentMinute() - m_minutes + 1;
    m_counts.erase(m_counts.begin(), m_counts.lowerBound(first));
}

} // namespace lanyard::ui
