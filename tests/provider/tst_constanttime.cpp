// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/ConstantTime.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

class TestConstantTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void equals_data();
    void equals();
    void countsComparisons();
};

void TestConstantTime::equals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same") << "secret"_ba
                          << "secret"_ba << true;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("first byte differs") << "xecret"_ba
                                        << "secret"_ba << false;
    QTest::newRow("last byte differs") << "secres"_ba
                                       << "secret"_ba << false;
    QTest::newRow("one bit differs") << "secret"_ba
                                     << "secreu"_ba << false;
    QTest::newRow("prefix") << "secre"_ba
                            << "secret"_ba << false;
    QTest::newRow("longer") << "secrets"_ba
                            << "secret"_ba << false;
    QTest::newRow("empty vs non-empty") << QByteArray() << "s"_ba << false;
    QTest::newRow("embedded NUL") << QByteArray("a\0b", 3) << QByteArray("a\0c", 3) << false;
    QTest::newRow("same with NUL") << QByteArray("a\0b", 3) << QByteArray("a\0b", 3) << true;
}

void TestConstantTime::equals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(ConstantTime::equals(a, b), equal);
    QCOMPARE(ConstantTime::equals(b, a), equal);
}

void TestConstantTime::countsComparisons()
{
    const quint64 before = ConstantTime::comparisons();
    QVERIFY(!ConstantTime::equals("a", "ab"));
    QVERIFY(ConstantTime::equals("ab", "ab"));
    QCOMPARE(ConstantTime::comparisons(), before + 2);
}

QTEST_GUILESS_MAIN(TestConstantTime)
#include "tst_constanttime.moc"
