// SPDX-License-Identifier: GPL-3.0-or-later
#include "FixedRandom.h"
#include "ProviderServicesFixture.h"

#include "admin/AccountService.h"
#include "admin/ImportService.h"
#include "admin/SessionService.h"
#include "auth/PasswordLogin.h"
#include "crypto/PasswordHasher.h"
#include "events/EventTypes.h"
#include "events/SessionEndNotifier.h"
#include "store/AccountStore.h"
#include "store/ClientStore.h"
#include "store/ConsentStore.h"
#include "store/SessionStore.h"
#include "store/TokenStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

namespace {

const QString Password = u"correct horse battery staple"_s;

QStringList lines(const ValidationProblems &problems)
{
    QStringList out;
    for (const ValidationProblem &problem : problems)
        out.append(problem.toString());
    return out;
}

Account accountOf(const QString &username, const QJsonObject &claims = {})
{
    Account account;
    account.username = username;
    account.claims = claims;
    return account;
}

} // namespace

class TestAccountService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createWithPassword();
    void createWithoutPasswordCannotSignIn();
    void createRefusesInvalidInputAsImportDoes_data();
    void createRefusesInvalidInputAsImportDoes();
    void createRefusesUnknownClaims_data();
    void createRefusesUnknownClaims();
    void createRefusesTakenUsername();
    void listShowsLastSignIn();
    void updateClaimsSetsAndRemoves();
    void updateClaimsWithoutChangesPublishesNothing();
    void updateClaimsRefusesInvalid_data();
    void updateClaimsRefusesInvalid();
    void updateClaimsOfUnknownAccount();
    void setPasswordReplacesHash();
    void setPasswordRefusesBadPasswords_data();
    void setPasswordRefusesBadPasswords();
    void setPasswordOfUnknownAccount();
    void disableEndsSessionsAndSignInFails();
    void disableTwiceAndEnable();
    void removeEndsSessionsRevokesAndDeletes();
    void removeUnknownAccount();

private:
    AccountService service() const;
    ImportService importService() const;
    /// The problems `lanyard import` reports for one account, without the
    /// "accounts[0]." prefix.
    QStringList importProblems(const QJsonObject &json) const;
    std::optional<Account> stored(const QString &username) const;
    QList<Event> adminEvents() const;
    bool noEventContains(const QString &text) const;
    void addSession(const QString &id, const QString &subject);
    PasswordLogin::Outcome::Kind signIn(const QString &username, const QString &password) const;

    std::unique_ptr<test::ProviderServicesFixture> m_f;
    std::shared_ptr<test::FixedRandom> m_random;
    std::unique_ptr<SessionEndNotifier> m_notifier;
};

void TestAccountService::init()
{
    m_f = std::make_unique<test::ProviderServicesFixture>();
    QVERIFY2(m_f->error.isEmpty(), qPrintable(m_f->error));
    m_random = std::make_shared<test::FixedRandom>(3);
    m_notifier = std::make_unique<SessionEndNotifier>();
    Client client;
    client.clientId = u"app"_s;
    client.redirectUris = {u"https://app.example/cb"_s};
    QVERIFY(m_f->services->clients->save(client).ok());
}

void TestAccountService::cleanup()
{
    m_f.reset();
    m_notifier.reset();
}

AccountService TestAccountService::service() const
{
    const auto &s = m_f->services;
    auto sessions = std::make_shared<const SessionService>(
        SessionService::Dependencies{m_f->database->db, s->sessions, s->accounts, s->tokens,
                                     s->consents, s->clock, s->events, m_notifier.get()});
    return AccountService({m_f->database->db, s->accounts, s->tokens, s->consents,
                           s->passwordHasher, m_random, s->clock, sessions, s->events});
}

ImportService TestAccountService::importService() const
{
    const auto &s = m_f->services;
    return ImportService({m_f->database->db, s->clients, s->accounts, s->secretHasher,
                          s->passwordHasher, m_random, nullptr});
}

QStringList TestAccountService::importProblems(const QJsonObject &json) const
{
    const QJsonObject file{{u"accounts"_s, QJsonArray{json}}};
    auto imported = importService().importJson(QJsonDocument(file).toJson(), u"test"_s);
    if (imported.ok())
        return {};
    QStringList out = lines(imported.error());
    out.replaceInStrings(u"accounts[0]."_s, QString());
    return out;
}

std::optional<Account> TestAccountService::stored(const QString &username) const
{
    auto found = m_f->services->accounts->findByUsername(username);
    return found.ok() ? *found : std::nullopt;
}

QList<Event> TestAccountService::adminEvents() const
{
    return m_f->publishedEvents(QString(event_type::AdminChanged));
}

bool TestAccountService::noEventContains(const QString &text) const
{
    for (const Event &event : m_f->publishedEvents()) {
        if (QString::fromUtf8(QJsonDocument(event.toJson()).toJson()).contains(text))
            return false;
    }
    return true;
}

void TestAccountService::addSession(const QString &id, const QString &subject)
{
    Session session;
    session.id = id;
    session.cookieHash = u"cookie-"_s + id;
    session.subject = subject;
    session.createdAt = session.authTime = session.lastActiveAt = m_f->clock->now();
    session.expiresAt = m_f->clock->now().addSecs(3600);
    session.clientIds = {u"app"_s};
    QVERIFY(m_f->services->sessions->create(session).ok());
}

PasswordLogin::Outcome::Kind TestAccountService::signIn(const QString &username,
                                                        const QString &password) const
{
    PasswordLogin login(m_f->services);
    auto outcome = login.authenticate({username, password, u"app"_s, QHostAddress(u"192.0.2.1"_s)});
    if (!outcome) {
        qWarning("sign-in failed: %s", qPrintable(outcome.error().description()));
        return PasswordLogin::Outcome::Kind::Throttled;
    }
    return outcome->kind;
}

void TestAccountService::createWithPassword()
{
    auto saved = service().create(accountOf(u"alice"_s, {{u"name"_s, u"Alice Example"_s},
                                                         {u"email"_s, u"alice@example.com"_s},
                                                         {u"email_verified"_s, true},
                                                         {u"groups"_s, QJsonArray{u"staff"_s}}}),
                                  Password, u"desktop"_s);
    QVERIFY2(saved.ok(), qPrintable(saved.error().message()));
    QVERIFY(saved->account.hasPassword);
    QVERIFY(!saved->account.subject.isEmpty());
    QVERIFY(saved->account.subject != u"alice"_s);
    QVERIFY(saved->account.createdAt.isValid());
    QVERIFY(!saved->account.lastLoginAt.isValid());

    const auto account = stored(u"alice"_s);
    QVERIFY(account);
    QVERIFY(account->passwordHash.startsWith(u"$argon2id$"_s));
    QVERIFY(m_f->services->passwordHasher->verify(Password, account->passwordHash));
    QCOMPARE(account->claims.value(u"groups"_s).toArray(), QJsonArray{u"staff"_s});
    QCOMPARE(signIn(u"alice"_s, Password), PasswordLogin::Outcome::Kind::Succeeded);

    const auto events = adminEvents();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().username, u"alice"_s);
    QCOMPARE(events.first().subject, account->subject);
    QCOMPARE(events.first().details.value(u"actor"_s).toString(), u"desktop"_s);
    QCOMPARE(events.first().details.value(u"entity"_s).toString(), u"account"_s);
    QCOMPARE(events.first().details.value(u"action"_s).toString(), u"created"_s);
    QVERIFY(noEventContains(Password));
    QVERIFY(noEventContains(u"$argon2id$"_s));
}

void TestAccountService::createWithoutPasswordCannotSignIn()
{
    auto saved = service().create(accountOf(u"bob"_s), QString(), u"desktop"_s);
    QVERIFY2(saved.ok(), qPrintable(saved.error().message()));
    QVERIFY(!saved->account.hasPassword);
    QVERIFY(stored(u"bob"_s)->passwordHash.isEmpty());
    QCOMPARE(signIn(u"bob"_s, QString()), PasswordLogin::Outcome::Kind::Failed);
}

void TestAccountService::createRefusesInvalidInputAsImportDoes_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QJsonObject>("claims");
    QTest::addColumn<QString>("path");

    QTest::newRow("empty username") << u""_s << QString() << QJsonObject() << u"username"_s;
    QTest::newRow("leading space") << u" alice"_s << QString() << QJsonObject() << u"username"_s;
    QTest::newRow("trailing space") << u"alice "_s << QString() << QJsonObject() << u"username"_s;
    QTest::newRow("control character")
        << u"ali"_s + QChar(7) + u"ce"_s << QString() << QJsonObject() << u"username"_s;
    QTest::newRow("username too long")
        << QString(256, u'a') << QString() << QJsonObject() << u"username"_s;
    QTest::newRow("bad sub") << u"alice"_s << u"not a sub!"_s << QJsonObject() << u"sub"_s;
    QTest::newRow("email without @")
        << u"alice"_s << QString() << QJsonObject{{u"email"_s, u"alice.example.com"_s}}
        << u"email"_s;
    QTest::newRow("email with space")
        << u"alice"_s << QString() << QJsonObject{{u"email"_s, u"al ice@example.com"_s}}
        << u"email"_s;
    QTest::newRow("empty group") << u"alice"_s << QString()
                                 << QJsonObject{{u"groups"_s, QJsonArray{u"staff"_s, u" "_s}}}
                                 << u"groups[1]"_s;
    QTest::newRow("groups not strings")
        << u"alice"_s << QString() << QJsonObject{{u"groups"_s, QJsonArray{1, 2}}}
        << u"groups[0]"_s;
    QTest::newRow("email_verified not boolean")
        << u"alice"_s << QString() << QJsonObject{{u"email_verified"_s, u"yes"_s}}
        << u"email_verified"_s;
    QTest::newRow("name not a string")
        << u"alice"_s << QString() << QJsonObject{{u"name"_s, 42}} << u"name"_s;
    QTest::newRow("address not an object")
        << u"alice"_s << QString() << QJsonObject{{u"address"_s, u"Main Street 1"_s}}
        << u"address"_s;
}

void TestAccountService::createRefusesInvalidInputAsImportDoes()
{
    QFETCH(QString, username);
    QFETCH(QString, subject);
    QFETCH(QJsonObject, claims);
    QFETCH(QString, path);

    Account account = accountOf(username, claims);
    account.subject = subject;
    auto saved = service().create(account, Password, u"desktop"_s);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().kind(), Error::Kind::Invalid);
    const QStringList problems = lines(saved.error().problems);
    QVERIFY2(std::any_of(saved.error().problems.cbegin(), saved.error().problems.cend(),
                         [&](const ValidationProblem &p) { return p.path == path; }),
             qPrintable(problems.join(u'\n')));

    QJsonObject json = claims;
    json.insert(u"username"_s, username);
    if (!subject.isEmpty())
        json.insert(u"sub"_s, subject);
    json.insert(u"password"_s, Password);
    QCOMPARE(problems, importProblems(json));

    QVERIFY(service().list()->isEmpty());
    QVERIFY(adminEvents().isEmpty());
}

void TestAccountService::createRefusesUnknownClaims_data()
{
    QTest::addColumn<QString>("claim");
    QTest::newRow("misspelt claim") << u"emial"_s;
    QTest::newRow("not a standard claim") << u"shoe_size"_s;
    // Members of the import format that are not claims must not slip in as claims.
    QTest::newRow("password") << u"password"_s;
    QTest::newRow("password_hash") << u"password_hash"_s;
    QTest::newRow("sub") << u"sub"_s;
    QTest::newRow("username") << u"username"_s;
    QTest::newRow("disabled") << u"disabled"_s;
}

void TestAccountService::createRefusesUnknownClaims()
{
    QFETCH(QString, claim);
    auto saved = service().create(accountOf(u"alice"_s, {{claim, u"x"_s}}), Password, u"desktop"_s);
    QVERIFY(!saved.ok());
    QVERIFY2(lines(saved.error().problems).contains(claim + u": unknown field"_s),
             qPrintable(saved.error().message()));
    QVERIFY(service().list()->isEmpty());
}

void TestAccountService::createRefusesTakenUsername()
{
    QVERIFY(service().create(accountOf(u"alice"_s), Password, u"d"_s).ok());
    const auto first = stored(u"alice"_s);
    m_f->clearEvents();
    auto again = service().create(accountOf(u"alice"_s, {{u"name"_s, u"Other"_s}}), u"x"_s, u"d"_s);
    QVERIFY(!again.ok());
    QCOMPARE(lines(again.error().problems),
             QStringList{u"username: already used by another account"_s});
    QCOMPARE(stored(u"alice"_s)->subject, first->subject);
    QVERIFY(!stored(u"alice"_s)->claims.contains(u"name"_s));
    QVERIFY(adminEvents().isEmpty());

    Account sameSubject = accountOf(u"alice2"_s);
    sameSubject.subject = first->subject;
    auto taken = service().create(sameSubject, Password, u"d"_s);
    QVERIFY(!taken.ok());
    QCOMPARE(lines(taken.error().problems), QStringList{u"sub: already used by another account"_s});
}

void TestAccountService::listShowsLastSignIn()
{
    QVERIFY(service().create(accountOf(u"bob"_s), Password, u"d"_s).ok());
    QVERIFY(service().create(accountOf(u"alice"_s), Password, u"d"_s).ok());
    QCOMPARE(signIn(u"alice"_s, Password), PasswordLogin::Outcome::Kind::Succeeded);
    auto listed = service().list();
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), 2);
    QCOMPARE(listed->at(0).username, u"alice"_s);
    QCOMPARE(listed->at(0).lastLoginAt, m_f->clock->now());
    QCOMPARE(listed->at(1).username, u"bob"_s);
    QVERIFY(!listed->at(1).lastLoginAt.isValid());
    auto alice = service().get(u"alice"_s);
    QVERIFY(alice.ok());
    QCOMPARE(alice->lastLoginAt, m_f->clock->now());
    QCOMPARE(service().get(u"carol"_s).error().kind, Error::Kind::NotFound);
}

void TestAccountService::updateClaimsSetsAndRemoves()
{
    QVERIFY(service()
                .create(accountOf(u"alice"_s, {{u"name"_s, u"Alice"_s},
                                               {u"given_name"_s, u"Alice"_s},
                                               {u"locale"_s, u"en-GB"_s}}),
                        Password, u"d"_s)
                .ok());
    const QString hash = stored(u"alice"_s)->passwordHash;
    m_f->clearEvents();
    auto updated = service().updateClaims(u"alice"_s,
                                          {{u"name"_s, u"Alice Example"_s},
                                           {u"given_name"_s, QJsonValue::Null},
                                           {u"family_name"_s, u""_s},
                                           {u"email"_s, u"alice@example.com"_s},
                                           {u"email_verified"_s, true},
                                           {u"groups"_s, QJsonArray{u"staff"_s, u"admins"_s}}},
                                          u"desktop"_s);
    QVERIFY2(updated.ok(), qPrintable(updated.error().message()));
    QCOMPARE(updated->fields, (QStringList{u"email"_s, u"email_verified"_s, u"given_name"_s,
                                           u"groups"_s, u"name"_s}));
    const auto account = stored(u"alice"_s);
    QCOMPARE(account->claims, (QJsonObject{{u"name"_s, u"Alice Example"_s},
                                           {u"email"_s, u"alice@example.com"_s},
                                           {u"email_verified"_s, true},
                                           {u"groups"_s, QJsonArray{u"staff"_s, u"admins"_s}},
                                           {u"locale"_s, u"en-GB"_s}}));
    QCOMPARE(account->passwordHash, hash);
    QCOMPARE(updated->account.claims, account->claims);

    const auto events = adminEvents();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().details.value(u"action"_s).toString(), u"updated"_s);
    QCOMPARE(events.first().details.value(u"fields"_s).toArray(),
             QJsonArray::fromStringList(updated->fields));
    QVERIFY(noEventContains(u"alice@example.com"_s));
}

void TestAccountService::updateClaimsWithoutChangesPublishesNothing()
{
    QVERIFY(service().create(accountOf(u"alice"_s, {{u"name"_s, u"A"_s}}), Password, u"d"_s).ok());
    m_f->clearEvents();
    auto updated = service().updateClaims(u"alice"_s, {{u"name"_s, u"A"_s}}, u"d"_s);
    QVERIFY(updated.ok());
    QVERIFY(updated->fields.isEmpty());
    QVERIFY(adminEvents().isEmpty());
}

void TestAccountService::updateClaimsRefusesInvalid_data()
{
    QTest::addColumn<QJsonObject>("claims");
    QTest::addColumn<QString>("problem");
    QTest::newRow("bad email") << QJsonObject{{u"email"_s, u"nope"_s}}
                               << u"email: is not an e-mail address"_s;
    QTest::newRow("empty group") << QJsonObject{{u"groups"_s, QJsonArray{u""_s}}}
                                 << u"groups[0]: must not be empty"_s;
    QTest::newRow("unknown claim")
        << QJsonObject{{u"shoe_size"_s, 44}} << u"shoe_size: unknown field"_s;
    QTest::newRow("password as a claim")
        << QJsonObject{{u"password"_s, u"x"_s}} << u"password: unknown field"_s;
    QTest::newRow("email_verified as text") << QJsonObject{{u"email_verified"_s, u"true"_s}}
                                            << u"email_verified: must be true or false"_s;
}

void TestAccountService::updateClaimsRefusesInvalid()
{
    QFETCH(QJsonObject, claims);
    QFETCH(QString, problem);
    QVERIFY(service().create(accountOf(u"alice"_s, {{u"name"_s, u"A"_s}}), Password, u"d"_s).ok());
    m_f->clearEvents();
    auto updated = service().updateClaims(u"alice"_s, claims, u"d"_s);
    QVERIFY(!updated.ok());
    QVERIFY2(lines(updated.error().problems).contains(problem),
             qPrintable(updated.error().message()));
    QCOMPARE(stored(u"alice"_s)->claims, (QJsonObject{{u"name"_s, u"A"_s}}));
    QVERIFY(adminEvents().isEmpty());
}

void TestAccountService::updateClaimsOfUnknownAccount()
{
    auto updated = service().updateClaims(u"nobody"_s, {{u"name"_s, u"X"_s}}, u"d"_s);
    QVERIFY(!updated.ok());
    QCOMPARE(updated.error().kind(), Error::Kind::NotFound);
}

void TestAccountService::setPasswordReplacesHash()
{
    QVERIFY(service().create(accountOf(u"alice"_s), Password, u"d"_s).ok());
    addSession(u"sid-1"_s, stored(u"alice"_s)->subject);
    m_f->clearEvents();
    const QString next = u"another long passphrase"_s;
    auto set = service().setPassword(u"alice"_s, next, u"desktop"_s);
    QVERIFY2(set.ok(), qPrintable(set.error().message()));
    QCOMPARE(signIn(u"alice"_s, Password), PasswordLogin::Outcome::Kind::Failed);
    QCOMPARE(signIn(u"alice"_s, next), PasswordLogin::Outcome::Kind::Succeeded);
    // Sessions stay.
    QVERIFY(m_f->services->sessions->find(u"sid-1"_s)->has_value());

    const auto events = adminEvents();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().details.value(u"action"_s).toString(), u"password_set"_s);
    QCOMPARE(events.first().details.value(u"fields"_s).toArray(), QJsonArray{u"password"_s});
    QVERIFY(noEventContains(next));
    QVERIFY(noEventContains(stored(u"alice"_s)->passwordHash));
}

void TestAccountService::setPasswordRefusesBadPasswords_data()
{
    QTest::addColumn<QString>("password");
    QTest::newRow("empty") << QString();
    QTest::newRow("longer than the hasher accepts")
        << QString(PasswordHasher::MaxPasswordBytes + 1, u'x');
}

void TestAccountService::setPasswordRefusesBadPasswords()
{
    QFETCH(QString, password);
    QVERIFY(service().create(accountOf(u"alice"_s), Password, u"d"_s).ok());
    const QString hash = stored(u"alice"_s)->passwordHash;
    m_f->clearEvents();
    auto set = service().setPassword(u"alice"_s, password, u"d"_s);
    QVERIFY(!set.ok());
    QCOMPARE(set.error().kind(), Error::Kind::Invalid);
    QCOMPARE(set.error().problems.size(), 1);
    QCOMPARE(set.error().problems.first().path, u"password"_s);
    if (password.isEmpty()) {
        // The import's message for an empty password.
        QCOMPARE(lines(set.error().problems),
                 importProblems({{u"username"_s, u"alice"_s}, {u"password"_s, u""_s}}));
    }
    QCOMPARE(stored(u"alice"_s)->passwordHash, hash);
    QVERIFY(adminEvents().isEmpty());
}

void TestAccountService::setPasswordOfUnknownAccount()
{
    auto set = service().setPassword(u"nobody"_s, Password, u"d"_s);
    QVERIFY(!set.ok());
    QCOMPARE(set.error().kind(), Error::Kind::NotFound);
}

void TestAccountService::disableEndsSessionsAndSignInFails()
{
    QVERIFY(service().create(accountOf(u"alice"_s), Password, u"d"_s).ok());
    QVERIFY(service().create(accountOf(u"bob"_s), Password, u"d"_s).ok());
    const QString alice = stored(u"alice"_s)->subject;
    const QString bob = stored(u"bob"_s)->subject;
    addSession(u"sid-a1"_s, alice);
    addSession(u"sid-a2"_s, alice);
    addSession(u"sid-b1"_s, bob);
    const QDateTime now = m_f->clock->now();
    QVERIFY(m_f->services->tokens
                ->createFamily(u"fam-a1"_s, u"app"_s, alice, u"sid-a1"_s, now, now.addSecs(600))
                .ok());
    QCOMPARE(signIn(u"alice"_s, Password), PasswordLogin::Outcome::Kind::Succeeded);
    m_f->clearEvents();
    QSignalSpy ended(m_notifier.get(), &SessionEndNotifier::sessionEnded);

    auto disabled = service().setDisabled(u"alice"_s, true, u"desktop"_s);
    QVERIFY2(disabled.ok(), qPrintable(disabled.error().message()));
    QCOMPARE(*disabled, 2);
    QVERIFY(stored(u"alice"_s)->disabled);
    QVERIFY(m_f->services->sessions->list(alice)->isEmpty());
    QCOMPARE(m_f->services->sessions->list(bob)->size(), 1);
    QVERIFY(*m_f->services->tokens->isFamilyRevoked(u"fam-a1"_s));
    // Back-channel logout hears of both sessions.
    QCOMPARE(ended.size(), 2);
    const auto sessionEvents = m_f->publishedEvents(QString(event_type::SessionEnded));
    QCOMPARE(sessionEvents.size(), 2);
    QCOMPARE(sessionEvents.first().details.value(u"actor"_s).toString(), u"desktop"_s);

    const auto events = adminEvents();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().details.value(u"action"_s).toString(), u"disabled"_s);
    QCOMPARE(events.first().details.value(u"fields"_s).toArray(), QJsonArray{u"disabled"_s});
    QCOMPARE(events.first().subject, alice);

    // A disabled account cannot sign in, even with the right password.
    QCOMPARE(signIn(u"alice"_s, Password), PasswordLogin::Outcome::Kind::Failed);
    QCOMPARE(signIn(u"bob"_s, Password), PasswordLogin::Outcome::Kind::Succeeded);
}

void TestAccountService::disableTwiceAndEnable()
{
    QVERIFY(service().create(accountOf(u"alice"_s), Password, u"d"_s).ok());
    QVERIFY(service().setDisabled(u"alice"_s, true, u"d"_s).ok());
    m_f->clearEvents();
    auto again = service().setDisabled(u"alice"_s, true, u"d"_s);
    QVERIFY(again.ok());
    QCOMPARE(*again, 0);
    QVERIFY(adminEvents().isEmpty());

    auto enabled = service().setDisabled(u"alice"_s, false, u"d"_s);
    QVERIFY(enabled.ok());
    QVERIFY(!stored(u"alice"_s)->disabled);
    QCOMPARE(adminEvents().size(), 1);
    QCOMPARE(adminEvents().first().details.value(u"action"_s).toString(), u"enabled"_s);
    QCOMPARE(signIn(u"alice"_s, Password), PasswordLogin::Outcome::Kind::Succeeded);

    auto unknown = service().setDisabled(u"nobody"_s, true, u"d"_s);
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().kind(), Error::Kind::NotFound);
}

void TestAccountService::removeEndsSessionsRevokesAndDeletes()
{
    QVERIFY(service().create(accountOf(u"alice"_s), Password, u"d"_s).ok());
    QVERIFY(service().create(accountOf(u"bob"_s), Password, u"d"_s).ok());
    const QString alice = stored(u"alice"_s)->subject;
    const QString bob = stored(u"bob"_s)->subject;
    addSession(u"sid-a1"_s, alice);
    addSession(u"sid-b1"_s, bob);
    const QDateTime now = m_f->clock->now();
    const auto &tokens = m_f->services->tokens;
    QVERIFY(
        tokens->createFamily(u"fam-a1"_s, u"app"_s, alice, u"sid-a1"_s, now, now.addSecs(60)).ok());
    QVERIFY(tokens->createFamily(u"fam-offline"_s, u"app"_s, alice, {}, now, now.addSecs(60)).ok());
    QVERIFY(
        tokens->createFamily(u"fam-b1"_s, u"app"_s, bob, u"sid-b1"_s, now, now.addSecs(60)).ok());
    QVERIFY(m_f->services->consents->grant({alice, u"app"_s, {u"openid"_s}, now}).ok());
    QVERIFY(m_f->services->consents->grant({bob, u"app"_s, {u"openid"_s}, now}).ok());
    m_f->clearEvents();
    QSignalSpy ended(m_notifier.get(), &SessionEndNotifier::sessionEnded);

    auto removed = service().remove(u"alice"_s, u"desktop"_s);
    QVERIFY2(removed.ok(), qPrintable(removed.error().message()));
    QCOMPARE(removed->sessionsEnded, 1);
    QCOMPARE(removed->consentsRevoked, 1);
    QVERIFY(removed->familiesRevoked >= 1);
    QCOMPARE(removed->account.username, u"alice"_s);
    QCOMPARE(ended.size(), 1);

    QVERIFY(!stored(u"alice"_s));
    QVERIFY(*tokens->isFamilyRevoked(u"fam-a1"_s));
    QVERIFY(*tokens->isFamilyRevoked(u"fam-offline"_s));
    QVERIFY(!*tokens->isFamilyRevoked(u"fam-b1"_s));
    QVERIFY(m_f->services->consents->find(bob, u"app"_s)->has_value());
    QCOMPARE(m_f->services->sessions->list(bob)->size(), 1);
    QCOMPARE(signIn(u"alice"_s, Password), PasswordLogin::Outcome::Kind::Failed);

    const auto events = adminEvents();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().details.value(u"action"_s).toString(), u"deleted"_s);
    QCOMPARE(events.first().username, u"alice"_s);
    QCOMPARE(events.first().subject, alice);
    QCOMPARE(events.first().details.value(u"sessions_ended"_s).toInt(), 1);
}

void TestAccountService::removeUnknownAccount()
{
    auto removed = service().remove(u"nobody"_s, u"d"_s);
    QVERIFY(!removed.ok());
    QCOMPARE(removed.error().kind(), Error::Kind::NotFound);
    QVERIFY(adminEvents().isEmpty());
}

QTEST_GUILESS_MAIN(TestAccountService)
#include "tst_accountservice.moc"
