// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/ConnectionInfo.h"
#include "http/ParameterList.h"
#include "http/RequestHead.h"

#include <QByteArray>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace lanyard {

/// One HTTP request as a copied value: what endpoints see. Built by the HTTP
/// layer from the head its framer accepted and the body Qt read; holds no
/// pointer to a socket or to Qt's request, so it may be copied to and read
/// from any thread.
class RequestContext
{
public:
    using HeaderList = QList<QPair<QByteArray, QByteArray>>;

    RequestContext() = default;

    /// Builds the context of a request. Any thread.
    static RequestContext create(const RequestHead &head, const QByteArray &body,
                                 const ConnectionInfo &connection);
    /// Builds a context from its parts (tests, tools). Any thread.
    static RequestContext create(const QByteArray &method, const QByteArray &target,
                                 const HeaderList &headers = {}, const QByteArray &body = {},
                                 const ConnectionInfo &connection = {});

    /// The method; Unknown for a method Qt does not name (see methodName()).
    QHttpServerRequest::Method method() const { return m_method; }
    /// The method token as sent.
    QByteArray methodName() const { return m_methodName; }
    /// The request-target as sent (may hold codes and tokens: never log it).
    QByteArray target() const { return m_target; }
    /// The percent-decoded path, without the query.
    QString path() const { return m_path; }
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    int httpMinorVersion() const { return m_minorVersion; }

    /// The query string as sent, without '?'.
    QByteArray rawQuery() const { return m_rawQuery; }
    /// The query parameters, decoded as application/x-www-form-urlencoded,
    /// repeats kept (RFC 6749 §3.1 duplicate checks: duplicateNames()).
    const ParameterList &queryParameters() const { return m_query; }
    /// The query as a QUrlQuery. Note that QUrlQuery does not turn '+' into
    /// a space; OAuth parameters should be read through queryParameters().
    QUrlQuery urlQuery() const;

    /// Every header field in order, names as sent; repeats stay separate.
    const HeaderList &headers() const { return m_headers; }
    /// The first value of the header `name` (case-insensitive), or null.
    QByteArray header(QByteArrayView name) const;
    /// Every value of the header `name` (case-insensitive), in order.
    QList<QByteArray> headerValues(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const { return !header(name).isNull(); }

    QByteArray body() const { return m_body; }
    /// The Content-Type's media type, lower case, without parameters.
    QByteArray mediaType() const;
    /// The body's parameters when the media type is
    /// application/x-www-form-urlencoded; empty otherwise. Repeats kept.
    const ParameterList &formParameters() const { return m_form; }

    /// The client's address: the TCP peer, or - only when the peer is a
    /// trusted proxy - the nearest untrusted address named by its
    /// `Forwarded` (RFC 7239) or else `X-Forwarded-For` header.
    QHostAddress remoteAddress() const { return m_remoteAddress; }
    /// The TCP peer's address, whatever the headers say.
    QHostAddress peerAddress() const { return m_peerAddress; }
    /// The request came over TLS on this connection.
    bool isTls() const { return m_tls; }
    /// TLS on this connection, or a trusted proxy said the client used https
    /// (`Forwarded: proto=https` or `X-Forwarded-Proto: https`).
    bool isSecure() const { return m_secure; }
    /// The issuer URL, exactly as configured (or derived from the bound
    /// address): the base for absolute URLs. Never taken from the Host header.
    QUrl baseUrl() const { return m_baseUrl; }

private:
    QHttpServerRequest::Method m_method = QHttpServerRequest::Method::Unknown;
    QByteArray m_methodName;
    QByteArray m_target;
    QString m_path;
    int m_minorVersion = 1;
    QByteArray m_rawQuery;
    ParameterList m_query;
    HeaderList m_headers;
    QByteArray m_body;
    ParameterList m_form;
    QHostAddress m_remoteAddress;
    QHostAddress m_peerAddress;
    bool m_tls = false;
    bool m_secure = false;
    QUrl m_baseUrl;
};

} // namespace lanyard
