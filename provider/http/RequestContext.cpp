// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/RequestContext.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

using Method = QHttpServerRequest::Method;

Method methodFromName(const QByteArray &name)
{
    // RFC 9110 §9.1: the method token is case-sensitive.
    static const QList<QPair<QByteArray, Method>> methods = {
        {"GET"_ba, Method::Get},       {"HEAD"_ba, Method::Head},
        {"POST"_ba, Method::Post},     {"PUT"_ba, Method::Put},
        {"DELETE"_ba, Method::Delete}, {"OPTIONS"_ba, Method::Options},
        {"PATCH"_ba, Method::Patch},   {"CONNECT"_ba, Method::Connect},
        {"TRACE"_ba, Method::Trace},
    };
    for (const auto &[token, method] : methods) {
        if (token == name)
            return method;
    }
    return Method::Unknown;
}

QHostAddress normalized(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4 && address.protocol() == QAbstractSocket::IPv6Protocol)
        return QHostAddress(v4);
    return address;
}

bool isTrusted(const QHostAddress &address, const QList<QHostAddress> &trusted)
{
    for (const QHostAddress &proxy : trusted) {
        if (proxy.isEqual(address, QHostAddress::TolerantConversion))
            return true;
    }
    return false;
}

QByteArray unquoted(QByteArray value)
{
    value = value.trimmed();
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2);
    return value;
}

// A node as Forwarded `for=` or X-Forwarded-For write it: `192.0.2.1`,
// `192.0.2.1:80`, `[2001:db8::1]`, `"[2001:db8::1]:80"`, `2001:db8::1`.
// `unknown` and obfuscated identifiers give nothing.
std::optional<QHostAddress> parseNode(const QByteArray &raw)
{
    QByteArray node = unquoted(raw);
    if (node.startsWith('[')) {
        const qsizetype close = node.indexOf(']');
        if (close < 0)
            return std::nullopt;
        node = node.mid(1, close - 1);
    } else if (node.count(':') == 1) {
        node = node.left(node.indexOf(':'));
    }
    QHostAddress address;
    if (node.isEmpty() || !address.setAddress(QString::fromLatin1(node)))
        return std::nullopt;
    return normalized(address);
}

// Splits on commas outside quoted strings.
QList<QByteArray> splitElements(const QList<QByteArray> &fields)
{
    QList<QByteArray> elements;
    for (const QByteArray &field : fields) {
        QByteArray current;
        bool quoted = false;
        for (char c : field) {
            if (c == '"')
                quoted = !quoted;
            if (c == ',' && !quoted) {
                elements.append(current.trimmed());
                current.clear();
            } else {
                current.append(c);
            }
        }
        elements.append(current.trimmed());
    }
    return elements;
}

struct Hop
{
    std::optional<QHostAddress> address;
    QByteArray proto;
};

// RFC 7239 §4: Forwarded = 1#forwarded-element, each `pair *( ";" pair )`.
QList<Hop> forwardedHops(const QList<QByteArray> &fields)
{
    QList<Hop> hops;
    for (const QByteArray &element : splitElements(fields)) {
        Hop hop;
        for (const QByteArray &pair : element.split(';')) {
            const qsizetype equals = pair.indexOf('=');
            if (equals <= 0)
                continue;
            const QByteArray key = pair.left(equals).trimmed().toLower();
            if (key == "for")
                hop.address = parseNode(pair.mid(equals + 1));
            else if (key == "proto")
                hop.proto = unquoted(pair.mid(equals + 1)).toLower();
        }
        hops.append(hop);
    }
    return hops;
}

} // namespace

RequestContext RequestContext::create(const RequestHead &head, const QByteArray &body,
                                      const ConnectionInfo &connection)
{
    RequestContext context;
    context.m_methodName = head.method;
    context.m_method = methodFromName(head.method);
    context.m_target = head.target;
    context.m_minorVersion = head.minorVersion;
    context.m_headers = head.headers;
    context.m_body = body;

    // RFC 9112 §3.2.2: in absolute-form, the path starts after the authority.
    QByteArray target = head.target;
    const qsizetype fragment = target.indexOf('#');
    if (fragment >= 0)
        target.truncate(fragment);
    if (!target.startsWith('/') && target != "*") {
        const qsizetype scheme = target.indexOf("://");
        const qsizetype pathStart = scheme < 0 ? -1 : target.indexOf('/', scheme + 3);
        const qsizetype queryStart = scheme < 0 ? -1 : target.indexOf('?', scheme + 3);
        if (pathStart >= 0 && (queryStart < 0 || pathStart < queryStart))
            target = target.mid(pathStart);
        else if (queryStart >= 0)
            target = '/' + target.mid(queryStart);
        else
            target = "/"_ba;
    }
    const qsizetype question = target.indexOf('?');
    const QByteArray rawPath = question < 0 ? target : target.left(question);
    context.m_rawQuery = question < 0 ? QByteArray() : target.mid(question + 1);
    context.m_path = QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath));
    context.m_query = ParameterList::parse(context.m_rawQuery);

    if (context.mediaType() == "application/x-www-form-urlencoded")
        context.m_form = ParameterList::parse(body);

    context.m_peerAddress = normalized(connection.peerAddress);
    context.m_tls = connection.tls;
    context.m_secure = connection.tls;
    context.m_baseUrl = connection.baseUrl;
    context.m_remoteAddress = context.m_peerAddress;

    if (!isTrusted(context.m_peerAddress, connection.trustedProxies))
        return context;

    // The peer is a trusted proxy. Walk the hops from the nearest one back:
    // each address is believed only while the hop that reported it is
    // trusted; an unparsable entry stops the walk at the last good address.
    QList<Hop> hops;
    const QList<QByteArray> forwarded = context.headerValues("forwarded");
    if (!forwarded.isEmpty()) {
        hops = forwardedHops(forwarded);
    } else {
        for (const QByteArray &node : splitElements(context.headerValues("x-forwarded-for")))
            hops.append({parseNode(node), {}});
        const QList<QByteArray> protos = splitElements(context.headerValues("x-forwarded-proto"));
        if (!hops.isEmpty() && !protos.isEmpty())
            hops.last().proto = protos.last().trimmed().toLower();
        else if (hops.isEmpty() && !protos.isEmpty())
            hops.append({std::nullopt, protos.last().trimmed().toLower()});
    }
    if (!hops.isEmpty() && hops.last().proto == "https")
        context.m_secure = true;
    QHostAddress current = context.m_peerAddress;
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        if (!isTrusted(current, connection.trustedProxies) || !hops[i].address)
            break;
        current = *hops[i].address;
    }
    context.m_remoteAddress = current;
    return context;
}

RequestContext RequestContext::create(const QByteArray &method, const QByteArray &target,
                                      const HeaderList &headers, const QByteArray &body,
                                      const ConnectionInfo &connection)
{
    RequestHead head;
    head.method = method;
    head.target = target;
    head.headers = headers;
    head.bodyBytes = body.size();
    return create(head, body, connection);
}

QUrlQuery RequestContext::urlQuery() const
{
    return QUrlQuery(QString::fromLatin1(m_rawQuery));
}

QByteArray RequestContext::header(QByteArrayView name) const
{
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.isNull() ? QByteArray("", 0) : value;
    }
    return {};
}

QList<QByteArray> RequestContext::headerValues(QByteArrayView name) const
{
    QList<QByteArray> values;
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            values.append(value);
    }
    return values;
}

QByteArray RequestContext::mediaType() const
{
    QByteArray type = header("content-type");
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    return type.trimmed().toLower();
}

} // namespace lanyard
