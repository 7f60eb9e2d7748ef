// SPDX-License-Identifier: GPL-3.0-or-later
#include "FixedRandom.h"
#include "ProviderServicesFixture.h"

#include "admin/ClientService.h"
#include "admin/ClientValidator.h"
#include "admin/ImportService.h"
#include "crypto/SecretHasher.h"
#include "events/EventTypes.h"
#include "jose/Base64Url.h"
#include "store/AccountStore.h"
#include "store/ClientStore.h"
#include "store/ConsentStore.h"
#include "store/SessionStore.h"
#include "store/TokenStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

namespace {

QStringList lines(const ValidationProblems &problems)
{
    QStringList out;
    for (const ValidationProblem &problem : problems)
        out.append(problem.toString());
    return out;
}

/// A valid confidential client in the import format.
QJsonObject baseJson()
{
    return QJsonObject{
        {u"client_id"_s, u"app1"_s},
        {u"client_name"_s, u"Intranet"_s},
        {u"redirect_uris"_s, QJsonArray{u"https://app1.example/callback"_s}},
        {u"grant_types"_s, QJsonArray{u"authorization_code"_s, u"refresh_token"_s}},
        {u"response_types"_s, QJsonArray{u"code"_s}},
        {u"token_endpoint_auth_method"_s, u"client_secret_basic"_s},
        {u"scope"_s, u"openid profile email"_s},
    };
}

QJsonObject patched(QJsonObject json, const QJsonObject &patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

/// The client a form would hold for `json` (types assumed right).
Client clientOf(const QJsonObject &json)
{
    ValidationProblems ignored;
    ValidationProblems warnings;
    Client client = ClientValidator::fromJson(json, QString(), &ignored, &warnings).client;
    // A form's spin box may hold what the reader refuses to read.
    client.accessTokenLifetimeSecs = json.value(u"access_token_lifetime"_s).toInt();
    client.idTokenLifetimeSecs = json.value(u"id_token_lifetime"_s).toInt();
    client.refreshTokenLifetimeSecs = json.value(u"refresh_token_lifetime"_s).toInt();
    return client;
}

} // namespace

class TestClientService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createConfidentialReturnsSecretOnce();
    void createPublicHasNoSecret();
    void createRefusesInvalidInputAsImportDoes_data();
    void createRefusesInvalidInputAsImportDoes();
    void createRefusesEmptyClientId();
    void createRefusesExistingId();
    void updateNamesChangedFieldsAndKeepsSecret();
    void updateWithoutChangesPublishesNothing();
    void updatePublicToConfidentialGeneratesSecret();
    void updateConfidentialToPublicDropsSecret();
    void updateRefusesInvalidAndKeepsStored();
    void updateUnknownClient();
    void removeRevokesTokensAndConsentsButKeepsSessions();
    void removeUnknownClient();
    void rotateSecretReplacesIt();
    void rotateSecretOfPublicClientRefused();
    void rotateSecretOfUnknownClient();
    void suggestedIdsAreValidAndDistinct();

private:
    ClientService service() const;
    ImportService importService() const;
    /// The problems `lanyard import` reports for `json`, without the
    /// "clients[0]." prefix.
    QStringList importProblems(const QJsonObject &json) const;
    std::optional<Client> stored(const QString &clientId) const;
    QList<Event> adminEvents() const;
    /// No event of the fixture carries `text`.
    bool noEventContains(const QString &text) const;

    std::unique_ptr<test::ProviderServicesFixture> m_f;
    std::shared_ptr<test::FixedRandom> m_random;
};

void TestClientService::init()
{
    m_f = std::make_unique<test::ProviderServicesFixture>();
    QVERIFY2(m_f->error.isEmpty(), qPrintable(m_f->error));
    m_random = std::make_shared<test::FixedRandom>(7);
}

void TestClientService::cleanup()
{
    m_f.reset();
}

ClientService TestClientService::service() const
{
    const auto &s = m_f->services;
    return ClientService({m_f->database->db, s->clients, s->tokens, s->consents, s->secretHasher,
                          m_random, s->clock, s->events});
}

ImportService TestClientService::importService() const
{
    const auto &s = m_f->services;
    return ImportService({m_f->database->db, s->clients, s->accounts, s->secretHasher,
                          s->passwordHasher, m_random, nullptr});
}

QStringList TestClientService::importProblems(const QJsonObject &json) const
{
    const QJsonObject file{{u"clients"_s, QJsonArray{json}}};
    auto imported = importService().importJson(QJsonDocument(file).toJson(), u"test"_s);
    if (imported.ok())
        return {};
    QStringList out = lines(imported.error());
    out.replaceInStrings(u"clients[0]."_s, QString());
    return out;
}

std::optional<Client> TestClientService::stored(const QString &clientId) const
{
    auto found = m_f->services->clients->find(clientId);
    if (!found)
        qWarning("%s", qPrintable(found.error().message));
    return found.ok() ? *found : std::nullopt;
}

QList<Event> TestClientService::adminEvents() const
{
    return m_f->publishedEvents(QString(event_type::AdminChanged));
}

bool TestClientService::noEventContains(const QString &text) const
{
    for (const Event &event : m_f->publishedEvents()) {
        if (QString::fromUtf8(QJsonDocument(event.toJson()).toJson()).contains(text))
            return false;
    }
    return true;
}

void TestClientService::createConfidentialReturnsSecretOnce()
{
    const qsizetype before = m_random->consumed();
    auto saved = service().create(clientOf(baseJson()), u"desktop"_s);
    QVERIFY2(saved.ok(), qPrintable(saved.error().message()));

    // 256 bits from the injected RandomSource, base64url without padding.
    QCOMPARE(saved->secret.size(), 43);
    QVERIFY(m_random->consumed() - before >= 32);
    const auto raw = Base64Url::decode(saved->secret.toLatin1());
    QVERIFY(raw.ok());
    QCOMPARE(raw->size(), 32);

    // Stored only as a hash; never returned again.
    QVERIFY(saved->client.secretHash.isEmpty());
    const auto client = stored(u"app1"_s);
    QVERIFY(client);
    QVERIFY(!client->secretHash.isEmpty());
    QVERIFY(!client->secretHash.contains(saved->secret));
    QVERIFY(m_f->services->secretHasher->verify(saved->secret, client->secretHash));
    QCOMPARE(client->clientName, u"Intranet"_s);
    auto listed = service().list();
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), 1);
    QVERIFY(listed->first().secretHash.isEmpty());
    auto got = service().get(u"app1"_s);
    QVERIFY(got.ok());
    QVERIFY(got->secretHash.isEmpty());
    QCOMPARE(got->redirectUris, QStringList{u"https://app1.example/callback"_s});

    const auto events = adminEvents();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().clientId, u"app1"_s);
    QCOMPARE(events.first().details.value(u"actor"_s).toString(), u"desktop"_s);
    QCOMPARE(events.first().details.value(u"entity"_s).toString(), u"client"_s);
    QCOMPARE(events.first().details.value(u"action"_s).toString(), u"created"_s);
    QVERIFY(events.first().details.value(u"fields"_s).isArray());
    QVERIFY(noEventContains(saved->secret));
    QVERIFY(noEventContains(client->secretHash));
}

void TestClientService::createPublicHasNoSecret()
{
    auto saved = service().create(
        clientOf(patched(baseJson(), {{u"token_endpoint_auth_method"_s, u"none"_s}})),
        u"desktop"_s);
    QVERIFY2(saved.ok(), qPrintable(saved.error().message()));
    QVERIFY(saved->secret.isEmpty());
    QVERIFY(saved->client.isPublic());
    QVERIFY(stored(u"app1"_s)->secretHash.isEmpty());
}

void TestClientService::createRefusesInvalidInputAsImportDoes_data()
{
    QTest::addColumn<QJsonObject>("patch");
    QTest::addColumn<QString>("path");

    const auto uris = [](const QStringList &list) {
        return QJsonArray::fromStringList(list);
    };
    QTest::newRow("fragment in redirect URI")
        << QJsonObject{{u"redirect_uris"_s, uris({u"https://app1.example/cb#x"_s})}}
        << u"redirect_uris[0]"_s;
    QTest::newRow("plain http off loopback")
        << QJsonObject{{u"redirect_uris"_s, uris({u"http://app1.example/cb"_s})}}
        << u"redirect_uris[0]"_s;
    QTest::newRow("relative redirect URI")
        << QJsonObject{{u"redirect_uris"_s, uris({u"/callback"_s})}} << u"redirect_uris[0]"_s;
    QTest::newRow("redirect URI listed twice")
        << QJsonObject{{u"redirect_uris"_s,
                        uris({u"https://app1.example/cb"_s, u"https://app1.example/cb"_s})}}
        << u"redirect_uris[1]"_s;
    QTest::newRow("no redirect URI for the code grant")
        << QJsonObject{{u"redirect_uris"_s, uris({})}} << u"redirect_uris"_s;
    QTest::newRow("fragment in post-logout URI")
        << QJsonObject{{u"post_logout_redirect_uris"_s, uris({u"https://app1.example/#x"_s})}}
        << u"post_logout_redirect_uris[0]"_s;
    QTest::newRow("unsupported grant type")
        << QJsonObject{{u"grant_types"_s, uris({u"authorization_code"_s, u"password"_s})}}
        << u"grant_types[1]"_s;
    QTest::newRow("no grant type")
        << QJsonObject{{u"grant_types"_s, uris({})}, {u"response_types"_s, uris({})}}
        << u"grant_types"_s;
    QTest::newRow("refresh_token without authorization_code")
        << QJsonObject{{u"grant_types"_s, uris({u"refresh_token"_s})},
                       {u"response_types"_s, uris({})}}
        << u"grant_types"_s;
    QTest::newRow("client_credentials for a public client")
        << QJsonObject{{u"token_endpoint_auth_method"_s, u"none"_s},
                       {u"grant_types"_s, uris({u"authorization_code"_s, u"client_credentials"_s})}}
        << u"grant_types"_s;
    QTest::newRow("public client without PKCE")
        << QJsonObject{{u"token_endpoint_auth_method"_s, u"none"_s}, {u"require_pkce"_s, false}}
        << u"require_pkce"_s;
    QTest::newRow("public resource server")
        << QJsonObject{{u"token_endpoint_auth_method"_s, u"none"_s}, {u"resource_server"_s, true}}
        << u"resource_server"_s;
    QTest::newRow("unknown auth method")
        << QJsonObject{{u"token_endpoint_auth_method"_s, u"private_key_jwt"_s}}
        << u"token_endpoint_auth_method"_s;
    QTest::newRow("unsupported ID token algorithm")
        << QJsonObject{{u"id_token_signed_response_alg"_s, u"HS256"_s}}
        << u"id_token_signed_response_alg"_s;
    QTest::newRow("invalid scope token")
        << QJsonObject{{u"scope"_s, u"openid pro\"file"_s}} << u"scope"_s;
    QTest::newRow("access token lifetime over a year")
        << QJsonObject{{u"access_token_lifetime"_s, 366 * 24 * 3600}} << u"access_token_lifetime"_s;
    QTest::newRow("negative refresh token lifetime")
        << QJsonObject{{u"refresh_token_lifetime"_s, -1}} << u"refresh_token_lifetime"_s;
    QTest::newRow("back-channel logout URI not https")
        << QJsonObject{{u"backchannel_logout_uri"_s, u"com.example.app:/logout"_s}}
        << u"backchannel_logout_uri"_s;
    QTest::newRow("back-channel logout URI with fragment")
        << QJsonObject{{u"backchannel_logout_uri"_s, u"https://app1.example/logout#x"_s}}
        << u"backchannel_logout_uri"_s;
    QTest::newRow("client_id with a space")
        << QJsonObject{{u"client_id"_s, u"my app"_s}} << u"client_id"_s;
    QTest::newRow("client_id not ASCII")
        << QJsonObject{{u"client_id"_s, u"приложение"_s}} << u"client_id"_s;
}

void TestClientService::createRefusesInvalidInputAsImportDoes()
{
    QFETCH(QJsonObject, patch);
    QFETCH(QString, path);
    const QJsonObject json = patched(baseJson(), patch);

    auto saved = service().create(clientOf(json), u"desktop"_s);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().kind(), Error::Kind::Invalid);
    const QStringList problems = lines(saved.error().problems);
    QVERIFY2(std::any_of(saved.error().problems.cbegin(), saved.error().problems.cend(),
                         [&](const ValidationProblem &p) { return p.path == path; }),
             qPrintable(problems.join(u'\n')));
    QCOMPARE(saved.error().message(), problems.join(u'\n'));

    // The import says exactly the same about the same client.
    QJsonObject importJson = json;
    if (json.value(u"token_endpoint_auth_method"_s).toString() != u"none"_s)
        importJson.insert(u"client_secret"_s, QString(43, u'x'));
    QCOMPARE(problems, importProblems(importJson));

    // Nothing written, nothing announced.
    QVERIFY(service().list()->isEmpty());
    QVERIFY(adminEvents().isEmpty());
}

void TestClientService::createRefusesEmptyClientId()
{
    auto saved =
        service().create(clientOf(patched(baseJson(), {{u"client_id"_s, u""_s}})), u"desktop"_s);
    QVERIFY(!saved.ok());
    // The import's message for a missing client_id.
    QJsonObject missing = baseJson();
    missing.remove(u"client_id"_s);
    missing.insert(u"client_secret"_s, QString(43, u'x'));
    QCOMPARE(lines(saved.error().problems), importProblems(missing));
    QVERIFY(service().list()->isEmpty());
}

void TestClientService::createRefusesExistingId()
{
    auto first = service().create(clientOf(baseJson()), u"desktop"_s);
    QVERIFY(first.ok());
    const QString hash = stored(u"app1"_s)->secretHash;
    m_f->clearEvents();
    auto again =
        service().create(clientOf(patched(baseJson(), {{u"client_name"_s, u"Other"_s}})), u"x"_s);
    QVERIFY(!again.ok());
    QCOMPARE(lines(again.error().problems), QStringList{u"client_id: already exists"_s});
    QCOMPARE(stored(u"app1"_s)->clientName, u"Intranet"_s);
    QCOMPARE(stored(u"app1"_s)->secretHash, hash);
    QVERIFY(adminEvents().isEmpty());
}

void TestClientService::updateNamesChangedFieldsAndKeepsSecret()
{
    auto created = service().create(clientOf(baseJson()), u"desktop"_s);
    QVERIFY(created.ok());
    m_f->clearEvents();

    Client edited = created->client;
    edited.clientName = u"Intranet (new)"_s;
    edited.redirectUris.append(u"https://app1.example/other"_s);
    edited.accessTokenLifetimeSecs = 600;
    auto updated = service().update(edited, u"desktop"_s);
    QVERIFY2(updated.ok(), qPrintable(updated.error().message()));
    QCOMPARE(updated->fields,
             (QStringList{u"access_token_lifetime"_s, u"client_name"_s, u"redirect_uris"_s}));
    QVERIFY(updated->secret.isEmpty());
    QVERIFY(updated->client.secretHash.isEmpty());

    const auto client = stored(u"app1"_s);
    QCOMPARE(client->clientName, u"Intranet (new)"_s);
    QCOMPARE(client->redirectUris.size(), 2);
    QCOMPARE(client->accessTokenLifetimeSecs, 600);
    QVERIFY(m_f->services->secretHasher->verify(created->secret, client->secretHash));

    const auto events = adminEvents();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().details.value(u"action"_s).toString(), u"updated"_s);
    QCOMPARE(events.first().details.value(u"fields"_s).toArray(),
             QJsonArray::fromStringList(updated->fields));
    QCOMPARE(events.first().details.value(u"actor"_s).toString(), u"desktop"_s);
}

void TestClientService::updateWithoutChangesPublishesNothing()
{
    auto created = service().create(clientOf(baseJson()), u"desktop"_s);
    QVERIFY(created.ok());
    m_f->clearEvents();
    auto updated = service().update(created->client, u"desktop"_s);
    QVERIFY(updated.ok());
    QVERIFY(updated->fields.isEmpty());
    QVERIFY(adminEvents().isEmpty());
}

void TestClientService::updatePublicToConfidentialGeneratesSecret()
{
    auto created = service().create(
        clientOf(patched(baseJson(), {{u"token_endpoint_auth_method"_s, u"none"_s}})), u"d"_s);
    QVERIFY(created.ok());
    Client edited = created->client;
    edited.tokenEndpointAuthMethod = u"client_secret_post"_s;
    auto updated = service().update(edited, u"d"_s);
    QVERIFY2(updated.ok(), qPrintable(updated.error().message()));
    QCOMPARE(updated->secret.size(), 43);
    QVERIFY(updated->fields.contains(u"client_secret"_s));
    QVERIFY(updated->fields.contains(u"token_endpoint_auth_method"_s));
    QVERIFY(m_f->services->secretHasher->verify(updated->secret, stored(u"app1"_s)->secretHash));
    QVERIFY(noEventContains(updated->secret));
}

void TestClientService::updateConfidentialToPublicDropsSecret()
{
    auto created = service().create(clientOf(baseJson()), u"d"_s);
    QVERIFY(created.ok());
    Client edited = created->client;
    edited.tokenEndpointAuthMethod = u"none"_s;
    auto updated = service().update(edited, u"d"_s);
    QVERIFY2(updated.ok(), qPrintable(updated.error().message()));
    QVERIFY(updated->secret.isEmpty());
    QVERIFY(updated->fields.contains(u"client_secret"_s));
    QVERIFY(stored(u"app1"_s)->secretHash.isEmpty());
}

void TestClientService::updateRefusesInvalidAndKeepsStored()
{
    auto created = service().create(clientOf(baseJson()), u"d"_s);
    QVERIFY(created.ok());
    m_f->clearEvents();
    Client edited = created->client;
    edited.clientName = u"Changed"_s;
    edited.redirectUris = {u"https://app1.example/cb#fragment"_s};
    auto updated = service().update(edited, u"d"_s);
    QVERIFY(!updated.ok());
    QCOMPARE(updated.error().problems.size(), 1);
    QCOMPARE(updated.error().problems.first().path, u"redirect_uris[0]"_s);
    QCOMPARE(stored(u"app1"_s)->clientName, u"Intranet"_s);
    QVERIFY(adminEvents().isEmpty());
}

void TestClientService::updateUnknownClient()
{
    auto updated = service().update(clientOf(baseJson()), u"d"_s);
    QVERIFY(!updated.ok());
    QCOMPARE(updated.error().kind(), Error::Kind::NotFound);
    QVERIFY(service().list()->isEmpty());
}

void TestClientService::removeRevokesTokensAndConsentsButKeepsSessions()
{
    const auto &s = m_f->services;
    QVERIFY(service().create(clientOf(baseJson()), u"d"_s).ok());
    QVERIFY(service()
                .create(clientOf(patched(baseJson(), {{u"client_id"_s, u"other"_s}})), u"d"_s)
                .ok());
    Account alice;
    alice.subject = u"sub-alice"_s;
    alice.username = u"alice"_s;
    QVERIFY(s->accounts->save(alice).ok());
    Session session;
    session.id = u"sid-1"_s;
    session.cookieHash = u"cookie-1"_s;
    session.subject = alice.subject;
    session.createdAt = session.authTime = session.lastActiveAt = m_f->clock->now();
    session.expiresAt = m_f->clock->now().addSecs(3600);
    session.clientIds = {u"app1"_s};
    QVERIFY(s->sessions->create(session).ok());
    const QDateTime now = m_f->clock->now();
    const QDateTime later = now.addSecs(3600);
    QVERIFY(s->tokens->createFamily(u"fam-app1"_s, u"app1"_s, alice.subject, u"sid-1"_s, now, later)
                .ok());
    QVERIFY(
        s->tokens->createFamily(u"fam-offline"_s, u"app1"_s, alice.subject, {}, now, later).ok());
    QVERIFY(s->tokens->createFamily(u"fam-service"_s, u"app1"_s, {}, {}, now, later).ok());
    QVERIFY(
        s->tokens->createFamily(u"fam-other"_s, u"other"_s, alice.subject, u"sid-1"_s, now, later)
            .ok());
    QVERIFY(s->consents->grant({alice.subject, u"app1"_s, {u"openid"_s}, now}).ok());
    QVERIFY(s->consents->grant({alice.subject, u"other"_s, {u"openid"_s}, now}).ok());
    m_f->clearEvents();

    auto removed = service().remove(u"app1"_s, u"desktop"_s);
    QVERIFY2(removed.ok(), qPrintable(removed.error().message()));
    QCOMPARE(removed->familiesRevoked, 3);
    QCOMPARE(removed->consentsRevoked, 1);
    QCOMPARE(removed->client.clientId, u"app1"_s);

    QVERIFY(!stored(u"app1"_s));
    for (const QString &family : {u"fam-app1"_s, u"fam-offline"_s, u"fam-service"_s})
        QVERIFY2(*s->tokens->isFamilyRevoked(family), qPrintable(family));
    QVERIFY(!*s->tokens->isFamilyRevoked(u"fam-other"_s));
    QVERIFY(!s->consents->find(alice.subject, u"app1"_s)->has_value());
    QVERIFY(s->consents->find(alice.subject, u"other"_s)->has_value());
    // The account's browser session stays: it is not the client's.
    QVERIFY(s->sessions->find(u"sid-1"_s)->has_value());

    const auto events = adminEvents();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().clientId, u"app1"_s);
    QCOMPARE(events.first().details.value(u"action"_s).toString(), u"deleted"_s);
    QCOMPARE(events.first().details.value(u"families_revoked"_s).toInt(), 3);
}

void TestClientService::removeUnknownClient()
{
    auto removed = service().remove(u"nobody"_s, u"d"_s);
    QVERIFY(!removed.ok());
    QCOMPARE(removed.error().kind(), Error::Kind::NotFound);
    QVERIFY(adminEvents().isEmpty());
}

void TestClientService::rotateSecretReplacesIt()
{
    auto created = service().create(clientOf(baseJson()), u"d"_s);
    QVERIFY(created.ok());
    m_f->clearEvents();
    auto rotated = service().rotateSecret(u"app1"_s, u"desktop"_s);
    QVERIFY2(rotated.ok(), qPrintable(rotated.error().message()));
    QCOMPARE(rotated->size(), 43);
    QVERIFY(*rotated != created->secret);
    const QString hash = stored(u"app1"_s)->secretHash;
    QVERIFY(m_f->services->secretHasher->verify(*rotated, hash));
    QVERIFY(!m_f->services->secretHasher->verify(created->secret, hash));

    const auto events = adminEvents();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().details.value(u"action"_s).toString(), u"secret_rotated"_s);
    QCOMPARE(events.first().details.value(u"fields"_s).toArray(), QJsonArray{u"client_secret"_s});
    QVERIFY(noEventContains(*rotated));
    QVERIFY(noEventContains(hash));
}

void TestClientService::rotateSecretOfPublicClientRefused()
{
    QVERIFY(
        service()
            .create(clientOf(patched(baseJson(), {{u"token_endpoint_auth_method"_s, u"none"_s}})),
                    u"d"_s)
            .ok());
    m_f->clearEvents();
    auto rotated = service().rotateSecret(u"app1"_s, u"d"_s);
    QVERIFY(!rotated.ok());
    QCOMPARE(rotated.error().kind(), Error::Kind::Invalid);
    // What the import says about a secret on a public client.
    QJsonObject json = patched(baseJson(), {{u"token_endpoint_auth_method"_s, u"none"_s},
                                            {u"client_secret"_s, QString(43, u'x')}});
    QCOMPARE(lines(rotated.error().problems), importProblems(json));
    QVERIFY(stored(u"app1"_s)->secretHash.isEmpty());
    QVERIFY(adminEvents().isEmpty());
}

void TestClientService::rotateSecretOfUnknownClient()
{
    auto rotated = service().rotateSecret(u"nobody"_s, u"d"_s);
    QVERIFY(!rotated.ok());
    QCOMPARE(rotated.error().kind(), Error::Kind::NotFound);
}

void TestClientService::suggestedIdsAreValidAndDistinct()
{
    const QString a = service().suggestClientId();
    const QString b = service().suggestClientId();
    QVERIFY(a != b);
    QVERIFY(a.size() >= 22);
    Client client = clientOf(baseJson());
    client.clientId = a;
    QVERIFY(ClientService::check(client, true).isEmpty());
}

QTEST_GUILESS_MAIN(TestClientService)
#include "tst_clientservice.moc"
