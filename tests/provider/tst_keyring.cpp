// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/KeyGenerator.h"
#include "jose/Base64Url.h"
#include "jose/Jwk.h"
#include "jose/Jws.h"
#include "jose/KeyRing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using namespace lanyard;
using Code = JoseError::Code;

Q_DECLARE_METATYPE(lanyard::SigningKey)

namespace {

const QDateTime Now = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);

template<typename R> QString why(const R &result)
{
    return result.ok() ? QString() : result.error().toString();
}

QString whyRing(const Result<std::shared_ptr<const KeyRing>, Error> &ring)
{
    return ring.ok() ? QString() : ring.error().message;
}

/// A stored key of `alg` in `state`; retired keys are published for an hour.
SigningKey makeKey(const QString &alg, KeyState state, qint64 activatedOffset = -3600)
{
    auto key = KeyGenerator::generateSigningKey(alg, Now.addDays(-1));
    if (!key)
        qFatal("key generation failed");
    SigningKey stored = std::move(key).value();
    stored.state = state;
    if (state != KeyState::Next)
        stored.activatedAt = Now.addSecs(activatedOffset);
    if (state == KeyState::Retired) {
        stored.retiredAt = Now.addSecs(-60);
        stored.publishedUntil = Now.addSecs(3600);
    }
    return stored;
}

SigningKey withState(SigningKey key, KeyState state)
{
    key.state = state;
    if (state == KeyState::Retired && !key.publishedUntil.isValid())
        key.publishedUntil = Now.addSecs(3600);
    return key;
}

ossl::PKey privateKeyOf(const SigningKey &key)
{
    auto loaded = KeyGenerator::loadPrivateKeyPkcs8Der(key.privateKeyPkcs8Der);
    if (!loaded)
        qFatal("cannot load key");
    return std::move(loaded).value();
}

QStringList kidsOf(const QJsonObject &jwks)
{
    QStringList kids;
    for (const auto &key : jwks.value(u"keys"_s).toArray())
        kids.append(key.toObject().value(u"kid"_s).toString());
    return kids;
}

} // namespace

class TestKeyRing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void jwksPublishesNextActiveAndRetired();
    void jwksHasNoPrivateMembers();
    void signingAlgorithmsAreActiveOnes();
    void signUsesActiveKey_data();
    void signUsesActiveKey();
    void signWithoutActiveKey();
    void relyingPartyCanVerifyFromJwks();
    void rotationKeepsOldTokensValid();
    void newestActiveKeySigns();
    void verifyWithoutKid();
    void verifyRejections_data();
    void verifyRejections();
    void fromKeysRejections_data();
    void fromKeysRejections();
    void concurrentUse();

private:
    SigningKey m_es256Active;
    SigningKey m_rs256Next;
    SigningKey m_edRetired;
    SigningKey m_psRetiredExpired;
    SigningKey m_es256RetiredNoDate;
    std::shared_ptr<const KeyRing> m_ring;
};

void TestKeyRing::initTestCase()
{
    m_es256Active = makeKey(u"ES256"_s, KeyState::Active);
    m_rs256Next = makeKey(u"RS256"_s, KeyState::Next);
    m_edRetired = makeKey(u"EdDSA"_s, KeyState::Retired);
    m_psRetiredExpired = makeKey(u"PS256"_s, KeyState::Retired);
    m_psRetiredExpired.publishedUntil = Now; // no longer published at Now
    m_es256RetiredNoDate = makeKey(u"ES256"_s, KeyState::Retired);
    m_es256RetiredNoDate.publishedUntil = QDateTime();
    const auto ring = KeyRing::fromKeys(
        {m_es256Active, m_rs256Next, m_edRetired, m_psRetiredExpired, m_es256RetiredNoDate}, Now);
    QVERIFY2(ring.ok(), qPrintable(whyRing(ring)));
    m_ring = ring.value();
}

void TestKeyRing::jwksPublishesNextActiveAndRetired()
{
    const QJsonObject jwks = m_ring->jwks();
    QCOMPARE(jwks.keys(), QStringList{u"keys"_s});
    QCOMPARE(kidsOf(jwks), (QStringList{m_es256Active.kid, m_rs256Next.kid, m_edRetired.kid}));
    QCOMPARE(m_ring->publishedKids(), kidsOf(jwks));
    const QJsonArray keys = jwks.value(u"keys"_s).toArray();
    QCOMPARE(keys.at(0).toObject().value(u"alg"_s).toString(), u"ES256"_s);
    QCOMPARE(keys.at(1).toObject().value(u"alg"_s).toString(), u"RS256"_s);
    QCOMPARE(keys.at(2).toObject().value(u"alg"_s).toString(), u"EdDSA"_s);
    // The cached JSON is the compact form of jwks().
    QCOMPARE(m_ring->jwksJson(), QJsonDocument(jwks).toJson(QJsonDocument::Compact));
    QVERIFY(!m_ring->jwksJson().contains('\n'));
    // Once the retired key's publication ends, it disappears.
    const auto later =
        KeyRing::fromKeys({m_es256Active, m_rs256Next, m_edRetired}, m_edRetired.publishedUntil);
    QVERIFY(later.ok());
    QCOMPARE(later.value()->publishedKids(), (QStringList{m_es256Active.kid, m_rs256Next.kid}));
}

void TestKeyRing::jwksHasNoPrivateMembers()
{
    const QJsonArray keys = m_ring->jwks().value(u"keys"_s).toArray();
    QCOMPARE(keys.size(), 3);
    for (const auto &value : keys) {
        const QJsonObject jwk = value.toObject();
        for (const QString &member : Jwk::privateMemberNames())
            QVERIFY2(!jwk.contains(member), qPrintable(member));
        QCOMPARE(jwk.value(u"use"_s).toString(), u"sig"_s);
        QCOMPARE(Jwk::thumbprint(jwk).value(), jwk.value(u"kid"_s).toString());
    }
    const QByteArray json = m_ring->jwksJson();
    for (const char *member : {"\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\""})
        QVERIFY2(!json.contains(member), member);
}

void TestKeyRing::signingAlgorithmsAreActiveOnes()
{
    QCOMPARE(m_ring->signingAlgorithms(), QStringList{u"ES256"_s});
    QCOMPARE(m_ring->activeKid(u"ES256"_s), m_es256Active.kid);
    QVERIFY(m_ring->activeKid(u"RS256"_s).isEmpty());
    const auto ring = KeyRing::fromKeys({makeKey(u"EdDSA"_s, KeyState::Active),
                                         makeKey(u"PS256"_s, KeyState::Active),
                                         makeKey(u"RS256"_s, KeyState::Active)},
                                        Now);
    QVERIFY(ring.ok());
    QCOMPARE(ring.value()->signingAlgorithms(), (QStringList{u"RS256"_s, u"PS256"_s, u"EdDSA"_s}));
    const auto empty = KeyRing::fromKeys({}, Now);
    QVERIFY(empty.ok());
    QVERIFY(empty.value()->signingAlgorithms().isEmpty());
    QCOMPARE(empty.value()->jwksJson(), R"({"keys":[]})"_ba);
}

void TestKeyRing::signUsesActiveKey_data()
{
    QTest::addColumn<QString>("typ");
    QTest::newRow("no typ") << QString();
    QTest::newRow("JWT") << u"JWT"_s;
    QTest::newRow("at+jwt") << u"at+jwt"_s;
    QTest::newRow("logout+jwt") << u"logout+jwt"_s;
}

void TestKeyRing::signUsesActiveKey()
{
    QFETCH(QString, typ);
    const QJsonObject claims{{u"sub"_s, u"alice"_s}, {u"exp"_s, qint64(1'700'000'600)}};
    const auto token = m_ring->sign(u"ES256"_s, claims, typ);
    QVERIFY2(token.ok(), qPrintable(why(token)));
    const auto decoded = Jws::decode(token.value());
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->alg, u"ES256"_s);
    QCOMPARE(decoded->kid, m_es256Active.kid);
    QCOMPARE(decoded->typ, typ);
    QCOMPARE(decoded->header.contains(u"typ"_s), !typ.isEmpty());
    // Signed by the active private key.
    const auto key = privateKeyOf(m_es256Active);
    QVERIFY(Jws::verify(token.value(), key.get(), {u"ES256"_s}).ok());
    const auto verified = m_ring->verify(token.value(), {u"ES256"_s});
    QVERIFY2(verified.ok(), qPrintable(why(verified)));
    QCOMPARE(verified.value(), claims);
    const auto withHeader = m_ring->verifyDecoded(token.value(), {u"ES256"_s});
    QVERIFY(withHeader.ok());
    QCOMPARE(withHeader->typ, typ);
}

void TestKeyRing::signWithoutActiveKey()
{
    // RS256 only has a Next key, EdDSA only a Retired one, HS256 is not ours.
    for (const QString &alg : {u"RS256"_s, u"EdDSA"_s, u"PS256"_s, u"HS256"_s, u"none"_s}) {
        const auto token = m_ring->sign(alg, QJsonObject{{u"sub"_s, u"a"_s}});
        QVERIFY(!token.ok());
        QCOMPARE(token.error().code(), Code::UnsupportedAlgorithm);
    }
}

void TestKeyRing::relyingPartyCanVerifyFromJwks()
{
    // What a relying party does: fetch the JWKS, pick the key by kid, verify.
    const auto token = m_ring->sign(u"ES256"_s, QJsonObject{{u"sub"_s, u"alice"_s}});
    QVERIFY(token.ok());
    const QJsonObject jwks = QJsonDocument::fromJson(m_ring->jwksJson()).object();
    const QString kid = Jws::decode(token.value())->kid;
    QJsonObject jwk;
    for (const auto &value : jwks.value(u"keys"_s).toArray()) {
        if (value.toObject().value(u"kid"_s).toString() == kid)
            jwk = value.toObject();
    }
    QVERIFY(!jwk.isEmpty());
    const auto key = Jwk::toPublicKey(jwk);
    QVERIFY2(key.ok(), qPrintable(why(key)));
    QVERIFY(Jws::verify(token.value(), key->get(), {jwk.value(u"alg"_s).toString()}).ok());
}

void TestKeyRing::rotationKeepsOldTokensValid()
{
    SigningKey a = makeKey(u"ES256"_s, KeyState::Active, -7200);
    SigningKey b = makeKey(u"ES256"_s, KeyState::Next);
    const auto before = KeyRing::fromKeys({a, b}, Now);
    QVERIFY(before.ok());
    const auto oldToken = before.value()->sign(u"ES256"_s, QJsonObject{{u"sub"_s, u"a"_s}});
    QVERIFY(oldToken.ok());

    // Rotation: b becomes active, a retired but still published.
    b.state = KeyState::Active;
    b.activatedAt = Now;
    a = withState(a, KeyState::Retired);
    const auto after = KeyRing::fromKeys({a, b}, Now);
    QVERIFY(after.ok());
    QCOMPARE(after.value()->activeKid(u"ES256"_s), b.kid);
    QVERIFY(after.value()->verify(oldToken.value(), {u"ES256"_s}).ok());
    const auto newToken = after.value()->sign(u"ES256"_s, QJsonObject{{u"sub"_s, u"b"_s}});
    QCOMPARE(Jws::decode(newToken.value())->kid, b.kid);
    // The old ring has b published (as Next): it verifies the new token too.
    QVERIFY(before.value()->verify(newToken.value(), {u"ES256"_s}).ok());

    // After publishedUntil, a is gone and its tokens no longer verify.
    const auto much = KeyRing::fromKeys({a, b}, a.publishedUntil.addSecs(1));
    QVERIFY(much.ok());
    QCOMPARE(much.value()->verify(oldToken.value(), {u"ES256"_s}).error().code(), Code::UnknownKey);
}

void TestKeyRing::newestActiveKeySigns()
{
    const SigningKey older = makeKey(u"EdDSA"_s, KeyState::Active, -7200);
    const SigningKey newer = makeKey(u"EdDSA"_s, KeyState::Active, -60);
    for (const auto &order : {QList<SigningKey>{older, newer}, QList<SigningKey>{newer, older}}) {
        const auto ring = KeyRing::fromKeys(order, Now);
        QVERIFY(ring.ok());
        QCOMPARE(ring.value()->activeKid(u"EdDSA"_s), newer.kid);
        const auto token = ring.value()->sign(u"EdDSA"_s, QJsonObject{{u"sub"_s, u"a"_s}});
        QCOMPARE(Jws::decode(token.value())->kid, newer.kid);
        // Tokens of the other active key still verify.
        const auto olderKey = privateKeyOf(older);
        const auto olderToken = Jws::sign(u"EdDSA"_s, olderKey.get(), "{}", older.kid);
        QVERIFY(ring.value()->verify(olderToken.value(), {u"EdDSA"_s}).ok());
    }
}

void TestKeyRing::verifyWithoutKid()
{
    // Without kid, every published key of the header's alg is tried.
    const auto active = privateKeyOf(m_es256Active);
    const auto token = Jws::sign(u"ES256"_s, active.get(), R"({"sub":"a"})");
    QVERIFY(token.ok());
    const auto verified = m_ring->verify(token.value(), {u"ES256"_s});
    QVERIFY2(verified.ok(), qPrintable(why(verified)));
    QCOMPARE(verified->value(u"sub"_s).toString(), u"a"_s);
    // The retired Ed25519 key still verifies its own tokens without kid.
    const auto retired = privateKeyOf(m_edRetired);
    QVERIFY(m_ring->verify(Jws::sign(u"EdDSA"_s, retired.get(), "{}").value(), {u"EdDSA"_s}).ok());
}

void TestKeyRing::verifyRejections_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<Code>("code");
    const QStringList all = Jws::supportedAlgorithms();
    const auto active = privateKeyOf(m_es256Active);
    const auto next = privateKeyOf(m_rs256Next);
    const auto expired = privateKeyOf(m_psRetiredExpired);
    const auto stranger = KeyGenerator::generate(u"ES256"_s);
    const QByteArray good = m_ring->sign(u"ES256"_s, QJsonObject{{u"sub"_s, u"a"_s}}).value();

    QTest::newRow("alg not allowed")
        << good << QStringList{u"RS256"_s} << Code::AlgorithmNotAllowed;
    QTest::newRow("unknown kid") << Jws::sign(u"ES256"_s, stranger->get(), "{}", u"nope"_s).value()
                                 << all << Code::UnknownKey;
    QTest::newRow("kid of a key no longer published")
        << Jws::sign(u"PS256"_s, expired.get(), "{}", m_psRetiredExpired.kid).value() << all
        << Code::UnknownKey;
    QTest::newRow("kid of an unpublished key, no kid")
        << Jws::sign(u"PS256"_s, expired.get(), "{}").value() << all << Code::UnknownKey;
    QTest::newRow("stranger's key with our kid")
        << Jws::sign(u"ES256"_s, stranger->get(), "{}", m_es256Active.kid).value() << all
        << Code::BadSignature;
    QTest::newRow("stranger's key without kid")
        << Jws::sign(u"ES256"_s, stranger->get(), "{}").value() << all << Code::BadSignature;
    // The RSA key is published for RS256: a PS256 header naming it is refused.
    QTest::newRow("kid's key is for another alg")
        << Jws::sign(u"PS256"_s, next.get(), "{}", m_rs256Next.kid).value() << all
        << Code::AlgorithmKeyMismatch;
    QTest::newRow("RS256 header with the EC key's kid")
        << Jws::sign(u"RS256"_s, next.get(), "{}", m_es256Active.kid).value() << all
        << Code::AlgorithmKeyMismatch;
    QTest::newRow("alg none") << Base64Url::encode(R"({"alg":"none","kid":")" +
                                                   m_es256Active.kid.toLatin1() + "\"}") +
                                     '.' + Base64Url::encode("{}") + ".AAAA"
                              << all << Code::AlgorithmNotAllowed;
    QTest::newRow("HS256 allowed by caller")
        << Base64Url::encode(R"({"alg":"HS256"})") + '.' + Base64Url::encode("{}") + ".AAAA"
        << QStringList{u"HS256"_s} << Code::UnsupportedAlgorithm;
    QTest::newRow("payload not an object")
        << Jws::sign(u"ES256"_s, active.get(), "[1,2]", m_es256Active.kid).value() << all
        << Code::NotJsonObject;
    QTest::newRow("payload not JSON")
        << Jws::sign(u"ES256"_s, active.get(), "hello", m_es256Active.kid).value() << all
        << Code::NotJsonObject;
    QByteArray tampered = good;
    tampered[tampered.indexOf('.') + 3] = tampered.at(tampered.indexOf('.') + 3) == 'A' ? 'B' : 'A';
    QTest::newRow("tampered payload") << tampered << all << Code::BadSignature;
    QTest::newRow("two segments") << good.first(good.lastIndexOf('.')) << all << Code::Malformed;
    QTest::newRow("crit") << Base64Url::encode(R"({"alg":"ES256","crit":["x"],"x":1})") + '.' +
                                 Base64Url::encode("{}") + ".AAAA"
                          << all << Code::UnsupportedCritical;
    QTest::newRow("oversized") << QByteArray(Jws::MaxCompactBytes + 1, 'A') << all
                               << Code::TooLarge;
}

void TestKeyRing::verifyRejections()
{
    QFETCH(QByteArray, token);
    QFETCH(QStringList, allowed);
    QFETCH(Code, code);
    const auto result = m_ring->verify(token, allowed);
    QVERIFY2(!result.ok(), "accepted a token that must be rejected");
    QCOMPARE(result.error().code(), code);
}

void TestKeyRing::fromKeysRejections_data()
{
    QTest::addColumn<QList<SigningKey>>("keys");
    const SigningKey good = makeKey(u"ES256"_s, KeyState::Active);

    SigningKey wrongKid = good;
    wrongKid.kid = u"my-key"_s;
    QTest::newRow("kid is not the thumbprint") << QList<SigningKey>{wrongKid};
    SigningKey garbage = good;
    garbage.privateKeyPkcs8Der = "garbage"_ba;
    QTest::newRow("undecodable key") << QList<SigningKey>{garbage};
    SigningKey mislabelled = good;
    mislabelled.alg = u"RS256"_s;
    QTest::newRow("EC key labelled RS256") << QList<SigningKey>{mislabelled};
    SigningKey hmac = good;
    hmac.alg = u"HS256"_s;
    QTest::newRow("unsupported alg") << QList<SigningKey>{hmac};
    QTest::newRow("duplicate kid") << QList<SigningKey>{good, withState(good, KeyState::Next)};
    SigningKey broken = makeKey(u"EdDSA"_s, KeyState::Next);
    broken.privateKeyPkcs8Der.chop(3);
    QTest::newRow("one bad key among good ones") << QList<SigningKey>{good, broken};
}

void TestKeyRing::fromKeysRejections()
{
    QFETCH(QList<SigningKey>, keys);
    const auto ring = KeyRing::fromKeys(keys, Now);
    QVERIFY(!ring.ok());
    QCOMPARE(ring.error().kind, Error::Kind::Invalid);
    QVERIFY(!ring.error().message.isEmpty());
}

void TestKeyRing::concurrentUse()
{
    // One immutable ring shared by several threads, as the HTTP workers do.
    const auto ring = KeyRing::fromKeys({makeKey(u"ES256"_s, KeyState::Active),
                                         makeKey(u"RS256"_s, KeyState::Active),
                                         makeKey(u"EdDSA"_s, KeyState::Active)},
                                        Now);
    QVERIFY(ring.ok());
    const std::shared_ptr<const KeyRing> shared = ring.value();
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([shared, t, &failures] {
            const QString alg = shared->signingAlgorithms().at(t % 3);
            for (int i = 0; i < 40; ++i) {
                const QJsonObject claims{{u"n"_s, i}, {u"t"_s, t}};
                const auto token = shared->sign(alg, claims, u"JWT"_s);
                const auto verified = token.ok() ? shared->verify(token.value(), {alg})
                                                 : Result<QJsonObject, JoseError>(token.error());
                if (!verified.ok() || verified.value() != claims || shared->jwksJson().isEmpty())
                    ++failures;
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
}

QTEST_GUILESS_MAIN(TestKeyRing)
#include "tst_keyring.moc"
