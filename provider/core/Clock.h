// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

#include <memory>

namespace lanyard {

/// The source of "now" for everything that expires (codes, tokens, sessions,
/// keys). Replaceable so tests can move time (tests/support/MockClock.h).
/// Implementations must be safe to call from any thread.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;

    /// Seconds since the Unix epoch, as JWT NumericDate (RFC 7519 §2).
    qint64 nowSecs() const { return now().toSecsSinceEpoch(); }

    /// The wall clock (UTC). Shared, thread-safe.
    static std::shared_ptr<const Clock> system();
};

} // namespace lanyard
