// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Digest.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

class TestDigest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sha2_data();
    void sha2();
    void hmacSha256_data();
    void hmacSha256();
};

void TestDigest::sha2_data()
{
    // FIPS 180-2 appendix examples ("abc") and the empty message.
    QTest::addColumn<int>("bits");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("hex");
    QTest::newRow("sha256 abc")
        << 256 << "abc"_ba
        << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_ba;
    QTest::newRow("sha256 empty")
        << 256 << QByteArray()
        << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_ba;
    QTest::newRow("sha384 abc") << 384 << "abc"_ba
                                << "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5b"
                                   "ed8086072ba1e7cc2358baeca134c825a7"_ba;
    QTest::newRow("sha512 abc") << 512 << "abc"_ba
                                << "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d3"
                                   "9a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54c"
                                   "a49f"_ba;
}

void TestDigest::sha2()
{
    QFETCH(int, bits);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, hex);
    const QByteArray digest = bits == 256   ? Digest::sha256(message)
                              : bits == 384 ? Digest::sha384(message)
                                            : Digest::sha512(message);
    QCOMPARE(digest.size(), bits / 8);
    QCOMPARE(digest.toHex(), hex);
}

void TestDigest::hmacSha256_data()
{
    // RFC 4231 §4.2, §4.3 and §4.7 (key longer than the block size).
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("hex");
    QTest::newRow("rfc4231 case 1")
        << QByteArray(20, '\x0b') << "Hi There"_ba
        << "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"_ba;
    QTest::newRow("rfc4231 case 2")
        << "Jefe"_ba
        << "what do ya want for nothing?"_ba
        << "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"_ba;
    QTest::newRow("rfc4231 case 6")
        << QByteArray(131, '\xaa') << "Test Using Larger Than Block-Size Key - Hash Key First"_ba
        << "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"_ba;
}

void TestDigest::hmacSha256()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, hex);
    QCOMPARE(Digest::hmacSha256(key, data).toHex(), hex);
}

QTEST_GUILESS_MAIN(TestDigest)
#include "tst_digest.moc"
