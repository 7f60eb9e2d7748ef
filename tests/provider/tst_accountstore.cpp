// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"
#include "store/SqlAccountStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

namespace {

Account account(const QString &subject, const QString &username)
{
    Account a;
    a.subject = subject;
    a.username = username;
    a.passwordHash = u"$argon2id$v=19$m=65536,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"_s;
    a.claims = QJsonObject{{u"name"_s, username}};
    return a;
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

class TestAccountStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void claimsRoundTrip_data();
    void claimsRoundTrip();
    void everyFieldRoundTrips();
    void findByUsernameIsExactAndCaseSensitive();
    void usernameTakenByAnotherSubjectConflicts();
    void renameFreesTheOldUsername();
    void saveStampsTimes();
    void recordLoginSetsOnlyLastLogin();
    void recordLoginUnknownSubjectIsNotFound();
    void recordLoginWithoutTimeUsesClock();
    void saveDoesNotClobberLastLogin();
    void listIsOrderedByUsername();
    void removeSaysWhetherItRemoved();
    void missingSubjectOrUsernameIsInvalid_data();
    void missingSubjectOrUsernameIsInvalid();
    void unreadableClaimsIsStorageError();

private:
    std::unique_ptr<TestDatabase> m_t;
    std::shared_ptr<MockClock> m_clock;
    std::unique_ptr<SqlAccountStore> m_store;
};

void TestAccountStore::init()
{
    m_clock = std::make_shared<MockClock>();
    m_t = std::make_unique<TestDatabase>(m_clock);
    QVERIFY2(m_t->db, qPrintable(m_t->error));
    m_store = std::make_unique<SqlAccountStore>(m_t->db);
}

void TestAccountStore::cleanup()
{
    m_store.reset();
    m_t.reset();
}

void TestAccountStore::claimsRoundTrip_data()
{
    QTest::addColumn<QJsonObject>("claims");
    QTest::newRow("empty") << QJsonObject();
    QTest::newRow("standard claims")
        << json(R"({"name":"Alice Liddell","given_name":"Alice","family_name":"Liddell",
                    "email":"alice@example.org","email_verified":true,"locale":"en-GB",
                    "zoneinfo":"Europe/London","updated_at":1700000000})");
    QTest::newRow("groups array") << json(R"({"groups":["admins","dev ops","財務"]})");
    QTest::newRow("nested address")
        << json(R"({"address":{"street_address":"1 Main St\nFlat 2","country":"NZ"},
                    "phone_number_verified":false})");
    QTest::newRow("unicode and escapes")
        << json(R"({"name":"Zoë \"Z\" O'Brien \\ 🦊","nickname":"\u0000x"})");
    QTest::newRow("numbers") << json(R"({"n":-1.5e300,"i":9007199254740991,"z":0})");
}

void TestAccountStore::claimsRoundTrip()
{
    QFETCH(QJsonObject, claims);
    Account a = account(u"sub-1"_s, u"alice"_s);
    a.claims = claims;
    QVERIFY(m_store->save(a).ok());
    const auto found = m_store->findBySubject(u"sub-1"_s);
    QVERIFY(found.ok() && found->has_value());
    QCOMPARE((*found)->claims, claims);
}

void TestAccountStore::everyFieldRoundTrips()
{
    Account a = account(u"6f1c2b7e-subject"_s, u"bob.smith"_s);
    a.disabled = true;
    a.lastLoginAt = QDateTime::fromMSecsSinceEpoch(1'650'000'000'456, Qt::UTC);
    QVERIFY(m_store->save(a).ok());
    const auto found = m_store->findByUsername(u"bob.smith"_s);
    QVERIFY(found.ok() && found->has_value());
    const Account &b = **found;
    QCOMPARE(b.subject, a.subject);
    QCOMPARE(b.username, a.username);
    QCOMPARE(b.passwordHash, a.passwordHash);
    QCOMPARE(b.claims, a.claims);
    QCOMPARE(b.disabled, true);
    QCOMPARE(b.lastLoginAt, a.lastLoginAt); // a new account keeps an imported last login
    QCOMPARE(b.createdAt, m_clock->now());
    QCOMPARE(b.updatedAt, m_clock->now());

    Account noPassword = account(u"sub-2"_s, u"nopass"_s);
    noPassword.passwordHash.clear();
    QVERIFY(m_store->save(noPassword).ok());
    const auto stored = m_store->findBySubject(u"sub-2"_s);
    QVERIFY((*stored)->passwordHash.isEmpty());
    QVERIFY(!(*stored)->disabled);
    QVERIFY(!(*stored)->lastLoginAt.isValid());
}

void TestAccountStore::findByUsernameIsExactAndCaseSensitive()
{
    QVERIFY(m_store->save(account(u"sub-1"_s, u"alice"_s)).ok());
    QVERIFY(m_store->save(account(u"sub-2"_s, u"Alice"_s)).ok()); // a different username
    QCOMPARE((*m_store->findByUsername(u"alice"_s))->subject, u"sub-1"_s);
    QCOMPARE((*m_store->findByUsername(u"Alice"_s))->subject, u"sub-2"_s);
    QVERIFY(!m_store->findByUsername(u"ALICE"_s)->has_value());
    QVERIFY(!m_store->findByUsername(u"alic%"_s)->has_value());
    QVERIFY(!m_store->findByUsername(u"alice "_s)->has_value());
    QVERIFY(!m_store->findBySubject(u"sub-3"_s)->has_value());
}

void TestAccountStore::usernameTakenByAnotherSubjectConflicts()
{
    QVERIFY(m_store->save(account(u"sub-1"_s, u"alice"_s)).ok());
    Account other = account(u"sub-2"_s, u"alice"_s);
    other.claims = QJsonObject{{u"name"_s, u"Impostor"_s}};
    const auto saved = m_store->save(other);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().kind, Error::Kind::Conflict);
    QVERIFY2(saved.error().message.contains(u"alice"_s), qPrintable(saved.error().message));
    // The message never carries the password hash.
    QVERIFY(!saved.error().message.contains(u"argon2"_s));
    QVERIFY(!m_store->findBySubject(u"sub-2"_s)->has_value());
    QCOMPARE((*m_store->findByUsername(u"alice"_s))->claims.value(u"name"_s).toString(),
             u"alice"_s);
    QCOMPARE(m_store->count().value(), qint64(1));

    // Saving the same subject again with its own username is no conflict.
    QVERIFY(m_store->save(account(u"sub-1"_s, u"alice"_s)).ok());
}

void TestAccountStore::renameFreesTheOldUsername()
{
    QVERIFY(m_store->save(account(u"sub-1"_s, u"alice"_s)).ok());
    QVERIFY(m_store->save(account(u"sub-1"_s, u"alice2"_s)).ok());
    QVERIFY(m_store->save(account(u"sub-2"_s, u"alice"_s)).ok());
    QCOMPARE((*m_store->findByUsername(u"alice"_s))->subject, u"sub-2"_s);
    QCOMPARE((*m_store->findByUsername(u"alice2"_s))->subject, u"sub-1"_s);
    QCOMPARE(m_store->count().value(), qint64(2));
}

void TestAccountStore::saveStampsTimes()
{
    const QDateTime created = m_clock->now();
    QVERIFY(m_store->save(account(u"sub-1"_s, u"alice"_s)).ok());
    m_clock->advance(3600);
    Account changed = account(u"sub-1"_s, u"alice"_s);
    changed.disabled = true;
    QVERIFY(m_store->save(changed).ok());
    const auto found = m_store->findBySubject(u"sub-1"_s);
    QCOMPARE((*found)->createdAt, created);
    QCOMPARE((*found)->updatedAt, created.addSecs(3600));
    QVERIFY((*found)->disabled);
}

void TestAccountStore::recordLoginSetsOnlyLastLogin()
{
    QVERIFY(m_store->save(account(u"sub-1"_s, u"alice"_s)).ok());
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(1'700'000'123'789, Qt::UTC);
    m_clock->advance(10);
    QVERIFY(m_store->recordLogin(u"sub-1"_s, when).ok());
    const auto found = m_store->findBySubject(u"sub-1"_s);
    QCOMPARE((*found)->lastLoginAt, when);
    QCOMPARE((*found)->updatedAt, (*found)->createdAt); // a login is not an edit
    QCOMPARE((*found)->claims, account(u"x"_s, u"alice"_s).claims);

    const QDateTime later = when.addSecs(60);
    QVERIFY(m_store->recordLogin(u"sub-1"_s, later).ok());
    QCOMPARE((*m_store->findBySubject(u"sub-1"_s))->lastLoginAt, later);
}

void TestAccountStore::recordLoginUnknownSubjectIsNotFound()
{
    const auto recorded = m_store->recordLogin(u"ghost"_s, m_clock->now());
    QVERIFY(!recorded.ok());
    QCOMPARE(recorded.error().kind, Error::Kind::NotFound);
    QCOMPARE(m_store->count().value(), qint64(0));
}

void TestAccountStore::recordLoginWithoutTimeUsesClock()
{
    QVERIFY(m_store->save(account(u"sub-1"_s, u"alice"_s)).ok());
    m_clock->advance(42);
    QVERIFY(m_store->recordLogin(u"sub-1"_s, QDateTime()).ok());
    QCOMPARE((*m_store->findBySubject(u"sub-1"_s))->lastLoginAt, m_clock->now());
}

void TestAccountStore::saveDoesNotClobberLastLogin()
{
    QVERIFY(m_store->save(account(u"sub-1"_s, u"alice"_s)).ok());
    // An admin opens the account (no login yet) ...
    const Account stale = **m_store->findBySubject(u"sub-1"_s);
    // ... the user logs in meanwhile ...
    const QDateTime login = m_clock->now().addSecs(5);
    QVERIFY(m_store->recordLogin(u"sub-1"_s, login).ok());
    // ... and the admin saves the stale copy.
    Account edited = stale;
    edited.claims.insert(u"email"_s, u"alice@example.org"_s);
    QVERIFY(m_store->save(edited).ok());
    const Account now = **m_store->findBySubject(u"sub-1"_s);
    QCOMPARE(now.lastLoginAt, login);
    QCOMPARE(now.claims.value(u"email"_s).toString(), u"alice@example.org"_s);
}

void TestAccountStore::listIsOrderedByUsername()
{
    QVERIFY(m_store->save(account(u"s1"_s, u"mallory"_s)).ok());
    QVERIFY(m_store->save(account(u"s2"_s, u"bob"_s)).ok());
    QVERIFY(m_store->save(account(u"s3"_s, u"carol"_s)).ok());
    const auto all = m_store->list();
    QVERIFY(all.ok());
    QStringList names;
    for (const Account &a : *all)
        names.append(a.username);
    QCOMPARE(names, (QStringList{u"bob"_s, u"carol"_s, u"mallory"_s}));
    QCOMPARE(m_store->count().value(), qint64(3));
}

void TestAccountStore::removeSaysWhetherItRemoved()
{
    QVERIFY(m_store->save(account(u"s1"_s, u"alice"_s)).ok());
    QCOMPARE(m_store->remove(u"s1"_s).value(), true);
    QCOMPARE(m_store->remove(u"s1"_s).value(), false);
    QCOMPARE(m_store->count().value(), qint64(0));
    // The username is free again.
    QVERIFY(m_store->save(account(u"s2"_s, u"alice"_s)).ok());
}

void TestAccountStore::missingSubjectOrUsernameIsInvalid_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("username");
    QTest::newRow("no subject") << QString() << u"alice"_s;
    QTest::newRow("no username") << u"s1"_s << QString();
}

void TestAccountStore::missingSubjectOrUsernameIsInvalid()
{
    QFETCH(QString, subject);
    QFETCH(QString, username);
    const auto saved = m_store->save(account(subject, username));
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().kind, Error::Kind::Invalid);
    QCOMPARE(m_store->count().value(), qint64(0));
}

void TestAccountStore::unreadableClaimsIsStorageError()
{
    QVERIFY(m_store->save(account(u"s1"_s, u"alice"_s)).ok());
    QSqlQuery corrupt(m_t->db->connection());
    QVERIFY(corrupt.exec(u"UPDATE accounts SET claims = '[1,2]'"_s));
    const auto found = m_store->findByUsername(u"alice"_s);
    QVERIFY(!found.ok());
    QCOMPARE(found.error().kind, Error::Kind::Storage);
}

QTEST_GUILESS_MAIN(TestAccountStore)
#include "tst_accountstore.moc"
