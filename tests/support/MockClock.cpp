// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"

#include <QMutexLocker>

namespace lanyard::test {

MockClock::MockClock(QDateTime start) : m_now(std::move(start)) {}

QDateTime MockClock::now() const
{
    QMutexLocker lock(&m_mutex);
    return m_now;
}

void MockClock::set(const QDateTime &time)
{
    QMutexLocker lock(&m_mutex);
    m_now = time;
}

void MockClock::advance(qint64 seconds)
{
    QMutexLocker lock(&m_mutex);
    m_now = m_now.addSecs(seconds);
}

} // namespace lanyard::test
