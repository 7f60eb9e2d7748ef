// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/ConnectionGuard.h"

#include "core/OAuthError.h"
#include "http/HttpLog.h"
#include "http/ResponseWriter.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <sys/socket.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

/// Framing-level refusals in the provider's JSON error shape. Not OAuth
/// codes; named once here.
OAuthError refusal(const HttpRequestFramer::Failure &failure)
{
    switch (failure.status) {
    case 413:
        return OAuthError::payloadTooLarge(failure.description);
    case 431:
        return OAuthError::headersTooLarge(failure.description);
    case 400:
        return OAuthError::invalidRequest(failure.description);
    case 408:
        return {QLatin1StringView("request_timeout"), failure.description, 408};
    case 414:
        return {QLatin1StringView("uri_too_long"), failure.description, 414};
    case 417:
        return {QLatin1StringView("expectation_failed"), failure.description, 417};
    case 501:
        return {QLatin1StringView("not_implemented"), failure.description, 501};
    case 505:
        return {QLatin1StringView("http_version_not_supported"), failure.description, 505};
    default:
        return {QLatin1StringView("invalid_request"), failure.description, failure.status};
    }
}

constexpr qint64 PeekWindow = 16 * 1024;

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits)
    : QObject(socket), m_socket(socket), m_limits(limits), m_framer(limits)
{
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::onReadyRead);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &ConnectionGuard::onTimeout);
    m_deadline.start(m_limits.idleTimeoutMs);
}

ConnectionGuard::~ConnectionGuard() = default;

ConnectionGuard *ConnectionGuard::of(const QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ConnectionGuard::watchAfterReader()
{
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::onReadyReadAfterReader);
}

void ConnectionGuard::onReadyRead()
{
    if (m_closing) {
        discardInput();
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    qint64 pos = m_framedOffset - m_readerOffset;
    if (pos < 0 || pos > available) {
        // The reader consumed bytes the guard never framed: the limits can
        // no longer be enforced on this stream.
        qCWarning(lcHttp) << "lost track of the request stream from"
                          << m_socket->peerAddress().toString() << "- dropping the connection";
        abortNow();
        return;
    }

    QList<RequestHead> done;
    while (pos < available && !m_framer.failed() &&
           m_completed.size() + done.size() <= m_limits.maxPipelinedRequests) {
        // Body bytes are counted, never copied.
        const qint64 skippable = m_framer.skippableBytes();
        if (skippable > 0) {
            const qint64 count = std::min(skippable, available - pos);
            m_framer.skip(count, &done);
            pos += count;
            continue;
        }
        // peek() copies from Qt's read position: skip what was framed before.
        const qint64 window = std::min(available - pos, PeekWindow);
        const QByteArray bytes = m_socket->peek(pos + window);
        if (bytes.size() != pos + window)
            break;
        m_framer.feed(QByteArrayView(bytes).sliced(pos), &done);
        pos += window;
    }
    m_framedOffset = m_readerOffset + pos;
    m_completed.append(done);

    if (m_framer.failed()) {
        refuse(ResponseWriter::error(refusal(m_framer.failure())));
        return;
    }
    if (m_completed.size() > m_limits.maxPipelinedRequests) {
        qCInfo(lcHttp) << "too many pipelined requests from" << m_socket->peerAddress().toString()
                       << "- dropping the connection";
        abortNow();
        return;
    }
    // The server's turn: it answers within this emission, and
    // responseWritten() rearms the deadline for the next request. Should Qt
    // never take the request, the deadline closes the connection.
    if (!done.isEmpty())
        m_deadline.start(m_limits.idleTimeoutMs);
    sendContinueIfWanted();
}

void ConnectionGuard::onReadyReadAfterReader()
{
    // Qt reads everything it is offered unless it completed a request, in
    // which case takeCompletedRequest() moved the offset to that request's end.
    if (!m_takenDuringEmission)
        m_readerOffset = m_framedOffset;
    m_takenDuringEmission = false;
}

std::optional<RequestHead> ConnectionGuard::takeCompletedRequest()
{
    if (m_completed.isEmpty())
        return std::nullopt;
    RequestHead head = m_completed.takeFirst();
    m_readerOffset = head.endOffset;
    m_takenDuringEmission = true;
    return head;
}

void ConnectionGuard::responseWritten(bool close)
{
    if (m_closing)
        return;
    if (close) {
        beginClose({});
        return;
    }
    if (m_socket->bytesToWrite() > m_limits.maxPendingWriteBytes) {
        qCInfo(lcHttp) << m_socket->peerAddress().toString()
                       << "does not read its responses - dropping the connection";
        abortNow();
        return;
    }
    m_deadline.start(m_limits.idleTimeoutMs);
    sendContinueIfWanted();
}

void ConnectionGuard::refuse(HttpResponse response)
{
    if (m_closing)
        return;
    qCInfo(lcHttp).nospace() << "refused a request from " << m_socket->peerAddress().toString()
                             << ": " << response.status();
    response.setHeader("Connection"_ba, "close"_ba);
    response.setHeader("Date"_ba, HttpResponse::currentDate());
    beginClose(response.serialize());
}

void ConnectionGuard::sendContinueIfWanted()
{
    // RFC 9110 §10.1.1: a server that receives 100-continue SHOULD send the
    // interim response unless it has answered already. Only once every earlier
    // request was answered, so responses stay in order.
    if (!m_closing && m_completed.isEmpty() && m_framer.wantsContinue() &&
        m_socket->state() == QAbstractSocket::ConnectedState) {
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        m_framer.continueSent();
    }
}

void ConnectionGuard::onTimeout()
{
    if (m_closing || m_socket->state() != QAbstractSocket::ConnectedState ||
        !m_completed.isEmpty()) {
        abortNow();
        return;
    }
    if (m_framer.inProgress()) {
        // RFC 9110 §15.5.9: the server did not receive a complete request in time.
        refuse(ResponseWriter::error(refusal({408, u"The request was not received in time."_s})));
        return;
    }
    qCDebug(lcHttp) << "closing an idle connection from" << m_socket->peerAddress().toString();
    beginClose({});
}

void ConnectionGuard::beginClose(const QByteArray &wire)
{
    m_closing = true;
    // Qt's reader must not see another byte; what still arrives is discarded.
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::discardInput);
    // Half-close once the answer left the process. QSslSocket emits
    // bytesWritten() before its encrypted bytes reach the TCP socket, so for
    // TLS only encryptedBytesWritten() says the answer is out.
    if (auto *tls = qobject_cast<QSslSocket *>(m_socket)) {
        connect(tls, &QSslSocket::encryptedBytesWritten, this,
                &ConnectionGuard::halfCloseWhenWritten);
    } else {
        connect(m_socket, &QIODevice::bytesWritten, this, &ConnectionGuard::halfCloseWhenWritten);
    }
    if (m_socket->isTransactionStarted())
        m_socket->rollbackTransaction();
    discardInput();
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        abortNow();
        return;
    }
    if (!wire.isEmpty())
        m_socket->write(wire);
    // Linger: keep reading (and dropping) so the client sees the answer
    // rather than a reset, but not for long.
    m_deadline.start(m_limits.lingerMs);
    halfCloseWhenWritten();
}

void ConnectionGuard::halfCloseWhenWritten()
{
    if (m_halfClosed || m_socket->state() != QAbstractSocket::ConnectedState ||
        m_socket->bytesToWrite() > 0) {
        return;
    }
    if (auto *tls = qobject_cast<QSslSocket *>(m_socket); tls && tls->encryptedBytesToWrite() > 0)
        return;
    const qintptr descriptor = m_socket->socketDescriptor();
    if (descriptor >= 0)
        ::shutdown(static_cast<int>(descriptor), SHUT_WR);
    m_halfClosed = true;
}

void ConnectionGuard::discardInput()
{
    const qint64 count = m_socket->bytesAvailable();
    if (count > 0) {
        m_socket->skip(count);
        m_discarded += count;
    }
    if (m_discarded > m_limits.maxLingerBytes)
        abortNow();
}

void ConnectionGuard::abortNow()
{
    m_closing = true;
    m_deadline.stop();
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    m_socket->abort();
    m_socket->deleteLater();
}

} // namespace lanyard
