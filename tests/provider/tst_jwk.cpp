// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Protocol.h"
#include "crypto/KeyGenerator.h"
#include "jose/Base64Url.h"
#include "jose/Jwk.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <openssl/evp.h>

using namespace Qt::StringLiterals;
using namespace lanyard;
using Code = JoseError::Code;

namespace {

/// The error text of a failed Result, empty for a value (QVERIFY2 evaluates
/// its message even when the check passes).
template<typename R> QString why(const R &result)
{
    return result.ok() ? QString() : result.error().toString();
}

QJsonObject loadVector(const QString &name)
{
    QFile file(qEnvironmentVariable("LANYARD_TEST_DATA") + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test vector %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject without(QJsonObject object, const QString &member)
{
    object.remove(member);
    return object;
}

QJsonObject with(QJsonObject object, const QString &member, const QJsonValue &value)
{
    object.insert(member, value);
    return object;
}

/// Changes one early base64url character of member `name`: still valid
/// base64url, but a different value.
QJsonObject tweaked(QJsonObject object, const QString &name)
{
    QString value = object.value(name).toString();
    value[1] = value.at(1) == u'A' ? u'B' : u'A';
    object.insert(name, value);
    return object;
}

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

} // namespace

class TestJwk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rfc7638Thumbprint();
    void rfc7638ThumbprintOfImportedKey();
    void rfc8037Thumbprint();
    void exportShape_data();
    void exportShape();
    void ecCoordinatesAreFullLength();
    void rfc7515PrivateKeysImport();
    void publicJwkRejectsMismatchedAlg();
    void importRejections_data();
    void importRejections();
    void privateImportRejections_data();
    void privateImportRejections();
    void thumbprintRejections_data();
    void thumbprintRejections();

private:
    QJsonObject m_rsaPublic; // RFC 7515 A.2 public members
    QJsonObject m_rsaPrivate;
    QJsonObject m_ecPublic; // RFC 7515 A.3
    QJsonObject m_ecPrivate;
    QJsonObject m_okpPublic; // RFC 8037 A.2
    QJsonObject m_okpPrivate;
};

void TestJwk::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("LANYARD_TEST_DATA").isEmpty());
    m_rsaPrivate = loadVector(u"rfc7515-a2.json"_s).value(u"jwk"_s).toObject();
    m_ecPrivate = loadVector(u"rfc7515-a3.json"_s).value(u"jwk"_s).toObject();
    m_okpPrivate = loadVector(u"rfc8037-a.json"_s).value(u"jwk"_s).toObject();
    QVERIFY(!m_rsaPrivate.isEmpty() && !m_ecPrivate.isEmpty() && !m_okpPrivate.isEmpty());
    m_rsaPublic = m_rsaPrivate;
    for (const QString &name : Jwk::privateMemberNames())
        m_rsaPublic.remove(name);
    m_ecPublic = without(m_ecPrivate, u"d"_s);
    m_okpPublic = without(m_okpPrivate, u"d"_s);
}

void TestJwk::rfc7638Thumbprint()
{
    const QJsonObject vector = loadVector(u"rfc7638-3.1.json"_s);
    const QJsonObject jwk = vector.value(u"jwk"_s).toObject();
    // The RFC's JWK carries "alg" and "kid"; §3.2 says they are not hashed.
    QVERIFY(jwk.contains(u"kid"_s));
    const auto thumbprint = Jwk::thumbprint(jwk);
    QVERIFY(thumbprint.ok());
    QCOMPARE(thumbprint.value(), u"NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"_s);
    QCOMPARE(thumbprint.value(), vector.value(u"thumbprint"_s).toString());
    const auto bare = Jwk::thumbprint(without(without(jwk, u"kid"_s), u"alg"_s));
    QCOMPARE(bare.value(), thumbprint.value());
}

void TestJwk::rfc7638ThumbprintOfImportedKey()
{
    // Import -> export -> thumbprint exercises the EVP_PKEY path end to end.
    const QJsonObject jwk = loadVector(u"rfc7638-3.1.json"_s).value(u"jwk"_s).toObject();
    const auto key = Jwk::toPublicKey(jwk);
    QVERIFY2(key.ok(), qPrintable(why(key)));
    const auto thumbprint = Jwk::thumbprint(key->get());
    QVERIFY(thumbprint.ok());
    QCOMPARE(thumbprint.value(), u"NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"_s);
    const auto exported = Jwk::publicMembers(key->get());
    QCOMPARE(exported->value(u"n"_s), jwk.value(u"n"_s));
    QCOMPARE(exported->value(u"e"_s), jwk.value(u"e"_s));
}

void TestJwk::rfc8037Thumbprint()
{
    // RFC 8037 appendix A.3.
    const QJsonObject vector = loadVector(u"rfc8037-a.json"_s);
    const auto fromJson = Jwk::thumbprint(vector.value(u"publicJwk"_s).toObject());
    QCOMPARE(fromJson.value(), u"kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"_s);
    const auto key = Jwk::toPrivateKey(m_okpPrivate);
    QVERIFY(key.ok());
    QCOMPARE(Jwk::thumbprint(key->get()).value(), u"kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"_s);
}

void TestJwk::exportShape_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QStringList>("members");
    QTest::newRow("RS256") << u"RS256"_s
                           << QStringList{u"alg"_s, u"e"_s, u"kid"_s, u"kty"_s, u"n"_s, u"use"_s};
    QTest::newRow("PS256") << u"PS256"_s
                           << QStringList{u"alg"_s, u"e"_s, u"kid"_s, u"kty"_s, u"n"_s, u"use"_s};
    QTest::newRow("ES256") << u"ES256"_s << QStringList{u"alg"_s, u"crv"_s, u"kid"_s, u"kty"_s,
                                                        u"use"_s, u"x"_s,   u"y"_s};
    QTest::newRow("EdDSA") << u"EdDSA"_s
                           << QStringList{u"alg"_s, u"crv"_s, u"kid"_s, u"kty"_s, u"use"_s, u"x"_s};
}

void TestJwk::exportShape()
{
    QFETCH(QString, alg);
    QFETCH(QStringList, members);
    const auto key = KeyGenerator::generate(alg);
    QVERIFY(key.ok());
    const auto jwk = Jwk::publicJwk(key->get(), alg);
    QVERIFY(jwk.ok());
    QCOMPARE(sortedKeys(jwk.value()), members);
    QVERIFY(!Jwk::hasPrivateMembers(jwk.value()));
    QCOMPARE(jwk->value(u"use"_s).toString(), u"sig"_s);
    QCOMPARE(jwk->value(u"alg"_s).toString(), alg);
    // Without an explicit kid, the kid is the RFC 7638 thumbprint.
    QCOMPARE(jwk->value(u"kid"_s).toString(), Jwk::thumbprint(key->get()).value());
    if (alg.startsWith(u'R') || alg.startsWith(u'P')) {
        QCOMPARE(jwk->value(u"kty"_s).toString(), u"RSA"_s);
        QCOMPARE(jwk->value(u"e"_s).toString(), u"AQAB"_s);
        const QByteArray n = Base64Url::decode(jwk->value(u"n"_s).toString().toLatin1()).value();
        QCOMPARE(n.size(), 256); // 2048 bits, no leading zero octet
        QVERIFY(n.at(0) != '\0');
    } else if (alg == u"ES256"_s) {
        QCOMPARE(jwk->value(u"kty"_s).toString(), u"EC"_s);
        QCOMPARE(jwk->value(u"crv"_s).toString(), u"P-256"_s);
    } else {
        QCOMPARE(jwk->value(u"kty"_s).toString(), u"OKP"_s);
        QCOMPARE(jwk->value(u"crv"_s).toString(), u"Ed25519"_s);
        QCOMPARE(Base64Url::decode(jwk->value(u"x"_s).toString().toLatin1())->size(), 32);
    }
    // The published JWK imports back to the same public key.
    const auto imported = Jwk::toPublicKey(jwk.value());
    QVERIFY2(imported.ok(), qPrintable(why(imported)));
    QCOMPARE(Jwk::publicMembers(imported->get()).value(), Jwk::publicMembers(key->get()).value());
    // An explicit kid is used as given.
    QCOMPARE(Jwk::publicJwk(key->get(), alg, u"k1"_s)->value(u"kid"_s).toString(), u"k1"_s);
}

void TestJwk::ecCoordinatesAreFullLength()
{
    // RFC 7518 §6.2.1.2: coordinates keep their leading zero octets. About
    // one P-256 key in 128 has one; generate until we meet it.
    bool sawShortCoordinate = false;
    for (int i = 0; i < 5000 && !sawShortCoordinate; ++i) {
        const auto key = KeyGenerator::generate(u"ES256"_s);
        QVERIFY(key.ok());
        const auto jwk = Jwk::publicMembers(key->get());
        QVERIFY(jwk.ok());
        for (const QString &name : {u"x"_s, u"y"_s}) {
            const QString text = jwk->value(name).toString();
            QCOMPARE(text.size(), 43);
            const QByteArray octets = Base64Url::decode(text.toLatin1()).value();
            QCOMPARE(octets.size(), 32);
            if (octets.at(0) == '\0') {
                sawShortCoordinate = true;
                QVERIFY(Jwk::toPublicKey(jwk.value()).ok());
            }
        }
    }
    QVERIFY(sawShortCoordinate);
}

void TestJwk::rfc7515PrivateKeysImport()
{
    for (const auto &[priv, pub] :
         {std::pair{m_rsaPrivate, m_rsaPublic}, std::pair{m_ecPrivate, m_ecPublic},
          std::pair{m_okpPrivate, m_okpPublic}}) {
        const auto key = Jwk::toPrivateKey(priv);
        QVERIFY2(key.ok(), qPrintable(why(key)));
        // The derived public members are exactly the RFC's.
        QCOMPARE(Jwk::publicMembers(key->get()).value(), pub);
    }
}

void TestJwk::publicJwkRejectsMismatchedAlg()
{
    const auto ec = Jwk::toPublicKey(m_ecPublic);
    QVERIFY(ec.ok());
    QCOMPARE(Jwk::publicJwk(ec->get(), u"RS256"_s).error().code(), Code::AlgorithmKeyMismatch);
    QCOMPARE(Jwk::publicJwk(ec->get(), u"HS256"_s).error().code(), Code::UnsupportedAlgorithm);
    QCOMPARE(Jwk::publicJwk(ec->get(), u"ES256"_s)->value(u"kid"_s).toString(),
             Jwk::thumbprint(m_ecPublic).value());
}

void TestJwk::importRejections_data()
{
    QTest::addColumn<QJsonObject>("jwk");
    QTest::addColumn<Code>("code");

    const QJsonObject rsa = m_rsaPublic;
    const QJsonObject ec = m_ecPublic;
    const QJsonObject okp = m_okpPublic;
    const QString n = rsa.value(u"n"_s).toString();

    QTest::newRow("no kty") << without(rsa, u"kty"_s) << Code::InvalidKey;
    QTest::newRow("kty oct") << with(rsa, u"kty"_s, u"oct"_s) << Code::InvalidKey;
    QTest::newRow("kty not a string") << with(rsa, u"kty"_s, 1) << Code::InvalidKey;
    QTest::newRow("RSA without n") << without(rsa, u"n"_s) << Code::InvalidKey;
    QTest::newRow("RSA without e") << without(rsa, u"e"_s) << Code::InvalidKey;
    QTest::newRow("RSA n is a number") << with(rsa, u"n"_s, 12345) << Code::InvalidKey;
    QTest::newRow("RSA n padded") << with(rsa, u"n"_s, n + u"=="_s) << Code::BadBase64;
    QTest::newRow("RSA n plain base64")
        << with(rsa, u"n"_s, QString(n).replace(u'-', u'+')) << Code::BadBase64;
    // RFC 7518 §2: Base64urlUInt uses the minimum number of octets.
    QTest::newRow("RSA n leading zero")
        << with(rsa, u"n"_s,
                QString::fromLatin1(Base64Url::encode(QByteArray(1, '\0') +
                                                      Base64Url::decode(n.toLatin1()).value())))
        << Code::InvalidKey;
    // RFC 7518 §3.3: RSA keys of fewer than 2048 bits are refused.
    const ossl::PKey rsa1024(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(1024)));
    QTest::newRow("RSA 1024-bit key")
        << Jwk::publicMembers(rsa1024.get()).value() << Code::InvalidKey;
    QTest::newRow("RSA modulus truncated to 1024 bits")
        << with(rsa, u"n"_s,
                QString::fromLatin1(
                    Base64Url::encode(Base64Url::decode(n.toLatin1()).value().first(128))))
        << Code::InvalidKey;
    QTest::newRow("RSA with private d")
        << with(rsa, u"d"_s, m_rsaPrivate.value(u"d"_s)) << Code::InvalidKey;
    QTest::newRow("EC P-384") << with(ec, u"crv"_s, u"P-384"_s) << Code::InvalidKey;
    QTest::newRow("EC without crv") << without(ec, u"crv"_s) << Code::InvalidKey;
    QTest::newRow("EC without y") << without(ec, u"y"_s) << Code::InvalidKey;
    QTest::newRow("EC x 31 octets")
        << with(ec, u"x"_s,
                QString::fromLatin1(Base64Url::encode(
                    Base64Url::decode(ec.value(u"x"_s).toString().toLatin1())->sliced(1))))
        << Code::InvalidKey;
    QTest::newRow("EC point off the curve") << tweaked(ec, u"y"_s) << Code::InvalidKey;
    QTest::newRow("EC with private d") << m_ecPrivate << Code::InvalidKey;
    QTest::newRow("OKP X25519") << with(okp, u"crv"_s, u"X25519"_s) << Code::InvalidKey;
    QTest::newRow("OKP Ed448") << with(okp, u"crv"_s, u"Ed448"_s) << Code::InvalidKey;
    QTest::newRow("OKP x 33 octets")
        << with(okp, u"x"_s,
                QString::fromLatin1(Base64Url::encode(
                    Base64Url::decode(okp.value(u"x"_s).toString().toLatin1()).value() + 'x')))
        << Code::InvalidKey;
    QTest::newRow("use enc") << with(ec, u"use"_s, u"enc"_s) << Code::InvalidKey;
    QTest::newRow("alg ES256 on RSA")
        << with(rsa, u"alg"_s, u"ES256"_s) << Code::AlgorithmKeyMismatch;
    QTest::newRow("alg RS256 on EC")
        << with(ec, u"alg"_s, u"RS256"_s) << Code::AlgorithmKeyMismatch;
    QTest::newRow("alg EdDSA on EC")
        << with(ec, u"alg"_s, u"EdDSA"_s) << Code::AlgorithmKeyMismatch;
    QTest::newRow("alg HS256") << with(ec, u"alg"_s, u"HS256"_s) << Code::UnsupportedAlgorithm;
    QTest::newRow("alg none") << with(okp, u"alg"_s, u"none"_s) << Code::UnsupportedAlgorithm;
    QTest::newRow("alg not a string") << with(okp, u"alg"_s, 7) << Code::InvalidKey;
}

void TestJwk::importRejections()
{
    QFETCH(QJsonObject, jwk);
    QFETCH(Code, code);
    const auto key = Jwk::toPublicKey(jwk);
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code(), code);
}

void TestJwk::privateImportRejections_data()
{
    QTest::addColumn<QJsonObject>("jwk");
    QTest::addColumn<Code>("code");
    QTest::newRow("RSA without dp") << without(m_rsaPrivate, u"dp"_s) << Code::InvalidKey;
    QTest::newRow("RSA with oth") << with(m_rsaPrivate, u"oth"_s, QJsonArray()) << Code::InvalidKey;
    // p*q = n, d, and the CRT values are checked against each other.
    QTest::newRow("RSA wrong qi") << tweaked(m_rsaPrivate, u"qi"_s) << Code::InvalidKey;
    QTest::newRow("RSA wrong d") << tweaked(m_rsaPrivate, u"d"_s) << Code::InvalidKey;
    QTest::newRow("RSA wrong q") << tweaked(m_rsaPrivate, u"q"_s) << Code::InvalidKey;
    QTest::newRow("EC d of another key")
        << with(m_ecPrivate, u"d"_s, tweaked(m_ecPrivate, u"d"_s).value(u"d"_s))
        << Code::InvalidKey;
    QTest::newRow("EC without d") << m_ecPublic << Code::InvalidKey;
    QTest::newRow("OKP x of another key") << tweaked(m_okpPrivate, u"x"_s) << Code::InvalidKey;
    QTest::newRow("OKP d 16 octets")
        << with(m_okpPrivate, u"d"_s, QString::fromLatin1(Base64Url::encode(QByteArray(16, 'a'))))
        << Code::InvalidKey;
}

void TestJwk::privateImportRejections()
{
    QFETCH(QJsonObject, jwk);
    QFETCH(Code, code);
    const auto key = Jwk::toPrivateKey(jwk);
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code(), code);
}

void TestJwk::thumbprintRejections_data()
{
    QTest::addColumn<QJsonObject>("jwk");
    QTest::addColumn<Code>("code");
    QTest::newRow("no kty") << without(m_rsaPublic, u"kty"_s) << Code::InvalidKey;
    QTest::newRow("oct") << QJsonObject{{u"kty"_s, u"oct"_s}, {u"k"_s, u"AAAA"_s}}
                         << Code::InvalidKey;
    QTest::newRow("RSA without e") << without(m_rsaPublic, u"e"_s) << Code::InvalidKey;
    QTest::newRow("EC without y") << without(m_ecPublic, u"y"_s) << Code::InvalidKey;
    QTest::newRow("OKP without crv") << without(m_okpPublic, u"crv"_s) << Code::InvalidKey;
    QTest::newRow("x is a number") << with(m_okpPublic, u"x"_s, 5) << Code::InvalidKey;
    QTest::newRow("x with quote") << with(m_okpPublic, u"x"_s, u"ab\"cd"_s) << Code::BadBase64;
    QTest::newRow("crv with quote")
        << with(m_okpPublic, u"crv"_s, u"Ed\"25519"_s) << Code::InvalidKey;
}

void TestJwk::thumbprintRejections()
{
    QFETCH(QJsonObject, jwk);
    QFETCH(Code, code);
    const auto thumbprint = Jwk::thumbprint(jwk);
    QVERIFY(!thumbprint.ok());
    QCOMPARE(thumbprint.error().code(), code);
}

QTEST_GUILESS_MAIN(TestJwk)
#include "tst_jwk.moc"
