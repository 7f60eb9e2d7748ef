// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "model/Event.h"
#include "store/EventStore.h"

#include <QByteArray>
#include <QString>

#include <atomic>

namespace lanyard::ui {

/// Writes the events matching a filter to a file, every one of them (not
/// only the rows the Events page has loaded), newest first, fetching the
/// store page by page. Two formats, both UTF-8:
///
/// CSV (RFC 4180): a header line and one record per event, lines ending in
/// CRLF; a field containing a comma, a double quote, CR or LF is enclosed in
/// double quotes with its double quotes doubled. Columns:
///   id         the event's database id
///   time       UTC, ISO 8601 with milliseconds (2024-05-01T09:30:00.000Z)
///   type       login.succeeded, token.issued, ... (events/EventTypes.h)
///   result     success or failure
///   username   the account's username, when one was involved
///   subject    the account's subject (`sub`), when known
///   client_id  the client application, when one was involved
///   source     the request's source address
///   instance   the server instance (host name and process id)
///   details    the type-specific members as compact JSON ({} when none)
/// Values are written as stored; a spreadsheet may treat a value starting
/// with `=`, `+`, `-` or `@` (a username someone typed at the login page) as
/// a formula, so open the file as text or use the JSON Lines export.
///
/// JSON Lines: one compact JSON object per event (Event::toJson(), the
/// format `lanyard serve` prints), each line ending in LF.
///
/// Stateless; the functions say which thread may call them.
class EventExporter
{
public:
    enum class Format { Csv, JsonLines };

    /// Shared between the writing thread and the window: how far the
    /// export got, and a request to stop.
    struct Progress
    {
        std::atomic<qint64> written{0};
        std::atomic<bool> cancelled{false};
    };

    /// Rows read from the store per query while exporting.
    static constexpr int PageSize = 2000;

    /// The CSV header line, CRLF included. Any thread.
    static QByteArray csvHeader();
    /// One CSV record, CRLF included. Any thread.
    static QByteArray csvRecord(const Event &event);
    /// One CSV field, quoted when RFC 4180 requires it. Any thread.
    static QByteArray csvField(const QString &value);
    /// One JSON Lines line, LF included. Any thread.
    static QByteArray jsonLine(const Event &event);

    /// Writes every event matching `query` (its beforeId and limit are
    /// ignored) from `store` to `path` in `format`, replacing the file only
    /// when everything was written (QSaveFile). Counts into
    /// progress.written; stops without touching `path` when
    /// progress.cancelled is set (the result is then an Io error saying so).
    /// Returns the number of events written. A worker thread (it blocks on
    /// the database and the disk).
    static Result<qint64, Error> write(const EventStore &store, const EventQuery &query,
                                       const QString &path, Format format, Progress &progress);
};

} // namespace lanyard::ui
