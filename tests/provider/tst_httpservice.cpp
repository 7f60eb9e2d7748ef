// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpTestClient.h"

#include "endpoints/DiscoveryDocument.h"
#include "endpoints/DiscoveryEndpoint.h"
#include "endpoints/JwksEndpoint.h"
#include "endpoints/JwksSource.h"
#include "http/HttpService.h"
#include "http/ResponseWriter.h"
#include "http/Router.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::HttpTestClient;

namespace {

const QByteArray TestJwks = R"({"keys":[{"kty":"RSA","kid":"k1","n":"AQAB","e":"AQAB"}]})"_ba;

/// Reports what the server saw, from the thread that served it.
class EchoEndpoint final : public Endpoint
{
public:
    EndpointDescription description() const override
    {
        EndpointDescription description;
        description.path = u"/echo"_s;
        description.methods = QHttpServerRequest::Method::Get | QHttpServerRequest::Method::Post;
        return description;
    }
    HttpResponse handle(const RequestContext &request) override
    {
        const int sleepMs = request.queryParameters().value(u"sleep"_s).toInt();
        if (sleepMs > 0)
            QThread::msleep(static_cast<unsigned long>(sleepMs));
        return ResponseWriter::json({
            {u"method"_s, QString::fromLatin1(request.methodName())},
            {u"n"_s, request.queryParameters().value(u"n"_s)},
            {u"thread"_s, QThread::currentThread()->objectName()},
            {u"tls"_s, request.isTls()},
            {u"remote"_s, request.remoteAddress().toString()},
            {u"body_size"_s, request.body().size()},
            {u"duplicates"_s,
             QJsonArray::fromStringList(request.queryParameters().duplicateNames())},
        });
    }
};

QJsonObject json(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

/// Peak resident set size of this process, in KiB (VmHWM).
qint64 peakRssKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

/// Runs the openssl command quietly; true on success.
bool runOpenssl(const QString &openssl, const QStringList &arguments)
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    process.start(openssl, arguments);
    return process.waitForFinished(60'000) && process.exitStatus() == QProcess::NormalExit &&
           process.exitCode() == 0;
}

void resetPeakRss()
{
    QFile clear(u"/proc/self/clear_refs"_s);
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

} // namespace

class TestHttpService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void discoveryAndJwks();
    void conditionalGetAndHead();
    void corsPreflight();
    void notFoundAndMethodNotAllowed();
    void keyRotationChangesTheJwks();
    void headerBlockTooLarge();
    void contentLengthTooLarge();
    void streamedBodyRefusedEarly_data();
    void streamedBodyRefusedEarly();
    void bodyAtTheLimitIsAccepted();
    void smugglingShapesAreRefused_data();
    void smugglingShapesAreRefused();
    void idleConnectionIsClosed();
    void slowRequestGets408();
    void keepAliveServesSeveralRequests();
    void pipelinedRequestsAnsweredInOrder();
    void connectionCloseAndHttp10();
    void expectContinue();
    void forwardedForFromTrustedProxyOnly();
    void workersServeConcurrently();
    void connectionLimitPerWorker();
    void stopReleasesThePort();
    void portInUseIsAClearError();
    void ipv6AndDualStack_data();
    void ipv6AndDualStack();
    void tls();
    void tlsConfigurationErrors();

private:
    /// Starts m_service (or `service`) on 127.0.0.1:0.
    QUrl start(ProviderConfig config = {}, HttpLimits limits = {}, HttpService *service = nullptr);
    quint16 port() const { return m_service->port(); }

    std::shared_ptr<JwksSource> m_keys;
    std::shared_ptr<Router> m_router;
    std::unique_ptr<HttpService> m_service;
};

void TestHttpService::initTestCase()
{
    m_keys = std::make_shared<JwksSource>();
    m_keys->publish(TestJwks, {u"ES256"_s, u"RS256"_s});
    // Issuer derived from the bound address: no path, so the router mounts at "/".
    m_router = std::make_shared<Router>(QUrl());
    QVERIFY(m_router->add(std::make_shared<JwksEndpoint>(m_keys, 600)).ok());
    QVERIFY(m_router->add(std::make_shared<DiscoveryEndpoint>(m_router, m_keys, 600)).ok());
    QVERIFY(m_router->add(std::make_shared<EchoEndpoint>()).ok());
}

void TestHttpService::cleanup()
{
    m_service.reset();
    m_keys->publish(TestJwks, {u"ES256"_s, u"RS256"_s});
}

QUrl TestHttpService::start(ProviderConfig config, HttpLimits limits, HttpService *service)
{
    config.listenAddress = QHostAddress::LocalHost;
    config.listenPort = 0;
    if (config.httpThreads == 0)
        config.httpThreads = 2;
    limits.maxHeaderBytes = config.maxHeaderBytes;
    limits.maxBodyBytes = config.maxBodyBytes;
    limits.idleTimeoutMs = config.idleTimeoutMs;
    if (!service) {
        m_service = std::make_unique<HttpService>();
        service = m_service.get();
    }
    const auto started = service->start(config, m_router, limits);
    if (!started) {
        qWarning().noquote() << started.error().message;
        return {};
    }
    return started.value();
}

void TestHttpService::discoveryAndJwks()
{
    const QUrl url = start();
    QVERIFY(url.isValid());
    QCOMPARE(url.scheme(), u"http"_s);
    QVERIFY(port() != 0);
    QCOMPARE(url.port(), int(port()));

    QNetworkAccessManager nam;
    QNetworkReply *reply =
        nam.get(QNetworkRequest(url.resolved(QUrl(u"/.well-known/openid-configuration"_s))));
    QSignalSpy discoveryDone(reply, &QNetworkReply::finished);
    QVERIFY(discoveryDone.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->rawHeader("Content-Type"), "application/json"_ba);
    QCOMPARE(reply->rawHeader("Access-Control-Allow-Origin"), "*"_ba);
    QCOMPARE(reply->rawHeader("Cache-Control"), "public, max-age=600"_ba);
    QCOMPARE(reply->rawHeader("X-Content-Type-Options"), "nosniff"_ba);
    QVERIFY(reply->hasRawHeader("ETag"));
    QVERIFY(reply->hasRawHeader("Date"));
    const QByteArray discovery = reply->readAll();
    reply->deleteLater();
    // Byte-identical to what `lanyard discovery` builds from the same inputs.
    QCOMPARE(discovery,
             DiscoveryDocument(m_service->issuer(), m_router->mounted(), {u"ES256"_s, u"RS256"_s})
                 .json());
    const QJsonObject document = json(discovery);
    QCOMPARE(document.value(u"issuer"_s).toString(), url.toString());
    QCOMPARE(document.value(u"jwks_uri"_s).toString(), url.toString() + u"/jwks"_s);
    QVERIFY(!document.contains(u"token_endpoint"_s));
    QCOMPARE(document.value(u"id_token_signing_alg_values_supported"_s).toArray().first(),
             QJsonValue(u"RS256"_s));

    reply = nam.get(QNetworkRequest(QUrl(document.value(u"jwks_uri"_s).toString())));
    QSignalSpy jwksDone(reply, &QNetworkReply::finished);
    QVERIFY(jwksDone.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->rawHeader("Content-Type"), "application/json"_ba);
    QCOMPARE(reply->rawHeader("Access-Control-Allow-Origin"), "*"_ba);
    QCOMPARE(reply->rawHeader("Cache-Control"), "public, max-age=600"_ba);
    QCOMPARE(reply->rawHeader("ETag"), ResponseWriter::entityTag(TestJwks));
    QCOMPARE(reply->readAll(), TestJwks);
    reply->deleteLater();
}

void TestHttpService::conditionalGetAndHead()
{
    QVERIFY(start().isValid());
    HttpTestClient client(port());
    QVERIFY(client.connect());
    const QByteArray etag = ResponseWriter::entityTag(TestJwks);

    auto response =
        client.request("GET /jwks HTTP/1.1\r\nHost: t\r\nIf-None-Match: " + etag + "\r\n\r\n");
    QVERIFY(response);
    QCOMPARE(response->status, 304);
    QCOMPARE(response->header("ETag"), etag);
    QCOMPARE(response->header("Cache-Control"), "public, max-age=600"_ba);
    QCOMPARE(response->header("Access-Control-Allow-Origin"), "*"_ba);
    QVERIFY(!response->hasHeader("Content-Length"));
    QVERIFY(response->body.isEmpty());

    response = client.request("GET /jwks HTTP/1.1\r\nHost: t\r\nIf-None-Match: \"stale\"\r\n\r\n");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, TestJwks);

    // HEAD: GET's headers and Content-Length, no body - the next response on
    // the connection must parse cleanly.
    response = client.request("HEAD /jwks HTTP/1.1\r\nHost: t\r\n\r\n", true);
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->header("Content-Length"), QByteArray::number(TestJwks.size()));
    QCOMPARE(response->header("ETag"), etag);
    response = client.request("GET /jwks HTTP/1.1\r\nHost: t\r\n\r\n");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, TestJwks);
    QVERIFY(client.pending().isEmpty());
}

void TestHttpService::corsPreflight()
{
    QVERIFY(start().isValid());
    const auto response = HttpTestClient::exchange(
        port(), "OPTIONS /jwks HTTP/1.1\r\nHost: t\r\nOrigin: https://spa.example\r\n"
                "Access-Control-Request-Method: GET\r\n\r\n");
    QVERIFY(response);
    QCOMPARE(response->status, 204);
    QCOMPARE(response->header("Access-Control-Allow-Origin"), "*"_ba);
    QCOMPARE(response->header("Access-Control-Allow-Methods"), "GET, HEAD"_ba);
    QCOMPARE(response->header("Allow"), "GET, HEAD, OPTIONS"_ba);
}

void TestHttpService::notFoundAndMethodNotAllowed()
{
    QVERIFY(start().isValid());
    auto response = HttpTestClient::exchange(port(), "GET /nope HTTP/1.1\r\nHost: t\r\n\r\n");
    QVERIFY(response);
    QCOMPARE(response->status, 404);
    QCOMPARE(response->header("Content-Type"), "application/json"_ba);
    QCOMPARE(json(response->body).value(u"error"_s).toString(), u"not_found"_s);

    response = HttpTestClient::exchange(
        port(), "POST /jwks HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\n{}");
    QVERIFY(response);
    QCOMPARE(response->status, 405);
    QCOMPARE(response->header("Allow"), "GET, HEAD, OPTIONS"_ba);
}

void TestHttpService::keyRotationChangesTheJwks()
{
    QVERIFY(start().isValid());
    const QByteArray oldTag = ResponseWriter::entityTag(TestJwks);
    const QByteArray rotated = R"({"keys":[]})"_ba;
    m_keys->publish(rotated, {u"RS256"_s});
    const auto response = HttpTestClient::exchange(
        port(), "GET /jwks HTTP/1.1\r\nHost: t\r\nIf-None-Match: " + oldTag + "\r\n\r\n");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, rotated);
    QVERIFY(response->header("ETag") != oldTag);
}

void TestHttpService::headerBlockTooLarge()
{
    ProviderConfig config;
    config.maxHeaderBytes = 16 * 1024;
    QVERIFY(start(config).isValid());
    HttpTestClient client(port());
    QVERIFY(client.connect());
    const auto response = client.request(
        "GET /echo HTTP/1.1\r\nHost: t\r\nX-Big: " + QByteArray(20 * 1024, 'a') + "\r\n\r\n");
    QVERIFY(response);
    QCOMPARE(response->status, 431);
    QCOMPARE(json(response->body).value(u"error"_s).toString(),
             u"request_header_fields_too_large"_s);
    QCOMPARE(response->header("Connection"), "close"_ba);
    QVERIFY(client.waitForClose());

    // Just under the limit is fine.
    const auto accepted = HttpTestClient::exchange(
        port(),
        "GET /echo HTTP/1.1\r\nHost: t\r\nX-Big: " + QByteArray(15 * 1024, 'a') + "\r\n\r\n");
    QVERIFY(accepted);
    QCOMPARE(accepted->status, 200);
}

void TestHttpService::contentLengthTooLarge()
{
    QVERIFY(start().isValid());
    HttpTestClient client(port());
    QVERIFY(client.connect());
    // Refused on the head alone: not a byte of the body is sent.
    const auto response =
        client.request("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1000000\r\n\r\n");
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    QCOMPARE(json(response->body).value(u"error"_s).toString(), u"payload_too_large"_s);
    QVERIFY(client.waitForClose());
}

void TestHttpService::streamedBodyRefusedEarly_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::newRow("Content-Length: 200 MB") << false;
    QTest::newRow("chunked, growing past the limit") << true;
}

void TestHttpService::streamedBodyRefusedEarly()
{
    QFETCH(bool, chunked);
    QVERIFY(start().isValid());
    constexpr qint64 total = 200LL * 1024 * 1024;

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port());
    QVERIFY(socket.waitForConnected(5000));
    QByteArray head =
        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/octet-stream\r\n"_ba;
    head += chunked ? "Transfer-Encoding: chunked\r\n\r\n"_ba
                    : "Content-Length: " + QByteArray::number(total) + "\r\n\r\n";
    socket.write(head);

    QByteArray piece;
    if (chunked) {
        // Chunks of 32 KiB: within the limit one by one, over it together.
        const QByteArray one = "8000\r\n"_ba + QByteArray(0x8000, 'a') + "\r\n"_ba;
        while (piece.size() < 256 * 1024)
            piece += one;
    } else {
        piece = QByteArray(256 * 1024, 'a');
    }

    resetPeakRss();
    const qint64 peakBefore = peakRssKiB();
    qint64 sent = 0;
    QByteArray received;
    std::optional<HttpTestClient::Response> response;
    QElapsedTimer timer;
    timer.start();
    while (sent < total && !response && socket.state() == QAbstractSocket::ConnectedState &&
           timer.elapsed() < 60'000) {
        if (socket.bytesToWrite() < 1024 * 1024) {
            socket.write(piece);
            sent += piece.size();
        }
        socket.waitForBytesWritten(20);
        received += socket.readAll();
        response = HttpTestClient::parse(&received, false, false);
    }
    received += socket.readAll();
    if (!response)
        response = HttpTestClient::parse(&received, false, true);
    const qint64 peakAfter = peakRssKiB();
    qInfo("413 after %lld of %lld bytes written, %lld ms; peak RSS %lld -> %lld KiB", sent, total,
          timer.elapsed(), peakBefore, peakAfter);

    QVERIFY(response);
    QCOMPARE(response->status, 413);
    // Refused long before the client finished sending...
    QVERIFY(sent < total / 4);
    // ...and without the process buffering the body.
    if (peakBefore > 0)
        QVERIFY2(peakAfter - peakBefore < 48 * 1024, "the server buffered the body");
    QVERIFY(socket.state() != QAbstractSocket::ConnectedState || socket.waitForDisconnected(5000));
}

void TestHttpService::bodyAtTheLimitIsAccepted()
{
    ProviderConfig config;
    config.maxBodyBytes = 64 * 1024;
    QVERIFY(start(config).isValid());
    auto response = HttpTestClient::exchange(
        port(),
        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 65536\r\n\r\n" + QByteArray(65536, 'a'));
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(json(response->body).value(u"body_size"_s).toInt(), 65536);

    response = HttpTestClient::exchange(
        port(), "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                "8000\r\n" +
                    QByteArray(0x8000, 'a') + "\r\n8000\r\n" + QByteArray(0x8000, 'b') +
                    "\r\n0\r\n\r\n");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(json(response->body).value(u"body_size"_s).toInt(), 65536);
}

void TestHttpService::smugglingShapesAreRefused_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::newRow("CL and TE") << "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n"
                                  "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"_ba
                               << 400;
    QTest::newRow("two Content-Lengths")
        << "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"_ba
        << 400;
    QTest::newRow("space before colon")
        << "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length : 3\r\n\r\nabc"_ba << 400;
    QTest::newRow("trailers") << "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n"
                                 "\r\n1\r\na\r\n0\r\nX: y\r\n\r\n"_ba
                              << 400;
    QTest::newRow("HTTP/2.0 in HTTP/1 syntax") << "GET /echo HTTP/2.0\r\nHost: t\r\n\r\n"_ba << 505;
}

void TestHttpService::smugglingShapesAreRefused()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QVERIFY(start().isValid());
    HttpTestClient client(port());
    QVERIFY(client.connect());
    // A smuggled request follows; it must never be answered.
    const auto response =
        client.request(request + "GET /echo?n=smuggled HTTP/1.1\r\nHost: t\r\n\r\n");
    QVERIFY(response);
    QCOMPARE(response->status, status);
    QVERIFY(client.waitForClose());
    QVERIFY(!client.pending().contains("HTTP/1.1 200"));
}

void TestHttpService::idleConnectionIsClosed()
{
    ProviderConfig config;
    config.idleTimeoutMs = 300;
    QVERIFY(start(config).isValid());
    HttpTestClient client(port());
    QVERIFY(client.connect());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(client.waitForClose(5000));
    QVERIFY2(timer.elapsed() >= 200, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(client.pending().isEmpty()); // idle: closed without a response

    // After a response the deadline starts again.
    HttpTestClient keepAlive(port());
    QVERIFY(keepAlive.connect());
    QVERIFY(keepAlive.request("GET /echo HTTP/1.1\r\nHost: t\r\n\r\n"));
    QVERIFY(keepAlive.isConnected());
    QVERIFY(keepAlive.waitForClose(5000));
}

void TestHttpService::slowRequestGets408()
{
    ProviderConfig config;
    config.idleTimeoutMs = 400;
    QVERIFY(start(config).isValid());
    HttpTestClient client(port());
    QVERIFY(client.connect());
    // Slowloris: a byte every 50 ms keeps the connection busy but never
    // completes the request; the deadline is not extended by trickling.
    const QByteArray partial = "GET /echo HTTP/1.1\r\nHost: t\r\nX-Slow: "_ba;
    QElapsedTimer timer;
    timer.start();
    qsizetype i = 0;
    while (client.isConnected() && timer.elapsed() < 3000) {
        client.socket().write(partial.mid(i % partial.size(), 1));
        client.socket().waitForBytesWritten(50);
        if (client.socket().waitForReadyRead(50))
            break;
        ++i;
    }
    const auto response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 408);
    QVERIFY(timer.elapsed() < 2000);
    QVERIFY(client.waitForClose());
}

void TestHttpService::keepAliveServesSeveralRequests()
{
    QVERIFY(start().isValid());
    HttpTestClient client(port());
    QVERIFY(client.connect());
    QString thread;
    for (int n = 1; n <= 3; ++n) {
        const auto response =
            client.request("GET /echo?n=" + QByteArray::number(n) + " HTTP/1.1\r\nHost: t\r\n\r\n");
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(json(response->body).value(u"n"_s).toString(), QString::number(n));
        QVERIFY(!response->hasHeader("Connection"));
        // One connection stays on one worker.
        const QString served = json(response->body).value(u"thread"_s).toString();
        QVERIFY(served.startsWith(u"lanyard-http-"_s));
        QVERIFY(thread.isEmpty() || thread == served);
        thread = served;
    }
    QVERIFY(client.isConnected());
}

void TestHttpService::pipelinedRequestsAnsweredInOrder()
{
    QVERIFY(start().isValid());
    HttpTestClient client(port());
    QVERIFY(client.connect());
    QVERIFY(client.send("GET /echo?n=1 HTTP/1.1\r\nHost: t\r\n\r\n"
                        "POST /echo?n=2 HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc"
                        "GET /echo?n=3&n=4 HTTP/1.1\r\nHost: t\r\n\r\n"));
    for (int n = 1; n <= 3; ++n) {
        const auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(json(response->body).value(u"n"_s).toString(), QString::number(n));
    }
    QVERIFY(client.isConnected());
}

void TestHttpService::connectionCloseAndHttp10()
{
    QVERIFY(start().isValid());
    HttpTestClient client(port());
    QVERIFY(client.connect());
    auto response = client.request("GET /echo HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->header("Connection"), "close"_ba);
    QVERIFY(client.waitForClose());

    HttpTestClient old(port());
    QVERIFY(old.connect());
    response = old.request("GET /echo HTTP/1.0\r\n\r\n");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QVERIFY(old.waitForClose());
}

void TestHttpService::expectContinue()
{
    QVERIFY(start().isValid());
    HttpTestClient client(port());
    QVERIFY(client.connect());
    QVERIFY(client.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\n"
                        "Content-Length: 5\r\n\r\n"));
    auto response = client.read(false, true);
    QVERIFY(response);
    QCOMPARE(response->status, 100);
    QVERIFY(client.send("hello"));
    response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(json(response->body).value(u"body_size"_s).toInt(), 5);

    // Too large: refused before the client sends the body.
    response = HttpTestClient::exchange(port(), "POST /echo HTTP/1.1\r\nHost: t\r\nExpect: "
                                                "100-continue\r\nContent-Length: 999999\r\n\r\n");
    QVERIFY(response);
    QCOMPARE(response->status, 413);
}

void TestHttpService::forwardedForFromTrustedProxyOnly()
{
    const QByteArray request =
        "GET /echo HTTP/1.1\r\nHost: t\r\nX-Forwarded-For: 203.0.113.9\r\n\r\n"_ba;
    QVERIFY(start().isValid());
    auto response = HttpTestClient::exchange(port(), request);
    QVERIFY(response);
    QCOMPARE(json(response->body).value(u"remote"_s).toString(), u"127.0.0.1"_s);
    m_service.reset();

    ProviderConfig config;
    config.trustedProxies = {QHostAddress::LocalHost};
    QVERIFY(start(config).isValid());
    response = HttpTestClient::exchange(port(), request);
    QVERIFY(response);
    QCOMPARE(json(response->body).value(u"remote"_s).toString(), u"203.0.113.9"_s);
}

void TestHttpService::workersServeConcurrently()
{
    ProviderConfig config;
    config.httpThreads = 4;
    QVERIFY(start(config).isValid());
    QCOMPARE(m_service->workerCount(), 4);

    // Many connections at once; SO_REUSEPORT spreads them over the workers.
    constexpr int connections = 32;
    std::vector<std::unique_ptr<HttpTestClient>> clients;
    for (int i = 0; i < connections; ++i) {
        clients.push_back(std::make_unique<HttpTestClient>(port()));
        QVERIFY(clients.back()->connect());
        QVERIFY(clients.back()->send("GET /echo?sleep=20&n=" + QByteArray::number(i) +
                                     " HTTP/1.1\r\nHost: t\r\n\r\n"));
    }
    QSet<QString> threads;
    for (int i = 0; i < connections; ++i) {
        const auto response = clients[size_t(i)]->read();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        const QJsonObject body = json(response->body);
        QCOMPARE(body.value(u"n"_s).toString(), QString::number(i));
        threads.insert(body.value(u"thread"_s).toString());
    }
    qInfo() << "served by" << threads.size() << "of 4 workers:" << threads.values();
    QVERIFY(threads.size() > 1);
    for (const QString &thread : std::as_const(threads))
        QVERIFY(thread.startsWith(u"lanyard-http-"_s));
    QVERIFY(!threads.contains(QThread::currentThread()->objectName()));
}

void TestHttpService::connectionLimitPerWorker()
{
    ProviderConfig config;
    config.httpThreads = 1;
    HttpLimits limits;
    limits.maxConnectionsPerWorker = 2;
    QVERIFY(start(config, limits).isValid());

    auto first = std::make_unique<HttpTestClient>(port());
    HttpTestClient second(port());
    QVERIFY(first->connect());
    QVERIFY(second.connect());
    QVERIFY(first->request("GET /echo HTTP/1.1\r\nHost: t\r\n\r\n"));
    QVERIFY(second.request("GET /echo HTTP/1.1\r\nHost: t\r\n\r\n"));

    HttpTestClient third(port());
    QVERIFY(third.connect());
    const auto refused = third.read();
    QVERIFY(refused);
    QCOMPARE(refused->status, 503);
    QCOMPARE(refused->header("Retry-After"), "1"_ba);
    QVERIFY(third.waitForClose());

    // A closed connection frees its place (once the server has seen it close).
    first.reset();
    QElapsedTimer timer;
    timer.start();
    bool served = false;
    while (!served && timer.elapsed() < 5000) {
        const auto response =
            HttpTestClient::exchange(port(), "GET /echo HTTP/1.1\r\nHost: t\r\n\r\n");
        served = response && response->status == 200;
        if (!served)
            QTest::qWait(20);
    }
    QVERIFY(served);
}

void TestHttpService::stopReleasesThePort()
{
    QVERIFY(start().isValid());
    const quint16 bound = port();
    QSignalSpy stopped(m_service.get(), &HttpService::stopped);
    m_service->stop();
    QCOMPARE(stopped.size(), 1);
    QVERIFY(!m_service->isRunning());
    QCOMPARE(m_service->port(), quint16(0));

    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, bound);
    QVERIFY(!probe.waitForConnected(1000));

    QTcpServer other;
    QVERIFY2(other.listen(QHostAddress::LocalHost, bound), qPrintable(other.errorString()));
    other.close();

    // And the service can have it again.
    ProviderConfig config;
    config.listenAddress = QHostAddress::LocalHost;
    config.listenPort = bound;
    config.httpThreads = 2;
    const auto again = m_service->start(config, m_router);
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
    QCOMPARE(m_service->port(), bound);
    QVERIFY(HttpTestClient::exchange(bound, "GET /jwks HTTP/1.1\r\nHost: t\r\n\r\n"));
}

void TestHttpService::portInUseIsAClearError()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    ProviderConfig config;
    config.listenAddress = QHostAddress::LocalHost;
    config.listenPort = holder.serverPort();
    HttpService service;
    const auto started = service.start(config, m_router);
    QVERIFY(!started.ok());
    QCOMPARE(started.error().kind, Error::Kind::Conflict);
    QVERIFY(started.error().message.contains(u"in use"_s));
    QVERIFY(!service.isRunning());

    // A running Lanyard holds its port against another Lanyard too.
    QVERIFY(start().isValid());
    config.listenPort = port();
    QCOMPARE(service.start(config, m_router).error().kind, Error::Kind::Conflict);
}

void TestHttpService::ipv6AndDualStack_data()
{
    QTest::addColumn<QHostAddress>("listen");
    QTest::addColumn<QHostAddress>("connect");
    QTest::addColumn<QString>("remote");
    QTest::newRow("::1") << QHostAddress(QHostAddress::LocalHostIPv6)
                         << QHostAddress(QHostAddress::LocalHostIPv6) << u"::1"_s;
    // A dual-stack socket sees IPv4 peers as ::ffff:a.b.c.d; requests see a.b.c.d.
    QTest::newRow("any, reached over IPv4")
        << QHostAddress(QHostAddress::Any) << QHostAddress(QHostAddress::LocalHost)
        << u"127.0.0.1"_s;
}

void TestHttpService::ipv6AndDualStack()
{
    QFETCH(QHostAddress, listen);
    QFETCH(QHostAddress, connect);
    QFETCH(QString, remote);
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHostIPv6, 0))
            QSKIP("no IPv6 on this host");
    }
    ProviderConfig config;
    config.listenAddress = listen;
    config.listenPort = 0;
    config.httpThreads = 2;
    m_service = std::make_unique<HttpService>();
    const auto started = m_service->start(config, m_router);
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
    HttpTestClient client(port(), connect);
    QVERIFY(client.connect());
    const auto response = client.request("GET /echo HTTP/1.1\r\nHost: t\r\n\r\n");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(json(response->body).value(u"remote"_s).toString(), remote);
    if (listen == QHostAddress(QHostAddress::LocalHostIPv6)) {
        QCOMPARE(started->host(), u"::1"_s);
        QVERIFY(started->toString().startsWith(u"http://[::1]:"_s));
    }
}

void TestHttpService::tls()
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        QSKIP("the openssl command is needed to make a test certificate");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString cert = dir.filePath(u"cert.pem"_s);
    const QString key = dir.filePath(u"key.pem"_s);
    QVERIFY(
        runOpenssl(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s,
                             u"-keyout"_s, key, u"-out"_s, cert, u"-days"_s, u"2"_s, u"-subj"_s,
                             u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s}));

    ProviderConfig config;
    config.tlsCertificateFile = cert;
    config.tlsKeyFile = key;
    const QUrl url = start(config);
    QVERIFY(url.isValid());
    QCOMPARE(url.scheme(), u"https"_s);
    QCOMPARE(m_service->issuer().scheme(), u"https"_s);

    QNetworkAccessManager nam;
    QNetworkRequest request(url.resolved(QUrl(u"/echo"_s)));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(cert));
    request.setSslConfiguration(ssl);
    QNetworkReply *reply = nam.get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(10000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(json(reply->readAll()).value(u"tls"_s).toBool());
    reply->deleteLater();

    request.setUrl(url.resolved(QUrl(u"/.well-known/openid-configuration"_s)));
    reply = nam.get(request);
    QSignalSpy discoveryDone(reply, &QNetworkReply::finished);
    QVERIFY(discoveryDone.wait(10000));
    QCOMPARE(json(reply->readAll()).value(u"issuer"_s).toString(), url.toString());
    reply->deleteLater();

    // The limits hold over TLS too: refused on the decrypted head.
    QSslSocket tlsSocket;
    tlsSocket.setSslConfiguration(ssl);
    tlsSocket.connectToHostEncrypted(u"127.0.0.1"_s, port());
    QVERIFY2(tlsSocket.waitForEncrypted(10000), qPrintable(tlsSocket.errorString()));
    tlsSocket.write("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10000000\r\n\r\n" +
                    QByteArray(64 * 1024, 'a'));
    QByteArray received;
    std::optional<HttpTestClient::Response> refused;
    QElapsedTimer timer;
    timer.start();
    while (!refused && timer.elapsed() < 10000) {
        tlsSocket.waitForReadyRead(100);
        received += tlsSocket.readAll();
        refused = HttpTestClient::parse(&received, false,
                                        tlsSocket.state() != QAbstractSocket::ConnectedState);
    }
    QVERIFY(refused);
    QCOMPARE(refused->status, 413);

    // Plain HTTP on the TLS port is not served.
    HttpTestClient plain(port());
    QVERIFY(plain.connect());
    plain.send("GET /echo HTTP/1.1\r\nHost: t\r\n\r\n");
    QVERIFY(!plain.read(false, false, 2000).has_value());
}

void TestHttpService::tlsConfigurationErrors()
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        QSKIP("the openssl command is needed to make a test certificate");
    QTemporaryDir dir;
    const QString cert = dir.filePath(u"cert.pem"_s);
    const QString key = dir.filePath(u"key.pem"_s);
    const QString otherKey = dir.filePath(u"other.pem"_s);
    QVERIFY(
        runOpenssl(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                             u"ec_paramgen_curve:P-256"_s, u"-nodes"_s, u"-keyout"_s, key,
                             u"-out"_s, cert, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s}));
    QVERIFY(runOpenssl(openssl, {u"genpkey"_s, u"-algorithm"_s, u"EC"_s, u"-pkeyopt"_s,
                                 u"ec_paramgen_curve:P-256"_s, u"-out"_s, otherKey}));

    const auto attempt = [this](const QString &certFile, const QString &keyFile) {
        ProviderConfig config;
        config.listenAddress = QHostAddress::LocalHost;
        config.listenPort = 0;
        config.tlsCertificateFile = certFile;
        config.tlsKeyFile = keyFile;
        HttpService service;
        const auto started = service.start(config, m_router);
        return started.ok() ? Error{} : started.error();
    };

    const Error mismatched = attempt(cert, otherKey);
    QCOMPARE(mismatched.kind, Error::Kind::Invalid);
    QVERIFY2(mismatched.message.contains(u"does not belong"_s), qPrintable(mismatched.message));
    const Error missing = attempt(dir.filePath(u"absent.pem"_s), key);
    QCOMPARE(missing.kind, Error::Kind::Io);
    QVERIFY(missing.message.contains(u"absent.pem"_s));
    const Error notPem = attempt(key, key);
    QCOMPARE(notPem.kind, Error::Kind::Invalid);
    const Error onlyOne = attempt(cert, QString());
    QCOMPARE(onlyOne.kind, Error::Kind::Invalid);
    // The EC pair itself is fine.
    QVERIFY(attempt(cert, key).message.isEmpty());
}

QTEST_GUILESS_MAIN(TestHttpService)
#include "tst_httpservice.moc"
