// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QTcpSocket>

#include <optional>

namespace lanyard::test {

/// A raw HTTP/1.1 client for tests: sends bytes exactly as given (malformed,
/// oversized, pipelined) and parses what comes back. Blocking socket calls,
/// so the server must run in other threads (HttpService does). Test thread only.
class HttpTestClient
{
public:
    /// One parsed response.
    struct Response
    {
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;

        bool isValid() const { return status > 0; }
        /// First value of `name` (case-insensitive), or null.
        QByteArray header(QByteArrayView name) const;
        QList<QByteArray> headerValues(QByteArrayView name) const;
        bool hasHeader(QByteArrayView name) const { return !header(name).isNull(); }
    };

    explicit HttpTestClient(quint16 port, const QHostAddress &host = QHostAddress::LocalHost);

    /// Connects; false on failure or timeout.
    bool connect(int timeoutMs = 5000);
    /// Writes `bytes` and waits until they left the socket buffer.
    bool send(const QByteArray &bytes, int timeoutMs = 5000);
    /// Reads the next response. A 1xx interim response is returned only when
    /// `interim` is true (otherwise skipped). `head`: the request was HEAD, so
    /// no body follows. Empty on timeout, close or a malformed response.
    std::optional<Response> read(bool head = false, bool interim = false, int timeoutMs = 5000);
    /// send() then read().
    std::optional<Response> request(const QByteArray &bytes, bool head = false);
    /// True when the server closes the connection within `timeoutMs`.
    bool waitForClose(int timeoutMs = 5000);
    bool isConnected() const;
    /// Bytes received but not parsed yet.
    QByteArray pending() const { return m_buffer; }
    QTcpSocket &socket() { return m_socket; }

    /// Connects, sends `bytes`, reads one response and disconnects.
    static std::optional<Response> exchange(quint16 port, const QByteArray &bytes,
                                            bool head = false);
    /// Parses one response at the front of `buffer` and removes it; empty if
    /// incomplete. `closed`: no more bytes will come (body until close).
    static std::optional<Response> parse(QByteArray *buffer, bool head, bool closed);

private:
    bool fill(int timeoutMs);

    quint16 m_port;
    QHostAddress m_host;
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace lanyard::test
