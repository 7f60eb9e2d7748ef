// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/EventBus.h"

#include "store/EventStore.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QMutexLocker>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace lanyard {

EventBus::EventBus(std::shared_ptr<EventStore> store, std::shared_ptr<const Clock> clock,
                   Options options, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_clock(std::move(clock)), m_options(options),
      m_instance(u"%1:%2"_s.arg(QHostInfo::localHostName()).arg(QCoreApplication::applicationPid()))
{
    qRegisterMetaType<lanyard::Event>();
    qRegisterMetaType<QList<lanyard::Event>>();
}

EventBus::EventBus(std::shared_ptr<EventStore> store, std::shared_ptr<const Clock> clock,
                   QObject *parent)
    : EventBus(std::move(store), std::move(clock), Options{}, parent)
{}

EventBus::~EventBus()
{
    stopRecorder();
    (void)flush();
}

void EventBus::startRecorder()
{
    if (m_recorder)
        return;
    m_recorder = new QThread(this);
    m_recorder->setObjectName(u"lanyard-events"_s);
    auto *timer = new QTimer;
    timer->setInterval(m_options.flushIntervalMs);
    timer->moveToThread(m_recorder);
    connect(m_recorder, &QThread::started, timer, qOverload<>(&QTimer::start));
    connect(timer, &QTimer::timeout, timer, [this] { (void)flush(); });
    connect(m_recorder, &QThread::finished, timer, &QObject::deleteLater);
    m_recorder->start();
}

void EventBus::stopRecorder()
{
    if (!m_recorder)
        return;
    m_recorder->quit();
    m_recorder->wait();
    delete m_recorder;
    m_recorder = nullptr;
    (void)flush();
}

void EventBus::publish(Event event)
{
    if (!event.time.isValid())
        event.time = m_clock->now();
    event.instance = m_instance;
    bool full = false;
    {
        QMutexLocker lock(&m_queueMutex);
        m_queue.append(event);
        full = m_queue.size() >= m_options.maxBatch;
    }
    Q_EMIT published(event);
    if (full && !m_recorder)
        (void)flush();
}

Result<void, Error> EventBus::flush()
{
    QMutexLocker flushLock(&m_flushMutex);
    QList<Event> batch;
    {
        QMutexLocker lock(&m_queueMutex);
        batch.swap(m_queue);
    }
    if (batch.isEmpty())
        return {};
    auto ids = m_store->append(batch);
    if (!ids) {
        // Keep the batch in front of anything queued meanwhile; nothing is lost.
        QMutexLocker lock(&m_queueMutex);
        m_queue = batch + m_queue;
        Q_EMIT recordFailed(ids.error().message);
        return ids.error();
    }
    for (qsizetype i = 0; i < batch.size() && i < ids->size(); ++i)
        batch[i].id = ids->at(i);
    Q_EMIT recorded(batch);
    return {};
}

} // namespace lanyard
