// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Clock.h"

#include <QMutex>

namespace lanyard::test {

/// A clock that stands still until the test moves it. Thread-safe.
class MockClock final : public Clock
{
public:
    explicit MockClock(QDateTime start = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC));
    QDateTime now() const override;
    void set(const QDateTime &time);
    void advance(qint64 seconds);

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
};

} // namespace lanyard::test
