// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace lanyard {

struct ProviderConfig;

/// The limits the HTTP layer enforces at the socket, beneath Qt's HTTP server
/// (which reads whole requests into memory and has no limits of its own).
/// Plain value; copy freely.
struct HttpLimits
{
    /// Request line plus header fields plus the blank line; beyond it 431
    /// (or 414 when the request line alone is too long).
    qint64 maxHeaderBytes = 16 * 1024;
    /// Content-Length, or the sum of chunk sizes; beyond it 413.
    qint64 maxBodyBytes = 64 * 1024;
    /// A connection gets this long, from accept or from its previous
    /// response, to deliver its next complete request (slowloris); an idle
    /// keep-alive connection is closed after it.
    int idleTimeoutMs = 30'000;
    /// Open connections per worker thread; more are answered 503 and closed.
    int maxConnectionsPerWorker = 512;
    /// Header fields in one request; beyond it 431.
    int maxHeaderFields = 100;
    /// One chunk-size line (size and extensions); beyond it 400.
    int maxChunkLineBytes = 1024;
    /// Complete requests buffered on one connection before their responses
    /// are written (pipelining); beyond it the connection is dropped.
    int maxPipelinedRequests = 8;
    /// Response bytes a connection may leave unread before it is dropped.
    qint64 maxPendingWriteBytes = 1024 * 1024;
    /// After a refusal (413, 431, 400 ...) the connection keeps reading and
    /// discarding for this long so the client can read the answer before
    /// the close; then it is aborted.
    int lingerMs = 2'000;
    /// ... or until this many bytes were discarded.
    qint64 maxLingerBytes = 16 * 1024 * 1024;

    /// The limits named in ProviderConfig, the rest at their defaults.
    static HttpLimits fromConfig(const ProviderConfig &config);
};

} // namespace lanyard
