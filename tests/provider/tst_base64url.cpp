// SPDX-License-Identifier: GPL-3.0-or-later
#include "jose/Base64Url.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

class TestBase64Url : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc4648Vectors_data();
    void rfc4648Vectors();
    void urlSafeAlphabet();
    void roundTripAllLengths();
    void rejects_data();
    void rejects();
};

void TestBase64Url::rfc4648Vectors_data()
{
    // RFC 4648 §10 test vectors, written without padding (RFC 7515 §2).
    QTest::addColumn<QByteArray>("plain");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("f") << "f"_ba
                       << "Zg"_ba;
    QTest::newRow("fo") << "fo"_ba
                        << "Zm8"_ba;
    QTest::newRow("foo") << "foo"_ba
                         << "Zm9v"_ba;
    QTest::newRow("foob") << "foob"_ba
                          << "Zm9vYg"_ba;
    QTest::newRow("fooba") << "fooba"_ba
                           << "Zm9vYmE"_ba;
    QTest::newRow("foobar") << "foobar"_ba
                            << "Zm9vYmFy"_ba;
    // RFC 7515 appendix C: the example octets [3, 236, 255, 224, 193].
    QTest::newRow("rfc7515 appendix C") << QByteArray("\x03\xec\xff\xe0\xc1", 5) << "A-z_4ME"_ba;
}

void TestBase64Url::rfc4648Vectors()
{
    QFETCH(QByteArray, plain);
    QFETCH(QByteArray, encoded);
    QCOMPARE(Base64Url::encode(plain), encoded);
    const auto decoded = Base64Url::decode(encoded);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value(), plain);
}

void TestBase64Url::urlSafeAlphabet()
{
    // 0xfb 0xff 0xbf is "+/+/" in plain base64: both characters must be replaced.
    const QByteArray bytes("\xfb\xff\xbf\xfb\xff\xbf", 6);
    QCOMPARE(Base64Url::encode(bytes), "-_-_-_-_"_ba);
    QVERIFY(!Base64Url::encode(QByteArray("\xff\xff", 2)).contains('='));
}

void TestBase64Url::roundTripAllLengths()
{
    QByteArray data;
    for (int length = 0; length < 70; ++length) {
        const QByteArray encoded = Base64Url::encode(data);
        QVERIFY(!encoded.contains('=') && !encoded.contains('+') && !encoded.contains('/'));
        QCOMPARE(encoded.size() % 4 == 1, false);
        const auto decoded = Base64Url::decode(encoded);
        QVERIFY2(decoded.ok(), encoded.constData());
        QCOMPARE(decoded.value(), data);
        data.append(static_cast<char>((length * 37 + 11) & 0xff));
    }
}

void TestBase64Url::rejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("padding") << "Zg=="_ba;
    QTest::newRow("single pad") << "Zm8="_ba;
    QTest::newRow("plus") << "ab+d"_ba;
    QTest::newRow("slash") << "ab/d"_ba;
    QTest::newRow("space") << "Zm9v Yg"_ba;
    QTest::newRow("newline") << "Zm9v\nYg"_ba;
    QTest::newRow("trailing newline") << "Zm9v\n"_ba;
    QTest::newRow("tab") << "\tZm9v"_ba;
    QTest::newRow("dot") << "Zm9v.Yg"_ba;
    QTest::newRow("non-ascii") << "Zm9v\xc3\xa9"_ba;
    QTest::newRow("nul") << QByteArray("Zm\0v", 4);
    QTest::newRow("len%4==1") << "Zm9vY"_ba;
    QTest::newRow("one char") << "A"_ba;
    // RFC 4648 §3.5: non-zero unused bits make a second encoding of "f".
    QTest::newRow("non-canonical 2") << "Zh"_ba;
    QTest::newRow("non-canonical 3") << "Zm9"_ba;
}

void TestBase64Url::rejects()
{
    QFETCH(QByteArray, text);
    const auto decoded = Base64Url::decode(text);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code(), JoseError::Code::BadBase64);
    QVERIFY(!Base64Url::isValid(text));
}

QTEST_GUILESS_MAIN(TestBase64Url)
#include "tst_base64url.moc"
