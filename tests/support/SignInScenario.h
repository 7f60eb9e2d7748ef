// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BrowserClient.h"
#include "ProviderServicesFixture.h"

#include "model/Account.h"
#include "model/AuthorizationCode.h"
#include "model/Client.h"

#include <QList>
#include <QPair>
#include <QString>

#include <memory>
#include <optional>

namespace lanyard::test {

/// The browser side of sign-in, ready to drive over HTTP: a
/// ProviderServicesFixture seeded with standard clients and accounts and
/// serving the authorization endpoint, the interaction pages and the
/// stylesheet. Create and destroy on the test thread.
///
///     SignInScenario s;
///     QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
///     BrowserClient browser = s.browser();
///     auto done = s.signIn(browser, s.authorizeUrl(u"web"_s), u"alice"_s);
class SignInScenario
{
public:
    using Params = QList<QPair<QString, QString>>;

    /// The password of every seeded account.
    static QString password();
    /// RFC 7636 Appendix B verifier and its S256 challenge.
    static QString verifier();
    static QString challenge();

    /// Seeds the stores and, unless `serveNow` is false (to change
    /// fixture().services first), starts serving.
    explicit SignInScenario(bool serveNow = true);
    ~SignInScenario();
    SignInScenario(const SignInScenario &) = delete;
    SignInScenario &operator=(const SignInScenario &) = delete;

    /// Starts serving the sign-in endpoints (once).
    QString serve();

    /// Empty when construction (and serving) succeeded.
    QString error;

    ProviderServicesFixture &fixture() { return *m_fixture; }
    const std::shared_ptr<ProviderServices> &services() { return m_fixture->services; }
    MockClock &clock() { return *m_fixture->clock; }
    quint16 port() const { return m_fixture->port(); }
    static QString issuer() { return ProviderServicesFixture::issuer().toString(); }
    BrowserClient browser() const { return BrowserClient(m_fixture->port()); }

    /// Seeded clients:
    /// - "web": confidential, https://app.example/cb, name "Intranet",
    ///   openid profile email groups offline_access, refresh tokens allowed;
    /// - "spa": public, https://spa.example/callback?tenant=1;
    /// - "legacy": confidential with requirePkce off, https://legacy.example/cb;
    /// - "consent": requireConsent, https://consent.example/cb, a name with
    ///   HTML special characters;
    /// - "native": public, http://127.0.0.1/callback (any port).
    static Client client(const QString &clientId);
    /// Saves (or replaces) a client.
    QString saveClient(const Client &client);
    /// Seeded accounts: alice, bob (enabled), carol (disabled); subjects
    /// "sub-alice", "sub-bob", "sub-carol".
    Account account(const QString &username) const;
    QString saveAccount(const Account &account);

    /// response_type, client_id, redirect_uri, scope "openid profile",
    /// state "st-123", nonce "n-456", S256 challenge.
    static Params defaultParams(const QString &clientId);
    /// `params` with `name` set to `value` (removed when `value` is null).
    static Params with(Params params, const QString &name, const QString &value);
    /// `/authorize?` + the form-encoded `params`.
    static QString authorizeTarget(const Params &params);
    static QByteArray formEncode(const Params &params);
    static QString authorizeUrl(const QString &clientId)
    {
        return authorizeTarget(defaultParams(clientId));
    }

    /// Runs GET authorize; when it leads to the interaction page, GETs it and
    /// posts `username` and the password (or `password`). Returns the last
    /// response (the client redirect, the consent redirect, a form_post page
    /// or the failed login page); `interactionUrl` receives the page URL.
    BrowserClient::Response signIn(BrowserClient &browser, const QString &authorizeTarget,
                                   const QString &username,
                                   const QString &password = SignInScenario::password(),
                                   QString *interactionUrl = nullptr);

    /// The stored code for `code` (consumed by the look-up), if any.
    std::optional<AuthorizationCode> redeem(const QString &code);

private:
    std::unique_ptr<ProviderServicesFixture> m_fixture;
    bool m_serving = false;
};

} // namespace lanyard::test
