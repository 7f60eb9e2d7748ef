// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"

#include "admin/KeyService.h"
#include "crypto/KeyGenerator.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "jose/Jwk.h"
#include "jose/Jws.h"
#include "jose/KeyRing.h"
#include "model/Client.h"
#include "store/SqlClientStore.h"
#include "store/SqlEventStore.h"
#include "store/SqlKeyStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

Q_DECLARE_METATYPE(lanyard::Error::Kind)

namespace {

const QDateTime T0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
const QString RS256 = u"RS256"_s;
const QString ES256 = u"ES256"_s;

/// What a relying party does with a JWKS it fetched earlier: find the key
/// by kid and check the signature with it. True when the token verifies.
bool verifiesWithJwks(const QByteArray &jwksJson, const QByteArray &token)
{
    const auto decoded = Jws::decode(token);
    if (!decoded)
        return false;
    const QJsonArray keys = QJsonDocument::fromJson(jwksJson).object().value(u"keys"_s).toArray();
    for (const QJsonValue &value : keys) {
        const QJsonObject jwk = value.toObject();
        if (jwk.value(u"kid"_s).toString() != decoded->kid)
            continue;
        auto key = Jwk::toPublicKey(jwk);
        if (!key)
            return false;
        return Jws::verify(token, key->get(), {decoded->alg}).ok();
    }
    return false;
}

QString kidOf(const QByteArray &token)
{
    const auto decoded = Jws::decode(token);
    return decoded ? decoded->kid : QString();
}

} // namespace

class TestKeyService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void rotationKeepsEveryTokenVerifiable();
    void rotationDelay_data();
    void rotationDelay();
    void retiredKeyOutlivesTheLongestTokenLifetime();
    void retire_data();
    void retire();
    void rotateRefusals();
    void rotateAllRotatesEveryActiveAlgorithm();
    void concurrentRotationsPromoteTheNewest();
    void automaticSchedule();
    void noScheduleWhenOff();

private:
    KeyService service(ProviderConfig config = {}) const;
    std::shared_ptr<const KeyRing> ring(const KeyService &keys) const;
    SigningKey stored(const QString &kid) const;
    QList<Event> events(const QString &type) const;

    std::shared_ptr<MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_t;
    std::shared_ptr<SqlKeyStore> m_keys;
    std::shared_ptr<SqlClientStore> m_clients;
    std::unique_ptr<EventBus> m_bus;
    QList<Event> m_events;
};

void TestKeyService::init()
{
    m_clock = std::make_shared<MockClock>(T0);
    m_t = std::make_unique<TestDatabase>(m_clock);
    QVERIFY2(m_t->db, qPrintable(m_t->error));
    m_keys = std::make_shared<SqlKeyStore>(m_t->db);
    m_clients = std::make_shared<SqlClientStore>(m_t->db);
    m_bus = std::make_unique<EventBus>(std::make_shared<SqlEventStore>(m_t->db), m_clock);
    m_events.clear();
    connect(m_bus.get(), &EventBus::published, this,
            [this](const Event &event) { m_events.append(event); });
    // A first start: RS256 and ES256 sign at once.
    const auto created = service().ensureSigningKeys();
    QVERIFY2(created.ok(), qPrintable(created.error().message));
    QCOMPARE(created->size(), 2);
}

void TestKeyService::cleanup()
{
    m_bus.reset();
    m_keys.reset();
    m_clients.reset();
    m_t.reset();
}

KeyService TestKeyService::service(ProviderConfig config) const
{
    return KeyService({m_t->db, m_keys, m_clients, m_clock, m_bus.get()}, std::move(config));
}

std::shared_ptr<const KeyRing> TestKeyService::ring(const KeyService &keys) const
{
    auto loaded = keys.loadKeyRing();
    if (!loaded)
        qFatal("cannot load the key ring: %s", qPrintable(loaded.error().message));
    return *loaded;
}

SigningKey TestKeyService::stored(const QString &kid) const
{
    const auto keys = m_keys->list();
    for (const SigningKey &key : keys.value())
        if (key.kid == kid)
            return key;
    return {};
}

QList<Event> TestKeyService::events(const QString &type) const
{
    QList<Event> found;
    for (const Event &event : m_events)
        if (event.type == type)
            found.append(event);
    return found;
}

void TestKeyService::rotationKeepsEveryTokenVerifiable()
{
    const KeyService keys = service();
    const QJsonObject claims{{u"sub"_s, u"alice"_s}};

    // Before rotation: a relying party caches this JWKS; a token is signed.
    const auto before = ring(keys);
    const QString oldKid = before->activeKid(RS256);
    const QByteArray jwksBefore = before->jwksJson();
    const QByteArray tokenBefore = before->sign(RS256, claims).value();
    QCOMPARE(kidOf(tokenBefore), oldKid);

    // rotate: the new key is published at once but signs nothing yet.
    const auto rotated = keys.rotate(RS256);
    QVERIFY2(rotated.ok(), qPrintable(rotated.error().message));
    QCOMPARE(rotated->state, KeyState::Next);
    const QString newKid = rotated->kid;
    QVERIFY(newKid != oldKid);
    const auto published = ring(keys);
    QVERIFY(published->publishedKids().contains(newKid));
    QCOMPARE(published->activeKid(RS256), oldKid);
    QCOMPARE(kidOf(published->sign(RS256, claims).value()), oldKid);
    const QByteArray jwksDuringDelay = published->jwksJson();
    QCOMPARE(events(QString(event_type::KeyGenerated)).constLast().details.value(u"kid"_s),
             QJsonValue(newKid));

    // The new key starts signing only after every cache of the old JWKS expired.
    const QDateTime signsFrom = keys.signsFrom(*rotated);
    QVERIFY(signsFrom >= T0.addSecs(ProviderConfig().jwksMaxAgeSecs));

    // Before the delay nothing changes.
    m_clock->set(signsFrom.addSecs(-1));
    auto changes = keys.maintain();
    QVERIFY2(changes.ok(), qPrintable(changes.error().message));
    QVERIFY(changes->isEmpty());
    QCOMPARE(ring(keys)->activeKid(RS256), oldKid);
    QCOMPARE(stored(newKid).state, KeyState::Next);

    // After it the new key signs, the old one is retired and still published.
    m_clock->set(signsFrom);
    changes = keys.maintain();
    QVERIFY2(changes.ok(), qPrintable(changes.error().message));
    QCOMPARE(changes->activated.size(), 1);
    QCOMPARE(changes->activated.first().kid, newKid);
    QCOMPARE(changes->retired.size(), 1);
    QCOMPARE(changes->retired.first().kid, oldKid);
    const SigningKey retired = stored(oldKid);
    QCOMPARE(retired.state, KeyState::Retired);
    QCOMPARE(retired.retiredAt, signsFrom);
    const int lifetime = 3600 + KeyService::RetirementMarginSecs;
    QCOMPARE(retired.publishedUntil, signsFrom.addSecs(lifetime));
    QCOMPARE(stored(newKid).state, KeyState::Active);
    QCOMPARE(stored(newKid).activatedAt, signsFrom);
    const auto after = ring(keys);
    QCOMPARE(after->activeKid(RS256), newKid);
    QVERIFY(after->publishedKids().contains(oldKid));
    // ES256 was not rotated.
    QCOMPARE(after->activeKid(ES256), before->activeKid(ES256));
    QCOMPARE(events(QString(event_type::KeyActivated)).size(), 1);
    QCOMPARE(events(QString(event_type::KeyRetired)).size(), 1);
    QCOMPARE(events(QString(event_type::KeyRetired)).first().details.value(u"successor"_s),
             QJsonValue(newKid));

    // The token signed before rotation verifies with the JWKS fetched
    // before rotation and with the JWKS after it.
    const QByteArray jwksAfter = after->jwksJson();
    QVERIFY(verifiesWithJwks(jwksBefore, tokenBefore));
    QVERIFY(verifiesWithJwks(jwksAfter, tokenBefore));
    QVERIFY(after->verify(tokenBefore, {RS256}).ok());
    // A token of the new key verifies with any JWKS fetched since the rotation.
    const QByteArray tokenAfter = after->sign(RS256, claims).value();
    QCOMPARE(kidOf(tokenAfter), newKid);
    QVERIFY(verifiesWithJwks(jwksDuringDelay, tokenAfter));
    QVERIFY(verifiesWithJwks(jwksAfter, tokenAfter));

    // Until publishedUntil the old key stays; then it is removed.
    m_clock->set(retired.publishedUntil.addSecs(-1));
    changes = keys.maintain();
    QVERIFY(changes.ok());
    QVERIFY(changes->isEmpty());
    QVERIFY(ring(keys)->publishedKids().contains(oldKid));
    m_clock->set(retired.publishedUntil);
    changes = keys.maintain();
    QVERIFY(changes.ok());
    QCOMPARE(changes->removed, QStringList{oldKid});
    QVERIFY(stored(oldKid).kid.isEmpty());
    QVERIFY(!ring(keys)->publishedKids().contains(oldKid));
    QCOMPARE(ring(keys)->activeKid(RS256), newKid);
    QCOMPARE(events(QString(event_type::KeyRemoved)).size(), 1);
    QCOMPARE(events(QString(event_type::KeyRemoved)).first().details.value(u"kid"_s),
             QJsonValue(oldKid));
}

void TestKeyService::rotationDelay_data()
{
    QTest::addColumn<int>("jwksMaxAge");
    QTest::addColumn<int>("delaySetting"); // -1: not set
    QTest::addColumn<int>("expectedDelay");
    QTest::newRow("default: the JWKS cache lifetime") << 600 << -1 << 600;
    QTest::newRow("follows jwks_max_age") << 3600 << -1 << 3600;
    QTest::newRow("explicit longer delay") << 600 << 7200 << 7200;
    QTest::newRow("explicit zero (emergency)") << 600 << 0 << 0;
}

void TestKeyService::rotationDelay()
{
    QFETCH(int, jwksMaxAge);
    QFETCH(int, delaySetting);
    QFETCH(int, expectedDelay);
    ProviderConfig config;
    config.jwksMaxAgeSecs = jwksMaxAge;
    if (delaySetting >= 0)
        config.keyRotationDelaySecs = delaySetting;
    const KeyService keys = service(config);
    QCOMPARE(keys.rotationDelaySecs(), expectedDelay);
    const auto rotated = keys.rotate(ES256);
    QVERIFY(rotated.ok());
    const QDateTime due = T0.addSecs(expectedDelay + KeyService::PublicationAllowanceSecs);
    QCOMPARE(keys.signsFrom(*rotated), due);

    m_clock->set(due.addSecs(-1));
    QVERIFY(keys.maintain()->activated.isEmpty());
    m_clock->set(due);
    QCOMPARE(keys.maintain()->activated.size(), 1);
    QCOMPARE(ring(keys)->activeKid(ES256), rotated->kid);
}

void TestKeyService::retiredKeyOutlivesTheLongestTokenLifetime()
{
    ProviderConfig config;
    config.accessTokenLifetimeSecs = 900;
    config.idTokenLifetimeSecs = 1800;
    config.keyRotationDelaySecs = 0;
    const KeyService keys = service(config);
    auto lifetime = keys.retiredKeyLifetimeSecs();
    QVERIFY(lifetime.ok());
    QCOMPARE(*lifetime, 1800 + KeyService::RetirementMarginSecs);

    // A client that overrides a lifetime stretches it.
    Client client;
    client.clientId = u"long"_s;
    client.redirectUris = {u"https://long.example/cb"_s};
    client.accessTokenLifetimeSecs = 20'000;
    QVERIFY(m_clients->save(client).ok());
    lifetime = keys.retiredKeyLifetimeSecs();
    QCOMPARE(*lifetime, 20'000 + KeyService::RetirementMarginSecs);

    const QString oldKid = ring(keys)->activeKid(RS256);
    QVERIFY(keys.rotate(RS256).ok());
    m_clock->advance(KeyService::PublicationAllowanceSecs);
    QCOMPARE(keys.maintain()->retired.size(), 1);
    QCOMPARE(stored(oldKid).publishedUntil, m_clock->now().addSecs(*lifetime));
}

void TestKeyService::retire_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("reason"); // contained in the message

    QTest::newRow("unknown kid") << u"unknown"_s << false << Error::Kind::NotFound
                                 << u"no signing key has kid"_s;
    QTest::newRow("empty kid") << u"empty"_s << false << Error::Kind::Invalid << u"kid"_s;
    QTest::newRow("already retired")
        << u"retired"_s << false << Error::Kind::Conflict << u"already retired"_s;
    QTest::newRow("only active RS256") << u"only RS256"_s << false << Error::Kind::Conflict
                                       << u"RS256 must always be able to sign"_s;
    QTest::newRow("only active ES256")
        << u"only ES256"_s << false << Error::Kind::Conflict << u"the only active ES256 key"_s;
    QTest::newRow("only active, successor waiting")
        << u"successor waiting"_s << false << Error::Kind::Conflict << u"its successor"_s;
    QTest::newRow("a next key") << u"next"_s << true << Error::Kind::Invalid << QString();
    QTest::newRow("one of two active keys")
        << u"second active"_s << true << Error::Kind::Invalid << QString();
}

void TestKeyService::retire()
{
    QFETCH(QString, scenario);
    QFETCH(bool, ok);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, reason);
    const KeyService keys = service();
    const auto initial = ring(keys);

    QString kid;
    if (scenario == u"unknown"_s) {
        kid = u"no-such-kid"_s;
    } else if (scenario == u"only RS256"_s) {
        kid = initial->activeKid(RS256);
    } else if (scenario == u"only ES256"_s) {
        kid = initial->activeKid(ES256);
    } else if (scenario == u"successor waiting"_s) {
        QVERIFY(keys.rotate(RS256).ok());
        kid = initial->activeKid(RS256);
    } else if (scenario == u"next"_s) {
        kid = keys.rotate(ES256)->kid;
    } else if (scenario == u"retired"_s || scenario == u"second active"_s) {
        // A second active ES256 key (as a rotation by another instance could
        // briefly leave), so the first may go.
        auto second = KeyGenerator::generateSigningKey(ES256, T0);
        QVERIFY(second.ok());
        second->state = KeyState::Active;
        second->activatedAt = T0.addSecs(1);
        QVERIFY(m_keys->save(*second).ok());
        kid = initial->activeKid(ES256);
        if (scenario == u"retired"_s)
            QVERIFY(keys.retire(kid).ok());
    }
    const SigningKey before = stored(kid);
    m_events.clear();
    m_clock->advance(10);

    const auto retired = keys.retire(kid);
    QCOMPARE(retired.ok(), ok);
    if (!ok) {
        QCOMPARE(retired.error().kind, kind);
        QVERIFY2(retired.error().message.contains(reason), qPrintable(retired.error().message));
        QVERIFY(!retired.error().message.contains(u'\n'));
        // Refused means untouched.
        QCOMPARE(stored(kid).state, before.state);
        QCOMPARE(stored(kid).publishedUntil, before.publishedUntil);
        QVERIFY(events(QString(event_type::KeyRetired)).isEmpty());
        return;
    }
    QCOMPARE(retired->state, KeyState::Retired);
    QCOMPARE(stored(kid).state, KeyState::Retired);
    QCOMPARE(stored(kid).retiredAt, m_clock->now());
    QCOMPARE(events(QString(event_type::KeyRetired)).size(), 1);
    const auto after = ring(keys);
    if (before.state == KeyState::Next) {
        // It never signed: unpublished at once, removed by the next maintenance.
        QCOMPARE(stored(kid).publishedUntil, m_clock->now());
        QVERIFY(!after->publishedKids().contains(kid));
        QCOMPARE(keys.maintain()->removed, QStringList{kid});
    } else {
        QCOMPARE(stored(kid).publishedUntil,
                 m_clock->now().addSecs(*keys.retiredKeyLifetimeSecs()));
        QVERIFY(after->publishedKids().contains(kid));
        QVERIFY(after->activeKid(ES256) != kid);
        QVERIFY(!after->activeKid(ES256).isEmpty());
    }
}

void TestKeyService::rotateRefusals()
{
    const KeyService keys = service();
    auto refused = keys.rotate(u"HS256"_s);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::Invalid);
    refused = keys.rotate(u"none"_s);
    QCOMPARE(refused.error().kind, Error::Kind::Invalid);

    const auto first = keys.rotate(RS256);
    QVERIFY(first.ok());
    const auto second = keys.rotate(RS256);
    QVERIFY(!second.ok());
    QCOMPARE(second.error().kind, Error::Kind::Conflict);
    QVERIFY2(second.error().message.contains(first->kid), qPrintable(second.error().message));

    // rotateAll refuses as a whole while one algorithm has a key waiting.
    const qsizetype count = m_keys->list()->size();
    const auto all = keys.rotateAll();
    QVERIFY(!all.ok());
    QCOMPARE(all.error().kind, Error::Kind::Conflict);
    QCOMPARE(m_keys->list()->size(), count);
}

void TestKeyService::rotateAllRotatesEveryActiveAlgorithm()
{
    const KeyService keys = service();
    const auto all = keys.rotateAll();
    QVERIFY2(all.ok(), qPrintable(all.error().message));
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).alg, RS256);
    QCOMPARE(all->at(1).alg, ES256);
    for (const SigningKey &key : *all)
        QCOMPARE(key.state, KeyState::Next);
    QCOMPARE(ring(keys)->publishedKids().size(), 4);
}

void TestKeyService::concurrentRotationsPromoteTheNewest()
{
    // Two instances rotating at once leave two next keys of one algorithm:
    // the newest takes over, the other never signs and goes.
    const KeyService keys = service();
    const QString oldKid = ring(keys)->activeKid(RS256);
    QList<SigningKey> next;
    for (int i = 0; i < 2; ++i) {
        auto key = KeyGenerator::generateSigningKey(RS256, T0.addSecs(i));
        QVERIFY(key.ok());
        QVERIFY(m_keys->save(*key).ok());
        next.append(*key);
    }
    m_clock->set(keys.signsFrom(next.at(1)));
    const auto changes = keys.maintain();
    QVERIFY2(changes.ok(), qPrintable(changes.error().message));
    QCOMPARE(changes->activated.size(), 1);
    QCOMPARE(changes->activated.first().kid, next.at(1).kid);
    QCOMPARE(changes->retired.size(), 2);
    QCOMPARE(changes->removed, QStringList{next.at(0).kid});
    QCOMPARE(stored(oldKid).state, KeyState::Retired);
    QCOMPARE(ring(keys)->activeKid(RS256), next.at(1).kid);
}

void TestKeyService::automaticSchedule()
{
    ProviderConfig config;
    config.keyRotationIntervalDays = 30;
    const KeyService keys = service(config);
    const auto initial = ring(keys);

    m_clock->set(T0.addDays(30).addSecs(-1));
    auto changes = keys.maintain();
    QVERIFY(changes.ok());
    QVERIFY(changes->isEmpty());

    m_clock->set(T0.addDays(30));
    changes = keys.maintain();
    QVERIFY2(changes.ok(), qPrintable(changes.error().message));
    QCOMPARE(changes->generated.size(), 2);
    for (const SigningKey &key : changes->generated)
        QCOMPARE(key.state, KeyState::Next);
    QCOMPARE(events(QString(event_type::KeyGenerated)).constLast().details.value(u"reason"_s),
             QJsonValue(u"schedule"_s));
    // The successors wait; the schedule does not pile up more.
    QVERIFY(keys.maintain()->isEmpty());
    QCOMPARE(ring(keys)->activeKid(RS256), initial->activeKid(RS256));

    m_clock->set(keys.signsFrom(changes->generated.first()));
    const auto promoted = keys.maintain();
    QCOMPARE(promoted->activated.size(), 2);
    QCOMPARE(promoted->retired.size(), 2);
    QVERIFY(promoted->generated.isEmpty());
    QVERIFY(ring(keys)->activeKid(RS256) != initial->activeKid(RS256));

    // The next rotation is due 30 days after the new keys started signing.
    const QDateTime activated = m_clock->now();
    m_clock->set(activated.addDays(30).addSecs(-1));
    QVERIFY(keys.maintain()->generated.isEmpty());
    m_clock->set(activated.addDays(30));
    QCOMPARE(keys.maintain()->generated.size(), 2);
}

void TestKeyService::noScheduleWhenOff()
{
    const KeyService keys = service();
    QCOMPARE(ProviderConfig().keyRotationIntervalDays, 0);
    m_clock->set(T0.addDays(1000));
    const auto changes = keys.maintain();
    QVERIFY(changes.ok());
    QVERIFY(changes->isEmpty());
    QCOMPARE(m_keys->list()->size(), 2);
}

QTEST_GUILESS_MAIN(TestKeyService)
#include "tst_keyservice.moc"
