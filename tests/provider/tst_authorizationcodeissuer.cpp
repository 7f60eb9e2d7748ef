// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderServicesFixture.h"

#include "auth/AuthorizationCodeIssuer.h"
#include "auth/OpaqueToken.h"
#include "core/Protocol.h"
#include "store/AccountStore.h"
#include "store/ClientStore.h"
#include "store/CodeStore.h"
#include "store/SessionStore.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::ProviderServicesFixture;

namespace {

const QString Alice = u"sub-alice-codes"_s;

int codeRows(const ProviderServicesFixture &f)
{
    QSqlQuery query(f.database->db->connection());
    return query.exec(u"SELECT COUNT(*) FROM authorization_codes"_s) && query.next()
               ? query.value(0).toInt()
               : -1;
}

} // namespace

/// AuthorizationCodeIssuer: the code and the session's record of the client
/// are written together or not at all.
class TestAuthorizationCodeIssuer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void codeAndSessionTogether();
    void noCodeWithoutItsSession();

private:
    AuthorizationRequest request() const;

    std::unique_ptr<ProviderServicesFixture> m_f;
    Session m_session;
};

void TestAuthorizationCodeIssuer::initTestCase()
{
    m_f = std::make_unique<ProviderServicesFixture>();
    QVERIFY2(m_f->error.isEmpty(), qPrintable(m_f->error));
    Client web;
    web.clientId = u"web"_s;
    web.redirectUris = {u"https://web.example/cb"_s};
    QVERIFY(m_f->services->clients->save(web).ok());
    Account alice;
    alice.subject = Alice;
    alice.username = u"alice"_s;
    QVERIFY(m_f->services->accounts->save(alice).ok());
    m_session.id = u"sid-codes"_s;
    m_session.cookieHash = u"cookie-hash"_s;
    m_session.subject = Alice;
    m_session.authTime = m_f->clock->now();
    m_session.createdAt = m_session.authTime;
    m_session.lastActiveAt = m_session.authTime;
    m_session.expiresAt = m_session.authTime.addSecs(3600);
    QVERIFY(m_f->services->sessions->create(m_session).ok());
}

AuthorizationRequest TestAuthorizationCodeIssuer::request() const
{
    AuthorizationRequest r;
    r.clientId = u"web"_s;
    r.redirectUri = u"https://web.example/cb"_s;
    r.scopes = {u"openid"_s};
    r.codeChallenge = u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s;
    r.codeChallengeMethod = u"S256"_s;
    return r;
}

void TestAuthorizationCodeIssuer::codeAndSessionTogether()
{
    const int before = codeRows(*m_f);
    const AuthorizationCodeIssuer issuer(m_f->services);
    const auto code = issuer.issue(request(), m_session);
    QVERIFY2(code.ok(), code.ok() ? "" : qPrintable(code.error().detail()));
    QCOMPARE(codeRows(*m_f), before + 1);
    const auto stored = m_f->services->codes->redeem(OpaqueToken::hashOf(*code), m_f->clock->now());
    QVERIFY(stored.ok());
    QCOMPARE(stored->code.sessionId, m_session.id);
    const auto sessions = m_f->services->sessions->list(Alice);
    QVERIFY(sessions.ok() && sessions->size() == 1);
    QVERIFY(sessions->first().clientIds.contains(u"web"_s));
}

void TestAuthorizationCodeIssuer::noCodeWithoutItsSession()
{
    // The session ended (logout in another tab) before the code was issued:
    // touching it fails, and the code saved just before must go too.
    Session gone = m_session;
    gone.id = u"sid-gone"_s;
    const int before = codeRows(*m_f);
    const AuthorizationCodeIssuer issuer(m_f->services);
    const auto code = issuer.issue(request(), gone);
    QVERIFY(!code.ok());
    QCOMPARE(code.error().code(), QString(proto::error::ServerError));
    QCOMPARE(codeRows(*m_f), before);
}

QTEST_GUILESS_MAIN(TestAuthorizationCodeIssuer)
#include "tst_authorizationcodeissuer.moc"
