// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpTestClient.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace lanyard::test {

/// A minimal browser for sign-in tests over real HTTP: keeps the cookies the
/// server sets (Set-Cookie, Max-Age=0 deletes) and sends them back, sends
/// forms as application/x-www-form-urlencoded, and lets the test decide
/// which redirects to follow. Every request uses a fresh connection
/// (`Connection: close`). Test thread only.
class BrowserClient
{
public:
    using Response = HttpTestClient::Response;
    using Form = QList<QPair<QString, QString>>;

    explicit BrowserClient(quint16 port);

    /// GET `target`: a path with query ("/authorize?..."), or an absolute URL
    /// of the provider, whose scheme and authority are dropped. A failed
    /// exchange gives a Response with status 0.
    Response get(const QString &target, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    /// POST `form` to `target`.
    Response post(const QString &target, const Form &form,
                  const QList<QPair<QByteArray, QByteArray>> &headers = {});
    /// The same request with an arbitrary body and content type.
    Response send(const QByteArray &method, const QString &target, const QByteArray &body,
                  const QList<QPair<QByteArray, QByteArray>> &headers = {});

    /// The value of cookie `name`, or null.
    QByteArray cookie(const QByteArray &name) const { return m_cookies.value(name); }
    bool hasCookie(const QByteArray &name) const { return m_cookies.contains(name); }
    void setCookie(const QByteArray &name, const QByteArray &value) { m_cookies[name] = value; }
    void removeCookie(const QByteArray &name) { m_cookies.remove(name); }
    void clearCookies() { m_cookies.clear(); }
    /// Every Set-Cookie value of the last response, as sent.
    QList<QByteArray> lastSetCookies() const { return m_lastSetCookies; }
    /// The last Set-Cookie value for cookie `name` seen so far, as sent.
    QByteArray setCookieHeader(const QByteArray &name) const
    {
        return m_setCookieHeaders.value(name);
    }

    /// The value attribute of the `<input>` whose name is `name`, unescaped;
    /// null when absent.
    static QString inputValue(const QByteArray &html, const QString &name);
    /// The query of a Location header (or any URL).
    static QUrlQuery locationQuery(const QByteArray &location);
    /// The URL without its query.
    static QString withoutQuery(const QByteArray &location);
    /// `&amp;` `&lt;` `&gt;` `&quot;` `&#39;` back to characters.
    static QString unescapeHtml(const QString &text);
    /// Path and query of an absolute URL (or `target` unchanged).
    static QString pathAndQuery(const QString &target);

private:
    void remember(const Response &response);

    quint16 m_port;
    QMap<QByteArray, QByteArray> m_cookies;
    QMap<QByteArray, QByteArray> m_setCookieHeaders;
    QList<QByteArray> m_lastSetCookies;
};

} // namespace lanyard::test
