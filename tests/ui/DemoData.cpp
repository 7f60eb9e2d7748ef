// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoData.h"

#include "BackendFixture.h"
#include "BrowserClient.h"

#include "admin/ImportService.h"
#include "admin/KeyService.h"
#include "backend/Backend.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

#include <optional>

using namespace Qt::StringLiterals;

namespace lanyard::test {

namespace {

struct DemoClient
{
    QString id;
    QString name;
    QString redirectUri;
    QString secret; // empty: public client
};

const QList<DemoClient> &demoClients()
{
    static const QList<DemoClient> clients{
        {u"intranet"_s, u"Intranet"_s, u"https://intranet.example.com/callback"_s,
         u"demo-intranet-secret-0123456789abcdef0123456789"_s},
        {u"grafana"_s, u"Grafana"_s, u"https://grafana.example.com/login/generic_oauth"_s,
         u"demo-grafana-secret-0123456789abcdef01234567890"_s},
        {u"nextcloud"_s, u"Nextcloud"_s, u"https://cloud.example.com/apps/user_oidc/code"_s,
         u"demo-nextcloud-secret-0123456789abcdef012345678"_s},
        {u"gitea"_s, u"Gitea"_s, u"https://git.example.com/user/oauth2/lanyard/callback"_s,
         u"demo-gitea-secret-0123456789abcdef0123456789012"_s},
        {u"wiki"_s, u"Team wiki"_s, u"https://wiki.example.com/oauth2/callback"_s, {}},
    };
    return clients;
}

struct DemoAccount
{
    QString username;
    QString given;
    QString family;
    QStringList groups;
    bool disabled = false;
};

const QList<DemoAccount> &demoAccounts()
{
    static const QList<DemoAccount> accounts{
        {u"alice"_s, u"Alice"_s, u"Martin"_s, {u"staff"_s, u"admins"_s}},
        {u"bob"_s, u"Bob"_s, u"Chen"_s, {u"staff"_s, u"engineering"_s}},
        {u"carol"_s, u"Carol"_s, u"Nguyen"_s, {u"staff"_s, u"finance"_s}},
        {u"dave"_s, u"Dave"_s, u"Okafor"_s, {u"staff"_s, u"engineering"_s}},
        {u"erin"_s, u"Erin"_s, u"Rossi"_s, {u"staff"_s}},
        {u"frank"_s, u"Frank"_s, u"Weber"_s, {u"contractors"_s}, true},
    };
    return accounts;
}

QByteArray importDocument()
{
    QJsonArray clients;
    for (const DemoClient &c : demoClients()) {
        QJsonObject client{
            {u"client_id"_s, c.id},
            {u"client_name"_s, c.name},
            {u"redirect_uris"_s, QJsonArray{c.redirectUri}},
            {u"grant_types"_s, QJsonArray{u"authorization_code"_s, u"refresh_token"_s}},
            {u"response_types"_s, QJsonArray{u"code"_s}},
            {u"scope"_s, u"openid profile email groups offline_access"_s},
        };
        if (c.secret.isEmpty()) {
            client[u"token_endpoint_auth_method"_s] = u"none"_s;
        } else {
            client[u"client_secret"_s] = c.secret;
            client[u"token_endpoint_auth_method"_s] = u"client_secret_basic"_s;
            const QUrl redirect(c.redirectUri);
            client[u"post_logout_redirect_uris"_s] =
                QJsonArray{redirect.adjusted(QUrl::RemovePath).toString() + u"/"_s};
        }
        clients.append(client);
    }
    clients.append(QJsonObject{
        {u"client_id"_s, u"backup-service"_s},
        {u"client_name"_s, u"Nightly backup"_s},
        {u"client_secret"_s, u"demo-backup-secret-0123456789abcdef0123456789012"_s},
        {u"grant_types"_s, QJsonArray{u"client_credentials"_s}},
        {u"response_types"_s, QJsonArray{}},
        {u"redirect_uris"_s, QJsonArray{}},
        {u"token_endpoint_auth_method"_s, u"client_secret_post"_s},
        {u"scope"_s, u"backup"_s},
    });

    QJsonArray accounts;
    for (const DemoAccount &a : demoAccounts()) {
        QJsonArray groups;
        for (const QString &g : a.groups)
            groups.append(g);
        accounts.append(QJsonObject{
            {u"username"_s, a.username},
            {u"password"_s, DemoData::password()},
            {u"name"_s, a.given + u' ' + a.family},
            {u"given_name"_s, a.given},
            {u"family_name"_s, a.family},
            {u"email"_s, u"%1.%2@example.com"_s.arg(a.given.toLower(), a.family.toLower())},
            {u"email_verified"_s, true},
            {u"groups"_s, groups},
            {u"disabled"_s, a.disabled},
        });
    }
    return QJsonDocument(QJsonObject{{u"clients"_s, clients}, {u"accounts"_s, accounts}})
        .toJson(QJsonDocument::Compact);
}

/// One browser: its own cookies and user agent, redirects not followed.
class Browser
{
public:
    explicit Browser(QByteArray userAgent) : m_userAgent(std::move(userAgent))
    {
        m_network.setProxy(QNetworkProxy::NoProxy);
        m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }

    struct Reply
    {
        int status = 0;
        QByteArray body;
        QUrl location;
        QString error;
    };

    Reply get(const QUrl &url) { return send(url, {}, false, {}); }
    Reply post(const QUrl &url, const QUrlQuery &form, const QByteArray &authorization = {})
    {
        return send(url, form.toString(QUrl::FullyEncoded).toUtf8(), true, authorization);
    }

private:
    Reply send(const QUrl &url, const QByteArray &body, bool post, const QByteArray &authorization)
    {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        QNetworkReply *reply = nullptr;
        if (post) {
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              u"application/x-www-form-urlencoded"_s);
            reply = m_network.post(request, body);
        } else {
            reply = m_network.get(request);
        }
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(15'000, &loop, &QEventLoop::quit);
        loop.exec();
        Reply result;
        if (!reply->isFinished()) {
            result.error = u"no answer from %1"_s.arg(url.toString());
            reply->abort();
        } else {
            result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            result.body = reply->readAll();
            const QByteArray location = reply->rawHeader("Location");
            if (!location.isEmpty())
                result.location = url.resolved(QUrl::fromEncoded(location));
        }
        reply->deleteLater();
        return result;
    }

    QNetworkAccessManager m_network;
    QByteArray m_userAgent;
};

/// RFC 7636 Appendix B's verifier and its S256 challenge.
const QString Verifier = u"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"_s;
const QString Challenge = u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s;

bool isRedirect(int status)
{
    return status == 302 || status == 303;
}

struct Endpoints
{
    QUrl authorization;
    QUrl token;
};

/// Signs `username` in to `client` in `browser` and redeems the code at the
/// token endpoint. A browser with a session skips the login form (single
/// sign-on). `password` wrong: stops at the login form again.
QString signIn(Browser &browser, const Endpoints &endpoints, const DemoClient &client,
               const QString &username, const QString &password)
{
    QUrl authorize = endpoints.authorization;
    QUrlQuery query;
    query.addQueryItem(u"response_type"_s, u"code"_s);
    query.addQueryItem(u"client_id"_s, client.id);
    query.addQueryItem(u"redirect_uri"_s, client.redirectUri);
    query.addQueryItem(u"scope"_s, u"openid profile email groups"_s);
    query.addQueryItem(u"state"_s, u"demo-state"_s);
    query.addQueryItem(u"nonce"_s, u"demo-nonce"_s);
    query.addQueryItem(u"code_challenge"_s, Challenge);
    query.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
    authorize.setQuery(query);

    Browser::Reply reply = browser.get(authorize);
    if (!isRedirect(reply.status))
        return u"authorize for %1 answered %2"_s.arg(client.id).arg(reply.status);
    if (!reply.location.toString().startsWith(client.redirectUri)) {
        // The login page.
        const QUrl page = reply.location;
        reply = browser.get(page);
        if (reply.status != 200)
            return u"the login page answered %1"_s.arg(reply.status);
        QUrlQuery form;
        form.addQueryItem(u"csrf_token"_s, BrowserClient::inputValue(reply.body, u"csrf_token"_s));
        form.addQueryItem(u"username"_s, username);
        form.addQueryItem(u"password"_s, password);
        reply = browser.post(page, form);
        if (password != DemoData::password())
            return !isRedirect(reply.status) && reply.status != 0
                       ? QString()
                       : u"a wrong password answered %1"_s.arg(reply.status);
        // Back to the authorization endpoint (303 See Other) and on to the client.
        for (int hop = 0; hop < 5 && isRedirect(reply.status) &&
                          !reply.location.toString().startsWith(client.redirectUri);
             ++hop)
            reply = browser.get(reply.location);
        if (!isRedirect(reply.status))
            return u"signing %1 in answered %2"_s.arg(username).arg(reply.status);
    }
    const QString code = QUrlQuery(reply.location).queryItemValue(u"code"_s);
    if (code.isEmpty())
        return u"no code for %1 at %2: %3"_s.arg(client.id, reply.location.toString(),
                                                 QString::fromUtf8(reply.body.left(200)));

    QUrlQuery token;
    token.addQueryItem(u"grant_type"_s, u"authorization_code"_s);
    token.addQueryItem(u"code"_s, code);
    token.addQueryItem(u"redirect_uri"_s, client.redirectUri);
    token.addQueryItem(u"code_verifier"_s, Verifier);
    QByteArray authorization;
    if (client.secret.isEmpty()) {
        token.addQueryItem(u"client_id"_s, client.id);
    } else {
        // RFC 6749 §2.3.1: form-urlencoded id and secret, then Base64.
        const QByteArray pair =
            QUrl::toPercentEncoding(client.id) + ':' + QUrl::toPercentEncoding(client.secret);
        authorization = "Basic " + pair.toBase64();
    }
    reply = browser.post(endpoints.token, token, authorization);
    if (reply.status != 200)
        return u"the token endpoint answered %1: %2"_s.arg(reply.status)
            .arg(QString::fromUtf8(reply.body.left(200)));
    return {};
}

/// An hour of earlier office traffic: sign-ins (some failed) and the tokens
/// they led to, published with their past times.
void publishHistory(EventBus *bus)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QRandomGenerator random(20240305); // the same picture every run
    const QList<DemoAccount> &accounts = demoAccounts();
    const QList<DemoClient> &clients = demoClients();
    for (int minutesAgo = 59; minutesAgo >= 1; --minutesAgo) {
        // Busier at the start of the hour (people arriving), a quiet middle.
        const int base = minutesAgo > 40 ? 4 : minutesAgo > 15 ? 1 : 2;
        const int succeeded = static_cast<int>(random.bounded(base + 1));
        const int failed = random.bounded(6) == 0 ? 1 + static_cast<int>(random.bounded(2)) : 0;
        for (int i = 0; i < succeeded + failed; ++i) {
            const DemoAccount &account =
                accounts.at(random.bounded(static_cast<int>(accounts.size()) - 1));
            const DemoClient &client = clients.at(random.bounded(static_cast<int>(clients.size())));
            Event event;
            event.time = now.addSecs(-minutesAgo * 60 + static_cast<int>(random.bounded(60)));
            event.type =
                QString(i < succeeded ? event_type::LoginSucceeded : event_type::LoginFailed);
            event.success = i < succeeded;
            event.username = account.username;
            event.clientId = client.id;
            event.sourceAddress = u"192.168.10.%1"_s.arg(20 + random.bounded(40));
            if (!event.success)
                event.details = {{u"reason"_s, u"wrong password"_s}};
            bus->publish(event);
            if (event.success) {
                Event token = event;
                token.type = QString(event_type::TokenIssued);
                token.time = event.time.addSecs(1);
                token.details = {{u"grant_type"_s, u"authorization_code"_s}};
                bus->publish(token);
            }
        }
    }
}

} // namespace

QString DemoData::password()
{
    return u"correct horse battery staple"_s;
}

QString DemoData::seed(ui::Backend *backend)
{
    if (!backend->status().isRunning())
        return u"the server is not running"_s;

    auto imported = BackendFixture::wait(
        backend->run([service = backend->importService(), json = importDocument()] {
            return service.importJson(json, ui::Backend::actor());
        }));
    if (!imported) {
        QStringList problems;
        for (const auto &problem : imported.error())
            problems.append(problem.toString());
        return u"import failed: "_s + problems.join(u"; "_s);
    }

    publishHistory(backend->events());

    // The real flow, as relying parties and browsers do it.
    const QUrl issuer = backend->status().issuer;
    Browser discovery("curl/7.88.1");
    QUrl discoveryUrl = issuer;
    discoveryUrl.setPath(issuer.path() + u"/.well-known/openid-configuration"_s);
    const Browser::Reply document = discovery.get(discoveryUrl);
    if (document.status != 200)
        return u"discovery answered %1"_s.arg(document.status);
    const QJsonObject metadata = QJsonDocument::fromJson(document.body).object();
    const Endpoints endpoints{QUrl(metadata.value(u"authorization_endpoint"_s).toString()),
                              QUrl(metadata.value(u"token_endpoint"_s).toString())};

    const auto client = [](const QString &id) {
        for (const DemoClient &c : demoClients())
            if (c.id == id)
                return c;
        return DemoClient{};
    };
    Browser firefox("Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0");
    Browser chrome("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
                   "Gecko) Chrome/124.0.0.0 Safari/537.36");
    Browser safari("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, "
                   "like Gecko) Version/17.4 Safari/605.1.15");
    Browser edge("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
                 "Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51");
    const struct
    {
        Browser *browser;
        QString client;
        QString username;
        QString password;
    } steps[] = {
        {&firefox, u"intranet"_s, u"alice"_s, password()},
        {&firefox, u"gitea"_s, u"alice"_s, password()}, // single sign-on
        {&chrome, u"grafana"_s, u"bob"_s, password()},
        {&chrome, u"wiki"_s, u"bob"_s, password()},
        {&safari, u"nextcloud"_s, u"carol"_s, password()},
        {&edge, u"intranet"_s, u"dave"_s, u"Tr0ub4dor&3"_s}, // wrong password
        {&edge, u"intranet"_s, u"dave"_s, password()},
    };
    for (const auto &step : steps) {
        const QString failed =
            signIn(*step.browser, endpoints, client(step.client), step.username, step.password);
        if (!failed.isEmpty())
            return failed;
    }

    // A key rotation in progress: the new RS256 key is published, signing soon.
    auto rotated = BackendFixture::wait(
        backend->run([keys = backend->keyService()] { return keys.rotate(u"RS256"_s); }));
    if (!rotated)
        return u"key rotation failed: "_s + rotated.error().message;

    auto flushed =
        BackendFixture::wait(backend->run([bus = backend->events()] { return bus->flush(); }));
    if (!flushed)
        return u"writing the events failed: "_s + flushed.error().message;
    return {};
}

} // namespace lanyard::test
