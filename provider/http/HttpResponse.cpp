// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/HttpResponse.h"

#include "http/HttpLog.h"

#include <QDateTime>
#include <QHttpServerResponse>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

// RFC 9110 §5.1: field-name = token.
bool isValidName(const QByteArray &name)
{
    return !name.isEmpty() && std::all_of(name.begin(), name.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        const bool alnum =
            (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
        return alnum || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
    });
}

bool isValidValue(const QByteArray &value)
{
    return std::none_of(value.begin(), value.end(),
                        [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

bool isFramingHeader(QByteArrayView name)
{
    return name.compare("content-length"_ba, Qt::CaseInsensitive) == 0 ||
           name.compare("transfer-encoding"_ba, Qt::CaseInsensitive) == 0;
}

} // namespace

HttpResponse::HttpResponse(int status) : m_status(status) {}

HttpResponse::HttpResponse(int status, QByteArray contentType, QByteArray body) : m_status(status)
{
    setBody(std::move(contentType), std::move(body));
}

void HttpResponse::setBody(QByteArray contentType, QByteArray body)
{
    m_body = std::move(body);
    if (!contentType.isEmpty())
        setHeader("Content-Type"_ba, contentType);
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QList<QByteArray> HttpResponse::headerValues(QByteArrayView name) const
{
    QList<QByteArray> values;
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            values.append(value);
    }
    return values;
}

bool HttpResponse::hasHeader(QByteArrayView name) const
{
    return std::any_of(m_headers.begin(), m_headers.end(), [name](const auto &field) {
        return field.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

bool HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    if (!isValidName(name) || !isValidValue(value)) {
        qCWarning(lcHttp) << "refused a response header that could split the header block:"
                          << name.left(64);
        return false;
    }
    removeHeader(name);
    m_headers.append({name, value});
    return true;
}

bool HttpResponse::addHeader(const QByteArray &name, const QByteArray &value)
{
    if (!isValidName(name) || !isValidValue(value)) {
        qCWarning(lcHttp) << "refused a response header that could split the header block:"
                          << name.left(64);
        return false;
    }
    m_headers.append({name, value});
    return true;
}

bool HttpResponse::setHeaderIfMissing(const QByteArray &name, const QByteArray &value)
{
    if (hasHeader(name))
        return false;
    return addHeader(name, value);
}

void HttpResponse::removeHeader(QByteArrayView name)
{
    m_headers.removeIf(
        [name](const auto &field) { return field.first.compare(name, Qt::CaseInsensitive) == 0; });
}

QByteArray HttpResponse::serialize(bool withBody) const
{
    // RFC 9110 §8.6: no Content-Length in 1xx and 204; in 304 only if it
    // equals the selected representation's, so we leave it out.
    const bool bodyless = (m_status >= 100 && m_status < 200) || m_status == 204 || m_status == 304;
    QByteArray wire;
    wire.reserve(256 + m_body.size());
    wire += "HTTP/1.1 " + QByteArray::number(m_status) + ' ' + reasonPhrase(m_status) + "\r\n";
    for (const auto &[name, value] : m_headers) {
        if (isFramingHeader(name))
            continue;
        wire += name + ": " + value + "\r\n";
    }
    if (!bodyless)
        wire += "Content-Length: " + QByteArray::number(m_body.size()) + "\r\n";
    wire += "\r\n";
    if (withBody && !bodyless)
        wire += m_body;
    return wire;
}

QHttpServerResponse HttpResponse::toQHttpServerResponse() const
{
    QHttpServerResponse response(header("content-type"), m_body,
                                 static_cast<QHttpServerResponse::StatusCode>(m_status));
    for (const auto &[name, value] : m_headers) {
        if (name.compare("content-type"_ba, Qt::CaseInsensitive) != 0 && !isFramingHeader(name))
            response.addHeader(name, value);
    }
    return response;
}

QByteArray HttpResponse::currentDate()
{
    // Formatted once a second per thread: every response carries it.
    thread_local qint64 formattedSecs = -1;
    thread_local QByteArray formatted;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (now != formattedSecs) {
        // RFC 9110 §5.6.7: IMF-fixdate, always in GMT, English names.
        formatted = QLocale::c()
                        .toString(QDateTime::fromSecsSinceEpoch(now, Qt::UTC),
                                  u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s)
                        .toLatin1();
        formattedSecs = now;
    }
    return formatted;
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue"_ba;
    case 200:
        return "OK"_ba;
    case 201:
        return "Created"_ba;
    case 204:
        return "No Content"_ba;
    case 301:
        return "Moved Permanently"_ba;
    case 302:
        return "Found"_ba;
    case 303:
        return "See Other"_ba;
    case 304:
        return "Not Modified"_ba;
    case 307:
        return "Temporary Redirect"_ba;
    case 400:
        return "Bad Request"_ba;
    case 401:
        return "Unauthorized"_ba;
    case 403:
        return "Forbidden"_ba;
    case 404:
        return "Not Found"_ba;
    case 405:
        return "Method Not Allowed"_ba;
    case 406:
        return "Not Acceptable"_ba;
    case 408:
        return "Request Timeout"_ba;
    case 409:
        return "Conflict"_ba;
    case 411:
        return "Length Required"_ba;
    case 413:
        return "Content Too Large"_ba;
    case 414:
        return "URI Too Long"_ba;
    case 415:
        return "Unsupported Media Type"_ba;
    case 417:
        return "Expectation Failed"_ba;
    case 429:
        return "Too Many Requests"_ba;
    case 431:
        return "Request Header Fields Too Large"_ba;
    case 500:
        return "Internal Server Error"_ba;
    case 501:
        return "Not Implemented"_ba;
    case 503:
        return "Service Unavailable"_ba;
    case 505:
        return "HTTP Version Not Supported"_ba;
    default:
        return "Unknown"_ba;
    }
}

} // namespace lanyard
