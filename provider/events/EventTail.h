// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/Result.h"
#include "model/Event.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <memory>
#include <set>

class QTimer;

namespace lanyard {

class EventStore;

/// Follows the event log as it grows, whoever writes it: this process's
/// EventBus, a `lanyard serve` sharing the SQLite file, `lanyard import`, or
/// other instances sharing a PostgreSQL database. Polls the store (one
/// `id > ? ORDER BY id` query over the primary key per interval; nothing
/// found when idle) and emits every new event once, oldest first.
///
/// Ids are assigned when a row is inserted but become visible when its
/// transaction commits; with PostgreSQL concurrent writers may commit out
/// of order, and a rolled-back insert leaves an id that never appears.
/// So the tail keeps a watermark (every id up to it was emitted or given up
/// on) and the ids emitted above it: a missing id is waited for up to
/// Options::gapTimeoutMs and the ids above it are read again meanwhile
/// (without being emitted twice). SQLite commits one writer at a time and
/// never leaves such gaps, so there the watermark is simply the newest id.
///
/// Lives on the thread that created it (which needs an event loop for the
/// timer); every function is for that thread only. The store calls run on
/// that thread's database connection.
class EventTail : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int intervalMs = 1000;     ///< how often the timer polls while started
        int pageSize = 500;        ///< events per query
        int maxPagesPerPoll = 10;  ///< a longer backlog goes on at the next poll
        int gapTimeoutMs = 10'000; ///< how long a missing id is waited for
    };

    EventTail(std::shared_ptr<EventStore> store, std::shared_ptr<const Clock> clock,
              Options options, QObject *parent = nullptr);
    EventTail(std::shared_ptr<EventStore> store, std::shared_ptr<const Clock> clock,
              QObject *parent = nullptr);
    ~EventTail() override;

    /// Starts following after the newest event stored now (what is already
    /// there is not emitted) and starts the timer. When the newest id cannot
    /// be read, returns the error and tries again at every poll.
    Result<void, Error> start();
    /// Starts following after `lastId`: events with greater ids are new.
    void startAfter(qint64 lastId);
    /// Stops the timer; poll() may still be called. Idempotent.
    void stop();
    bool isActive() const;

    /// Reads what is new now (the timer calls it) and emits it through
    /// appended(); returns how many events were emitted, or the store's error
    /// (also emitted through failed()). Emits nothing before start().
    Result<int, Error> poll();
    /// Polls at the next turn of the event loop; requests made before that
    /// poll runs are merged. Connect EventBus::recorded here so this
    /// process's own events arrive at once rather than at the next tick.
    void pollSoon();

    /// Every id up to this one was emitted or given up on (or was there
    /// before start()).
    qint64 watermark() const { return m_watermark; }

Q_SIGNALS:
    /// New events, oldest (lowest id) first, each id once.
    void appended(const QList<lanyard::Event> &events);
    /// A poll could not read the store; the next poll tries again.
    void failed(const QString &message);

private:
    /// Reads the newest id into the watermark.
    Result<void, Error> position();
    /// Moves the watermark over emitted ids and over gaps that timed out.
    void advance();

    std::shared_ptr<EventStore> m_store;
    std::shared_ptr<const Clock> m_clock;
    Options m_options;
    QTimer *m_timer;
    bool m_started = false;
    bool m_positioned = false;
    bool m_pollQueued = false;
    qint64 m_watermark = 0;
    /// Ids emitted above the watermark (only while an id below them is missing).
    std::set<qint64> m_emitted;
    /// When the watermark got stuck at a missing id, and the highest id
    /// emitted then: every missing id up to it has been missing since.
    QDateTime m_stuckSince;
    qint64 m_stuckBelow = 0;
};

} // namespace lanyard
