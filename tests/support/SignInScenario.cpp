// SPDX-License-Identifier: GPL-3.0-or-later
#include "SignInScenario.h"

#include "auth/OpaqueToken.h"
#include "crypto/PasswordHasher.h"
#include "endpoints/AuthorizationEndpoint.h"
#include "endpoints/InteractionEndpoint.h"
#include "endpoints/PageAssetEndpoint.h"
#include "store/AccountStore.h"
#include "store/ClientStore.h"
#include "store/CodeStore.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace lanyard::test {

QString SignInScenario::password()
{
    return u"correct horse battery staple"_s;
}

QString SignInScenario::verifier()
{
    return u"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"_s;
}

QString SignInScenario::challenge()
{
    return u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s;
}

SignInScenario::SignInScenario(bool serveNow)
    : m_fixture(std::make_unique<ProviderServicesFixture>())
{
    if (!m_fixture->error.isEmpty()) {
        error = m_fixture->error;
        return;
    }
    for (const QString &id : {u"web"_s, u"spa"_s, u"legacy"_s, u"consent"_s, u"native"_s}) {
        if (error = saveClient(client(id)); !error.isEmpty())
            return;
    }
    for (const QString &name : {u"alice"_s, u"bob"_s, u"carol"_s}) {
        if (error = saveAccount(account(name)); !error.isEmpty())
            return;
    }
    if (serveNow)
        error = serve();
}

SignInScenario::~SignInScenario() = default;

QString SignInScenario::serve()
{
    if (m_serving)
        return {};
    m_serving = true;
    const std::shared_ptr<const ProviderServices> services = m_fixture->services;
    return m_fixture->serve({std::make_shared<AuthorizationEndpoint>(services),
                             std::make_shared<InteractionEndpoint>(services),
                             std::make_shared<PageAssetEndpoint>()});
}

Client SignInScenario::client(const QString &clientId)
{
    Client client;
    client.clientId = clientId;
    client.secretHash = u"not-used-by-the-authorization-endpoint"_s;
    client.tokenEndpointAuthMethod = u"client_secret_basic"_s;
    if (clientId == u"web"_s) {
        client.clientName = u"Intranet"_s;
        client.redirectUris = {u"https://app.example/cb"_s};
        client.grantTypes = {u"authorization_code"_s, u"refresh_token"_s};
        client.scopes = {u"openid"_s, u"profile"_s, u"email"_s, u"groups"_s, u"offline_access"_s};
    } else if (clientId == u"spa"_s) {
        client.clientName = u"Single Page"_s;
        client.secretHash.clear();
        client.tokenEndpointAuthMethod = u"none"_s;
        client.redirectUris = {u"https://spa.example/callback?tenant=1"_s};
    } else if (clientId == u"legacy"_s) {
        client.clientName = u"Legacy"_s;
        client.requirePkce = false;
        client.redirectUris = {u"https://legacy.example/cb"_s};
    } else if (clientId == u"consent"_s) {
        client.clientName = u"Tom & \"Jerry\" <Apps>"_s;
        client.requireConsent = true;
        client.redirectUris = {u"https://consent.example/cb"_s};
    } else if (clientId == u"native"_s) {
        client.clientName = u"Desktop"_s;
        client.secretHash.clear();
        client.tokenEndpointAuthMethod = u"none"_s;
        client.redirectUris = {u"http://127.0.0.1/callback"_s};
    }
    return client;
}

QString SignInScenario::saveClient(const Client &client)
{
    auto saved = m_fixture->services->clients->save(client);
    return saved ? QString() : saved.error().message;
}

Account SignInScenario::account(const QString &username) const
{
    Account account;
    account.username = username;
    account.subject = u"sub-"_s + username;
    account.claims = {{u"name"_s, username}};
    account.disabled = username == u"carol"_s;
    auto hash = m_fixture->services->passwordHasher->hash(password());
    account.passwordHash = hash ? *hash : QString();
    return account;
}

QString SignInScenario::saveAccount(const Account &account)
{
    auto saved = m_fixture->services->accounts->save(account);
    return saved ? QString() : saved.error().message;
}

SignInScenario::Params SignInScenario::defaultParams(const QString &clientId)
{
    const Client c = client(clientId);
    return {
        {u"response_type"_s, u"code"_s},
        {u"client_id"_s, clientId},
        {u"redirect_uri"_s, c.redirectUris.value(0)},
        {u"scope"_s, u"openid profile"_s},
        {u"state"_s, u"st-123"_s},
        {u"nonce"_s, u"n-456"_s},
        {u"code_challenge"_s, challenge()},
        {u"code_challenge_method"_s, u"S256"_s},
    };
}

SignInScenario::Params SignInScenario::with(Params params, const QString &name,
                                            const QString &value)
{
    bool replaced = false;
    for (qsizetype i = params.size() - 1; i >= 0; --i) {
        if (params.at(i).first != name)
            continue;
        if (value.isNull() || replaced) {
            params.removeAt(i);
        } else {
            params[i].second = value;
            replaced = true;
        }
    }
    if (!replaced && !value.isNull())
        params.append({name, value});
    return params;
}

QByteArray SignInScenario::formEncode(const Params &params)
{
    QByteArrayList pairs;
    for (const auto &[name, value] : params)
        pairs.append(QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value));
    return pairs.join('&');
}

QString SignInScenario::authorizeTarget(const Params &params)
{
    return u"/authorize?"_s + QString::fromLatin1(formEncode(params));
}

BrowserClient::Response SignInScenario::signIn(BrowserClient &browser,
                                               const QString &authorizeTarget,
                                               const QString &username, const QString &secret,
                                               QString *interactionUrl)
{
    BrowserClient::Response response = browser.get(authorizeTarget);
    const QByteArray location = response.header("location");
    if (response.status != 302 || !location.startsWith(issuer().toUtf8() + "/interaction"))
        return response;
    const QString page = QString::fromUtf8(location);
    if (interactionUrl)
        *interactionUrl = page;
    response = browser.get(page);
    if (response.status != 200)
        return response;
    const QString csrf = BrowserClient::inputValue(response.body, u"csrf_token"_s);
    return browser.post(
        page, {{u"csrf_token"_s, csrf}, {u"username"_s, username}, {u"password"_s, secret}});
}

std::optional<AuthorizationCode> SignInScenario::redeem(const QString &code)
{
    auto redeemed =
        m_fixture->services->codes->redeem(OpaqueToken::hashOf(code), m_fixture->clock->now());
    if (!redeemed || redeemed->outcome != CodeStore::Redemption::Outcome::Redeemed)
        return std::nullopt;
    return redeemed->code;
}

} // namespace lanyard::test
