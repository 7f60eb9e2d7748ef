// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/PasswordStrength.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

using Level = PasswordStrength::Level;
using Hint = PasswordStrength::Hint;

Q_DECLARE_METATYPE(lanyard::PasswordStrength::Level)
Q_DECLARE_METATYPE(lanyard::PasswordStrength::Hint)

class TestPasswordStrength : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void estimates_data();
    void estimates();
    void emptyIsEmpty();
    void longerIsNeverWeaker();
    void scoreFollowsLevel();
};

void TestPasswordStrength::estimates_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QStringList>("personal");
    QTest::addColumn<Level>("level");
    QTest::addColumn<Hint>("hint");

    const QStringList none;
    const QStringList alice{u"alice"_s, u"Alice Liddell"_s, u"alice.liddell@example.com"_s};
    QTest::newRow("one character") << u"a"_s << none << Level::Weak << Hint::TooShort;
    QTest::newRow("short but varied") << u"aB3$x"_s << none << Level::Weak << Hint::TooShort;
    QTest::newRow("common password") << u"password"_s << none << Level::Weak << Hint::Common;
    QTest::newRow("common with digits") << u"Password123!"_s << none << Level::Weak << Hint::Common;
    QTest::newRow("common with leet") << u"p@ssw0rd"_s << none << Level::Weak << Hint::Common;
    QTest::newRow("keyboard row") << u"qwertyuiop"_s << none << Level::Weak << Hint::Common;
    QTest::newRow("digits in a row") << u"12345678"_s << none << Level::Weak << Hint::Common;
    QTest::newRow("one repeated character")
        << u"aaaaaaaaaaaa"_s << none << Level::Weak << Hint::Repetitive;
    QTest::newRow("alphabet run") << u"abcdefghij"_s << none << Level::Weak << Hint::Repetitive;
    QTest::newRow("reverse run") << u"zyxwvutsrq"_s << none << Level::Weak << Hint::Repetitive;
    QTest::newRow("username inside") << u"alice2024!!"_s << alice << Level::Weak << Hint::Personal;
    QTest::newRow("surname inside")
        << u"Liddell#Wonder"_s << alice << Level::Weak << Hint::Personal;
    QTest::newRow("lower case only") << u"mqxbrtvk"_s << none << Level::Weak << Hint::Variety;
    QTest::newRow("fair mixed") << u"mqXb7rtv!"_s << none << Level::Fair << Hint::Longer;
    QTest::newRow("fair letters") << u"mqxbrtvkwpzn"_s << none << Level::Fair << Hint::Variety;
    QTest::newRow("passphrase") << u"correct horse battery staple"_s << none << Level::Strong
                                << Hint::None;
    QTest::newRow("long mixed") << u"Tr0ub4dor&3-x9Q"_s << none << Level::Strong << Hint::None;
    QTest::newRow("non-ASCII passphrase")
        << u"grüße aus köln am rhein"_s << none << Level::Strong << Hint::None;
    QTest::newRow("personal word too short to matter")
        << u"correct horse battery staple"_s << QStringList{u"al"_s} << Level::Strong << Hint::None;
}

void TestPasswordStrength::estimates()
{
    QFETCH(QString, password);
    QFETCH(QStringList, personal);
    QFETCH(Level, level);
    QFETCH(Hint, hint);
    const auto estimate = PasswordStrength::estimate(password, personal);
    QCOMPARE(estimate.level, level);
    QCOMPARE(estimate.hint, hint);
    QVERIFY(estimate.bits > 0);
    QVERIFY(estimate.score >= 1 && estimate.score <= 100);
}

void TestPasswordStrength::emptyIsEmpty()
{
    const auto estimate = PasswordStrength::estimate(QString());
    QCOMPARE(estimate.level, Level::Empty);
    QCOMPARE(estimate.score, 0);
    QCOMPARE(estimate.hint, Hint::None);
}

void TestPasswordStrength::longerIsNeverWeaker()
{
    QString password;
    double bits = 0;
    const QString words = u"river piano lantern quiet meadow"_s;
    for (const QChar c : words) {
        password.append(c);
        const double next = PasswordStrength::estimate(password).bits;
        QVERIFY2(next >= bits, qPrintable(password));
        bits = next;
    }
}

void TestPasswordStrength::scoreFollowsLevel()
{
    const auto weak = PasswordStrength::estimate(u"letmein"_s);
    const auto fair = PasswordStrength::estimate(u"mqXb7rtv!"_s);
    const auto strong = PasswordStrength::estimate(u"correct horse battery staple"_s);
    QVERIFY(weak.score < fair.score);
    QVERIFY(fair.score < strong.score);
    QCOMPARE(strong.score, 100);
}

QTEST_GUILESS_MAIN(TestPasswordStrength)
#include "tst_passwordstrength.moc"
