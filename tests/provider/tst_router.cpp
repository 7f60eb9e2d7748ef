// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/Endpoint.h"
#include "http/RequestContext.h"
#include "http/ResponseWriter.h"
#include "http/Router.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace lanyard;

namespace {

/// Answers 200 with the path it was asked for; counts its calls.
class StubEndpoint final : public Endpoint
{
public:
    StubEndpoint(QString path, QHttpServerRequest::Methods methods, bool cors = false)
        : m_path(std::move(path)), m_methods(methods), m_cors(cors)
    {}
    EndpointDescription description() const override
    {
        EndpointDescription description;
        description.path = m_path;
        description.methods = m_methods;
        description.publicCors = m_cors;
        return description;
    }
    HttpResponse handle(const RequestContext &request) override
    {
        ++calls;
        return ResponseWriter::json({{u"path"_s, request.path()}});
    }
    std::atomic<int> calls = 0;

private:
    QString m_path;
    QHttpServerRequest::Methods m_methods;
    bool m_cors;
};

QJsonObject bodyOf(const HttpResponse &response)
{
    return QJsonDocument::fromJson(response.body()).object();
}

using M = QHttpServerRequest::Method;

} // namespace

class TestRouter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void routesExactPaths();
    void unknownPathIsJson404();
    void wrongMethodIs405WithAllow();
    void unknownMethodIs501();
    void headIsServedByGet();
    void optionsAndCorsPreflight();
    void corsOnlyForPublicEndpoints();
    void mountsUnderTheIssuerPath_data();
    void mountsUnderTheIssuerPath();
    void refusesBadMounts();
    void reportsMountedEndpoints();

    void duplicateQueryParameters_data();
    void duplicateQueryParameters();
    void queryDecoding();
    void formParameters_data();
    void formParameters();
    void headersAreCaseInsensitiveAndKeepRepeats();
    void absoluteFormTarget();
    void remoteAddress_data();
    void remoteAddress();

private:
    std::shared_ptr<Router> m_router;
    std::shared_ptr<StubEndpoint> m_get;
    std::shared_ptr<StubEndpoint> m_post;
};

void TestRouter::init()
{
    m_router = std::make_shared<Router>(QUrl(u"https://id.example"_s));
    m_get = std::make_shared<StubEndpoint>(u"/public"_s, M::Get, true);
    m_post = std::make_shared<StubEndpoint>(u"/token"_s, M::Post);
    QVERIFY(m_router->add(m_get).ok());
    QVERIFY(m_router->add(m_post).ok());
}

void TestRouter::routesExactPaths()
{
    const HttpResponse response = m_router->route(RequestContext::create("GET"_ba, "/public"_ba));
    QCOMPARE(response.status(), 200);
    QCOMPARE(bodyOf(response).value(u"path"_s).toString(), u"/public"_s);
    QCOMPARE(response.header("X-Content-Type-Options"), "nosniff"_ba);
    QCOMPARE(response.header("Referrer-Policy"), "no-referrer"_ba);
    QCOMPARE(m_get->calls.load(), 1);
    // No prefix, suffix or trailing-slash matching.
    for (const QByteArray &target : {"/public/"_ba, "/publicx"_ba, "/public/x"_ba, "/PUBLIC"_ba}) {
        QCOMPARE(m_router->route(RequestContext::create("GET"_ba, target)).status(), 404);
    }
    QCOMPARE(m_get->calls.load(), 1);
}

void TestRouter::unknownPathIsJson404()
{
    const HttpResponse response = m_router->route(RequestContext::create("GET"_ba, "/nope"_ba));
    QCOMPARE(response.status(), 404);
    QCOMPARE(response.header("Content-Type"), "application/json"_ba);
    QCOMPARE(bodyOf(response).value(u"error"_s).toString(), u"not_found"_s);
    QCOMPARE(response.header("Cache-Control"), "no-store"_ba);
    QCOMPARE(response.header("X-Content-Type-Options"), "nosniff"_ba);
}

void TestRouter::wrongMethodIs405WithAllow()
{
    HttpResponse response = m_router->route(RequestContext::create("POST"_ba, "/public"_ba));
    QCOMPARE(response.status(), 405);
    QCOMPARE(response.header("Allow"), "GET, HEAD, OPTIONS"_ba);
    QCOMPARE(bodyOf(response).value(u"error"_s).toString(), u"method_not_allowed"_s);
    QCOMPARE(m_get->calls.load(), 0);

    response = m_router->route(RequestContext::create("GET"_ba, "/token"_ba));
    QCOMPARE(response.status(), 405);
    QCOMPARE(response.header("Allow"), "POST, OPTIONS"_ba);
    response = m_router->route(RequestContext::create("HEAD"_ba, "/token"_ba));
    QCOMPARE(response.status(), 405);
    QCOMPARE(m_post->calls.load(), 0);
}

void TestRouter::unknownMethodIs501()
{
    const HttpResponse response = m_router->route(RequestContext::create("BREW"_ba, "/public"_ba));
    QCOMPARE(response.status(), 501);
    // Methods are case-sensitive (RFC 9110 §9.1).
    QCOMPARE(m_router->route(RequestContext::create("get"_ba, "/public"_ba)).status(), 501);
    QCOMPARE(m_get->calls.load(), 0);
}

void TestRouter::headIsServedByGet()
{
    const HttpResponse get = m_router->route(RequestContext::create("GET"_ba, "/public"_ba));
    const HttpResponse head = m_router->route(RequestContext::create("HEAD"_ba, "/public"_ba));
    QCOMPARE(head.status(), 200);
    QCOMPARE(head.headers(), get.headers());
    // On the wire, HEAD carries GET's Content-Length and no body (RFC 9110 §9.3.2).
    const QByteArray wire = head.serialize(false);
    QVERIFY(wire.contains("Content-Length: " + QByteArray::number(get.body().size()) + "\r\n"));
    QVERIFY(wire.endsWith("\r\n\r\n"));
    QVERIFY(!wire.contains(get.body()));
    QVERIFY(get.serialize(true).endsWith(get.body()));
}

void TestRouter::optionsAndCorsPreflight()
{
    HttpResponse response = m_router->route(RequestContext::create("OPTIONS"_ba, "/token"_ba));
    QCOMPARE(response.status(), 204);
    QCOMPARE(response.header("Allow"), "POST, OPTIONS"_ba);
    QVERIFY(!response.hasHeader("Access-Control-Allow-Origin"));
    QVERIFY(!response.serialize().contains("Content-Length"));

    response = m_router->route(RequestContext::create(
        "OPTIONS"_ba, "/public"_ba,
        {{"Origin"_ba, "https://app.example"_ba}, {"Access-Control-Request-Method"_ba, "GET"_ba}}));
    QCOMPARE(response.status(), 204);
    QCOMPARE(response.header("Access-Control-Allow-Origin"), "*"_ba);
    QCOMPARE(response.header("Access-Control-Allow-Methods"), "GET, HEAD"_ba);

    // Not a public endpoint: no CORS grant, whatever the preflight says.
    response =
        m_router->route(RequestContext::create("OPTIONS"_ba, "/token"_ba,
                                               {{"Origin"_ba, "https://evil.example"_ba},
                                                {"Access-Control-Request-Method"_ba, "POST"_ba}}));
    QVERIFY(!response.hasHeader("Access-Control-Allow-Origin"));
    QCOMPARE(m_get->calls.load() + m_post->calls.load(), 0);
}

void TestRouter::corsOnlyForPublicEndpoints()
{
    QCOMPARE(m_router->route(RequestContext::create("GET"_ba, "/public"_ba))
                 .header("Access-Control-Allow-Origin"),
             "*"_ba);
    QVERIFY(!m_router->route(RequestContext::create("POST"_ba, "/token"_ba))
                 .hasHeader("Access-Control-Allow-Origin"));
}

void TestRouter::mountsUnderTheIssuerPath_data()
{
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QByteArray>("served");
    QTest::addColumn<QByteArray>("notServed");
    QTest::newRow("no path") << u"https://id.example"_s << "/x"_ba
                             << "/tenant/x"_ba;
    QTest::newRow("root slash") << u"https://id.example/"_s << "/x"_ba
                                << "//x"_ba;
    QTest::newRow("tenant") << u"https://id.example/tenant"_s << "/tenant/x"_ba
                            << "/x"_ba;
    QTest::newRow("tenant slash") << u"https://id.example/tenant/"_s << "/tenant/x"_ba
                                  << "/tenant//x"_ba;
}

void TestRouter::mountsUnderTheIssuerPath()
{
    QFETCH(QString, issuer);
    QFETCH(QByteArray, served);
    QFETCH(QByteArray, notServed);
    Router router{QUrl(issuer)};
    QVERIFY(router.add(std::make_shared<StubEndpoint>(u"/x"_s, M::Get)).ok());
    QCOMPARE(router.route(RequestContext::create("GET"_ba, served)).status(), 200);
    QCOMPARE(router.route(RequestContext::create("GET"_ba, notServed)).status(), 404);
}

void TestRouter::refusesBadMounts()
{
    QCOMPARE(m_router->add(std::make_shared<StubEndpoint>(u"/public"_s, M::Post)).error().kind,
             Error::Kind::Conflict);
    QCOMPARE(m_router->add(std::make_shared<StubEndpoint>(u"relative"_s, M::Get)).error().kind,
             Error::Kind::Invalid);
    QCOMPARE(
        m_router->add(std::make_shared<StubEndpoint>(u"/none"_s, QHttpServerRequest::Methods()))
            .error()
            .kind,
        Error::Kind::Invalid);
    QCOMPARE(m_router->add(nullptr).error().kind, Error::Kind::Invalid);
    QCOMPARE(m_router->mounted().size(), 2);
}

void TestRouter::reportsMountedEndpoints()
{
    const QList<EndpointDescription> mounted = m_router->mounted();
    QCOMPARE(mounted.size(), 2);
    QCOMPARE(mounted[0].path, u"/public"_s);
    QCOMPARE(mounted[1].path, u"/token"_s);
    QCOMPARE(Router::allowHeader(M::Get | M::Post), "GET, HEAD, POST, OPTIONS"_ba);
}

void TestRouter::duplicateQueryParameters_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QStringList>("duplicates");
    QTest::newRow("none") << "a=1&b=2"_ba << QStringList();
    QTest::newRow("repeated") << "a=1&b=2&a=3"_ba << QStringList{u"a"_s};
    QTest::newRow("repeated, same value") << "scope=x&scope=x"_ba << QStringList{u"scope"_s};
    QTest::newRow("two names repeated") << "b=1&a=1&b=2&a=2&a=3"_ba << QStringList{u"b"_s, u"a"_s};
    // RFC 6749 §3.1: a parameter without a value counts as omitted.
    QTest::newRow("empty value does not count") << "a=&a=1"_ba << QStringList();
    QTest::newRow("no equals sign") << "a&a=1"_ba << QStringList();
    QTest::newRow("encoded name") << "redirect%5Furi=x&redirect_uri=y"_ba
                                  << QStringList{u"redirect_uri"_s};
    QTest::newRow("case-sensitive names") << "state=1&State=2"_ba << QStringList();
}

void TestRouter::duplicateQueryParameters()
{
    QFETCH(QByteArray, query);
    QFETCH(QStringList, duplicates);
    const RequestContext request = RequestContext::create("GET"_ba, "/authorize?"_ba + query);
    QCOMPARE(request.queryParameters().duplicateNames(), duplicates);
    QCOMPARE(request.queryParameters().hasDuplicates(), !duplicates.isEmpty());
    QCOMPARE(request.rawQuery(), query);
}

void TestRouter::queryDecoding()
{
    const RequestContext request = RequestContext::create(
        "GET"_ba,
        "/a%20b?scope=openid+profile&redirect_uri=https%3A%2F%2Fapp%2Fcb&s=%E2%82%AC&e="_ba);
    QCOMPARE(request.path(), u"/a b"_s);
    const ParameterList &query = request.queryParameters();
    QCOMPARE(query.value(u"scope"_s), u"openid profile"_s);
    QCOMPARE(query.value(u"redirect_uri"_s), u"https://app/cb"_s);
    QCOMPARE(query.value(u"s"_s), u"€"_s);
    QVERIFY(!query.contains(u"e"_s));
    QVERIFY(query.value(u"e"_s).isNull());
    QCOMPARE(query.items().size(), 4);
    QVERIFY(!query.isMalformed());
    QCOMPARE(request.urlQuery().queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded),
             u"https://app/cb"_s);

    QVERIFY(ParameterList::parse("a=%zz"_ba).isMalformed());
    QVERIFY(ParameterList::parse("a=%4"_ba).isMalformed());
    QVERIFY(ParameterList::parse("a=%FF%FE"_ba).isMalformed());
    QVERIFY(!ParameterList::parse("a=%25"_ba).isMalformed());
    QCOMPARE(ParameterList::parse("a=%25"_ba).value(u"a"_s), u"%"_s);
}

void TestRouter::formParameters_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("grantType");
    QTest::addColumn<QStringList>("duplicates");
    QTest::newRow("form") << "application/x-www-form-urlencoded"_ba
                          << "grant_type=authorization_code&code=abc"_ba << u"authorization_code"_s
                          << QStringList();
    QTest::newRow("form with charset") << "Application/X-WWW-Form-Urlencoded; charset=UTF-8"_ba
                                       << "grant_type=x"_ba << u"x"_s << QStringList();
    QTest::newRow("duplicate code")
        << "application/x-www-form-urlencoded"_ba
        << "grant_type=x&code=1&code=2"_ba << u"x"_s << QStringList{u"code"_s};
    QTest::newRow("json is not a form") << "application/json"_ba
                                        << "grant_type=x"_ba << QString() << QStringList();
    QTest::newRow("no content type")
        << QByteArray() << "grant_type=x"_ba << QString() << QStringList();
}

void TestRouter::formParameters()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, grantType);
    QFETCH(QStringList, duplicates);
    RequestContext::HeaderList headers;
    if (!contentType.isNull())
        headers.append({"Content-Type"_ba, contentType});
    const RequestContext request = RequestContext::create("POST"_ba, "/token"_ba, headers, body);
    QCOMPARE(request.formParameters().value(u"grant_type"_s), grantType);
    QCOMPARE(request.formParameters().duplicateNames(), duplicates);
    QCOMPARE(request.body(), body);
}

void TestRouter::headersAreCaseInsensitiveAndKeepRepeats()
{
    const RequestContext request = RequestContext::create("GET"_ba, "/"_ba,
                                                          {{"Accept"_ba, "a"_ba},
                                                           {"X-Multi"_ba, "1"_ba},
                                                           {"x-multi"_ba, "2"_ba},
                                                           {"X-Empty"_ba, {}}});
    QCOMPARE(request.header("ACCEPT"), "a"_ba);
    QCOMPARE(request.header("x-multi"), "1"_ba);
    QCOMPARE(request.headerValues("X-MULTI"), (QList<QByteArray>{"1"_ba, "2"_ba}));
    QVERIFY(request.hasHeader("x-empty"));
    QVERIFY(request.header("x-empty").isEmpty());
    QVERIFY(!request.hasHeader("authorization"));
    QVERIFY(request.header("authorization").isNull());
    QCOMPARE(request.headers().size(), 4);
}

void TestRouter::absoluteFormTarget()
{
    const RequestContext request =
        RequestContext::create("GET"_ba, "http://id.example/jwks?x=1"_ba);
    QCOMPARE(request.path(), u"/jwks"_s);
    QCOMPARE(request.queryParameters().value(u"x"_s), u"1"_s);
    QCOMPARE(RequestContext::create("GET"_ba, "https://id.example?x=1"_ba).path(), u"/"_s);
}

void TestRouter::remoteAddress_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QStringList>("trusted");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("secure");

    const QStringList proxy{u"10.0.0.1"_s};
    QTest::newRow("untrusted peer: headers ignored")
        << u"192.0.2.7"_s << proxy << "X-Forwarded-For"_ba
        << "1.2.3.4"_ba << u"192.0.2.7"_s << false;
    QTest::newRow("no trusted proxies") << u"10.0.0.1"_s << QStringList() << "X-Forwarded-For"_ba
                                        << "1.2.3.4"_ba << u"10.0.0.1"_s << false;
    QTest::newRow("trusted proxy") << u"10.0.0.1"_s << proxy << "X-Forwarded-For"_ba
                                   << "1.2.3.4"_ba << u"1.2.3.4"_s << false;
    QTest::newRow("spoofed left entry ignored") << u"10.0.0.1"_s << proxy << "X-Forwarded-For"_ba
                                                << "6.6.6.6, 1.2.3.4"_ba << u"1.2.3.4"_s << false;
    QTest::newRow("chain of trusted proxies")
        << u"10.0.0.1"_s << QStringList{u"10.0.0.1"_s, u"10.0.0.2"_s} << "X-Forwarded-For"_ba
        << "1.2.3.4, 10.0.0.2"_ba << u"1.2.3.4"_s << false;
    QTest::newRow("unparsable entry stops the walk")
        << u"10.0.0.1"_s << proxy << "X-Forwarded-For"_ba
        << "garbage"_ba << u"10.0.0.1"_s << false;
    QTest::newRow("ipv4-mapped peer") << u"::ffff:10.0.0.1"_s << proxy << "X-Forwarded-For"_ba
                                      << "1.2.3.4"_ba << u"1.2.3.4"_s << false;
    QTest::newRow("forwarded for and proto")
        << u"10.0.0.1"_s << proxy << "Forwarded"_ba
        << "for=1.2.3.4;proto=https"_ba << u"1.2.3.4"_s << true;
    QTest::newRow("forwarded ipv6 with port")
        << u"10.0.0.1"_s << proxy << "Forwarded"_ba
        << "for=\"[2001:db8::1]:4711\""_ba << u"2001:db8::1"_s << false;
    QTest::newRow("forwarded unknown") << u"10.0.0.1"_s << proxy << "Forwarded"_ba
                                       << "for=unknown"_ba << u"10.0.0.1"_s << false;
    QTest::newRow("forwarded list")
        << u"10.0.0.1"_s << proxy << "Forwarded"_ba
        << "for=6.6.6.6, for=1.2.3.4;proto=http"_ba << u"1.2.3.4"_s << false;
    QTest::newRow("forwarded proto from untrusted peer")
        << u"192.0.2.7"_s << proxy << "Forwarded"_ba
        << "for=1.2.3.4;proto=https"_ba << u"192.0.2.7"_s << false;
    QTest::newRow("x-forwarded-proto") << u"10.0.0.1"_s << proxy << "X-Forwarded-Proto"_ba
                                       << "https"_ba << u"10.0.0.1"_s << true;
}

void TestRouter::remoteAddress()
{
    QFETCH(QString, peer);
    QFETCH(QStringList, trusted);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    QFETCH(QString, expected);
    QFETCH(bool, secure);
    ConnectionInfo connection;
    connection.peerAddress = QHostAddress(peer);
    for (const QString &address : trusted)
        connection.trustedProxies.append(QHostAddress(address));
    const RequestContext request =
        RequestContext::create("GET"_ba, "/"_ba, {{header, value}}, {}, connection);
    QCOMPARE(request.remoteAddress(), QHostAddress(expected));
    QCOMPARE(request.isSecure(), secure);
    QVERIFY(!request.isTls());
}

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
