// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"
#include "store/SqlAccountStore.h"
#include "store/SqlSessionStore.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

namespace {

const QDateTime T0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);

Session session(const QString &id, const QString &subject = u"sub-alice"_s)
{
    Session s;
    s.id = id;
    s.cookieHash = u"cookie-"_s + id;
    s.subject = subject;
    s.authTime = T0.addSecs(-5);
    s.createdAt = T0;
    s.lastActiveAt = T0.addSecs(1);
    s.expiresAt = T0.addSecs(3600);
    s.amr = {u"pwd"_s, u"otp"_s};
    s.sourceAddress = u"192.0.2.7"_s;
    s.userAgent = u"Mozilla/5.0 (X11; Linux)"_s;
    s.clientIds = {u"app"_s};
    return s;
}

} // namespace

class TestSessionStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyFieldRoundTrips();
    void createFillsMissingTimes();
    void createNeedsFields_data();
    void createNeedsFields();
    void duplicateIdOrCookieConflicts();
    void unknownAccountIsRefused();
    void findByCookieHashIgnoresExpired();
    void touchAddsEachClientOnce();
    void touchSetsAuthTimeOnlyWhenGiven();
    void touchUnknownSessionIsNotFound();
    void listIsNewestFirstAndFiltersBySubject();
    void removeSaysWhetherItRemoved();
    void deletingTheAccountDeletesItsSessions();
    void purgeDeletesAtMostBatchOfExpired();
    void purgeNeedsBatchAndTime();

private:
    std::unique_ptr<TestDatabase> m_t;
    std::shared_ptr<MockClock> m_clock;
    std::unique_ptr<SqlSessionStore> m_store;
};

void TestSessionStore::init()
{
    m_clock = std::make_shared<MockClock>(T0);
    m_t = std::make_unique<TestDatabase>(m_clock);
    QVERIFY2(m_t->db, qPrintable(m_t->error));
    m_store = std::make_unique<SqlSessionStore>(m_t->db);
    SqlAccountStore accounts(m_t->db);
    for (const QString &name : {u"alice"_s, u"bob"_s}) {
        Account account;
        account.subject = u"sub-"_s + name;
        account.username = name;
        QVERIFY(accounts.save(account).ok());
    }
}

void TestSessionStore::cleanup()
{
    m_store.reset();
    m_t.reset();
}

void TestSessionStore::everyFieldRoundTrips()
{
    const Session s = session(u"sid-1"_s);
    QVERIFY(m_store->create(s).ok());
    const auto found = m_store->find(u"sid-1"_s);
    QVERIFY(found.ok());
    QVERIFY(found->has_value());
    const Session &got = **found;
    QCOMPARE(got.id, s.id);
    QCOMPARE(got.cookieHash, s.cookieHash);
    QCOMPARE(got.subject, s.subject);
    QCOMPARE(got.authTime, s.authTime);
    QCOMPARE(got.createdAt, s.createdAt);
    QCOMPARE(got.lastActiveAt, s.lastActiveAt);
    QCOMPARE(got.expiresAt, s.expiresAt);
    QCOMPARE(got.amr, s.amr);
    QCOMPARE(got.sourceAddress, s.sourceAddress);
    QCOMPARE(got.userAgent, s.userAgent);
    QCOMPARE(got.clientIds, s.clientIds);
    QCOMPARE(got.expiresAt.timeSpec(), Qt::UTC);

    const auto byCookie = m_store->findByCookieHash(s.cookieHash, T0);
    QVERIFY(byCookie.ok());
    QVERIFY(byCookie->has_value());
    QCOMPARE((*byCookie)->id, s.id);
    QVERIFY(!m_store->find(u"sid-2"_s)->has_value());
}

void TestSessionStore::createFillsMissingTimes()
{
    Session s = session(u"sid-1"_s);
    s.createdAt = {};
    s.lastActiveAt = {};
    s.authTime = {};
    s.amr.clear();
    s.clientIds.clear();
    m_clock->set(T0.addSecs(42));
    QVERIFY(m_store->create(s).ok());
    const auto got = m_store->find(u"sid-1"_s).value().value();
    QCOMPARE(got.createdAt, T0.addSecs(42));
    QCOMPARE(got.lastActiveAt, T0.addSecs(42));
    QCOMPARE(got.authTime, T0.addSecs(42));
    QCOMPARE(got.amr, QStringList());
    QCOMPARE(got.clientIds, QStringList());
}

void TestSessionStore::createNeedsFields_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("id") << u"id"_s;
    QTest::newRow("cookieHash") << u"cookieHash"_s;
    QTest::newRow("subject") << u"subject"_s;
    QTest::newRow("expiresAt") << u"expiresAt"_s;
}

void TestSessionStore::createNeedsFields()
{
    QFETCH(QString, field);
    Session s = session(u"sid-1"_s);
    if (field == u"id"_s)
        s.id.clear();
    else if (field == u"cookieHash"_s)
        s.cookieHash.clear();
    else if (field == u"subject"_s)
        s.subject.clear();
    else
        s.expiresAt = {};
    const auto created = m_store->create(s);
    QVERIFY(!created.ok());
    QCOMPARE(created.error().kind, Error::Kind::Invalid);
    QCOMPARE(m_store->list()->size(), 0);
}

void TestSessionStore::duplicateIdOrCookieConflicts()
{
    QVERIFY(m_store->create(session(u"sid-1"_s)).ok());
    Session sameId = session(u"sid-1"_s);
    sameId.cookieHash = u"other-cookie"_s;
    auto created = m_store->create(sameId);
    QVERIFY(!created.ok());
    QCOMPARE(created.error().kind, Error::Kind::Conflict);

    Session sameCookie = session(u"sid-2"_s);
    sameCookie.cookieHash = session(u"sid-1"_s).cookieHash;
    created = m_store->create(sameCookie);
    QVERIFY(!created.ok());
    QCOMPARE(created.error().kind, Error::Kind::Conflict);
    QVERIFY2(!created.error().message.contains(sameCookie.cookieHash),
             qPrintable(created.error().message));
    QCOMPARE(m_store->list()->size(), 1);
}

void TestSessionStore::unknownAccountIsRefused()
{
    const auto created = m_store->create(session(u"sid-1"_s, u"sub-nobody"_s));
    QVERIFY(!created.ok());
    QCOMPARE(m_store->list()->size(), 0);
}

void TestSessionStore::findByCookieHashIgnoresExpired()
{
    Session s = session(u"sid-1"_s);
    s.expiresAt = T0.addSecs(10);
    QVERIFY(m_store->create(s).ok());
    QVERIFY(m_store->findByCookieHash(s.cookieHash, T0.addSecs(9)).value().has_value());
    QVERIFY(!m_store->findByCookieHash(s.cookieHash, T0.addSecs(10)).value().has_value());
    QVERIFY(!m_store->findByCookieHash(s.cookieHash, T0.addSecs(11)).value().has_value());
    QVERIFY(!m_store->findByCookieHash(u"cookie-other"_s, T0).value().has_value());
    // find() by id still sees it (the Sessions page shows expired ones).
    QVERIFY(m_store->find(s.id).value().has_value());
}

void TestSessionStore::touchAddsEachClientOnce()
{
    Session s = session(u"sid-1"_s);
    s.clientIds.clear();
    QVERIFY(m_store->create(s).ok());
    QVERIFY(m_store->touch(s.id, T0.addSecs(10), T0.addSecs(7200), u"app"_s).ok());
    QVERIFY(m_store->touch(s.id, T0.addSecs(20), T0.addSecs(7300), u"wiki"_s).ok());
    QVERIFY(m_store->touch(s.id, T0.addSecs(30), T0.addSecs(7400), u"app"_s).ok());
    QVERIFY(m_store->touch(s.id, T0.addSecs(40), T0.addSecs(7500)).ok());
    const auto got = m_store->find(s.id).value().value();
    QCOMPARE(got.clientIds, QStringList({u"app"_s, u"wiki"_s}));
    QCOMPARE(got.lastActiveAt, T0.addSecs(40));
    QCOMPARE(got.expiresAt, T0.addSecs(7500));
    QCOMPARE(got.createdAt, s.createdAt);
    // A new expiry in the past ends the session for findByCookieHash.
    QVERIFY(m_store->touch(s.id, T0.addSecs(50), T0.addSecs(50)).ok());
    QVERIFY(!m_store->findByCookieHash(s.cookieHash, T0.addSecs(50)).value().has_value());
}

void TestSessionStore::touchSetsAuthTimeOnlyWhenGiven()
{
    const Session s = session(u"sid-1"_s);
    QVERIFY(m_store->create(s).ok());
    QVERIFY(m_store->touch(s.id, T0.addSecs(10), T0.addSecs(100)).ok());
    QCOMPARE(m_store->find(s.id).value()->authTime, s.authTime);
    QVERIFY(m_store->touch(s.id, T0.addSecs(20), T0.addSecs(100), {}, T0.addSecs(19)).ok());
    QCOMPARE(m_store->find(s.id).value()->authTime, T0.addSecs(19));
}

void TestSessionStore::touchUnknownSessionIsNotFound()
{
    const auto touched = m_store->touch(u"sid-x"_s, T0, T0.addSecs(10), u"app"_s);
    QVERIFY(!touched.ok());
    QCOMPARE(touched.error().kind, Error::Kind::NotFound);
}

void TestSessionStore::listIsNewestFirstAndFiltersBySubject()
{
    Session a = session(u"sid-a"_s);
    a.createdAt = T0.addSecs(1);
    Session b = session(u"sid-b"_s, u"sub-bob"_s);
    b.createdAt = T0.addSecs(3);
    Session c = session(u"sid-c"_s);
    c.createdAt = T0.addSecs(2);
    for (const Session &s : {a, b, c})
        QVERIFY(m_store->create(s).ok());

    const auto all = m_store->list();
    QVERIFY(all.ok());
    QStringList ids;
    for (const Session &s : *all)
        ids.append(s.id);
    QCOMPARE(ids, QStringList({u"sid-b"_s, u"sid-c"_s, u"sid-a"_s}));

    const auto alice = m_store->list(u"sub-alice"_s);
    QVERIFY(alice.ok());
    ids.clear();
    for (const Session &s : *alice)
        ids.append(s.id);
    QCOMPARE(ids, QStringList({u"sid-c"_s, u"sid-a"_s}));
    QCOMPARE(m_store->list(u"sub-nobody"_s)->size(), 0);
}

void TestSessionStore::removeSaysWhetherItRemoved()
{
    QVERIFY(m_store->create(session(u"sid-1"_s)).ok());
    QCOMPARE(m_store->remove(u"sid-1"_s).value(), true);
    QCOMPARE(m_store->remove(u"sid-1"_s).value(), false);
    QVERIFY(!m_store->find(u"sid-1"_s)->has_value());
}

void TestSessionStore::deletingTheAccountDeletesItsSessions()
{
    QVERIFY(m_store->create(session(u"sid-1"_s)).ok());
    QVERIFY(m_store->create(session(u"sid-2"_s, u"sub-bob"_s)).ok());
    QVERIFY(SqlAccountStore(m_t->db).remove(u"sub-alice"_s).value());
    QVERIFY(!m_store->find(u"sid-1"_s)->has_value());
    QVERIFY(m_store->find(u"sid-2"_s)->has_value());
}

void TestSessionStore::purgeDeletesAtMostBatchOfExpired()
{
    for (int i = 0; i < 5; ++i) {
        Session s = session(u"old-%1"_s.arg(i));
        s.expiresAt = T0.addSecs(i);
        QVERIFY(m_store->create(s).ok());
    }
    for (int i = 0; i < 2; ++i) {
        Session s = session(u"live-%1"_s.arg(i));
        s.expiresAt = T0.addSecs(100);
        QVERIFY(m_store->create(s).ok());
    }
    const QDateTime now = T0.addSecs(4); // old-4 expires exactly now
    QCOMPARE(m_store->purgeExpired(now, 2).value(), 2);
    QCOMPARE(m_store->purgeExpired(now, 2).value(), 2);
    QCOMPARE(m_store->purgeExpired(now, 2).value(), 1);
    QCOMPARE(m_store->purgeExpired(now, 2).value(), 0);
    const auto left = m_store->list();
    QCOMPARE(left->size(), 2);
    for (const Session &s : *left)
        QVERIFY(s.id.startsWith(u"live-"_s));
}

void TestSessionStore::purgeNeedsBatchAndTime()
{
    QCOMPARE(m_store->purgeExpired(T0, 0).error().kind, Error::Kind::Invalid);
    QCOMPARE(m_store->purgeExpired(QDateTime(), 5).error().kind, Error::Kind::Invalid);
}

QTEST_GUILESS_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
