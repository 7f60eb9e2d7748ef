// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"

#include "admin/SessionService.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "events/SessionEndNotifier.h"
#include "store/SqlAccountStore.h"
#include "store/SqlClientStore.h"
#include "store/SqlConsentStore.h"
#include "store/SqlEventStore.h"
#include "store/SqlSessionStore.h"
#include "store/SqlTokenStore.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

namespace {

const QDateTime T0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
const QString Alice = u"sub-alice"_s;
const QString Bob = u"sub-bob"_s;

} // namespace

class TestSessionService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void listShowsLiveSessionsWithTheirAccount();
    void endRevokesItsFamiliesButNotOfflineOnes();
    void endUnknownSession();
    void endAllEndsEverySessionOfOneAccount();
    void revokeClientGrantRevokesConsentAndFamiliesOfThePair();
    void revokeClientGrantNeedsBoth();

private:
    SessionService service() const;
    void addSession(const QString &id, const QString &subject, qint64 startOffset,
                    const QStringList &clients = {}, qint64 lifetime = 3600);
    /// A family with one stored refresh token; an empty session id is an
    /// offline_access family.
    void addFamily(const QString &familyId, const QString &clientId, const QString &subject,
                   const QString &sessionId);
    bool revoked(const QString &familyId) const;
    QList<Event> events(const QString &type) const;

    std::shared_ptr<MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_t;
    std::shared_ptr<SqlSessionStore> m_sessions;
    std::shared_ptr<SqlAccountStore> m_accounts;
    std::shared_ptr<SqlTokenStore> m_tokens;
    std::shared_ptr<SqlConsentStore> m_consents;
    std::unique_ptr<EventBus> m_bus;
    std::unique_ptr<SessionEndNotifier> m_notifier;
    QList<Event> m_events;
};

void TestSessionService::init()
{
    m_clock = std::make_shared<MockClock>(T0);
    m_t = std::make_unique<TestDatabase>(m_clock);
    QVERIFY2(m_t->db, qPrintable(m_t->error));
    m_sessions = std::make_shared<SqlSessionStore>(m_t->db);
    m_accounts = std::make_shared<SqlAccountStore>(m_t->db);
    m_tokens = std::make_shared<SqlTokenStore>(m_t->db);
    m_consents = std::make_shared<SqlConsentStore>(m_t->db);
    m_bus = std::make_unique<EventBus>(std::make_shared<SqlEventStore>(m_t->db), m_clock);
    m_notifier = std::make_unique<SessionEndNotifier>();
    m_events.clear();
    connect(m_bus.get(), &EventBus::published, this,
            [this](const Event &event) { m_events.append(event); });
    for (const auto &[subject, username] :
         {std::pair{Alice, u"alice"_s}, std::pair{Bob, u"bob"_s}}) {
        Account account;
        account.subject = subject;
        account.username = username;
        QVERIFY(m_accounts->save(account).ok());
    }
    for (const QString &id : {u"app"_s, u"other"_s}) {
        Client client;
        client.clientId = id;
        client.redirectUris = {u"https://%1.example/cb"_s.arg(id)};
        QVERIFY(SqlClientStore(m_t->db).save(client).ok());
    }
}

void TestSessionService::cleanup()
{
    m_bus.reset();
    m_notifier.reset();
    m_sessions.reset();
    m_accounts.reset();
    m_tokens.reset();
    m_consents.reset();
    m_t.reset();
}

SessionService TestSessionService::service() const
{
    return SessionService({m_t->db, m_sessions, m_accounts, m_tokens, m_consents, m_clock,
                           m_bus.get(), m_notifier.get()});
}

void TestSessionService::addSession(const QString &id, const QString &subject, qint64 startOffset,
                                    const QStringList &clients, qint64 lifetime)
{
    Session session;
    session.id = id;
    session.cookieHash = u"cookie-"_s + id;
    session.subject = subject;
    session.createdAt = T0.addSecs(startOffset);
    session.authTime = session.createdAt;
    session.lastActiveAt = session.createdAt.addSecs(5);
    session.expiresAt = session.createdAt.addSecs(lifetime);
    session.amr = {u"pwd"_s};
    session.sourceAddress = u"192.0.2.7"_s;
    session.userAgent = u"Mozilla/5.0 (X11; Linux x86_64) Firefox/115.0"_s;
    session.clientIds = clients;
    QVERIFY(m_sessions->create(session).ok());
}

void TestSessionService::addFamily(const QString &familyId, const QString &clientId,
                                   const QString &subject, const QString &sessionId)
{
    QVERIFY(m_tokens->createFamily(familyId, clientId, subject, sessionId, T0, T0.addSecs(86'400))
                .ok());
    TokenRecord token;
    token.tokenHash = u"hash-"_s + familyId;
    token.clientId = clientId;
    token.subject = subject;
    token.familyId = familyId;
    token.sessionId = sessionId;
    token.issuedAt = T0;
    token.expiresAt = T0.addSecs(86'400);
    QVERIFY(m_tokens->save(token).ok());
}

bool TestSessionService::revoked(const QString &familyId) const
{
    const auto family = m_tokens->isFamilyRevoked(familyId);
    const auto token = m_tokens->find(u"hash-"_s + familyId);
    if (!family.ok() || !token.ok() || !token->has_value())
        qFatal("cannot read family %s", qPrintable(familyId));
    if (*family != (*token)->revokedAt.isValid())
        qFatal("family %s and its token disagree", qPrintable(familyId));
    return *family;
}

QList<Event> TestSessionService::events(const QString &type) const
{
    QList<Event> found;
    for (const Event &event : m_events)
        if (event.type == type)
            found.append(event);
    return found;
}

void TestSessionService::listShowsLiveSessionsWithTheirAccount()
{
    addSession(u"s-old"_s, Alice, -600, {u"app"_s, u"other"_s});
    addSession(u"s-new"_s, Bob, -60, {u"app"_s});
    addSession(u"s-expired"_s, Alice, -7200, {}, 3600);

    const auto all = service().list();
    QVERIFY2(all.ok(), qPrintable(all.error().message));
    QCOMPARE(all->size(), 2);
    // Newest first; expired sessions are not listed.
    QCOMPARE(all->at(0).id, u"s-new"_s);
    QCOMPARE(all->at(1).id, u"s-old"_s);
    const SessionInfo &info = all->at(1);
    QCOMPARE(info.subject, Alice);
    QCOMPARE(info.username, u"alice"_s);
    QCOMPARE(info.createdAt, T0.addSecs(-600));
    QCOMPARE(info.authTime, T0.addSecs(-600));
    QCOMPARE(info.lastActiveAt, T0.addSecs(-595));
    QCOMPARE(info.expiresAt, T0.addSecs(3000));
    QCOMPARE(info.sourceAddress, u"192.0.2.7"_s);
    QCOMPARE(info.userAgent, u"Mozilla/5.0 (X11; Linux x86_64) Firefox/115.0"_s);
    QCOMPARE(info.clientIds, (QStringList{u"app"_s, u"other"_s}));
    QCOMPARE(all->at(0).username, u"bob"_s);

    const auto alices = service().list(Alice);
    QVERIFY(alices.ok());
    QCOMPARE(alices->size(), 1);
    QCOMPARE(alices->first().id, u"s-old"_s);
    QCOMPARE(alices->first().username, u"alice"_s);

    // Once a session expires it disappears from the list.
    m_clock->set(T0.addSecs(3000));
    QCOMPARE(service().list()->size(), 1);
}

void TestSessionService::endRevokesItsFamiliesButNotOfflineOnes()
{
    addSession(u"s1"_s, Alice, -60, {u"app"_s});
    addSession(u"s2"_s, Alice, -30, {u"app"_s});
    addFamily(u"f-session"_s, u"app"_s, Alice, u"s1"_s);
    addFamily(u"f-offline"_s, u"app"_s, Alice, QString());
    addFamily(u"f-other-session"_s, u"app"_s, Alice, u"s2"_s);
    QSignalSpy ended(m_notifier.get(), &SessionEndNotifier::sessionEnded);

    const auto result = service().end(u"s1"_s, u"test"_s);
    QVERIFY2(result.ok(), qPrintable(result.error().message));
    QCOMPARE(result->session.id, u"s1"_s);
    QCOMPARE(result->session.username, u"alice"_s);
    QCOMPARE(result->familiesRevoked, 1);

    QVERIFY(!m_sessions->find(u"s1"_s)->has_value());
    QVERIFY(m_sessions->find(u"s2"_s)->has_value());
    QVERIFY(revoked(u"f-session"_s));
    QVERIFY(!revoked(u"f-offline"_s));
    QVERIFY(!revoked(u"f-other-session"_s));

    const QList<Event> sessionEvents = events(QString(event_type::SessionEnded));
    QCOMPARE(sessionEvents.size(), 1);
    const Event &event = sessionEvents.first();
    QCOMPARE(event.subject, Alice);
    QCOMPARE(event.username, u"alice"_s);
    QCOMPARE(event.details.value(u"sid"_s).toString(), u"s1"_s);
    QCOMPARE(event.details.value(u"reason"_s).toString(), u"admin"_s);
    QCOMPARE(event.details.value(u"clients"_s).toArray(), QJsonArray{u"app"_s});
    QCOMPARE(event.details.value(u"actor"_s).toString(), u"test"_s);

    // The back-channel logout hook fired with the session as it was.
    QCOMPARE(ended.size(), 1);
    const Session session = ended.first().at(0).value<Session>();
    QCOMPARE(session.id, u"s1"_s);
    QCOMPARE(session.subject, Alice);
    QCOMPARE(session.clientIds, QStringList{u"app"_s});
    QCOMPARE(ended.first().at(1).toString(), u"admin"_s);
}

void TestSessionService::endUnknownSession()
{
    QSignalSpy ended(m_notifier.get(), &SessionEndNotifier::sessionEnded);
    const auto result = service().end(u"nope"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::NotFound);
    QVERIFY(result.error().message.contains(u"nope"_s));
    QCOMPARE(service().end(QString()).error().kind, Error::Kind::Invalid);
    QVERIFY(m_events.isEmpty());
    QCOMPARE(ended.size(), 0);
}

void TestSessionService::endAllEndsEverySessionOfOneAccount()
{
    addSession(u"a1"_s, Alice, -60, {u"app"_s});
    addSession(u"a2"_s, Alice, -30, {u"other"_s});
    addSession(u"b1"_s, Bob, -10, {u"app"_s});
    addFamily(u"fa1"_s, u"app"_s, Alice, u"a1"_s);
    addFamily(u"fa2"_s, u"other"_s, Alice, u"a2"_s);
    addFamily(u"fa-offline"_s, u"app"_s, Alice, QString());
    addFamily(u"fb1"_s, u"app"_s, Bob, u"b1"_s);
    QSignalSpy ended(m_notifier.get(), &SessionEndNotifier::sessionEnded);

    const auto result = service().endAll(Alice);
    QVERIFY2(result.ok(), qPrintable(result.error().message));
    QCOMPARE(result->size(), 2);
    QVERIFY(m_sessions->list(Alice)->isEmpty());
    QCOMPARE(m_sessions->list(Bob)->size(), 1);
    QVERIFY(revoked(u"fa1"_s));
    QVERIFY(revoked(u"fa2"_s));
    QVERIFY(!revoked(u"fa-offline"_s));
    QVERIFY(!revoked(u"fb1"_s));
    QCOMPARE(events(QString(event_type::SessionEnded)).size(), 2);
    QCOMPARE(ended.size(), 2);

    // An account without sessions: nothing to do, not an error.
    const auto none = service().endAll(Alice);
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());
    QCOMPARE(ended.size(), 2);
}

void TestSessionService::revokeClientGrantRevokesConsentAndFamiliesOfThePair()
{
    addSession(u"s1"_s, Alice, -60, {u"app"_s, u"other"_s});
    addFamily(u"f-app-session"_s, u"app"_s, Alice, u"s1"_s);
    addFamily(u"f-app-offline"_s, u"app"_s, Alice, QString());
    addFamily(u"f-other"_s, u"other"_s, Alice, u"s1"_s);
    addFamily(u"f-bob-app"_s, u"app"_s, Bob, QString());
    for (const auto &[subject, client] :
         {std::pair{Alice, u"app"_s}, std::pair{Alice, u"other"_s}, std::pair{Bob, u"app"_s}}) {
        Consent consent;
        consent.subject = subject;
        consent.clientId = client;
        consent.scopes = {u"openid"_s};
        QVERIFY(m_consents->grant(consent).ok());
    }

    const auto families = service().revokeClientGrant(Alice, u"app"_s, u"test"_s);
    QVERIFY2(families.ok(), qPrintable(families.error().message));
    QCOMPARE(*families, 2);
    QVERIFY(revoked(u"f-app-session"_s));
    QVERIFY(revoked(u"f-app-offline"_s));
    QVERIFY(!revoked(u"f-other"_s));
    QVERIFY(!revoked(u"f-bob-app"_s));
    QVERIFY(!m_consents->find(Alice, u"app"_s)->has_value());
    QVERIFY(m_consents->find(Alice, u"other"_s)->has_value());
    QVERIFY(m_consents->find(Bob, u"app"_s)->has_value());
    // The user stays signed in to the provider.
    QVERIFY(m_sessions->find(u"s1"_s)->has_value());

    const QList<Event> grantEvents = events(QString(event_type::GrantRevoked));
    QCOMPARE(grantEvents.size(), 1);
    QCOMPARE(grantEvents.first().subject, Alice);
    QCOMPARE(grantEvents.first().username, u"alice"_s);
    QCOMPARE(grantEvents.first().clientId, u"app"_s);
    QCOMPARE(grantEvents.first().details.value(u"families_revoked"_s).toInt(), 2);
    QCOMPARE(grantEvents.first().details.value(u"consent_revoked"_s).toBool(), true);
}

void TestSessionService::revokeClientGrantNeedsBoth()
{
    QCOMPARE(service().revokeClientGrant(QString(), u"app"_s).error().kind, Error::Kind::Invalid);
    QCOMPARE(service().revokeClientGrant(Alice, QString()).error().kind, Error::Kind::Invalid);
    // Nothing granted: nothing revoked, not an error.
    const auto none = service().revokeClientGrant(Alice, u"other"_s);
    QVERIFY(none.ok());
    QCOMPARE(*none, 0);
}

QTEST_GUILESS_MAIN(TestSessionService)
#include "tst_sessionservice.moc"
