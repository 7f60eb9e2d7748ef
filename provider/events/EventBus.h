// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/Result.h"
#include "model/Event.h"

#include <QList>
#include <QMutex>
#include <QObject>

#include <memory>

class QThread;

namespace lanyard {

class EventStore;

/// The provider's event bus. Any thread publishes; the bus stamps the time
/// and instance, announces the event at once (published) and writes events
/// to the EventStore in batches from its own recorder thread (recorded, with
/// database ids). Signals carry values, so receivers in other threads get
/// queued copies.
class EventBus : public QObject
{
    Q_OBJECT

public:
    /// Batching policy of the recorder thread.
    struct Options
    {
        int flushIntervalMs = 200; ///< longest an event waits to be written
        int maxBatch = 512;        ///< a fuller queue is written at once
    };

    EventBus(std::shared_ptr<EventStore> store, std::shared_ptr<const Clock> clock, Options options,
             QObject *parent = nullptr);
    EventBus(std::shared_ptr<EventStore> store, std::shared_ptr<const Clock> clock,
             QObject *parent = nullptr);
    /// Stops the recorder thread and writes what is still queued.
    ~EventBus() override;

    /// Starts the recorder thread. Without it, events are written only by flush().
    /// Call from the thread that owns the bus.
    void startRecorder();
    /// Stops the recorder thread after a last flush. Idempotent.
    void stopRecorder();

    /// Queues an event; stamps `time` (when unset) and `instance`. Any thread.
    void publish(Event event);

    /// Writes every queued event now, on the calling thread's connection.
    /// Any thread; concurrent calls write each event once.
    Result<void, Error> flush();

    /// The instance name stamped on events: host name and process id.
    QString instance() const { return m_instance; }

Q_SIGNALS:
    /// Emitted in the publishing thread as soon as an event is published.
    void published(const lanyard::Event &event);
    /// Emitted in the writing thread after a batch is stored, ids filled in.
    void recorded(const QList<lanyard::Event> &events);
    /// Emitted when a batch could not be stored; the batch is kept and retried.
    void recordFailed(const QString &message);

private:
    std::shared_ptr<EventStore> m_store;
    std::shared_ptr<const Clock> m_clock;
    Options m_options;
    QString m_instance;
    QMutex m_queueMutex;
    QList<Event> m_queue;
    QMutex m_flushMutex;
    QThread *m_recorder = nullptr;
};

} // namespace lanyard
