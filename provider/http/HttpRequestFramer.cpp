// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/HttpRequestFramer.h"

#include <algorithm>
#include <cstring>
#include <utility>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

// RFC 9110 §5.6.2: tchar.
bool isTchar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'))
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

bool isToken(QByteArrayView bytes)
{
    return !bytes.isEmpty() && std::all_of(bytes.begin(), bytes.end(), isTchar);
}

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// RFC 9110 §5.5: field-vchar = VCHAR / obs-text, plus SP and HTAB inside.
bool isFieldValueByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u == '\t' || u == ' ' || (u >= 0x21 && u != 0x7f);
}

QByteArrayView trimmedOws(QByteArrayView bytes)
{
    qsizetype begin = 0;
    qsizetype end = bytes.size();
    while (begin < end && (bytes[begin] == ' ' || bytes[begin] == '\t'))
        ++begin;
    while (end > begin && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t'))
        --end;
    return bytes.sliced(begin, end - begin);
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() &&
           QByteArray(a.data(), a.size()).compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

HttpRequestFramer::HttpRequestFramer(const HttpLimits &limits) : m_limits(limits) {}

bool HttpRequestFramer::feed(QByteArrayView data, QList<RequestHead> *completed)
{
    qsizetype pos = 0;
    const qsizetype size = data.size();
    const qint64 base = m_offset;
    // complete() reads m_offset as the end of the request just framed.
    const auto advance = [&](qsizetype to) {
        pos = to;
        m_offset = base + pos;
    };
    while (pos < size) {
        switch (m_state) {
        case State::Failed:
            return false;
        case State::RequestLine:
        case State::HeaderLines: {
            bool done = false;
            const qsizetype used = readLine(data, pos, m_limits.maxHeaderBytes, &done);
            advance(pos + used);
            m_headBytes += used;
            if (m_headBytes > m_limits.maxHeaderBytes) {
                // RFC 9112 §3: a request-target longer than the server wishes to
                // parse MUST be answered 414; RFC 6585 §5: 431 for header fields.
                if (m_state == State::RequestLine)
                    return fail(414, u"Request line too long."_s);
                return fail(431, {});
            }
            if (!done)
                break;
            QByteArray line = std::exchange(m_line, {});
            if (line.endsWith('\r'))
                line.chop(1);
            if (line.contains('\r') || line.contains('\0'))
                return fail(400, u"Malformed line in the request head."_s);
            if (m_state == State::RequestLine) {
                // RFC 9112 §2.2: a server SHOULD ignore at least one empty line
                // received prior to the request-line.
                if (line.isEmpty())
                    break;
                if (!onRequestLine(line))
                    return false;
                m_state = State::HeaderLines;
            } else if (!onHeaderLine(line, completed)) {
                return false;
            }
            break;
        }
        case State::FixedBody:
        case State::ChunkData: {
            const qint64 count = std::min<qint64>(m_remaining, size - pos);
            m_offset = base + pos;
            skip(count, completed);
            advance(pos + count);
            break;
        }
        case State::ChunkDataEnd:
        case State::ChunkDataEndLf: {
            // RFC 9112 §7.1: chunk-data is followed by CRLF.
            const char c = data[pos];
            advance(pos + 1);
            if (c == '\r' && m_state == State::ChunkDataEnd)
                m_state = State::ChunkDataEndLf;
            else if (c == '\n')
                m_state = State::ChunkSize;
            else
                return fail(400, u"Malformed chunked body."_s);
            break;
        }
        case State::ChunkSize:
        case State::LastChunkEnd: {
            m_bodyStarted = true;
            bool done = false;
            advance(pos + readLine(data, pos, m_limits.maxChunkLineBytes, &done));
            if (m_line.size() > m_limits.maxChunkLineBytes)
                return fail(400, u"Chunk header too long."_s);
            if (!done)
                break;
            QByteArray line = std::exchange(m_line, {});
            if (line.endsWith('\r'))
                line.chop(1);
            if (line.contains('\r') || line.contains('\0'))
                return fail(400, u"Malformed chunked body."_s);
            if (m_state == State::ChunkSize) {
                if (!onChunkSizeLine(line))
                    return false;
            } else if (!line.isEmpty()) {
                // RFC 9112 §7.1.2 allows trailer fields; Qt 6.4 leaves them in
                // the stream and would read them as the next request.
                return fail(400, u"Trailer fields are not accepted."_s);
            } else {
                complete(completed);
            }
            break;
        }
        }
    }
    return m_state != State::Failed;
}

qint64 HttpRequestFramer::skippableBytes() const
{
    return (m_state == State::FixedBody || m_state == State::ChunkData) ? m_remaining : 0;
}

void HttpRequestFramer::skip(qint64 count, QList<RequestHead> *completed)
{
    Q_ASSERT(count <= skippableBytes());
    if (count <= 0)
        return;
    m_bodyStarted = true;
    m_remaining -= count;
    m_bodyBytes += count;
    m_offset += count;
    if (m_remaining > 0)
        return;
    if (m_state == State::FixedBody)
        complete(completed);
    else
        m_state = State::ChunkDataEnd;
}

bool HttpRequestFramer::inProgress() const
{
    return m_state != State::RequestLine || !m_line.isEmpty();
}

bool HttpRequestFramer::wantsContinue() const
{
    const bool awaitingBody = m_state == State::FixedBody || m_state == State::ChunkSize;
    return awaitingBody && m_head.expectContinue && !m_continueSent && !m_bodyStarted;
}

qsizetype HttpRequestFramer::readLine(QByteArrayView data, qsizetype pos, qint64 limit,
                                      bool *complete)
{
    const qsizetype available = data.size() - pos;
    const void *found = std::memchr(data.data() + pos, '\n', static_cast<size_t>(available));
    qsizetype used = available;
    *complete = found != nullptr;
    if (found)
        used = static_cast<const char *>(found) - (data.data() + pos) + 1;
    // Never hold more than the limit plus one line ending, whatever arrives.
    const qsizetype keep = std::min<qsizetype>(*complete ? used - 1 : used,
                                               std::max<qint64>(0, limit + 2 - m_line.size()));
    m_line.append(data.data() + pos, keep);
    return used;
}

bool HttpRequestFramer::onRequestLine(const QByteArray &line)
{
    // RFC 9112 §3: request-line = method SP request-target SP HTTP-version.
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || parts[1].isEmpty())
        return fail(400, u"Malformed request line."_s);
    const QByteArray &target = parts[1];
    for (char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return fail(400, u"Malformed request target."_s);
    }
    const QByteArray &version = parts[2];
    if (version == "HTTP/1.1") {
        m_head.minorVersion = 1;
    } else if (version == "HTTP/1.0") {
        m_head.minorVersion = 0;
    } else if (version.size() == 8 && version.startsWith("HTTP/") && version[6] == '.') {
        // RFC 9110 §15.6.6.
        return fail(505, u"Only HTTP/1.1 is supported."_s);
    } else {
        return fail(400, u"Malformed request line."_s);
    }
    if (parts[0] == "CONNECT")
        return fail(501, u"CONNECT is not supported."_s);
    // RFC 9112 §3.2: origin-form, absolute-form, or asterisk-form for OPTIONS.
    const bool originForm = target.startsWith('/');
    const bool absoluteForm =
        target.toLower().startsWith("http://") || target.toLower().startsWith("https://");
    const bool asteriskForm = target == "*" && parts[0] == "OPTIONS";
    if (!originForm && !absoluteForm && !asteriskForm)
        return fail(400, u"Malformed request target."_s);
    m_head.method = parts[0];
    m_head.target = target;
    return true;
}

bool HttpRequestFramer::onHeaderLine(const QByteArray &line, QList<RequestHead> *completed)
{
    if (line.isEmpty())
        return onHeadComplete(completed);
    // RFC 9112 §5.2: a server MUST reject obs-fold (or replace it); we reject.
    if (line.startsWith(' ') || line.startsWith('\t'))
        return fail(400, u"Folded header lines are not accepted."_s);
    const qsizetype colon = line.indexOf(':');
    // RFC 9112 §5.1: no whitespace is allowed between the field name and the
    // colon; a server MUST reject such a request with 400.
    if (colon <= 0 || !isToken(QByteArrayView(line).first(colon)))
        return fail(400, u"Malformed header field."_s);
    const QByteArrayView value = trimmedOws(QByteArrayView(line).sliced(colon + 1));
    if (!std::all_of(value.begin(), value.end(), isFieldValueByte))
        return fail(400, u"Malformed header field."_s);
    if (m_head.headers.size() >= m_limits.maxHeaderFields)
        return fail(431, {});
    m_head.headers.append({line.first(colon), value.toByteArray()});
    return true;
}

bool HttpRequestFramer::onHeadComplete(QList<RequestHead> *completed)
{
    int hosts = 0;
    QList<QByteArray> contentLengths;
    QList<QByteArray> transferEncodings;
    QList<QByteArray> expectations;
    bool close = false;
    for (const auto &[name, value] : std::as_const(m_head.headers)) {
        if (equalsIgnoringCase(name, "host")) {
            ++hosts;
        } else if (equalsIgnoringCase(name, "content-length")) {
            contentLengths.append(value);
        } else if (equalsIgnoringCase(name, "transfer-encoding")) {
            transferEncodings.append(value);
        } else if (equalsIgnoringCase(name, "expect")) {
            expectations.append(value);
        } else if (equalsIgnoringCase(name, "connection")) {
            for (const QByteArray &option : value.split(','))
                close = close || equalsIgnoringCase(trimmedOws(option), "close");
        }
    }
    // RFC 9112 §3.2: a server MUST respond with 400 to an HTTP/1.1 request
    // that lacks a Host header field, and to any request with more than one.
    if ((m_head.minorVersion == 1 && hosts == 0) || hosts > 1)
        return fail(400, u"Exactly one Host header field is required."_s);

    if (!transferEncodings.isEmpty()) {
        // RFC 9112 §6.1: an HTTP/1.0 message with Transfer-Encoding has faulty framing.
        if (m_head.minorVersion == 0)
            return fail(400, u"Transfer-Encoding is not valid in HTTP/1.0."_s);
        // RFC 9112 §6.1: a server MAY reject a request that contains both
        // Content-Length and Transfer-Encoding (a request smuggling vector).
        if (!contentLengths.isEmpty())
            return fail(400, u"Content-Length and Transfer-Encoding together."_s);
        QList<QByteArray> codings;
        for (const QByteArray &field : std::as_const(transferEncodings)) {
            for (const QByteArray &coding : field.split(',')) {
                const QByteArrayView trimmed = trimmedOws(coding);
                if (!trimmed.isEmpty())
                    codings.append(trimmed.toByteArray().toLower());
            }
        }
        // RFC 9112 §6.1: a server that receives a transfer coding it does not
        // understand SHOULD respond with 501.
        if (codings != QList<QByteArray>{"chunked"})
            return fail(501, u"Only the chunked transfer coding is supported."_s);
        m_head.chunked = true;
    } else if (contentLengths.size() > 1) {
        // RFC 9112 §6.3: several Content-Length field lines make the framing
        // unrecoverable unless identical; Qt 6.4 uses the first, so refuse.
        return fail(400, u"More than one Content-Length."_s);
    } else if (contentLengths.size() == 1) {
        const QByteArray &value = contentLengths.first();
        const bool digits =
            !value.isEmpty() && value.size() <= 18 &&
            std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits)
            return fail(400, u"Malformed Content-Length."_s);
        m_head.contentLength = value.toLongLong();
        // RFC 9110 §15.5.14: 413 when the content is larger than the server
        // is willing to process; decided before a byte of it is read.
        if (m_head.contentLength > m_limits.maxBodyBytes)
            return fail(413, {});
    }

    if (!expectations.isEmpty()) {
        // RFC 9110 §10.1.1: a server that receives an Expect value other than
        // 100-continue MAY answer 417; a 100-continue in HTTP/1.0 is ignored.
        if (expectations.size() != 1 ||
            !equalsIgnoringCase(trimmedOws(expectations.first()), "100-continue")) {
            return fail(417, u"Only Expect: 100-continue is supported."_s);
        }
        m_head.expectContinue = m_head.minorVersion == 1;
    }
    // RFC 9112 §9.3: HTTP/1.1 persists unless "close"; HTTP/1.0 connections
    // are closed after the response.
    m_head.keepAlive = m_head.minorVersion == 1 && !close;

    if (m_head.chunked) {
        m_state = State::ChunkSize;
    } else if (m_head.contentLength > 0) {
        m_state = State::FixedBody;
        m_remaining = m_head.contentLength;
    } else {
        complete(completed);
    }
    return true;
}

bool HttpRequestFramer::onChunkSizeLine(const QByteArray &line)
{
    // RFC 9112 §7.1: chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF.
    qsizetype digits = 0;
    while (digits < line.size() && isHexDigit(line[digits]))
        ++digits;
    if (digits == 0)
        return fail(400, u"Malformed chunk size."_s);
    const QByteArrayView extension = trimmedOws(QByteArrayView(line).sliced(digits));
    if (!extension.isEmpty() &&
        (extension[0] != ';' ||
         !std::all_of(extension.begin(), extension.end(), isFieldValueByte))) {
        return fail(400, u"Malformed chunk extension."_s);
    }
    if (digits > 15)
        return fail(413, {});
    const qint64 chunkSize = line.first(digits).toLongLong(nullptr, 16);
    // The declared size decides, before the chunk's bytes are read.
    if (m_bodyBytes + chunkSize > m_limits.maxBodyBytes)
        return fail(413, {});
    if (chunkSize == 0) {
        m_state = State::LastChunkEnd;
    } else {
        m_state = State::ChunkData;
        m_remaining = chunkSize;
    }
    return true;
}

void HttpRequestFramer::complete(QList<RequestHead> *completed)
{
    m_head.bodyBytes = m_bodyBytes;
    m_head.endOffset = m_offset;
    completed->append(std::exchange(m_head, {}));
    m_state = State::RequestLine;
    m_line.clear();
    m_headBytes = 0;
    m_remaining = 0;
    m_bodyBytes = 0;
    m_continueSent = false;
    m_bodyStarted = false;
}

bool HttpRequestFramer::fail(int status, QString description)
{
    m_state = State::Failed;
    m_failure = {status, std::move(description)};
    return false;
}

} // namespace lanyard
