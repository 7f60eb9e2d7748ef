// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/EventTail.h"

#include "store/EventStore.h"

#include <QTimer>

#include <algorithm>

namespace lanyard {

EventTail::EventTail(std::shared_ptr<EventStore> store, std::shared_ptr<const Clock> clock,
                     Options options, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_clock(std::move(clock)), m_options(options),
      m_timer(new QTimer(this))
{
    qRegisterMetaType<lanyard::Event>();
    qRegisterMetaType<QList<lanyard::Event>>();
    m_options.intervalMs = std::max(m_options.intervalMs, 1);
    m_options.pageSize = std::max(m_options.pageSize, 1);
    m_options.maxPagesPerPoll = std::max(m_options.maxPagesPerPoll, 1);
    m_options.gapTimeoutMs = std::max(m_options.gapTimeoutMs, 0);
    m_timer->setInterval(m_options.intervalMs);
    connect(m_timer, &QTimer::timeout, this, [this] { (void)poll(); });
}

EventTail::EventTail(std::shared_ptr<EventStore> store, std::shared_ptr<const Clock> clock,
                     QObject *parent)
    : EventTail(std::move(store), std::move(clock), Options{}, parent)
{}

EventTail::~EventTail() = default;

Result<void, Error> EventTail::start()
{
    m_started = true;
    m_positioned = false;
    m_emitted.clear();
    m_stuckSince = {};
    m_timer->start();
    return position();
}

void EventTail::startAfter(qint64 lastId)
{
    m_started = true;
    m_positioned = true;
    m_watermark = std::max<qint64>(lastId, 0);
    m_emitted.clear();
    m_stuckSince = {};
    m_timer->start();
}

void EventTail::stop()
{
    m_started = false;
    m_timer->stop();
}

bool EventTail::isActive() const
{
    return m_started;
}

Result<void, Error> EventTail::position()
{
    EventQuery newest;
    newest.limit = 1;
    auto found = m_store->query(newest);
    if (!found)
        return found.error();
    m_watermark = found->isEmpty() ? 0 : found->constFirst().id;
    m_positioned = true;
    return {};
}

void EventTail::pollSoon()
{
    if (m_pollQueued)
        return;
    m_pollQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_pollQueued = false;
        (void)poll();
    });
}

Result<int, Error> EventTail::poll()
{
    if (!m_started)
        return 0;
    if (!m_positioned) {
        if (auto positioned = position(); !positioned) {
            Q_EMIT failed(positioned.error().message);
            return positioned.error();
        }
        return 0;
    }

    QList<Event> fresh;
    EventQuery page;
    page.afterId = m_watermark;
    page.limit = m_options.pageSize;
    for (int pages = 0; pages < m_options.maxPagesPerPoll; ++pages) {
        auto found = m_store->query(page);
        if (!found) {
            // Keep what this poll found so far: emitted ids are remembered.
            if (!fresh.isEmpty()) {
                advance();
                Q_EMIT appended(fresh);
            }
            Q_EMIT failed(found.error().message);
            return found.error();
        }
        for (Event &event : *found) {
            if (event.id <= m_watermark || !m_emitted.insert(event.id).second)
                continue; // emitted by an earlier poll, read again behind a gap
            fresh.append(std::move(event));
        }
        if (found->size() < page.limit)
            break;
        page.afterId = found->constLast().id;
    }
    advance();
    if (!fresh.isEmpty())
        Q_EMIT appended(fresh);
    return static_cast<int>(fresh.size());
}

void EventTail::advance()
{
    const auto overContiguous = [this] {
        while (!m_emitted.empty() && *m_emitted.begin() <= m_watermark + 1) {
            m_watermark = std::max(m_watermark, *m_emitted.begin());
            m_emitted.erase(m_emitted.begin());
        }
    };
    overContiguous();
    if (m_emitted.empty()) {
        m_stuckSince = {};
        return;
    }
    // An id between the watermark and the emitted ones is missing: a
    // transaction not committed yet, or one rolled back (PostgreSQL).
    const QDateTime now = m_clock->now();
    if (!m_stuckSince.isValid()) {
        m_stuckSince = now;
        m_stuckBelow = *m_emitted.rbegin();
        return;
    }
    if (m_stuckSince.msecsTo(now) < m_options.gapTimeoutMs)
        return;
    // Every id missing up to m_stuckBelow was missing when the wait began:
    // give up on them.
    m_watermark = std::max(m_watermark, m_stuckBelow);
    m_emitted.erase(m_emitted.begin(), m_emitted.upper_bound(m_watermark));
    overContiguous();
    if (m_emitted.empty()) {
        m_stuckSince = {};
    } else {
        m_stuckSince = now;
        m_stuckBelow = *m_emitted.rbegin();
    }
}

} // namespace lanyard
