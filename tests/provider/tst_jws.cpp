// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Digest.h"
#include "crypto/KeyGenerator.h"
#include "crypto/OpenSslHandles.h"
#include "jose/Base64Url.h"
#include "jose/Jwk.h"
#include "jose/Jws.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/rsa.h>

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

QByteArray b64(QByteArrayView data)
{
    return Base64Url::encode(data);
}

QByteArray octets(const QJsonArray &array)
{
    QByteArray out;
    for (const auto &value : array)
        out.append(static_cast<char>(value.toInt()));
    return out;
}

QByteArray ascii(const QJsonObject &object, const QString &name)
{
    return object.value(name).toString().toLatin1();
}

/// A compact JWS from raw header text and payload, signed with `alg` by `key`
/// (so tests can build tokens whose header Jws::sign would never write).
QByteArray forge(QByteArrayView header, QByteArrayView payload, const QString &alg,
                 const EVP_PKEY *key)
{
    const QByteArray input = b64(header) + '.' + b64(payload);
    const auto signature = Jws::signRaw(alg, key, input);
    if (!signature)
        qFatal("signRaw failed: %s", qPrintable(why(signature)));
    return input + '.' + b64(signature.value());
}

QByteArray flipBit(QByteArray compact, qsizetype segment)
{
    QList<QByteArray> parts = compact.split('.');
    QByteArray raw = Base64Url::decode(parts[segment]).value();
    raw[raw.size() / 2] = static_cast<char>(raw.at(raw.size() / 2) ^ 0x01);
    parts[segment] = b64(raw);
    return parts.join('.');
}

} // namespace

class TestJws : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rfc7515A2SignsExactly();
    void rfc7515A3Verifies();
    void rfc8037SignsExactly();
    void rfc8037Thumbprint();
    void roundTrip_data();
    void roundTrip();
    void headerShape();
    void signatureFormats();
    void pssSaltLengthMustBeDigestLength();
    void ecdsaDerSignatureRejected();
    void largestAcceptedToken();
    void duplicateHeaderMembersUseLastValue();
    void rejections_data();
    void rejections();

private:
    const EVP_PKEY *key(const QString &name) const { return m_keys.value(name); }

    QHash<QString, EVP_PKEY *> m_keys;
    std::vector<ossl::PKey> m_owned;
    QByteArray m_payload = R"({"sub":"alice","iss":"https://op.example"})"_ba;
};

void TestJws::initTestCase()
{
    QVERIFY(!qEnvironmentVariable("LANYARD_TEST_DATA").isEmpty());
    const auto add = [this](const QString &name, Result<ossl::PKey, Error> key) {
        QVERIFY(key.ok());
        m_keys.insert(name, key->get());
        m_owned.push_back(std::move(key).value());
    };
    add(u"rsa"_s, KeyGenerator::generate(u"RS256"_s));
    add(u"rsa2"_s, KeyGenerator::generate(u"RS256"_s));
    add(u"ec"_s, KeyGenerator::generate(u"ES256"_s));
    add(u"ec2"_s, KeyGenerator::generate(u"ES256"_s));
    add(u"ed"_s, KeyGenerator::generate(u"EdDSA"_s));
    add(u"ed2"_s, KeyGenerator::generate(u"EdDSA"_s));
    auto small = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(1024));
    QVERIFY(small);
    m_keys.insert(u"rsa1024"_s, small);
    m_owned.emplace_back(small);
}

void TestJws::rfc7515A2SignsExactly()
{
    const QJsonObject vector = loadVector(u"rfc7515-a2.json"_s);
    // The exact octets of the RFC: header {"alg":"RS256"} and the CRLF payload.
    QCOMPARE(b64(ascii(vector, u"protectedHeader"_s)), ascii(vector, u"protectedHeaderB64"_s));
    QCOMPARE(Base64Url::decode(ascii(vector, u"payloadB64"_s)).value(),
             octets(vector.value(u"payloadOctets"_s).toArray()));
    const auto key = Jwk::toPrivateKey(vector.value(u"jwk"_s).toObject());
    QVERIFY2(key.ok(), qPrintable(why(key)));

    const QByteArray input =
        ascii(vector, u"protectedHeaderB64"_s) + '.' + ascii(vector, u"payloadB64"_s);
    const auto signature = Jws::signRaw(u"RS256"_s, key->get(), input);
    QVERIFY(signature.ok());
    QCOMPARE(b64(signature.value()), ascii(vector, u"signatureB64"_s));

    // A.2.2: the RFC's JWS validates with the public key alone.
    const auto publicKey = Jwk::toPublicKey(Jwk::publicMembers(key->get()).value());
    QVERIFY(publicKey.ok());
    const QByteArray compact = input + '.' + ascii(vector, u"signatureB64"_s);
    const auto verified = Jws::verify(compact, publicKey->get(), {u"RS256"_s});
    QVERIFY2(verified.ok(), qPrintable(why(verified)));
    QCOMPARE(verified->payload, octets(vector.value(u"payloadOctets"_s).toArray()));
    QCOMPARE(verified->alg, u"RS256"_s);
    // The same signature is not a valid PS256 signature.
    QCOMPARE(Jws::verifyRaw(u"PS256"_s, publicKey->get(), input, signature.value()).error().code(),
             Code::BadSignature);
}

void TestJws::rfc7515A3Verifies()
{
    const QJsonObject vector = loadVector(u"rfc7515-a3.json"_s);
    QJsonObject jwk = vector.value(u"jwk"_s).toObject();
    const auto privateKey = Jwk::toPrivateKey(jwk);
    QVERIFY2(privateKey.ok(), qPrintable(why(privateKey)));
    jwk.remove(u"d"_s);
    const auto publicKey = Jwk::toPublicKey(jwk);
    QVERIFY(publicKey.ok());

    QCOMPARE(b64(ascii(vector, u"protectedHeader"_s)), ascii(vector, u"protectedHeaderB64"_s));
    const QByteArray compact = ascii(vector, u"protectedHeaderB64"_s) + '.' +
                               ascii(vector, u"payloadB64"_s) + '.' +
                               ascii(vector, u"signatureB64"_s);
    const auto verified = Jws::verify(compact, publicKey->get(), {u"ES256"_s});
    QVERIFY2(verified.ok(), qPrintable(why(verified)));
    QCOMPARE(verified->payload, octets(vector.value(u"payloadOctets"_s).toArray()));
    QCOMPARE(verified->signature.size(), 64);

    // ECDSA is randomised: our own signature differs but verifies too.
    const QByteArray input =
        ascii(vector, u"protectedHeaderB64"_s) + '.' + ascii(vector, u"payloadB64"_s);
    const auto ours = Jws::signRaw(u"ES256"_s, privateKey->get(), input);
    QVERIFY(ours.ok());
    QCOMPARE(ours->size(), 64);
    QVERIFY(b64(ours.value()) != ascii(vector, u"signatureB64"_s));
    QVERIFY(Jws::verifyRaw(u"ES256"_s, publicKey->get(), input, ours.value()).ok());
    // A bit flipped in the RFC's signature fails.
    QCOMPARE(Jws::verify(flipBit(compact, 2), publicKey->get(), {u"ES256"_s}).error().code(),
             Code::BadSignature);
}

void TestJws::rfc8037SignsExactly()
{
    // RFC 8037 appendix A.4 (sign) and A.5 (verify).
    const QJsonObject vector = loadVector(u"rfc8037-a.json"_s);
    const auto key = Jwk::toPrivateKey(vector.value(u"jwk"_s).toObject());
    QVERIFY2(key.ok(), qPrintable(why(key)));
    QCOMPARE(b64(ascii(vector, u"protectedHeader"_s)), ascii(vector, u"protectedHeaderB64"_s));
    QCOMPARE(b64(ascii(vector, u"payload"_s)), ascii(vector, u"payloadB64"_s));

    // Jws::sign writes exactly the RFC's header for alg EdDSA without kid/typ.
    const auto compact = Jws::sign(u"EdDSA"_s, key->get(), ascii(vector, u"payload"_s));
    QVERIFY(compact.ok());
    const QByteArray expected = ascii(vector, u"protectedHeaderB64"_s) + '.' +
                                ascii(vector, u"payloadB64"_s) + '.' +
                                ascii(vector, u"signatureB64"_s);
    QCOMPARE(compact.value(), expected);

    const auto publicKey = Jwk::toPublicKey(vector.value(u"publicJwk"_s).toObject());
    QVERIFY(publicKey.ok());
    const auto verified = Jws::verify(expected, publicKey->get(), {u"EdDSA"_s});
    QVERIFY2(verified.ok(), qPrintable(why(verified)));
    QCOMPARE(verified->payload, ascii(vector, u"payload"_s));
}

void TestJws::rfc8037Thumbprint()
{
    // RFC 8037 appendix A.3: the SHA-256 input and the thumbprint.
    const QJsonObject vector = loadVector(u"rfc8037-a.json"_s);
    QCOMPARE(Digest::sha256(ascii(vector, u"thumbprintInput"_s)).toHex(),
             ascii(vector, u"thumbprintHex"_s));
    const auto thumbprint = Jwk::thumbprint(vector.value(u"publicJwk"_s).toObject());
    QVERIFY(thumbprint.ok());
    QCOMPARE(thumbprint.value(), u"kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"_s);
}

void TestJws::roundTrip_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("keyName");
    QTest::addColumn<QString>("otherKey");
    QTest::newRow("RS256") << u"RS256"_s << u"rsa"_s << u"rsa2"_s;
    QTest::newRow("PS256") << u"PS256"_s << u"rsa"_s << u"rsa2"_s;
    QTest::newRow("ES256") << u"ES256"_s << u"ec"_s << u"ec2"_s;
    QTest::newRow("EdDSA") << u"EdDSA"_s << u"ed"_s << u"ed2"_s;
}

void TestJws::roundTrip()
{
    QFETCH(QString, alg);
    QFETCH(QString, keyName);
    QFETCH(QString, otherKey);
    const auto compact = Jws::sign(alg, key(keyName), m_payload, u"kid-1"_s, u"at+jwt"_s);
    QVERIFY2(compact.ok(), qPrintable(why(compact)));
    QCOMPARE(compact->count('.'), 2);

    const auto verified = Jws::verify(compact.value(), key(keyName), {alg});
    QVERIFY2(verified.ok(), qPrintable(why(verified)));
    QCOMPARE(verified->payload, m_payload);
    QCOMPARE(verified->alg, alg);
    QCOMPARE(verified->kid, u"kid-1"_s);
    QCOMPARE(verified->typ, u"at+jwt"_s);
    QCOMPARE(verified->signingInput, compact->first(compact->lastIndexOf('.')));

    // The public half alone verifies.
    const auto publicKey = KeyGenerator::publicOnly(key(keyName));
    QVERIFY(publicKey.ok());
    QVERIFY(Jws::verify(compact.value(), publicKey->get(), {alg}).ok());
    // Another key of the same type does not.
    QCOMPARE(Jws::verify(compact.value(), key(otherKey), {alg}).error().code(), Code::BadSignature);
    // Signing with only a public key fails cleanly.
    QVERIFY(!Jws::sign(alg, publicKey->get(), m_payload).ok());
}

void TestJws::headerShape()
{
    const auto compact = Jws::sign(u"ES256"_s, key(u"ec"_s), m_payload, u"k1"_s, u"JWT"_s);
    QVERIFY(compact.ok());
    const QByteArray header = Base64Url::decode(compact->split('.').at(0)).value();
    QCOMPARE(header, R"({"alg":"ES256","kid":"k1","typ":"JWT"})"_ba);
    const auto bare = Jws::sign(u"ES256"_s, key(u"ec"_s), m_payload);
    QCOMPARE(Base64Url::decode(bare->split('.').at(0)).value(), R"({"alg":"ES256"})"_ba);
}

void TestJws::signatureFormats()
{
    const QByteArray input = "eyJhbGciOiJub25lIn0.e30"_ba;
    // RFC 7518 §3.4: R||S, 64 octets; RFC 8032: 64 octets; RSA: modulus size.
    QCOMPARE(Jws::signRaw(u"ES256"_s, key(u"ec"_s), input)->size(), 64);
    QCOMPARE(Jws::signRaw(u"EdDSA"_s, key(u"ed"_s), input)->size(), 64);
    QCOMPARE(Jws::signRaw(u"RS256"_s, key(u"rsa"_s), input)->size(), 256);
    QCOMPARE(Jws::signRaw(u"PS256"_s, key(u"rsa"_s), input)->size(), 256);
    // PKCS#1 v1.5 and Ed25519 are deterministic, PSS and ECDSA are not.
    QCOMPARE(Jws::signRaw(u"RS256"_s, key(u"rsa"_s), input).value(),
             Jws::signRaw(u"RS256"_s, key(u"rsa"_s), input).value());
    QCOMPARE(Jws::signRaw(u"EdDSA"_s, key(u"ed"_s), input).value(),
             Jws::signRaw(u"EdDSA"_s, key(u"ed"_s), input).value());
    QVERIFY(Jws::signRaw(u"PS256"_s, key(u"rsa"_s), input).value() !=
            Jws::signRaw(u"PS256"_s, key(u"rsa"_s), input).value());
    // Unsupported algorithms and keys that do not fit are refused.
    QCOMPARE(Jws::signRaw(u"HS256"_s, key(u"ec"_s), input).error().code(),
             Code::UnsupportedAlgorithm);
    QCOMPARE(Jws::signRaw(u"ES256"_s, key(u"rsa"_s), input).error().code(),
             Code::AlgorithmKeyMismatch);
    // RFC 7518 §3.3: RSA keys below 2048 bits are not used.
    QCOMPARE(Jws::signRaw(u"RS256"_s, key(u"rsa1024"_s), input).error().code(),
             Code::AlgorithmKeyMismatch);
    QVERIFY(!Jws::keyMatchesAlgorithm(u"PS256"_s, key(u"rsa1024"_s)));
    QVERIFY(!Jws::keyMatchesAlgorithm(u"ES256"_s, nullptr));
}

void TestJws::pssSaltLengthMustBeDigestLength()
{
    // RFC 7518 §3.5: the salt is as long as the hash output (32 octets). A
    // PSS signature with a 20-octet salt must not verify as PS256.
    const QByteArray input = "eyJhbGciOiJQUzI1NiJ9.e30"_ba;
    const ossl::MdCtx ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    QCOMPARE(EVP_DigestSignInit_ex(ctx.get(), &pctx, "SHA256", nullptr, nullptr,
                                   m_keys.value(u"rsa"_s), nullptr),
             1);
    QCOMPARE(EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING), 1);
    QCOMPARE(EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, 20), 1);
    size_t length = 512;
    QByteArray signature(static_cast<qsizetype>(length), '\0');
    QCOMPARE(EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                            reinterpret_cast<const unsigned char *>(input.constData()),
                            static_cast<size_t>(input.size())),
             1);
    signature.truncate(static_cast<qsizetype>(length));
    QCOMPARE(Jws::verifyRaw(u"PS256"_s, key(u"rsa"_s), input, signature).error().code(),
             Code::BadSignature);
    // Our own PS256 signature verifies.
    QVERIFY(Jws::verifyRaw(u"PS256"_s, key(u"rsa"_s), input,
                           Jws::signRaw(u"PS256"_s, key(u"rsa"_s), input).value())
                .ok());
}

void TestJws::ecdsaDerSignatureRejected()
{
    // RFC 7518 §3.4: ES256 signatures are R||S, not DER.
    const QByteArray input = "eyJhbGciOiJFUzI1NiJ9.e30"_ba;
    const ossl::MdCtx ctx(EVP_MD_CTX_new());
    QCOMPARE(EVP_DigestSignInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr,
                                   m_keys.value(u"ec"_s), nullptr),
             1);
    size_t length = 128;
    QByteArray der(static_cast<qsizetype>(length), '\0');
    QCOMPARE(EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(der.data()), &length,
                            reinterpret_cast<const unsigned char *>(input.constData()),
                            static_cast<size_t>(input.size())),
             1);
    der.truncate(static_cast<qsizetype>(length));
    QCOMPARE(Jws::verifyRaw(u"ES256"_s, key(u"ec"_s), input, der).error().code(),
             Code::BadSignature);
    QCOMPARE(Jws::verify(input + '.' + b64(der), key(u"ec"_s), {u"ES256"_s}).error().code(),
             Code::BadSignature);
}

void TestJws::largestAcceptedToken()
{
    // Grow the payload until the next step would pass Jws::MaxCompactBytes.
    QByteArray payload(40 * 1024, 'a');
    QByteArray compact;
    for (;;) {
        auto next = Jws::sign(u"ES256"_s, key(u"ec"_s), payload + 'a');
        QVERIFY(next.ok());
        if (next->size() > Jws::MaxCompactBytes)
            break;
        payload += 'a';
        compact = std::move(next).value();
    }
    QVERIFY(compact.size() <= Jws::MaxCompactBytes);
    QVERIFY(compact.size() > Jws::MaxCompactBytes - 4);
    QVERIFY(Jws::verify(compact, key(u"ec"_s), {u"ES256"_s}).ok());
}

void TestJws::duplicateHeaderMembersUseLastValue()
{
    // RFC 7515 §5.2: duplicate names are rejected or the lexically last one
    // wins. A header that says ES256 first and none last must not verify.
    const QByteArray token =
        forge(R"({"alg":"ES256","alg":"none"})", m_payload, u"ES256"_s, key(u"ec"_s));
    const auto result = Jws::verify(token, key(u"ec"_s), {u"ES256"_s});
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), Code::AlgorithmNotAllowed);
}

void TestJws::rejections_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("keyName");
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<Code>("code");

    const QStringList all{u"RS256"_s, u"PS256"_s, u"ES256"_s, u"EdDSA"_s};
    const QStringList es256{u"ES256"_s};
    const QByteArray good = Jws::sign(u"ES256"_s, key(u"ec"_s), m_payload, u"k"_s).value();
    const QList<QByteArray> parts = good.split('.');
    const QByteArray header = parts.at(0);
    const QByteArray payload = parts.at(1);
    const QByteArray signature = parts.at(2);

    // Sanity row: the unmodified token verifies (checked in rejections()).
    QTest::newRow("control: valid") << good << u"ec"_s << es256 << Code::Malformed;

    // Algorithm policy (RFC 8725 §2.1, §3.1).
    const QByteArray none = b64(R"({"alg":"none"})") + '.' + payload;
    QTest::newRow("alg none, empty signature") << none + '.' << u"ec"_s << all << Code::Malformed;
    QTest::newRow("alg none, junk signature")
        << none + ".AAAA" << u"ec"_s << all << Code::AlgorithmNotAllowed;
    QTest::newRow("alg none allowed by caller")
        << none + ".AAAA" << u"ec"_s << QStringList{u"none"_s, u"ES256"_s}
        << Code::UnsupportedAlgorithm;
    // The classic confusion attack: HMAC keyed with the public key.
    const QByteArray hsInput = b64(R"({"alg":"HS256"})") + '.' + payload;
    const QByteArray publicJwk =
        QJsonDocument(Jwk::publicMembers(key(u"ec"_s)).value()).toJson(QJsonDocument::Compact);
    const QByteArray hs256 = hsInput + '.' + b64(Digest::hmacSha256(publicJwk, hsInput));
    QTest::newRow("HS256 header on EC key")
        << hs256 << u"ec"_s << es256 << Code::AlgorithmNotAllowed;
    QTest::newRow("HS256 header, caller allows HS256")
        << hs256 << u"ec"_s << QStringList{u"HS256"_s, u"ES256"_s} << Code::UnsupportedAlgorithm;
    QTest::newRow("RS256 header on EC key")
        << Jws::sign(u"RS256"_s, key(u"rsa"_s), m_payload).value() << u"ec"_s << all
        << Code::AlgorithmKeyMismatch;
    QTest::newRow("ES256 header on RSA key")
        << good << u"rsa"_s << all << Code::AlgorithmKeyMismatch;
    QTest::newRow("EdDSA header on EC key")
        << Jws::sign(u"EdDSA"_s, key(u"ed"_s), m_payload).value() << u"ec"_s << all
        << Code::AlgorithmKeyMismatch;
    QTest::newRow("ES256 header on Ed25519 key")
        << good << u"ed"_s << all << Code::AlgorithmKeyMismatch;
    QTest::newRow("RS256 on 1024-bit RSA key")
        << forge(R"({"alg":"RS256"})", m_payload, u"RS256"_s, key(u"rsa"_s)) << u"rsa1024"_s << all
        << Code::AlgorithmKeyMismatch;
    QTest::newRow("alg not in allow-list")
        << good << u"ec"_s << QStringList{u"RS256"_s} << Code::AlgorithmNotAllowed;
    QTest::newRow("empty allow-list")
        << good << u"ec"_s << QStringList{} << Code::AlgorithmNotAllowed;
    QTest::newRow("alg case differs")
        << forge(R"({"alg":"es256"})", m_payload, u"ES256"_s, key(u"ec"_s)) << u"ec"_s
        << QStringList{u"es256"_s, u"ES256"_s} << Code::UnsupportedAlgorithm;

    // Signatures.
    QTest::newRow("wrong key") << good << u"ec2"_s << es256 << Code::BadSignature;
    QTest::newRow("flipped signature bit ES256")
        << flipBit(good, 2) << u"ec"_s << es256 << Code::BadSignature;
    QTest::newRow("flipped signature bit RS256")
        << flipBit(Jws::sign(u"RS256"_s, key(u"rsa"_s), m_payload).value(), 2) << u"rsa"_s << all
        << Code::BadSignature;
    QTest::newRow("flipped signature bit PS256")
        << flipBit(Jws::sign(u"PS256"_s, key(u"rsa"_s), m_payload).value(), 2) << u"rsa"_s << all
        << Code::BadSignature;
    QTest::newRow("flipped signature bit EdDSA")
        << flipBit(Jws::sign(u"EdDSA"_s, key(u"ed"_s), m_payload).value(), 2) << u"ed"_s << all
        << Code::BadSignature;
    QTest::newRow("flipped payload bit")
        << flipBit(good, 1) << u"ec"_s << es256 << Code::BadSignature;
    QTest::newRow("header swapped")
        << b64(R"({"alg":"ES256","kid":"other"})") + '.' + payload + '.' + signature << u"ec"_s
        << es256 << Code::BadSignature;
    QTest::newRow("signature of 63 octets")
        << header + '.' + payload + '.' + b64(Base64Url::decode(signature)->first(63)) << u"ec"_s
        << es256 << Code::BadSignature;
    const QByteArray rs256 = Jws::sign(u"RS256"_s, key(u"rsa"_s), m_payload).value();
    const qsizetype rsDot = rs256.lastIndexOf('.');
    QTest::newRow("RSA signature one octet short")
        << rs256.first(rsDot + 1) + b64(Base64Url::decode(rs256.sliced(rsDot + 1))->chopped(1))
        << u"rsa"_s << all << Code::BadSignature;

    // Structure (RFC 7515 §7.1).
    QTest::newRow("empty") << QByteArray() << u"ec"_s << es256 << Code::Malformed;
    QTest::newRow("one segment") << header << u"ec"_s << es256 << Code::Malformed;
    QTest::newRow("two segments") << header + '.' + payload << u"ec"_s << es256 << Code::Malformed;
    QTest::newRow("four segments") << good + ".AAAA" << u"ec"_s << es256 << Code::Malformed;
    QTest::newRow("five segments (JWE)")
        << good + ".AAAA.AAAA" << u"ec"_s << es256 << Code::Malformed;
    QTest::newRow("trailing dot") << good + '.' << u"ec"_s << es256 << Code::Malformed;
    QTest::newRow("empty header") << '.' + payload + '.' + signature << u"ec"_s << es256
                                  << Code::Malformed;
    QTest::newRow("empty payload")
        << header + ".." + signature << u"ec"_s << es256 << Code::Malformed;
    QTest::newRow("empty signature")
        << header + '.' + payload + '.' << u"ec"_s << es256 << Code::Malformed;
    QTest::newRow("only dots") << ".."_ba << u"ec"_s << es256 << Code::Malformed;

    // Encoding (RFC 7515 §2).
    QTest::newRow("padded header")
        << header + "==." + payload + '.' + signature << u"ec"_s << es256 << Code::BadBase64;
    QTest::newRow("plain base64 in payload")
        << header + '.' + payload + "+/." + signature << u"ec"_s << es256 << Code::BadBase64;
    QTest::newRow("space in signature")
        << header + '.' + payload + '.' + signature.left(10) + ' ' + signature.mid(10) << u"ec"_s
        << es256 << Code::BadBase64;
    QTest::newRow("newline before signature")
        << header + '.' + payload + ".\n" + signature << u"ec"_s << es256 << Code::BadBase64;

    // Header content (RFC 7515 §4, §5.2).
    QTest::newRow("header is an array") << forge("[1,2]", m_payload, u"ES256"_s, key(u"ec"_s))
                                        << u"ec"_s << es256 << Code::NotJsonObject;
    QTest::newRow("header is a string") << forge(R"("ES256")", m_payload, u"ES256"_s, key(u"ec"_s))
                                        << u"ec"_s << es256 << Code::NotJsonObject;
    QTest::newRow("header is not JSON") << forge("alg=ES256", m_payload, u"ES256"_s, key(u"ec"_s))
                                        << u"ec"_s << es256 << Code::NotJsonObject;
    QTest::newRow("header JSON with trailing garbage")
        << forge(R"({"alg":"ES256"}x)", m_payload, u"ES256"_s, key(u"ec"_s)) << u"ec"_s << es256
        << Code::NotJsonObject;
    QTest::newRow("no alg") << forge(R"({"kid":"k"})", m_payload, u"ES256"_s, key(u"ec"_s))
                            << u"ec"_s << es256 << Code::Malformed;
    QTest::newRow("alg is a number") << forge(R"({"alg":256})", m_payload, u"ES256"_s, key(u"ec"_s))
                                     << u"ec"_s << es256 << Code::Malformed;
    QTest::newRow("kid is a number")
        << forge(R"({"alg":"ES256","kid":1})", m_payload, u"ES256"_s, key(u"ec"_s)) << u"ec"_s
        << es256 << Code::Malformed;
    // RFC 7515 §4.1.11: unknown critical extensions must be rejected, even
    // on an otherwise valid signature.
    QTest::newRow("crit") << forge(R"({"alg":"ES256","crit":["exp"],"exp":1})", m_payload,
                                   u"ES256"_s, key(u"ec"_s))
                          << u"ec"_s << es256 << Code::UnsupportedCritical;
    QTest::newRow("crit b64") << forge(R"({"alg":"ES256","b64":false,"crit":["b64"]})", m_payload,
                                       u"ES256"_s, key(u"ec"_s))
                              << u"ec"_s << es256 << Code::UnsupportedCritical;

    // Size.
    const QByteArray big(Jws::MaxCompactBytes, 'a');
    QTest::newRow("oversized, validly signed")
        << Jws::sign(u"ES256"_s, key(u"ec"_s), big).value() << u"ec"_s << es256 << Code::TooLarge;
    QTest::newRow("oversized garbage")
        << QByteArray(Jws::MaxCompactBytes + 1, '.') << u"ec"_s << es256 << Code::TooLarge;
}

void TestJws::rejections()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, keyName);
    QFETCH(QStringList, allowed);
    QFETCH(Code, code);
    const auto result = Jws::verify(token, key(keyName), allowed);
    if (QByteArrayView(QTest::currentDataTag()).startsWith("control")) {
        QVERIFY2(result.ok(), qPrintable(why(result)));
        return;
    }
    QVERIFY2(!result.ok(), "accepted a token that must be rejected");
    QCOMPARE(result.error().code(), code);
    QVERIFY(!result.error().message().isEmpty());
}

QTEST_GUILESS_MAIN(TestJws)
#include "tst_jws.moc"
