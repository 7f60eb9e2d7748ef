// SPDX-License-Identifier: GPL-3.0-or-later
#include "FixedRandom.h"

#include "crypto/Random.h"
#include "jose/Base64Url.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

class TestRandom : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bytesHaveTheRequestedLength();
    void bytesDiffer();
    void tokens();
    void systemIsShared();
    void fixedSourceIsPredictable();
};

void TestRandom::bytesHaveTheRequestedLength()
{
    const auto random = Random::system();
    for (qsizetype n : {0, 1, 16, 32, 1000, 100000})
        QCOMPARE(random->bytes(n).size(), n);
}

void TestRandom::bytesDiffer()
{
    const auto random = Random::system();
    QSet<QByteArray> seen;
    for (int i = 0; i < 1000; ++i)
        seen.insert(random->bytes(16));
    QCOMPARE(seen.size(), 1000);
    // Not obviously biased: every byte value shows up in 64 KiB.
    const QByteArray block = random->bytes(64 * 1024);
    QSet<char> values(block.cbegin(), block.cend());
    QCOMPARE(values.size(), 256);
}

void TestRandom::tokens()
{
    const auto random = Random::system();
    const QString token = random->token();
    QCOMPARE(token.size(), 43); // 32 bytes
    QCOMPARE(Base64Url::decode(token.toLatin1())->size(), 32);
    QCOMPARE(random->token(16).size(), 22);
    QCOMPARE(random->token(48).size(), 64);
    QVERIFY(random->token() != token);
}

void TestRandom::systemIsShared()
{
    QCOMPARE(Random::system().get(), Random::system().get());
}

void TestRandom::fixedSourceIsPredictable()
{
    test::FixedRandom random(0xfe);
    QCOMPARE(random.bytes(4), QByteArray("\xfe\xff\x00\x01", 4));
    QCOMPARE(random.token(3), u"AgME"_s);
    QCOMPARE(random.consumed(), 7);
}

QTEST_GUILESS_MAIN(TestRandom)
#include "tst_random.moc"
