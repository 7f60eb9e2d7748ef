// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "model/Event.h"

#include <optional>

namespace lanyard {

/// A filter over the event log; empty members match everything.
struct EventQuery
{
    QStringList types;
    QString clientId;
    QString subject;
    std::optional<bool> success;
    QDateTime from;
    QDateTime to;
    QString text;
    /// Return events with id < beforeId (0: from the newest), newest first.
    qint64 beforeId = 0;
    int limit = 200;
};

/// The persistent event log. Same threading rules as ClientStore.
class EventStore
{
public:
    virtual ~EventStore() = default;
    /// Appends in one transaction; returns the ids assigned, in order.
    virtual Result<QList<qint64>, Error> append(const QList<Event> &events) = 0;
    virtual Result<QList<Event>, Error> query(const EventQuery &query) const = 0;
    /// Deletes at most `batch` events older than `cutoff`; returns how many.
    virtual Result<int, Error> purgeOlderThan(const QDateTime &cutoff, int batch) = 0;
};

} // namespace lanyard
