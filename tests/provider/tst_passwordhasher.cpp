// SPDX-License-Identifier: GPL-3.0-or-later
#include "FixedRandom.h"

#include "crypto/PasswordHasher.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

namespace {

/// Cheap parameters so the tests run fast; the defaults are checked separately.
PasswordHasher::Parameters cheap()
{
    PasswordHasher::Parameters p;
    p.memoryKiB = 256;
    p.iterations = 1;
    p.parallelism = 1;
    return p;
}

/// A syntactically valid PHC string with the given cost section.
QString phcWith(const QString &costs)
{
    return u"$argon2id$v=19$"_s + costs + u"$AAECAwQFBgcICQoLDA0ODw$"_s +
           u"izTkpYiKsEjpYsB0oxTVRU9PJb2Iq+jj0CE4hnLB0aQ"_s;
}

} // namespace

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreOwasp();
    void verifyRightAndWrong();
    void knownAnswerFromAnotherImplementation();
    void saltComesFromTheRandomSource();
    void unicodeIsNormalised();
    void limits();
    void malformed_data();
    void malformed();
    void needsRehash_data();
    void needsRehash();
};

void TestPasswordHasher::defaultsAreOwasp()
{
    const auto p = PasswordHasher::owaspDefaults();
    QCOMPARE(p.memoryKiB, 19456u);
    QCOMPARE(p.iterations, 2u);
    QCOMPARE(p.parallelism, 1u);
    QCOMPARE(p.saltBytes, 16u);
    QCOMPARE(p.hashBytes, 32u);
    const PasswordHasher hasher;
    QCOMPARE(hasher.parameters().memoryKiB, 19456u);
    const auto phc = hasher.hash(u"correct horse battery staple"_s);
    QVERIFY(phc.ok());
    QVERIFY2(phc->startsWith(u"$argon2id$v=19$m=19456,t=2,p=1$"_s), qPrintable(phc.value()));
    const QStringList parts = phc->split(u'$');
    QCOMPARE(parts.size(), 6);
    QCOMPARE(parts.at(4).size(), 22); // 16-byte salt, unpadded base64
    QCOMPARE(parts.at(5).size(), 43); // 32-byte tag
    QVERIFY(hasher.verify(u"correct horse battery staple"_s, phc.value()));
    QVERIFY(!hasher.needsRehash(phc.value()));
}

void TestPasswordHasher::verifyRightAndWrong()
{
    const PasswordHasher hasher(cheap());
    const auto phc = hasher.hash(u"s3cret!"_s);
    QVERIFY(phc.ok());
    QVERIFY(phc->startsWith(u"$argon2id$v=19$m=256,t=1,p=1$"_s));
    QVERIFY(hasher.verify(u"s3cret!"_s, phc.value()));
    QVERIFY(!hasher.verify(u"s3cret"_s, phc.value()));
    QVERIFY(!hasher.verify(u"S3cret!"_s, phc.value()));
    QVERIFY(!hasher.verify(u"s3cret! "_s, phc.value()));
    QVERIFY(!hasher.verify(QString(), phc.value()));
    // Fresh salt each time: two hashes of one password differ, both verify.
    const auto again = hasher.hash(u"s3cret!"_s);
    QVERIFY(again.value() != phc.value());
    QVERIFY(hasher.verify(u"s3cret!"_s, again.value()));
    // Verification reads the parameters from the string, not from the hasher.
    QVERIFY(PasswordHasher().verify(u"s3cret!"_s, phc.value()));
}

void TestPasswordHasher::knownAnswerFromAnotherImplementation()
{
    // Computed with Python cryptography's Argon2id (not libargon2): password
    // "correct horse battery staple", salt 00..0f, m=256, t=1, p=1, 32 bytes.
    const QString phc = phcWith(u"m=256,t=1,p=1"_s);
    const PasswordHasher hasher(cheap());
    QVERIFY(hasher.verify(u"correct horse battery staple"_s, phc));
    QVERIFY(!hasher.verify(u"correct horse battery stapl"_s, phc));
    // And our hasher, fed the same salt, writes exactly that string.
    const PasswordHasher fixed(cheap(), std::make_shared<test::FixedRandom>(0));
    QCOMPARE(fixed.hash(u"correct horse battery staple"_s).value(), phc);
}

void TestPasswordHasher::saltComesFromTheRandomSource()
{
    const auto random = std::make_shared<test::FixedRandom>(0x10);
    const PasswordHasher hasher(cheap(), random);
    const auto phc = hasher.hash(u"pw"_s);
    QVERIFY(phc.ok());
    QCOMPARE(random->consumed(), 16);
    // Bytes 10 11 ... 1f, standard base64 without padding.
    QCOMPARE(phc->split(u'$').at(4), u"EBESExQVFhcYGRobHB0eHw"_s);
}

void TestPasswordHasher::unicodeIsNormalised()
{
    const PasswordHasher hasher(cheap());
    const QString composed = u"caf\u00e9"_s;
    const QString decomposed = u"cafe\u0301"_s;
    QVERIFY(composed != decomposed);
    const auto phc = hasher.hash(composed);
    QVERIFY(hasher.verify(decomposed, phc.value()));
    QVERIFY(hasher.verify(composed, phc.value()));
    QVERIFY(!hasher.verify(u"cafe"_s, phc.value()));
}

void TestPasswordHasher::limits()
{
    const PasswordHasher hasher(cheap());
    QCOMPARE(hasher.hash(QString()).error().kind, Error::Kind::Invalid);
    const QString longest(PasswordHasher::MaxPasswordBytes, u'x');
    const auto phc = hasher.hash(longest);
    QVERIFY(phc.ok());
    QVERIFY(hasher.verify(longest, phc.value()));
    const QString tooLong = longest + u'x';
    QCOMPARE(hasher.hash(tooLong).error().kind, Error::Kind::Invalid);
    QVERIFY(!hasher.verify(tooLong, phc.value()));
}

void TestPasswordHasher::malformed_data()
{
    QTest::addColumn<QString>("phc");
    const QString salt = u"AAECAwQFBgcICQoLDA0ODw"_s;
    const QString tag = u"izTkpYiKsEjpYsB0oxTVRU9PJb2Iq+jj0CE4hnLB0aQ"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("plaintext") << u"correct horse battery staple"_s;
    QTest::newRow("argon2i") << u"$argon2i$v=19$m=256,t=1,p=1$"_s + salt + u'$' + tag;
    QTest::newRow("argon2d") << u"$argon2d$v=19$m=256,t=1,p=1$"_s + salt + u'$' + tag;
    QTest::newRow("version 16") << u"$argon2id$v=16$m=256,t=1,p=1$"_s + salt + u'$' + tag;
    QTest::newRow("no version") << u"$argon2id$m=256,t=1,p=1$"_s + salt + u'$' + tag;
    QTest::newRow("bcrypt") << u"$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"_s;
    QTest::newRow("missing p") << phcWith(u"m=256,t=1"_s);
    QTest::newRow("reordered costs") << phcWith(u"t=1,m=256,p=1"_s);
    QTest::newRow("p=0") << phcWith(u"m=256,t=1,p=0"_s);
    QTest::newRow("t=0") << phcWith(u"m=256,t=0,p=1"_s);
    QTest::newRow("m below 8p") << phcWith(u"m=7,t=1,p=1"_s);
    QTest::newRow("m 4 GiB") << phcWith(u"m=4294967295,t=1,p=1"_s);
    QTest::newRow("m overflow") << phcWith(u"m=99999999999,t=1,p=1"_s);
    QTest::newRow("t 1000") << phcWith(u"m=256,t=1000,p=1"_s);
    QTest::newRow("leading zero") << phcWith(u"m=0256,t=1,p=1"_s);
    QTest::newRow("negative") << phcWith(u"m=-256,t=1,p=1"_s);
    QTest::newRow("space") << phcWith(u"m= 256,t=1,p=1"_s);
    QTest::newRow("no salt") << u"$argon2id$v=19$m=256,t=1,p=1$$"_s + tag;
    QTest::newRow("salt 4 bytes") << u"$argon2id$v=19$m=256,t=1,p=1$AAECAw$"_s + tag;
    QTest::newRow("salt url alphabet")
        << u"$argon2id$v=19$m=256,t=1,p=1$AAECAw-_BgcICQoLDA0ODw$"_s + tag;
    QTest::newRow("salt padded") << u"$argon2id$v=19$m=256,t=1,p=1$"_s + salt + u"==$"_s + tag;
    QTest::newRow("tag len%4==1") << u"$argon2id$v=19$m=256,t=1,p=1$"_s + salt + u"$AAAAA"_s;
    QTest::newRow("no tag") << u"$argon2id$v=19$m=256,t=1,p=1$"_s + salt;
    QTest::newRow("extra segment") << phcWith(u"m=256,t=1,p=1"_s) + u"$AAAA"_s;
    QTest::newRow("trailing dollar") << phcWith(u"m=256,t=1,p=1"_s) + u'$';
    QTest::newRow("trailing newline") << phcWith(u"m=256,t=1,p=1"_s) + u'\n';
    QTest::newRow("non-latin1") << phcWith(u"m=256,t=1,p=1"_s).replace(u'A', u'\u0100');
    QTest::newRow("huge") << u"$argon2id$v=19$m=256,t=1,p=1$"_s + salt + u'$' +
                                 QString(100000, u'A');
}

void TestPasswordHasher::malformed()
{
    QFETCH(QString, phc);
    const PasswordHasher hasher(cheap());
    QVERIFY(!hasher.verify(u"correct horse battery staple"_s, phc));
    QVERIFY(hasher.needsRehash(phc));
}

void TestPasswordHasher::needsRehash_data()
{
    QTest::addColumn<QString>("phc");
    QTest::addColumn<bool>("rehash");
    // Against the OWASP defaults m=19456, t=2, p=1, salt 16, tag 32.
    QTest::newRow("current") << phcWith(u"m=19456,t=2,p=1"_s) << false;
    QTest::newRow("stronger memory") << phcWith(u"m=47104,t=2,p=1"_s) << false;
    QTest::newRow("stronger time") << phcWith(u"m=19456,t=3,p=1"_s) << false;
    QTest::newRow("more lanes") << phcWith(u"m=19456,t=2,p=2"_s) << false;
    QTest::newRow("less memory") << phcWith(u"m=19455,t=2,p=1"_s) << true;
    QTest::newRow("fewer passes") << phcWith(u"m=19456,t=1,p=1"_s) << true;
    QTest::newRow("test parameters") << phcWith(u"m=256,t=1,p=1"_s) << true;
    QTest::newRow("short salt")
        << u"$argon2id$v=19$m=19456,t=2,p=1$AAECAwQFBgc$izTkpYiKsEjpYsB0oxTVRU9PJb2Iq+jj0CE4hnLB0aQ"_s
        << true;
    QTest::newRow("short tag")
        << u"$argon2id$v=19$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw$izTkpYiKsEjpYsB0oxTVRQ"_s
        << true;
}

void TestPasswordHasher::needsRehash()
{
    QFETCH(QString, phc);
    QFETCH(bool, rehash);
    QCOMPARE(PasswordHasher().needsRehash(phc), rehash);
}

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
