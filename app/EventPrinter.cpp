// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventPrinter.h"

#include "core/JsonWriter.h"

#include <QDeadlineTimer>
#include <QMutexLocker>
#include <QThread>

using namespace Qt::StringLiterals;

namespace lanyard::app {

EventPrinter::EventPrinter(FILE *out, int batchIntervalMs, QObject *parent)
    : QObject(parent), m_out(out ? out : stdout), m_batchIntervalMs(batchIntervalMs)
{}

EventPrinter::~EventPrinter()
{
    stop();
}

void EventPrinter::start()
{
    if (m_thread || m_stopped)
        return;
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(u"lanyard-stdout"_s);
    m_thread->start();
}

void EventPrinter::enqueue(const Event &event)
{
    QMutexLocker lock(&m_mutex);
    if (m_stopping)
        return;
    m_queue.append(event);
    // Only an idle writer needs waking; a busy one comes back for the queue.
    if (m_idle) {
        m_idle = false;
        m_wake.wakeOne();
    }
}

void EventPrinter::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    // Never started: nothing was written yet.
    QList<Event> rest;
    {
        QMutexLocker lock(&m_mutex);
        rest.swap(m_queue);
    }
    write(rest);
}

void EventPrinter::run()
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        if (m_queue.isEmpty()) {
            if (m_stopping)
                return;
            m_idle = true;
            m_wake.wait(&m_mutex);
            m_idle = false;
            continue;
        }
        QList<Event> batch;
        batch.swap(m_queue);
        lock.unlock();
        write(batch);
        lock.relock();
        // Let the next events gather: one write per interval under load.
        // enqueue() does not wake a writer that is not idle; stop() does.
        if (!m_stopping)
            m_wake.wait(&m_mutex, QDeadlineTimer(m_batchIntervalMs));
    }
}

void EventPrinter::write(const QList<Event> &batch)
{
    if (batch.isEmpty())
        return;
    QByteArray lines;
    for (const Event &event : batch)
        lines += jsonLine(event);
    std::fwrite(lines.constData(), 1, static_cast<size_t>(lines.size()), m_out);
    std::fflush(m_out);
}

QByteArray EventPrinter::jsonLine(const Event &event)
{
    // Event::toJson()'s members in name order, as its QJsonObject holds them.
    JsonWriter json(256);
    json.beginObject();
    const auto put = [&json](QLatin1StringView name, const QString &value) {
        if (!value.isEmpty())
            json.name(name).string(value);
    };
    put("client_id"_L1, event.clientId);
    if (!event.details.isEmpty())
        json.name("details"_L1).value(event.details);
    if (event.id != 0)
        json.name("id"_L1).integer(event.id);
    put("instance"_L1, event.instance);
    put("source"_L1, event.sourceAddress);
    put("sub"_L1, event.subject);
    json.name("success"_L1).boolean(event.success);
    json.name("time"_L1).string(event.time.toUTC().toString(Qt::ISODateWithMs));
    json.name("type"_L1).string(event.type);
    put("username"_L1, event.username);
    json.endObject();
    QByteArray line = json.take();
    line += '\n';
    return line;
}

} // namespace lanyard::app
