// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "model/Event.h"

#include <optional>

namespace lanyard {

/// A filter over the event log; empty members match everything, set
/// members must all match.
struct EventQuery
{
    /// Any of these types, exactly.
    QStringList types;
    /// Exactly this client id / subject.
    QString clientId;
    QString subject;
    /// An account: exactly this username or this subject (either matches).
    QString account;
    std::optional<bool> success;
    /// Half-open time range: from <= time < to (either end may be unset).
    QDateTime from;
    QDateTime to;
    /// Contained, literally (`%` and `_` are not wildcards) and ignoring ASCII
    /// case, in the type, client id, username, source address or details JSON.
    QString text;
    /// Return events with id < beforeId (0: from the newest), newest first.
    qint64 beforeId = 0;
    /// When set, return only events with id > *afterId, OLDEST first (the
    /// first `limit` of them): how a reader follows the log as it grows
    /// (EventTail). Combines with beforeId into an id range.
    std::optional<qint64> afterId;
    /// At most this many events (at least 1).
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
