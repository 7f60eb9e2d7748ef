// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"

#include "crypto/KeyGenerator.h"
#include "jose/Base64Url.h"
#include "jose/Jws.h"
#include "jose/Jwt.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using Code = JoseError::Code;

namespace {

constexpr qint64 Now = 1'700'000'000; // MockClock's default start
const QString Issuer = u"https://op.example.test"_s;
const QString Audience = u"client-1"_s;

/// Claims that pass every check in validate() with the default expectations.
QJsonObject validClaims()
{
    return QJsonObject{{u"iss"_s, Issuer},    {u"sub"_s, u"alice"_s}, {u"aud"_s, Audience},
                       {u"exp"_s, Now + 300}, {u"iat"_s, Now},        {u"nbf"_s, Now}};
}

QJsonObject with(QJsonObject claims, const QString &name, const QJsonValue &value)
{
    claims.insert(name, value);
    return claims;
}

QJsonObject without(QJsonObject claims, const QString &name)
{
    claims.remove(name);
    return claims;
}

} // namespace

class TestJwt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numericDateIsWholeSeconds();
    void claimsEncodeIntegersAsIntegers();
    void validate_data();
    void validate();
    void expiresAsTheClockMoves();
    void optionalChecks();
    void parseClaimsRequiresObject_data();
    void parseClaimsRequiresObject();
    void signedTokenRoundTrip();
};

void TestJwt::numericDateIsWholeSeconds()
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(Now * 1000 + 999, Qt::UTC);
    QCOMPARE(Jwt::numericDate(time), Now);
}

void TestJwt::claimsEncodeIntegersAsIntegers()
{
    // RFC 7519 §2 NumericDate; Lanyard writes integers, never 1.7e9 or 1700000000.0.
    const QByteArray json = Jwt::encodeClaims(
        QJsonObject{{u"exp"_s, Now}, {u"big"_s, qint64(1) << 40}, {u"sub"_s, u"a"_s}});
    QCOMPARE(json, R"({"big":1099511627776,"exp":1700000000,"sub":"a"})"_ba);
}

void TestJwt::validate_data()
{
    QTest::addColumn<QJsonObject>("claims");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<Code>("code");

    const QJsonObject ok = validClaims();
    QTest::newRow("valid") << ok << true << Code::Malformed;
    QTest::newRow("aud array containing us")
        << with(ok, u"aud"_s, QJsonArray{u"other"_s, Audience}) << true << Code::Malformed;
    QTest::newRow("fractional exp")
        << with(ok, u"exp"_s, double(Now) + 10.5) << true << Code::Malformed;
    QTest::newRow("no nbf, no iat")
        << without(without(ok, u"nbf"_s), u"iat"_s) << true << Code::Malformed;

    // RFC 7519 §4.1.4 with 30 s leeway.
    QTest::newRow("exp now (inside leeway)") << with(ok, u"exp"_s, Now) << true << Code::Malformed;
    QTest::newRow("exp 29 s ago") << with(ok, u"exp"_s, Now - 29) << true << Code::Malformed;
    QTest::newRow("exp 30 s ago") << with(ok, u"exp"_s, Now - 30) << false << Code::Expired;
    QTest::newRow("expired an hour ago")
        << with(ok, u"exp"_s, Now - 3600) << false << Code::Expired;
    QTest::newRow("exp 0") << with(ok, u"exp"_s, 0) << false << Code::Expired;
    QTest::newRow("missing exp") << without(ok, u"exp"_s) << false << Code::MissingClaim;
    QTest::newRow("exp as string")
        << with(ok, u"exp"_s, QString::number(Now + 300)) << false << Code::InvalidClaim;
    QTest::newRow("exp null") << with(ok, u"exp"_s, QJsonValue::Null) << false
                              << Code::InvalidClaim;

    // RFC 7519 §4.1.5.
    QTest::newRow("nbf in leeway") << with(ok, u"nbf"_s, Now + 30) << true << Code::Malformed;
    QTest::newRow("nbf in the future")
        << with(ok, u"nbf"_s, Now + 31) << false << Code::NotYetValid;
    QTest::newRow("nbf as bool") << with(ok, u"nbf"_s, true) << false << Code::InvalidClaim;
    // RFC 7519 §4.1.6.
    QTest::newRow("iat in the future")
        << with(ok, u"iat"_s, Now + 120) << false << Code::NotYetValid;
    QTest::newRow("iat as string") << with(ok, u"iat"_s, u"now"_s) << false << Code::InvalidClaim;

    // OIDC Core §3.1.3.7: exact issuer match.
    QTest::newRow("wrong iss") << with(ok, u"iss"_s, u"https://evil.example"_s) << false
                               << Code::WrongIssuer;
    QTest::newRow("iss with trailing slash")
        << with(ok, u"iss"_s, Issuer + u'/') << false << Code::WrongIssuer;
    QTest::newRow("iss differs in case")
        << with(ok, u"iss"_s, Issuer.toUpper()) << false << Code::WrongIssuer;
    QTest::newRow("missing iss") << without(ok, u"iss"_s) << false << Code::MissingClaim;
    QTest::newRow("iss as array") << with(ok, u"iss"_s, QJsonArray{Issuer}) << false
                                  << Code::InvalidClaim;

    // RFC 7519 §4.1.3.
    QTest::newRow("aud string mismatch")
        << with(ok, u"aud"_s, u"client-2"_s) << false << Code::WrongAudience;
    QTest::newRow("aud prefix only")
        << with(ok, u"aud"_s, u"client-10"_s) << false << Code::WrongAudience;
    QTest::newRow("aud array mismatch")
        << with(ok, u"aud"_s, QJsonArray{u"client-2"_s, u"client-3"_s}) << false
        << Code::WrongAudience;
    QTest::newRow("aud empty array")
        << with(ok, u"aud"_s, QJsonArray{}) << false << Code::WrongAudience;
    QTest::newRow("missing aud") << without(ok, u"aud"_s) << false << Code::MissingClaim;
    QTest::newRow("aud as number") << with(ok, u"aud"_s, 1) << false << Code::InvalidClaim;
    QTest::newRow("aud array with number")
        << with(ok, u"aud"_s, QJsonArray{Audience, 1}) << false << Code::InvalidClaim;
}

void TestJwt::validate()
{
    QFETCH(QJsonObject, claims);
    QFETCH(bool, valid);
    QFETCH(Code, code);
    const test::MockClock clock;
    Jwt::Expectations expected;
    expected.issuer = Issuer;
    expected.audience = Audience;
    const auto result = Jwt::validate(claims, expected, clock);
    QCOMPARE(result.ok(), valid);
    if (!valid)
        QCOMPARE(result.error().code(), code);
}

void TestJwt::expiresAsTheClockMoves()
{
    test::MockClock clock;
    Jwt::Expectations expected;
    const QJsonObject claims{{u"exp"_s, Now + 60}};
    QVERIFY(Jwt::validate(claims, expected, clock).ok());
    clock.advance(89);
    QVERIFY(Jwt::validate(claims, expected, clock).ok());
    clock.advance(1);
    QCOMPARE(Jwt::validate(claims, expected, clock).error().code(), Code::Expired);
    // No leeway: expired the second exp is reached.
    expected.leewaySecs = 0;
    clock.set(QDateTime::fromSecsSinceEpoch(Now + 60, Qt::UTC));
    QCOMPARE(Jwt::validate(claims, expected, clock).error().code(), Code::Expired);
    clock.advance(-1);
    QVERIFY(Jwt::validate(claims, expected, clock).ok());
}

void TestJwt::optionalChecks()
{
    const test::MockClock clock;
    Jwt::Expectations expected; // no iss/aud expectation: those claims are not required
    QVERIFY(Jwt::validate(QJsonObject{{u"exp"_s, Now + 5}}, expected, clock).ok());
    expected.requireExp = false;
    QVERIFY(Jwt::validate(QJsonObject{}, expected, clock).ok());
    // Even when not required, a present exp is enforced.
    QCOMPARE(Jwt::validate(QJsonObject{{u"exp"_s, Now - 100}}, expected, clock).error().code(),
             Code::Expired);
    expected.requireIat = true;
    QCOMPARE(Jwt::validate(QJsonObject{}, expected, clock).error().code(), Code::MissingClaim);
    QVERIFY(Jwt::validate(QJsonObject{{u"iat"_s, Now}}, expected, clock).ok());
}

void TestJwt::parseClaimsRequiresObject_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("valid");
    QTest::newRow("object") << R"({"sub":"a"})"_ba << true;
    QTest::newRow("empty object") << "{}"_ba << true;
    QTest::newRow("array") << R"([{"sub":"a"}])"_ba << false;
    QTest::newRow("string") << R"("sub")"_ba << false;
    QTest::newRow("number") << "42"_ba << false;
    QTest::newRow("not JSON") << "sub=a"_ba << false;
    QTest::newRow("truncated") << R"({"sub":"a")"_ba << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestJwt::parseClaimsRequiresObject()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, valid);
    const auto claims = Jwt::parseClaims(payload);
    QCOMPARE(claims.ok(), valid);
    if (!valid)
        QCOMPARE(claims.error().code(), Code::NotJsonObject);
}

void TestJwt::signedTokenRoundTrip()
{
    const auto key = KeyGenerator::generate(u"ES256"_s);
    QVERIFY(key.ok());
    const auto token = Jwt::sign(u"ES256"_s, key->get(), validClaims(), u"k1"_s, u"JWT"_s);
    QVERIFY(token.ok());
    const auto verified = Jws::verify(token.value(), key->get(), {u"ES256"_s});
    QVERIFY(verified.ok());
    QCOMPARE(verified->typ, u"JWT"_s);
    const auto claims = Jwt::parseClaims(verified->payload);
    QVERIFY(claims.ok());
    QCOMPARE(claims.value(), validClaims());
    Jwt::Expectations expected;
    expected.issuer = Issuer;
    expected.audience = Audience;
    QVERIFY(Jwt::validate(claims.value(), expected, test::MockClock()).ok());
}

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
