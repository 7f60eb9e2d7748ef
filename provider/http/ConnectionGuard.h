// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/HttpLimits.h"
#include "http/HttpRequestFramer.h"
#include "http/HttpResponse.h"
#include "http/RequestHead.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <optional>

class QTcpSocket;

namespace lanyard {

/// Watches one accepted connection beneath Qt's HTTP server and enforces
/// HttpLimits on it.
///
/// How it runs before Qt's reader: GuardedTcpServer creates the socket
/// itself and constructs this guard, whose readyRead slot is therefore the
/// first connected, before it hands the socket to QAbstractHttpServer (Qt
/// 6.4 connects its reader inside addPendingConnection()). Signals call
/// slots in connection order, so on every readyRead the guard frames the
/// newly arrived bytes with peek() - without consuming them - and can refuse
/// the request (413, 431, 400, ...) before Qt reads a byte of it: it then
/// disconnects Qt's reader, answers, half-closes, and discards what still
/// arrives for a short while so the client can read the answer.
///
/// Stream accounting: Qt 6.4 reads inside a socket transaction, consumes at
/// most one complete request per readyRead and re-emits readyRead (queued)
/// for pipelined bytes. The guard keeps the stream offset of Qt's read
/// position: the end of the request Qt just handled (takeCompletedRequest()),
/// or - when Qt handled none - everything framed so far (Qt reads all it is
/// offered). Unread bytes beyond what was framed are the new ones.
///
/// Timing: from accept, and again from each response, the client has
/// idleTimeoutMs to deliver its next complete request; a partial request
/// then gets 408, an idle connection is closed.
///
/// Threads: lives in the socket's thread (its parent is the socket).
class ConnectionGuard : public QObject
{
    Q_OBJECT

public:
    /// Starts watching `socket`; must be constructed before anything else
    /// connects to the socket's readyRead. Owned by `socket`.
    ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits);
    ~ConnectionGuard() override;

    /// The guard of `socket`, or nullptr.
    static ConnectionGuard *of(const QTcpSocket *socket);

    /// Connects the slot that must run after Qt's reader; call right after
    /// the socket was handed to QAbstractHttpServer.
    void watchAfterReader();

    /// The oldest request framed but not yet handled: what Qt is handing
    /// to QAbstractHttpServer::handleRequest() right now.
    std::optional<RequestHead> takeCompletedRequest();

    /// Call after the response to a taken request was written: closes the
    /// connection (gracefully) when `close`, else rearms the idle deadline.
    void responseWritten(bool close);

    /// Answers `response` (with `Connection: close`), stops reading for Qt,
    /// half-closes once written, and aborts after the linger time.
    void refuse(HttpResponse response);

    /// True once the connection is being closed.
    bool isClosing() const { return m_closing; }

private:
    void onReadyRead();
    void onReadyReadAfterReader();
    void onTimeout();
    void beginClose(const QByteArray &wire);
    void discardInput();
    void halfCloseWhenWritten();
    void abortNow();
    void sendContinueIfWanted();

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    HttpRequestFramer m_framer;
    QList<RequestHead> m_completed;
    /// Stream offsets: Qt's read position, and the end of what was framed.
    qint64 m_readerOffset = 0;
    qint64 m_framedOffset = 0;
    bool m_takenDuringEmission = false;
    QTimer m_deadline;
    bool m_closing = false;
    bool m_halfClosed = false;
    qint64 m_discarded = 0;
};

} // namespace lanyard
