// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpTestClient.h"

#include <QDeadlineTimer>

namespace lanyard::test {

QByteArray HttpTestClient::Response::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.isNull() ? QByteArray("", 0) : value;
    }
    return {};
}

QList<QByteArray> HttpTestClient::Response::headerValues(QByteArrayView name) const
{
    QList<QByteArray> values;
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            values.append(value);
    }
    return values;
}

HttpTestClient::HttpTestClient(quint16 port, const QHostAddress &host) : m_port(port), m_host(host)
{}

bool HttpTestClient::connect(int timeoutMs)
{
    m_socket.connectToHost(m_host, m_port);
    return m_socket.waitForConnected(timeoutMs);
}

bool HttpTestClient::send(const QByteArray &bytes, int timeoutMs)
{
    if (m_socket.write(bytes) != bytes.size())
        return false;
    const QDeadlineTimer deadline(timeoutMs);
    while (m_socket.bytesToWrite() > 0) {
        if (deadline.hasExpired() ||
            !m_socket.waitForBytesWritten(static_cast<int>(deadline.remainingTime()))) {
            return false;
        }
    }
    return true;
}

bool HttpTestClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

bool HttpTestClient::fill(int timeoutMs)
{
    if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(timeoutMs)) {
        m_buffer += m_socket.readAll();
        return false;
    }
    m_buffer += m_socket.readAll();
    return true;
}

std::optional<HttpTestClient::Response> HttpTestClient::read(bool head, bool interim, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        m_buffer += m_socket.readAll();
        const bool closed = m_socket.state() != QAbstractSocket::ConnectedState;
        if (auto response = parse(&m_buffer, head, closed)) {
            if (response->status >= 100 && response->status < 200 && !interim)
                continue;
            return response;
        }
        if (closed || deadline.hasExpired())
            return std::nullopt;
        if (!fill(static_cast<int>(std::max<qint64>(1, deadline.remainingTime())))) {
            if (m_socket.state() != QAbstractSocket::ConnectedState)
                continue; // parse once more with closed == true
            if (deadline.hasExpired())
                return std::nullopt;
        }
    }
}

std::optional<HttpTestClient::Response> HttpTestClient::request(const QByteArray &bytes, bool head)
{
    if (!send(bytes))
        return std::nullopt;
    return read(head);
}

bool HttpTestClient::waitForClose(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() == QAbstractSocket::ConnectedState) {
        if (deadline.hasExpired())
            return false;
        if (!m_socket.waitForReadyRead(static_cast<int>(deadline.remainingTime())) &&
            m_socket.state() == QAbstractSocket::ConnectedState && deadline.hasExpired()) {
            return false;
        }
        m_buffer += m_socket.readAll();
    }
    m_buffer += m_socket.readAll();
    return true;
}

std::optional<HttpTestClient::Response> HttpTestClient::exchange(quint16 port,
                                                                 const QByteArray &bytes, bool head)
{
    HttpTestClient client(port);
    if (!client.connect())
        return std::nullopt;
    return client.request(bytes, head);
}

std::optional<HttpTestClient::Response> HttpTestClient::parse(QByteArray *buffer, bool head,
                                                              bool closed)
{
    const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
    if (headEnd < 0)
        return std::nullopt;
    const QList<QByteArray> lines = buffer->left(headEnd).split('\n');
    Response response;
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2 || !statusLine.first().startsWith("HTTP/1."))
        return std::nullopt;
    response.status = statusLine.at(1).toInt();
    qint64 length = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return std::nullopt;
        response.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        if (line.left(colon).compare("content-length", Qt::CaseInsensitive) == 0)
            length = line.mid(colon + 1).trimmed().toLongLong();
    }
    const qsizetype bodyStart = headEnd + 4;
    const bool bodyless =
        head || response.status < 200 || response.status == 204 || response.status == 304;
    if (bodyless) {
        buffer->remove(0, bodyStart);
        return response;
    }
    if (length < 0) {
        if (!closed)
            return std::nullopt;
        response.body = buffer->mid(bodyStart);
        buffer->clear();
        return response;
    }
    if (buffer->size() - bodyStart < length)
        return std::nullopt;
    response.body = buffer->mid(bodyStart, length);
    buffer->remove(0, bodyStart + length);
    return response;
}

} // namespace lanyard::test
