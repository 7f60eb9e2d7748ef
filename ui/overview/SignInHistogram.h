// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>

namespace lanyard::ui {

/// Sign-ins succeeded and failed per minute over a sliding window (by
/// default the last hour), for the Overview's chart. Buckets are whole UTC
/// minutes; the last one is the minute that contains now() (still filling),
/// the first one is `minutes() - 1` minutes before it.
///
/// Counts are kept per minute, not per event, so a busy hour costs no more
/// than a quiet one. Events that arrive before their minute is in the
/// window (a clock ahead of ours, another instance) are kept and show up
/// when the window reaches them; events older than the window, or more than
/// one window ahead of now(), are refused. Moving now() forward drops the
/// minutes that left the window; moving it back does not bring them back.
/// Plain value; GUI thread in practice (no locking).
class SignInHistogram
{
public:
    struct Bucket
    {
        /// Start of the minute (UTC).
        QDateTime start;
        int succeeded = 0;
        int failed = 0;

        bool operator==(const Bucket &other) const = default;
    };

    /// A window of `minutes` minutes (at least 1) ending at `now`.
    explicit SignInHistogram(int minutes = 60,
                             const QDateTime &now = QDateTime::currentDateTimeUtc());

    int minutes() const { return m_minutes; }
    QDateTime now() const { return m_now; }
    /// Moves the window so it ends at `now` and forgets minutes before it.
    /// An invalid time is ignored.
    void setNow(const QDateTime &now);

    /// Counts one sign-in at `time`. Returns false (nothing counted) when
    /// `time` is invalid, before the window, or a window or more after now().
    bool add(const QDateTime &time, bool succeeded);
    void clear();

    /// The window, oldest minute first: exactly minutes() buckets.
    QList<Bucket> buckets() const;
    /// The start of the first minute of the window (UTC).
    QDateTime windowStart() const;
    /// Sums over the window (not counting minutes still ahead of now()).
    int totalSucceeded() const;
    int totalFailed() const;
    /// The most sign-ins (succeeded and failed together) in one bucket of the
    /// window: the height of the chart's tallest stacked bar.
    int maximum() const;

private:
    struct Counts
    {
        int succeeded = 0;
        int failed = 0;
    };
    /// Minutes since the epoch of the window's last (current) minute.
    qint64 currentMinute() const;
    void dropOld();

    int m_minutes;
    QDateTime m_now;
    /// Minutes since the epoch -> counts; only minutes >= the window start.
    QMap<qint64, Counts> m_counts;
};

} // namespace lanyard::ui
