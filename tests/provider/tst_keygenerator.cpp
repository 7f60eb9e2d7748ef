// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/KeyGenerator.h"
#include "jose/Jwk.h"
#include "jose/Jws.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/x509.h>

using namespace Qt::StringLiterals;
using namespace lanyard;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(qEnvironmentVariable("LANYARD_TEST_DATA") + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

/// True when a signature made with `signer` verifies with `verifier`.
bool sameKeyPair(const QString &alg, const EVP_PKEY *signer, const EVP_PKEY *verifier)
{
    const QByteArray input = "eyJhbGciOiJ0ZXN0In0.e30"_ba;
    const auto signature = Jws::signRaw(alg, signer, input);
    return signature.ok() && Jws::verifyRaw(alg, verifier, input, signature.value()).ok();
}

} // namespace

class TestKeyGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generate_data();
    void generate();
    void pkcs8RoundTrip_data();
    void pkcs8RoundTrip();
    void signingKeyKidIsThumbprint_data();
    void signingKeyKidIsThumbprint();
    void unsupportedAlgorithm();
    void rejectsBadDer_data();
    void rejectsBadDer();
    void pemKeysMatchIndependentThumbprints_data();
    void pemKeysMatchIndependentThumbprints();
    void signingKeyFromPrivateKeyChecksAlg();
    void publicKeyPemRoundTrip();
    void publicOnlyCannotSign();
};

void TestKeyGenerator::generate_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<int>("bits");
    QTest::newRow("RS256") << u"RS256"_s << "RSA"_ba << 2048;
    QTest::newRow("PS256") << u"PS256"_s << "RSA"_ba << 2048;
    QTest::newRow("ES256") << u"ES256"_s << "EC"_ba << 256;
    QTest::newRow("EdDSA") << u"EdDSA"_s << "ED25519"_ba << 256;
}

void TestKeyGenerator::generate()
{
    QFETCH(QString, alg);
    QFETCH(QByteArray, type);
    QFETCH(int, bits);
    const auto key = KeyGenerator::generate(alg);
    QVERIFY(key.ok());
    QCOMPARE(EVP_PKEY_is_a(key->get(), type.constData()), 1);
    QCOMPARE(EVP_PKEY_get_bits(key->get()), bits);
    QVERIFY(Jws::keyMatchesAlgorithm(alg, key->get()));
    // Two keys are never the same.
    QVERIFY(Jwk::thumbprint(key->get()).value() !=
            Jwk::thumbprint(KeyGenerator::generate(alg)->get()).value());
}

void TestKeyGenerator::pkcs8RoundTrip_data()
{
    generate_data();
}

void TestKeyGenerator::pkcs8RoundTrip()
{
    QFETCH(QString, alg);
    const auto key = KeyGenerator::generate(alg);
    QVERIFY(key.ok());
    const auto der = KeyGenerator::privateKeyToPkcs8Der(key->get());
    QVERIFY(der.ok());
    // RFC 5208: PrivateKeyInfo ::= SEQUENCE { version 0, algorithm, privateKey }.
    QCOMPARE(static_cast<unsigned char>(der->at(0)), 0x30);
    QVERIFY(der->contains(QByteArray("\x02\x01\x00", 3)));
    const auto loaded = KeyGenerator::loadPrivateKeyPkcs8Der(der.value());
    QVERIFY(loaded.ok());
    QCOMPARE(Jwk::publicMembers(loaded->get()).value(), Jwk::publicMembers(key->get()).value());
    QVERIFY(sameKeyPair(alg, loaded->get(), key->get()));
    QVERIFY(sameKeyPair(alg, key->get(), loaded->get()));
    // Encoding is stable: the loaded key encodes to the same bytes.
    QCOMPARE(KeyGenerator::privateKeyToPkcs8Der(loaded->get()).value(), der.value());
}

void TestKeyGenerator::signingKeyKidIsThumbprint_data()
{
    generate_data();
}

void TestKeyGenerator::signingKeyKidIsThumbprint()
{
    QFETCH(QString, alg);
    const QDateTime created = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    const auto signingKey = KeyGenerator::generateSigningKey(alg, created);
    QVERIFY(signingKey.ok());
    QCOMPARE(signingKey->alg, alg);
    QCOMPARE(signingKey->state, KeyState::Next);
    QCOMPARE(signingKey->createdAt, created);
    QVERIFY(!signingKey->activatedAt.isValid());
    QVERIFY(!signingKey->retiredAt.isValid());
    const auto key = KeyGenerator::loadPrivateKeyPkcs8Der(signingKey->privateKeyPkcs8Der);
    QVERIFY(key.ok());
    // RFC 7638: base64url of a SHA-256 digest is 43 characters.
    QCOMPARE(signingKey->kid.size(), 43);
    QCOMPARE(signingKey->kid, Jwk::thumbprint(key->get()).value());
    QCOMPARE(signingKey->kid, Jwk::thumbprint(Jwk::publicMembers(key->get()).value()).value());
}

void TestKeyGenerator::unsupportedAlgorithm()
{
    for (const QString &alg : {u"HS256"_s, u"none"_s, u"ES384"_s, u"rs256"_s, QString()}) {
        const auto key = KeyGenerator::generate(alg);
        QVERIFY(!key.ok());
        QCOMPARE(key.error().kind, Error::Kind::Unsupported);
        QVERIFY(!KeyGenerator::generateSigningKey(alg, QDateTime::currentDateTimeUtc()).ok());
    }
}

void TestKeyGenerator::rejectsBadDer_data()
{
    QTest::addColumn<QByteArray>("der");
    const QByteArray good =
        KeyGenerator::privateKeyToPkcs8Der(KeyGenerator::generate(u"ES256"_s)->get()).value();
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << "not a key at all"_ba;
    QTest::newRow("truncated") << good.chopped(10);
    QTest::newRow("trailing bytes") << good + "\x00\x00"_ba;
    QTest::newRow("PEM text") << readData(u"ec-p256-pkcs8.pem"_s);
    QTest::newRow("flipped length byte") << QByteArray(good).replace(1, 1, "\x7f");
    // SubjectPublicKeyInfo DER is not a PrivateKeyInfo.
    const auto pub = KeyGenerator::publicOnly(KeyGenerator::generate(u"ES256"_s)->get());
    const int length = i2d_PUBKEY(pub->get(), nullptr);
    QByteArray spki(length, '\0');
    auto *out = reinterpret_cast<unsigned char *>(spki.data());
    i2d_PUBKEY(pub->get(), &out);
    QTest::newRow("public key DER") << spki;
}

void TestKeyGenerator::rejectsBadDer()
{
    QFETCH(QByteArray, der);
    const auto key = KeyGenerator::loadPrivateKeyPkcs8Der(der);
    QVERIFY(!key.ok());
    QCOMPARE(key.error().kind, Error::Kind::Invalid);
}

void TestKeyGenerator::pemKeysMatchIndependentThumbprints_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("alg");
    QTest::newRow("EC PKCS#8") << u"ec-p256-pkcs8.pem"_s << u"ES256"_s;
    QTest::newRow("RSA PKCS#1") << u"rsa-2048-pkcs1.pem"_s << u"RS256"_s;
    QTest::newRow("Ed25519 PKCS#8") << u"ed25519-pkcs8.pem"_s << u"EdDSA"_s;
}

void TestKeyGenerator::pemKeysMatchIndependentThumbprints()
{
    QFETCH(QString, file);
    QFETCH(QString, alg);
    // Thumbprints computed by another implementation (see the JSON's source).
    const QJsonObject expected = QJsonDocument::fromJson(readData(u"pem-thumbprints.json"_s))
                                     .object()
                                     .value(u"thumbprints"_s)
                                     .toObject();
    const auto key = KeyGenerator::loadPrivateKeyPem(readData(file));
    QVERIFY(key.ok());
    const QDateTime created = QDateTime::fromSecsSinceEpoch(1'600'000'000, Qt::UTC);
    const auto signingKey = KeyGenerator::signingKeyFromPrivateKey(key->get(), alg, created);
    QVERIFY(signingKey.ok());
    QCOMPARE(signingKey->kid, expected.value(file).toString());
    // The stored PKCS#8 DER loads back to the same key.
    const auto reloaded = KeyGenerator::loadPrivateKeyPkcs8Der(signingKey->privateKeyPkcs8Der);
    QVERIFY(reloaded.ok());
    QVERIFY(sameKeyPair(alg, reloaded->get(), key->get()));
}

void TestKeyGenerator::signingKeyFromPrivateKeyChecksAlg()
{
    const auto ec = KeyGenerator::loadPrivateKeyPem(readData(u"ec-p256-pkcs8.pem"_s));
    QVERIFY(ec.ok());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &alg : {u"RS256"_s, u"PS256"_s, u"EdDSA"_s, u"HS256"_s}) {
        const auto signingKey = KeyGenerator::signingKeyFromPrivateKey(ec->get(), alg, now);
        QVERIFY(!signingKey.ok());
        QCOMPARE(signingKey.error().kind, Error::Kind::Invalid);
    }
    QVERIFY(KeyGenerator::signingKeyFromPrivateKey(ec->get(), u"ES256"_s, now).ok());
    QVERIFY(!KeyGenerator::loadPrivateKeyPem("-----BEGIN PRIVATE KEY-----\nAAAA\n"
                                             "-----END PRIVATE KEY-----\n"_ba)
                 .ok());
}

void TestKeyGenerator::publicKeyPemRoundTrip()
{
    const auto key = KeyGenerator::generate(u"EdDSA"_s);
    QVERIFY(key.ok());
    const auto pem = KeyGenerator::publicKeyToPem(key->get());
    QVERIFY(pem.ok());
    QVERIFY(pem->startsWith("-----BEGIN PUBLIC KEY-----"));
    QVERIFY(!pem->contains("PRIVATE"));
    const auto loaded = KeyGenerator::loadPublicKeyPem(pem.value());
    QVERIFY(loaded.ok());
    QVERIFY(sameKeyPair(u"EdDSA"_s, key->get(), loaded->get()));
    // A private key PEM is not accepted where a public one is expected.
    QVERIFY(!KeyGenerator::loadPublicKeyPem(readData(u"ec-p256-pkcs8.pem"_s)).ok());
}

void TestKeyGenerator::publicOnlyCannotSign()
{
    for (const QString &alg : {u"RS256"_s, u"ES256"_s, u"EdDSA"_s}) {
        const auto key = KeyGenerator::generate(alg);
        const auto pub = KeyGenerator::publicOnly(key->get());
        QVERIFY(pub.ok());
        QCOMPARE(Jwk::publicMembers(pub->get()).value(), Jwk::publicMembers(key->get()).value());
        QVERIFY(!Jws::signRaw(alg, pub->get(), "x.y"_ba).ok());
        QVERIFY(sameKeyPair(alg, key->get(), pub->get()));
        QVERIFY(!KeyGenerator::privateKeyToPkcs8Der(pub->get()).ok());
    }
}

QTEST_GUILESS_MAIN(TestKeyGenerator)
#include "tst_keygenerator.moc"
