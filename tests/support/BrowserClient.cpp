// SPDX-License-Identifier: GPL-3.0-or-later
#include "BrowserClient.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace lanyard::test {

BrowserClient::BrowserClient(quint16 port) : m_port(port) {}

QString BrowserClient::pathAndQuery(const QString &target)
{
    const qsizetype scheme = target.indexOf(u"://"_s);
    if (scheme < 0)
        return target;
    const qsizetype path = target.indexOf(u'/', scheme + 3);
    return path < 0 ? u"/"_s : target.mid(path);
}

BrowserClient::Response BrowserClient::send(const QByteArray &method, const QString &target,
                                            const QByteArray &body,
                                            const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray bytes = method + ' ' + pathAndQuery(target).toUtf8() +
                       " HTTP/1.1\r\nHost: op.example.test\r\nUser-Agent: lanyard-test\r\n";
    if (!m_cookies.isEmpty()) {
        QByteArrayList pairs;
        for (auto it = m_cookies.cbegin(); it != m_cookies.cend(); ++it)
            pairs.append(it.key() + '=' + it.value());
        bytes += "Cookie: " + pairs.join("; ") + "\r\n";
    }
    for (const auto &[name, value] : headers)
        bytes += name + ": " + value + "\r\n";
    if (!body.isEmpty() || method == "POST")
        bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    bytes += "Connection: close\r\n\r\n" + body;
    const auto response = HttpTestClient::exchange(m_port, bytes, method == "HEAD");
    if (!response)
        return {};
    remember(*response);
    return *response;
}

BrowserClient::Response BrowserClient::get(const QString &target,
                                           const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("GET"_ba, target, {}, headers);
}

BrowserClient::Response BrowserClient::post(const QString &target, const Form &form,
                                            const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArrayList pairs;
    for (const auto &[name, value] : form)
        pairs.append(QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value));
    QList<QPair<QByteArray, QByteArray>> all = headers;
    all.prepend({"Content-Type"_ba, "application/x-www-form-urlencoded"_ba});
    return send("POST"_ba, target, pairs.join('&'), all);
}

void BrowserClient::remember(const Response &response)
{
    m_lastSetCookies = response.headerValues("set-cookie");
    for (const QByteArray &header : m_lastSetCookies) {
        const QList<QByteArray> parts = header.split(';');
        const QByteArray pair = parts.first().trimmed();
        const qsizetype equals = pair.indexOf('=');
        if (equals <= 0)
            continue;
        const QByteArray name = pair.left(equals);
        m_setCookieHeaders[name] = header;
        bool expired = false;
        for (const QByteArray &attribute : parts.mid(1)) {
            const QByteArray a = attribute.trimmed().toLower();
            if (a.startsWith("max-age=") && a.mid(8).toLongLong() <= 0)
                expired = true;
        }
        if (expired)
            m_cookies.remove(name);
        else
            m_cookies[name] = pair.mid(equals + 1);
    }
}

QString BrowserClient::unescapeHtml(const QString &text)
{
    QString out = text;
    out.replace(u"&lt;"_s, u"<"_s);
    out.replace(u"&gt;"_s, u">"_s);
    out.replace(u"&quot;"_s, u"\""_s);
    out.replace(u"&#39;"_s, u"'"_s);
    out.replace(u"&amp;"_s, u"&"_s);
    return out;
}

QString BrowserClient::inputValue(const QByteArray &html, const QString &name)
{
    const QString text = QString::fromUtf8(html);
    static const QRegularExpression input(u"<input\\b[^>]*>"_s);
    const QRegularExpression nameAttribute(
        u"\\bname=\"%1\""_s.arg(QRegularExpression::escape(name)));
    static const QRegularExpression valueAttribute(u"\\bvalue=\"([^\"]*)\""_s);
    auto it = input.globalMatch(text);
    while (it.hasNext()) {
        const QString tag = it.next().captured(0);
        if (!nameAttribute.match(tag).hasMatch())
            continue;
        const auto value = valueAttribute.match(tag);
        return value.hasMatch() ? unescapeHtml(value.captured(1)) : u""_s;
    }
    return {};
}

QUrlQuery BrowserClient::locationQuery(const QByteArray &location)
{
    const QUrl url = QUrl::fromEncoded(location);
    // QUrlQuery keeps '+' as is; the provider encodes spaces as %20.
    return QUrlQuery(url.query(QUrl::FullyEncoded));
}

QString BrowserClient::withoutQuery(const QByteArray &location)
{
    const QString text = QString::fromUtf8(location);
    const qsizetype question = text.indexOf(u'?');
    return question < 0 ? text : text.left(question);
}

} // namespace lanyard::test
