// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/HttpResponse.h"
#include "http/RequestContext.h"
#include "http/ResponseWriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

class TestResponseWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonAndNoStore();
    void errorShapeAndStatus();
    void serverErrorNeverSendsDetail();
    void challenges_data();
    void challenges();
    void htmlPageHeaders();
    void cacheableAndConditional_data();
    void cacheableAndConditional();
    void serializeFraming_data();
    void serializeFraming();
    void refusesHeaderInjection();
};

void TestResponseWriter::jsonAndNoStore()
{
    HttpResponse response = ResponseWriter::json({{u"a"_s, 1}});
    QCOMPARE(response.status(), 200);
    QCOMPARE(response.header("Content-Type"), "application/json"_ba);
    QCOMPARE(response.body(), R"({"a":1})"_ba);
    QVERIFY(!response.hasHeader("Cache-Control"));
    QCOMPARE(response.header("X-Content-Type-Options"), "nosniff"_ba);
    QCOMPARE(response.header("Referrer-Policy"), "no-referrer"_ba);

    // RFC 6749 §5.1: token responses carry no-store and Pragma: no-cache.
    response =
        ResponseWriter::json({{u"access_token"_s, u"x"_s}}, 200, ResponseWriter::Flag::NoStore);
    QCOMPARE(response.header("Cache-Control"), "no-store"_ba);
    QCOMPARE(response.header("Pragma"), "no-cache"_ba);
}

void TestResponseWriter::errorShapeAndStatus()
{
    const HttpResponse response =
        ResponseWriter::error(OAuthError::invalidGrant(u"Code expired."_s, u"code row 17"_s));
    QCOMPARE(response.status(), 400);
    const QJsonObject body = QJsonDocument::fromJson(response.body()).object();
    QCOMPARE(body.value(u"error"_s).toString(), u"invalid_grant"_s);
    QCOMPARE(body.value(u"error_description"_s).toString(), u"Code expired."_s);
    QCOMPARE(body.size(), 2);
    QVERIFY(!response.body().contains("row 17"));
    QCOMPARE(response.header("Cache-Control"), "no-store"_ba);
    QVERIFY(!response.hasHeader("WWW-Authenticate"));
}

void TestResponseWriter::serverErrorNeverSendsDetail()
{
    const HttpResponse response =
        ResponseWriter::error(OAuthError::serverError(u"SQLITE_BUSY on table codes"_s));
    QCOMPARE(response.status(), 500);
    QVERIFY(!response.serialize().contains("SQLITE"));
    QCOMPARE(QJsonDocument::fromJson(response.body()).object().value(u"error"_s).toString(),
             u"server_error"_s);
}

void TestResponseWriter::challenges_data()
{
    QTest::addColumn<OAuthError>("error");
    QTest::addColumn<int>("challenge");
    QTest::addColumn<QByteArray>("expected");
    const int automatic = int(ResponseWriter::Challenge::Automatic);
    QTest::newRow("invalid_client → Basic")
        << OAuthError::invalidClient(u"Unknown client."_s) << automatic
        << R"(Basic realm="lanyard", charset="UTF-8")"_ba;
    QTest::newRow("invalid_token → Bearer")
        << OAuthError::invalidToken(u"Token \"expired\"."_s) << automatic
        << R"(Bearer realm="lanyard", error="invalid_token", error_description="Token  expired .")"_ba;
    QTest::newRow("explicit Bearer")
        << OAuthError::invalidClient(u"x"_s) << int(ResponseWriter::Challenge::Bearer)
        << R"(Bearer realm="lanyard", error="invalid_client", error_description="x")"_ba;
    QTest::newRow("not a 401") << OAuthError::invalidRequest(u"x"_s) << automatic << QByteArray();
}

void TestResponseWriter::challenges()
{
    QFETCH(OAuthError, error);
    QFETCH(int, challenge);
    QFETCH(QByteArray, expected);
    const HttpResponse response =
        ResponseWriter::error(error, {}, static_cast<ResponseWriter::Challenge>(challenge));
    QCOMPARE(response.header("WWW-Authenticate"), expected);
}

void TestResponseWriter::htmlPageHeaders()
{
    const HttpResponse response =
        ResponseWriter::html("<p>hi</p>"_ba, 400, {"https://app.example"_ba, "x; script-src *"_ba});
    QCOMPARE(response.status(), 400);
    QCOMPARE(response.header("Content-Type"), "text/html; charset=utf-8"_ba);
    QCOMPARE(response.header("Cache-Control"), "no-store"_ba);
    QCOMPARE(response.header("X-Frame-Options"), "DENY"_ba);
    const QByteArray csp = response.header("Content-Security-Policy");
    QVERIFY(csp.contains("frame-ancestors 'none'"));
    QVERIFY(csp.contains("default-src 'none'"));
    QVERIFY(csp.contains("form-action 'self' https://app.example;"));
    QVERIFY(!csp.contains("script-src *"));
    QCOMPARE(response.header("X-Content-Type-Options"), "nosniff"_ba);
}

void TestResponseWriter::cacheableAndConditional_data()
{
    QTest::addColumn<QByteArray>("ifNoneMatch");
    QTest::addColumn<int>("status");
    const QByteArray tag = ResponseWriter::entityTag("{}"_ba);
    QTest::newRow("no condition") << QByteArray() << 200;
    QTest::newRow("same tag") << tag << 304;
    QTest::newRow("weak same tag") << "W/" + tag << 304;
    QTest::newRow("in a list") << "\"other\", " + tag << 304;
    QTest::newRow("star") << "*"_ba << 304;
    QTest::newRow("other tag") << "\"other\""_ba << 200;
}

void TestResponseWriter::cacheableAndConditional()
{
    QFETCH(QByteArray, ifNoneMatch);
    QFETCH(int, status);
    RequestContext::HeaderList headers;
    if (!ifNoneMatch.isNull())
        headers.append({"If-None-Match"_ba, ifNoneMatch});
    const RequestContext request = RequestContext::create("GET"_ba, "/jwks"_ba, headers);
    const HttpResponse response =
        ResponseWriter::cacheable(request, "application/json"_ba, "{}"_ba, 600);
    QCOMPARE(response.status(), status);
    QCOMPARE(response.header("ETag"), ResponseWriter::entityTag("{}"_ba));
    QCOMPARE(response.header("Cache-Control"), "public, max-age=600"_ba);
    QCOMPARE(response.body().isEmpty(), status == 304);
    QVERIFY(response.header("ETag").startsWith('"'));
    QVERIFY(response.header("ETag") != ResponseWriter::entityTag("{ }"_ba));
}

void TestResponseWriter::serializeFraming_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("withBody");
    QTest::addColumn<bool>("contentLength");
    QTest::addColumn<bool>("bodySent");
    QTest::newRow("200") << 200 << true << true << true;
    QTest::newRow("200 HEAD") << 200 << false << true << false;
    QTest::newRow("204") << 204 << true << false << false;
    QTest::newRow("304") << 304 << true << false << false;
    QTest::newRow("404") << 404 << true << true << true;
}

void TestResponseWriter::serializeFraming()
{
    QFETCH(int, status);
    QFETCH(bool, withBody);
    QFETCH(bool, contentLength);
    QFETCH(bool, bodySent);
    HttpResponse response(status, "text/plain"_ba, "hello"_ba);
    response.setHeader("Content-Length"_ba, "999"_ba); // ignored: framing is computed
    const QByteArray wire = response.serialize(withBody);
    QVERIFY(wire.startsWith("HTTP/1.1 " + QByteArray::number(status) + ' '));
    QCOMPARE(wire.contains("Content-Length: 5\r\n"), contentLength);
    QVERIFY(!wire.contains("999"));
    QCOMPARE(wire.endsWith("\r\n\r\nhello"), bodySent);
    QCOMPARE(wire.endsWith("\r\n\r\n"), !bodySent);
}

void TestResponseWriter::refusesHeaderInjection()
{
    HttpResponse response;
    QVERIFY(!response.setHeader("X-A"_ba, "a\r\nSet-Cookie: x=y"_ba));
    QVERIFY(!response.addHeader("X-A\r\nB"_ba, "v"_ba));
    QVERIFY(!response.setHeader("Bad Name"_ba, "v"_ba));
    QVERIFY(!response.setHeader("X-A"_ba, QByteArray("a\0b", 3)));
    QVERIFY(response.headers().isEmpty());
    QVERIFY(response.addHeader("Set-Cookie"_ba, "a=1"_ba));
    QVERIFY(response.addHeader("Set-Cookie"_ba, "b=2"_ba));
    QCOMPARE(response.headerValues("set-cookie").size(), 2);
}

QTEST_GUILESS_MAIN(TestResponseWriter)
#include "tst_responsewriter.moc"
