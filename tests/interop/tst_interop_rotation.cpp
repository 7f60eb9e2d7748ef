// SPDX-License-Identifier: GPL-3.0-or-later
// A relying party that caches the JWKS across a key rotation: the provider
// runs in-process on 127.0.0.1 with a MockClock; the JWKS is fetched over
// HTTP before the rotation and right after it, the clock moves past the
// rotation delay, and tokens signed before and after are verified against
// each cached copy by the npm `jose` package (as an RP would, offline).
//
// What the rotation promises (README, Signing keys and rotation): the next
// key is published when the rotation starts and signs only after the
// delay, which is at least the JWKS max-age; so a JWKS cached at any time
// after the rotation verifies the tokens the new key signs, and a copy
// cached before the rotation has expired (by its own max-age) before the
// first such token exists. The retired key stays published, so tokens
// signed before still verify with a JWKS fetched after.
#include "HttpTestClient.h"
#include "InteropSupport.h"
#include "MockClock.h"
#include "ProviderServicesFixture.h"

#include "admin/ImportService.h"
#include "admin/KeyService.h"
#include "runtime/Provider.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using namespace lanyard::test;

namespace {

const QString ClientId = u"rotation-service"_s;
const QString ClientSecret = u"rotation-service-secret-0123456789abcdef"_s;

/// A JWKS as fetched: its bytes and the max-age it may be cached for.
struct CachedJwks
{
    QByteArray body;
    int maxAge = -1;
    QDateTime fetchedAt;
    QStringList kids;
};

} // namespace

class TestInteropRotation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cachedJwksVerifiesTokensSignedAfterTheRotation();
    void cleanupTestCase();

private:
    HttpTestClient::Response http(const QByteArray &method, const QString &path,
                                  const QList<QPair<QByteArray, QByteArray>> &headers = {},
                                  const QByteArray &body = {}) const;
    CachedJwks fetchJwks() const;
    QString accessToken() const;
    /// jose's verdict on each token against `jwks`, as of the mock clock.
    QList<QJsonObject> verify(const CachedJwks &jwks, const QStringList &tokens);

    QTemporaryDir m_dir;
    std::shared_ptr<MockClock> m_clock;
    std::unique_ptr<Provider> m_provider;
    QString m_jwksPath;
};

void TestInteropRotation::initTestCase()
{
    const QString missing = interop::missingPackages({u"jose"_s});
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    QVERIFY(m_dir.isValid());
    // Whole seconds (JWT times are), near the real time.
    m_clock = std::make_shared<MockClock>(
        QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC));
    auto provider = Provider::open(m_dir.filePath(u"lanyard.db"_s), m_clock);
    QVERIFY2(provider.ok(), qPrintable(provider.error().message));
    m_provider = std::move(*provider);

    const QJsonObject client{
        {u"client_id"_s, ClientId},
        {u"client_secret"_s, ClientSecret},
        {u"redirect_uris"_s, QJsonArray{}},
        {u"response_types"_s, QJsonArray{}},
        {u"grant_types"_s, QJsonArray{u"client_credentials"_s}},
        {u"token_endpoint_auth_method"_s, u"client_secret_basic"_s},
        {u"scope"_s, u"reports"_s},
    };
    const QByteArray data = QJsonDocument(QJsonObject{{u"clients"_s, QJsonArray{client}}}).toJson();
    auto imported = m_provider->importService().importJson(data, u"test"_s);
    QVERIFY(imported.ok());

    ProviderConfig config = m_provider->config();
    config.listenAddress = QHostAddress::LocalHost;
    config.listenPort = 0;
    m_provider->setConfig(config);
    auto url = m_provider->start();
    QVERIFY2(url.ok(), qPrintable(url.error().message));

    const QJsonObject discovery =
        QJsonDocument::fromJson(http("GET", u"/.well-known/openid-configuration"_s).body).object();
    const QUrl jwksUri(discovery.value(u"jwks_uri"_s).toString());
    QVERIFY(jwksUri.isValid());
    m_jwksPath = jwksUri.path();
}

void TestInteropRotation::cleanupTestCase()
{
    if (m_provider)
        m_provider->stop();
}

HttpTestClient::Response
TestInteropRotation::http(const QByteArray &method, const QString &path,
                          const QList<QPair<QByteArray, QByteArray>> &headers,
                          const QByteArray &body) const
{
    auto response = HttpTestClient::exchange(
        quint16(m_provider->url().port()),
        ProviderServicesFixture::request(method, path.toUtf8(), headers, body));
    return response ? *response : HttpTestClient::Response{};
}

CachedJwks TestInteropRotation::fetchJwks() const
{
    const auto response = http("GET", m_jwksPath);
    CachedJwks jwks;
    jwks.body = response.body;
    jwks.fetchedAt = m_clock->now();
    const auto match = QRegularExpression(u"max-age=(\\d+)"_s)
                           .match(QString::fromLatin1(response.header("cache-control")));
    if (match.hasMatch())
        jwks.maxAge = match.captured(1).toInt();
    for (const QJsonValue &key : QJsonDocument::fromJson(response.body)[u"keys"_s].toArray())
        jwks.kids.append(key[u"kid"_s].toString());
    return jwks;
}

QString TestInteropRotation::accessToken() const
{
    const QByteArray basic =
        "Basic " + (ClientId.toUtf8() + ':' + ClientSecret.toUtf8()).toBase64();
    const auto response = http(
        "POST", u"/token"_s,
        {{"Authorization"_ba, basic}, {"Content-Type"_ba, "application/x-www-form-urlencoded"_ba}},
        "grant_type=client_credentials&scope=reports");
    return QJsonDocument::fromJson(response.body)[u"access_token"_s].toString();
}

QList<QJsonObject> TestInteropRotation::verify(const CachedJwks &jwks, const QStringList &tokens)
{
    static int files = 0;
    const QString file = m_dir.filePath(u"jwks-%1.json"_s.arg(++files));
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(jwks.body) != jwks.body.size())
        return {};
    out.close();
    const interop::NodeRun run = interop::runNode(
        u"verify-jwt.mjs"_s, QStringList{u"cached"_s, file, m_provider->issuer().toString(),
                                         QString::number(m_clock->now().toSecsSinceEpoch())} +
                                 tokens);
    if (run.exitCode != 0)
        qWarning("%s", run.describe().constData());
    return run.lines;
}

void TestInteropRotation::cachedJwksVerifiesTokensSignedAfterTheRotation()
{
    const KeyService keys = m_provider->keyService();
    const CachedJwks beforeRotation = fetchJwks();
    QVERIFY2(beforeRotation.maxAge > 0, beforeRotation.body.constData());
    const QString before = accessToken();
    QVERIFY(!before.isEmpty());

    // Rotation: the next key is published at once and signs after the delay.
    auto next = keys.rotate(u"RS256"_s, u"test"_s);
    QVERIFY2(next.ok(), qPrintable(next.error().message));
    QVERIFY(m_provider->prepareKeys().ok()); // what the maintenance job does within 30 s
    const CachedJwks atRotation = fetchJwks();
    QVERIFY2(atRotation.kids.contains(next->kid), atRotation.body.constData());
    const QDateTime signsFrom = keys.signsFrom(*next);
    // A copy cached before the rotation expires before the new key signs.
    QVERIFY2(beforeRotation.fetchedAt.addSecs(beforeRotation.maxAge) < signsFrom,
             qPrintable(signsFrom.toString(Qt::ISODate)));

    // Until then the old key signs ...
    m_clock->set(signsFrom.addSecs(-1));
    QVERIFY(keys.maintain().ok());
    QVERIFY(m_provider->prepareKeys().ok());
    const QString stillOld = accessToken();
    // ... and from then on the new one.
    m_clock->set(signsFrom.addSecs(1));
    QVERIFY(keys.maintain().ok());
    QVERIFY(m_provider->prepareKeys().ok());
    const QString after = accessToken();
    QVERIFY(!after.isEmpty());
    const QJsonObject afterHeader =
        QJsonDocument::fromJson(QByteArray::fromBase64(after.section(u'.', 0, 0).toLatin1(),
                                                       QByteArray::Base64UrlEncoding))
            .object();
    QCOMPARE(afterHeader[u"kid"_s].toString(), next->kid);
    const CachedJwks afterRotation = fetchJwks();

    // The copy cached at the rotation verifies everything.
    const QList<QJsonObject> cached = verify(atRotation, {before, stillOld, after});
    QCOMPARE(cached.size(), 3);
    for (const QJsonObject &result : cached)
        QVERIFY2(result[u"ok"_s].toBool(), QJsonDocument(result).toJson().constData());
    QCOMPARE(cached.at(2)[u"header"_s][u"kid"_s].toString(), next->kid);

    // The copy from before the rotation does not know the new key - which
    // is why it must have expired by now (checked above) and been fetched
    // again: a fresh copy verifies the new tokens and, the retired key
    // still published, the old ones.
    const QList<QJsonObject> stale = verify(beforeRotation, {before, after});
    QCOMPARE(stale.size(), 2);
    QVERIFY(stale.at(0)[u"ok"_s].toBool());
    QCOMPARE(stale.at(1)[u"ok"_s].toBool(), false);
    QCOMPARE(stale.at(1)[u"code"_s].toString(), u"ERR_JWKS_NO_MATCHING_KEY"_s);
    const QList<QJsonObject> fresh = verify(afterRotation, {before, stillOld, after});
    QCOMPARE(fresh.size(), 3);
    for (const QJsonObject &result : fresh)
        QVERIFY2(result[u"ok"_s].toBool(), QJsonDocument(result).toJson().constData());
}

QTEST_GUILESS_MAIN(TestInteropRotation)
#include "tst_interop_rotation.moc"
