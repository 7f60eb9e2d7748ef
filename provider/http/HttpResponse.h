// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

class QHttpServerResponse;

namespace lanyard {

/// An HTTP response as a copyable value: status, ordered header fields
/// (repeats allowed, e.g. Set-Cookie) and body. What endpoints return.
///
/// Why not QHttpServerResponse: in Qt 6.4 it is move-only and cannot list its
/// headers, so the router could neither derive a HEAD answer from a GET one
/// nor add headers only where missing; and Qt 6.4 writes a body even for HEAD.
/// toQHttpServerResponse() converts when a Qt API wants one.
/// Thread-safe as a value (implicitly shared members).
class HttpResponse
{
public:
    using HeaderList = QList<QPair<QByteArray, QByteArray>>;

    explicit HttpResponse(int status = 200);
    HttpResponse(int status, QByteArray contentType, QByteArray body);

    int status() const { return m_status; }
    void setStatus(int status) { m_status = status; }

    QByteArray body() const { return m_body; }
    /// Sets the body and its Content-Type.
    void setBody(QByteArray contentType, QByteArray body);

    const HeaderList &headers() const { return m_headers; }
    /// The first value of `name` (case-insensitive), or null.
    QByteArray header(QByteArrayView name) const;
    QList<QByteArray> headerValues(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    /// Replaces every field named `name`. A name or value that could split
    /// the header block (CR, LF, NUL, or a name that is not a token) is
    /// refused: nothing is set and false is returned.
    bool setHeader(const QByteArray &name, const QByteArray &value);
    /// Adds a field, keeping existing ones of that name (Set-Cookie).
    bool addHeader(const QByteArray &name, const QByteArray &value);
    /// Sets `name` only when no field of that name is present.
    bool setHeaderIfMissing(const QByteArray &name, const QByteArray &value);
    void removeHeader(QByteArrayView name);

    /// The response on the wire: status line, header fields, Content-Length
    /// (RFC 9110 §8.6; never on 1xx, 204, 304), the blank line, and the body
    /// unless `withBody` is false (HEAD, RFC 9110 §9.3.2). Content-Length
    /// and Transfer-Encoding fields set by hand are ignored.
    QByteArray serialize(bool withBody = true) const;

    /// The same response as Qt's type.
    QHttpServerResponse toQHttpServerResponse() const;

    /// The current time as an HTTP-date (RFC 9110 §5.6.7 IMF-fixdate), for
    /// the Date header field. Any thread.
    static QByteArray currentDate();

    /// The RFC 9110 reason phrase of `status`, or "Unknown".
    static QByteArray reasonPhrase(int status);

private:
    int m_status = 200;
    HeaderList m_headers;
    QByteArray m_body;
};

} // namespace lanyard
