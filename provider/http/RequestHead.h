// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace lanyard {

/// The head of one HTTP/1.x request as HttpRequestFramer accepted it, plus
/// the framing of its body. Plain value, safe to copy across threads.
struct RequestHead
{
    /// The method token exactly as sent (methods are case-sensitive).
    QByteArray method;
    /// The request-target exactly as sent: origin-form (`/path?query`),
    /// absolute-form (`http://host/path?query`) or `*`.
    QByteArray target;
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    int minorVersion = 1;
    /// Every header field in order, names as sent, values without the
    /// surrounding whitespace. Repeated fields stay separate.
    QList<QPair<QByteArray, QByteArray>> headers;
    /// Declared Content-Length; 0 when absent or chunked.
    qint64 contentLength = 0;
    /// Transfer-Encoding: chunked.
    bool chunked = false;
    /// Expect: 100-continue.
    bool expectContinue = false;
    /// false when the connection closes after this request's response
    /// (HTTP/1.0, or `Connection: close`).
    bool keepAlive = true;
    /// Size of the (de-chunked) body, known once the request is complete.
    qint64 bodyBytes = 0;
    /// Offset just past the request's last byte in its connection's stream.
    qint64 endOffset = 0;
};

} // namespace lanyard
