// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/RedirectUriPolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

class TestRedirectUriPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registration_data();
    void registration();
    void matching_data();
    void matching();
};

void TestRedirectUriPolicy::registration_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("problem"); // empty: accepted

    QTest::newRow("https") << u"https://app.example/callback"_s << QString();
    QTest::newRow("https with query") << u"https://app.example/cb?x=1"_s << QString();
    QTest::newRow("http loopback v4") << u"http://127.0.0.1:8080/cb"_s << QString();
    QTest::newRow("http loopback v6") << u"http://[::1]/cb"_s << QString();
    QTest::newRow("http localhost") << u"http://localhost:3000/cb"_s << QString();
    QTest::newRow("private-use scheme") << u"com.example.app:/oauth2redirect"_s << QString();
    QTest::newRow("fragment") << u"https://app.example/cb#x"_s << u"fragment not allowed"_s;
    QTest::newRow("empty fragment") << u"https://app.example/cb#"_s << u"fragment not allowed"_s;
    QTest::newRow("relative") << u"/callback"_s << u"must be an absolute URI"_s;
    QTest::newRow("no scheme") << u"app.example/cb"_s << u"must be an absolute URI"_s;
    QTest::newRow("http remote") << u"http://app.example/cb"_s
                                 << u"http is allowed only for loopback addresses; use https"_s;
    QTest::newRow("javascript") << u"javascript:alert(1)"_s << u"scheme javascript not allowed"_s;
    QTest::newRow("data") << u"data:text/html,hi"_s << u"scheme data not allowed"_s;
    QTest::newRow("bare custom scheme")
        << u"myapp:/cb"_s
        << u"private-use scheme must be a reverse domain name such as com.example.app"_s;
    QTest::newRow("space") << u"https://app.example/c b"_s
                           << u"must not contain spaces or control characters"_s;
    QTest::newRow("empty") << QString() << u"must not be empty"_s;
    QTest::newRow("https without host") << u"https:///cb"_s << u"must name a host"_s;
}

void TestRedirectUriPolicy::registration()
{
    QFETCH(QString, uri);
    QFETCH(QString, problem);
    QCOMPARE(RedirectUriPolicy::registrationProblem(uri), problem);
}

void TestRedirectUriPolicy::matching_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QStringList>("registered");
    QTest::addColumn<bool>("matches");

    const QStringList web{u"https://app.example/callback"_s};
    QTest::newRow("exact") << u"https://app.example/callback"_s << web << true;
    QTest::newRow("trailing slash") << u"https://app.example/callback/"_s << web << false;
    QTest::newRow("extra query") << u"https://app.example/callback?a=1"_s << web << false;
    QTest::newRow("case of path") << u"https://app.example/Callback"_s << web << false;
    QTest::newRow("other port on https") << u"https://app.example:8443/callback"_s << web << false;
    QTest::newRow("prefix only") << u"https://app.example/callback2"_s << web << false;

    const QStringList loopback{u"http://127.0.0.1/cb"_s, u"http://[::1]:1234/cb"_s};
    // RFC 8252 §7.3: any port for loopback IP literals.
    QTest::newRow("loopback any port") << u"http://127.0.0.1:51234/cb"_s << loopback << true;
    QTest::newRow("loopback v6 any port") << u"http://[::1]:4000/cb"_s << loopback << true;
    QTest::newRow("loopback other path") << u"http://127.0.0.1:51234/other"_s << loopback << false;
    QTest::newRow("loopback https is not the rule")
        << u"https://127.0.0.1:51234/cb"_s << loopback << false;
    const QStringList localhost{u"http://localhost/cb"_s};
    QTest::newRow("localhost name gets no port freedom")
        << u"http://localhost:8000/cb"_s << localhost << false;
}

void TestRedirectUriPolicy::matching()
{
    QFETCH(QString, requested);
    QFETCH(QStringList, registered);
    QFETCH(bool, matches);
    QCOMPARE(RedirectUriPolicy::matches(requested, registered), matches);
}

QTEST_GUILESS_MAIN(TestRedirectUriPolicy)
#include "tst_redirecturipolicy.moc"
