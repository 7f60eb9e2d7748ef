// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Event.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QWaitCondition>

#include <cstdio>

class QThread;

namespace lanyard::app {

/// Writes the events of `lanyard serve` to stdout as JSON lines (one
/// Event::toJson() object per line) without making the threads that publish
/// them wait for the pipe: enqueue() only queues a copy; a writer thread of
/// its own formats what has queued and writes it with one write and flush
/// per batch. An idle writer prints an event at once; a busy one gathers
/// events for `batchIntervalMs` between writes, so under load a line
/// appears at most that much later.
///
/// Events queued before start() wait for it, so `serve` can print its
/// `listening on` line first.
///
/// Threads: enqueue() from any thread (connect EventBus::published to it
/// with Qt::DirectConnection); construct, start(), stop() and destroy on one
/// thread.
class EventPrinter : public QObject
{
    Q_OBJECT

public:
    /// Writes to `out` (stdout when null) once started.
    explicit EventPrinter(FILE *out = nullptr, int batchIntervalMs = 50, QObject *parent = nullptr);
    /// stop()s.
    ~EventPrinter() override;

    /// Starts the writer thread. Idempotent.
    void start();

    /// Queues `event` for printing. Any thread.
    void enqueue(const lanyard::Event &event);

    /// Writes what is queued (also when never started) and ends the writer
    /// thread; later events are dropped. Idempotent.
    void stop();

    /// `event` as printed: the bytes of
    /// QJsonDocument(event.toJson()).toJson(Compact), written directly, and
    /// a line feed. Any thread.
    static QByteArray jsonLine(const lanyard::Event &event);

private:
    void run();
    void write(const QList<Event> &batch);

    FILE *m_out;
    const int m_batchIntervalMs;
    QMutex m_mutex;
    QWaitCondition m_wake;
    QList<Event> m_queue;
    /// The writer waits for work (enqueue() wakes it only then).
    bool m_idle = false;
    bool m_stopping = false;
    bool m_stopped = false;
    QThread *m_thread = nullptr;
};

} // namespace lanyard::app
