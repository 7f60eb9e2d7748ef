// SPDX-License-Identifier: GPL-3.0-or-later
#include "FixedRandom.h"

#include "crypto/ConstantTime.h"
#include "crypto/Random.h"
#include "crypto/SecretHasher.h"
#include "jose/Base64Url.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

namespace {

PasswordHasher cheapArgon2()
{
    PasswordHasher::Parameters p;
    p.memoryKiB = 256;
    p.iterations = 1;
    return PasswordHasher(p);
}

const QString ThirtyTwo = u"0123456789abcdef0123456789abcdef"_s;

} // namespace

class TestSecretHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatedSecretShape();
    void fastFormatKnownAnswer();
    void longSecretsTakeTheFastPath();
    void shortSecretsUseArgon2id_data();
    void shortSecretsUseArgon2id();
    void constantTimeCompareUsed();
    void emptySecret();
    void malformedStored_data();
    void malformedStored();
};

void TestSecretHasher::generatedSecretShape()
{
    const SecretHasher hasher;
    const QString secret = hasher.generateSecret();
    QCOMPARE(secret.size(), 43); // 32 bytes, base64url without padding
    const auto raw = Base64Url::decode(secret.toLatin1());
    QVERIFY(raw.ok());
    QCOMPARE(raw->size(), 32);
    QVERIFY(hasher.generateSecret() != secret);
    // With an injected source the secret is predictable.
    const SecretHasher fixed(std::make_shared<test::FixedRandom>(0), cheapArgon2());
    QCOMPARE(fixed.generateSecret(), u"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"_s);
}

void TestSecretHasher::fastFormatKnownAnswer()
{
    // Salt 00..0f; HMAC-SHA-256 computed independently (Python hmac).
    const SecretHasher hasher(std::make_shared<test::FixedRandom>(0), cheapArgon2());
    const auto stored = hasher.hash(ThirtyTwo);
    QVERIFY(stored.ok());
    QCOMPARE(stored.value(), u"$lanyard-hs256$AAECAwQFBgcICQoLDA0ODw$"
                             "tQEdvAoxL1OWsgInYFop_17fTnqJ4F6XJbJ82eGT9Fw"_s);
    QVERIFY(SecretHasher::isFastFormat(stored.value()));
    QVERIFY(hasher.verify(ThirtyTwo, stored.value()));
}

void TestSecretHasher::longSecretsTakeTheFastPath()
{
    const SecretHasher hasher(Random::system(), cheapArgon2());
    const QString secret = hasher.generateSecret();
    const auto stored = hasher.hash(secret);
    QVERIFY(stored.ok());
    QVERIFY(stored->startsWith(u"$lanyard-hs256$"_s));
    QCOMPARE(stored->split(u'$').size(), 4);
    QVERIFY(!stored->contains(secret));
    QVERIFY(hasher.verify(secret, stored.value()));
    QString oneOff = secret;
    oneOff[5] = oneOff.at(5) == u'A' ? u'B' : u'A';
    QVERIFY(!hasher.verify(oneOff, stored.value()));
    QVERIFY(!hasher.verify(secret.chopped(1), stored.value()));
    QVERIFY(!hasher.verify(secret + u'x', stored.value()));
    QVERIFY(!hasher.verify(hasher.generateSecret(), stored.value()));
    // Salted: the same secret hashes differently each time.
    QVERIFY(hasher.hash(secret).value() != stored.value());
    // Exactly 32 UTF-8 bytes is enough; 16 two-byte characters count as 32.
    QVERIFY(hasher.hash(ThirtyTwo)->startsWith(u"$lanyard-hs256$"_s));
    QVERIFY(hasher.hash(QString(16, u'\u00e9'))->startsWith(u"$lanyard-hs256$"_s));
}

void TestSecretHasher::shortSecretsUseArgon2id_data()
{
    QTest::addColumn<QString>("secret");
    QTest::newRow("31 bytes") << ThirtyTwo.chopped(1);
    QTest::newRow("typical imported") << u"hunter2"_s;
    QTest::newRow("one character") << u"x"_s;
    QTest::newRow("15 two-byte characters") << QString(15, u'\u00e9');
}

void TestSecretHasher::shortSecretsUseArgon2id()
{
    QFETCH(QString, secret);
    const SecretHasher hasher(Random::system(), cheapArgon2());
    const auto stored = hasher.hash(secret);
    QVERIFY(stored.ok());
    QVERIFY2(stored->startsWith(u"$argon2id$v=19$m=256,t=1,p=1$"_s), qPrintable(stored.value()));
    QVERIFY(!SecretHasher::isFastFormat(stored.value()));
    QVERIFY(hasher.verify(secret, stored.value()));
    QVERIFY(!hasher.verify(secret + u'!', stored.value()));
    QVERIFY(!hasher.verify(ThirtyTwo, stored.value()));
}

void TestSecretHasher::constantTimeCompareUsed()
{
    const SecretHasher hasher(Random::system(), cheapArgon2());
    const QString secret = hasher.generateSecret();
    const QString stored = hasher.hash(secret).value();
    quint64 before = ConstantTime::comparisons();
    QVERIFY(hasher.verify(secret, stored));
    QCOMPARE(ConstantTime::comparisons(), before + 1);
    before = ConstantTime::comparisons();
    QVERIFY(!hasher.verify(hasher.generateSecret(), stored));
    QCOMPARE(ConstantTime::comparisons(), before + 1);
}

void TestSecretHasher::emptySecret()
{
    const SecretHasher hasher(Random::system(), cheapArgon2());
    QCOMPARE(hasher.hash(QString()).error().kind, Error::Kind::Invalid);
    const QString stored = hasher.hash(ThirtyTwo).value();
    QVERIFY(!hasher.verify(QString(), stored));
}

void TestSecretHasher::malformedStored_data()
{
    QTest::addColumn<QString>("stored");
    const SecretHasher hasher(std::make_shared<test::FixedRandom>(0), cheapArgon2());
    const QString good = hasher.hash(ThirtyTwo).value();
    const QStringList parts = good.split(u'$'); // "", "lanyard-hs256", salt, mac
    QTest::newRow("empty") << QString();
    QTest::newRow("the secret itself") << ThirtyTwo;
    QTest::newRow("prefix only") << u"$lanyard-hs256$"_s;
    QTest::newRow("no mac") << u"$lanyard-hs256$"_s + parts.at(2);
    QTest::newRow("empty mac") << u"$lanyard-hs256$"_s + parts.at(2) + u'$';
    QTest::newRow("extra part") << good + u"$AAAA"_s;
    QTest::newRow("mac truncated") << good.chopped(2);
    QTest::newRow("mac padded") << good + u'=';
    QTest::newRow("salt not base64url") << u"$lanyard-hs256$AA+/$"_s + parts.at(3);
    QTest::newRow("salt too short") << u"$lanyard-hs256$AAECAw$"_s + parts.at(3);
    QTest::newRow("unknown scheme") << QString(good).replace(u"hs256"_s, u"hs512"_s);
    QTest::newRow("upper-case scheme") << QString(good).replace(u"lanyard"_s, u"LANYARD"_s);
    QTest::newRow("argon2i") << u"$argon2i$v=19$m=256,t=1,p=1$AAECAwQFBgcICQoLDA0ODw$AAAA"_s;
    QTest::newRow("leading space") << u' ' + good;
}

void TestSecretHasher::malformedStored()
{
    QFETCH(QString, stored);
    const SecretHasher hasher(Random::system(), cheapArgon2());
    QVERIFY(!hasher.verify(ThirtyTwo, stored));
}

QTEST_GUILESS_MAIN(TestSecretHasher)
#include "tst_secrethasher.moc"
