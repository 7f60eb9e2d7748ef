// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/HttpLimits.h"
#include "http/RequestHead.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace lanyard {

/// An incremental, strict HTTP/1.1 request framer (RFC 9112). It sees every
/// byte of a connection before Qt's HTTP server does, finds where each
/// request ends, and refuses - with the status to answer - what is too large
/// or what Qt 6.4's parser would frame differently (two Content-Lengths,
/// Content-Length with Transfer-Encoding, whitespace before a colon,
/// obs-fold, trailer fields), so the two parsers never disagree about where
/// a request ends. Body bytes are counted, never stored.
///
/// Not thread-safe; one instance per connection, used by its thread.
class HttpRequestFramer
{
public:
    /// Why the framer refused the stream. The connection must be answered
    /// with `status` and closed; nothing after the failure is framed.
    struct Failure
    {
        int status = 400;
        /// Client-safe description.
        QString description;
    };

    explicit HttpRequestFramer(const HttpLimits &limits = {});

    /// Frames `data`, the next bytes of the stream. Every request completed
    /// by them is appended to `completed`. Returns false once the stream is
    /// refused (see failure()).
    bool feed(QByteArrayView data, QList<RequestHead> *completed);

    /// Body bytes that can be counted without being looked at (the rest of
    /// a Content-Length body or of a chunk). Lets the caller skip them
    /// without copying.
    qint64 skippableBytes() const;
    /// Counts `count` (<= skippableBytes()) body bytes as framed.
    void skip(qint64 count, QList<RequestHead> *completed);

    /// Bytes framed so far on this connection (fed or skipped).
    qint64 offset() const { return m_offset; }

    bool failed() const { return m_state == State::Failed; }
    Failure failure() const { return m_failure; }

    /// True while part of a request has arrived but not all of it.
    bool inProgress() const;
    /// True when the current request's head asked for `100 Continue`, its
    /// body has not started, and continueSent() was not called yet.
    bool wantsContinue() const;
    void continueSent() { m_continueSent = true; }

private:
    enum class State {
        RequestLine,
        HeaderLines,
        FixedBody,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        ChunkDataEndLf,
        LastChunkEnd,
        Failed,
    };

    qsizetype readLine(QByteArrayView data, qsizetype pos, qint64 limit, bool *complete);
    bool onRequestLine(const QByteArray &line);
    bool onHeaderLine(const QByteArray &line, QList<RequestHead> *completed);
    bool onHeadComplete(QList<RequestHead> *completed);
    bool onChunkSizeLine(const QByteArray &line);
    void complete(QList<RequestHead> *completed);
    bool fail(int status, QString description);

    HttpLimits m_limits;
    State m_state = State::RequestLine;
    Failure m_failure;
    RequestHead m_head;
    QByteArray m_line;
    qint64 m_headBytes = 0;
    qint64 m_remaining = 0;
    qint64 m_bodyBytes = 0;
    qint64 m_offset = 0;
    bool m_continueSent = false;
    bool m_bodyStarted = false;
};

} // namespace lanyard
