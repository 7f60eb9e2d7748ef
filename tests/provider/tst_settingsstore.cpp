// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"
#include "store/SettingsApplier.h"
#include "store/SettingsKeys.h"
#include "store/SqlSettingsStore.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::TestDatabase;

namespace {

/// The ProviderConfig member a setting lands in, as text, for the table.
QString field(const ProviderConfig &config, const QString &key)
{
    if (key == SettingsKeys::Issuer)
        return config.issuer.toString();
    if (key == SettingsKeys::ListenAddress)
        return config.listenAddress.toString();
    if (key == SettingsKeys::ListenPort)
        return QString::number(config.listenPort);
    if (key == SettingsKeys::TlsCertificate)
        return config.tlsCertificateFile;
    if (key == SettingsKeys::TlsKey)
        return config.tlsKeyFile;
    if (key == SettingsKeys::CodeLifetime)
        return QString::number(config.authorizationCodeLifetimeSecs);
    if (key == SettingsKeys::AccessTokenLifetime)
        return QString::number(config.accessTokenLifetimeSecs);
    if (key == SettingsKeys::IdTokenLifetime)
        return QString::number(config.idTokenLifetimeSecs);
    if (key == SettingsKeys::RefreshTokenLifetime)
        return QString::number(config.refreshTokenLifetimeSecs);
    if (key == SettingsKeys::SessionLifetime)
        return QString::number(config.sessionLifetimeSecs);
    if (key == SettingsKeys::EventRetentionDays)
        return QString::number(config.eventRetentionDays);
    if (key == SettingsKeys::JwksMaxAge)
        return QString::number(config.jwksMaxAgeSecs);
    if (key == SettingsKeys::KeyRotationDelay)
        return config.keyRotationDelaySecs ? QString::number(*config.keyRotationDelaySecs)
                                           : u"unset"_s;
    if (key == SettingsKeys::KeyRotationIntervalDays)
        return QString::number(config.keyRotationIntervalDays);
    return u"<unknown key>"_s;
}

} // namespace

class TestSettingsStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void setAllUnset();
    void setReplaces();
    void valuesRoundTrip_data();
    void valuesRoundTrip();
    void emptyKeyIsInvalid();
    void setJoinsOuterTransaction();

    void keysAreTheDocumentedOnes();
    void applierTable_data();
    void applierTable();
    void applierKeepsBaseForUnsetKeys();
    void rotationDelayFollowsJwksMaxAge();
    void applierIgnoresUnknownKeys();
    void applierReportsFirstBadKeyInOrder();
    void tlsNeedsBothFiles_data();
    void tlsNeedsBothFiles();
    void storedSettingsReachTheConfig();

private:
    std::unique_ptr<TestDatabase> m_t;
    std::unique_ptr<SqlSettingsStore> m_store;
};

void TestSettingsStore::init()
{
    m_t = std::make_unique<TestDatabase>();
    QVERIFY2(m_t->db, qPrintable(m_t->error));
    m_store = std::make_unique<SqlSettingsStore>(m_t->db);
}

void TestSettingsStore::cleanup()
{
    m_store.reset();
    m_t.reset();
}

void TestSettingsStore::setAllUnset()
{
    QVERIFY(m_store->all()->isEmpty());
    QVERIFY(m_store->set(u"issuer"_s, u"https://id.example"_s).ok());
    QVERIFY(m_store->set(u"listen_port"_s, u"8443"_s).ok());
    QCOMPARE(m_store->all().value(), (QMap<QString, QString>{{u"issuer"_s, u"https://id.example"_s},
                                                             {u"listen_port"_s, u"8443"_s}}));
    QVERIFY(m_store->unset(u"issuer"_s).ok());
    QCOMPARE(m_store->all().value(), (QMap<QString, QString>{{u"listen_port"_s, u"8443"_s}}));
    QVERIFY(m_store->unset(u"issuer"_s).ok()); // already gone: fine
    QCOMPARE(m_store->all()->size(), 1);
}

void TestSettingsStore::setReplaces()
{
    QVERIFY(m_store->set(u"k"_s, u"1"_s).ok());
    QVERIFY(m_store->set(u"k"_s, u"2"_s).ok());
    QCOMPARE(m_store->all().value(), (QMap<QString, QString>{{u"k"_s, u"2"_s}}));
}

void TestSettingsStore::valuesRoundTrip_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces kept") << u"  padded  "_s;
    QTest::newRow("unicode") << u"/srv/证书/cert—é.pem"_s;
    QTest::newRow("quotes") << u"it's \"quoted\" \\ ; --"_s;
    QTest::newRow("multi-line") << u"line 1\nline 2\r\n"_s;
    QTest::newRow("long") << QString(100'000, u'x');
}

void TestSettingsStore::valuesRoundTrip()
{
    QFETCH(QString, value);
    QVERIFY(m_store->set(u"key"_s, value).ok());
    const auto all = m_store->all();
    QVERIFY(all.ok());
    QVERIFY(all->contains(u"key"_s));
    QCOMPARE(all->value(u"key"_s), value);
}

void TestSettingsStore::emptyKeyIsInvalid()
{
    const auto set = m_store->set(QString(), u"v"_s);
    QVERIFY(!set.ok());
    QCOMPARE(set.error().kind, Error::Kind::Invalid);
    QVERIFY(m_store->all()->isEmpty());
}

void TestSettingsStore::setJoinsOuterTransaction()
{
    {
        Database::Transaction transaction(*m_t->db);
        QVERIFY(m_store->set(u"a"_s, u"1"_s).ok());
        QVERIFY(m_store->set(u"b"_s, u"2"_s).ok());
        QCOMPARE(m_store->all()->size(), 2);
    }
    QVERIFY(m_store->all()->isEmpty());
}

void TestSettingsStore::keysAreTheDocumentedOnes()
{
    // Stored in users' databases: a rename needs a migration, not an edit.
    const QStringList expected{u"issuer"_s,
                               u"listen_address"_s,
                               u"listen_port"_s,
                               u"tls_cert"_s,
                               u"tls_key"_s,
                               u"code_lifetime"_s,
                               u"access_token_lifetime"_s,
                               u"id_token_lifetime"_s,
                               u"refresh_token_lifetime"_s,
                               u"session_lifetime"_s,
                               u"event_retention_days"_s,
                               u"jwks_max_age"_s,
                               u"key_rotation_delay"_s,
                               u"key_rotation_interval_days"_s};
    QCOMPARE(SettingsKeys::all(), expected);
    for (const QString &key : expected)
        QVERIFY2(field(ProviderConfig(), key) != u"<unknown key>"_s, qPrintable(key));
}

void TestSettingsStore::applierTable_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected"); // the config member, as field() prints it

    const auto good = [](const char *name, const QString &key, const QString &value,
                         const QString &expected) {
        QTest::newRow(name) << key << value << true << expected;
    };
    const auto bad = [](const char *name, const QString &key, const QString &value) {
        QTest::newRow(name) << key << value << false << QString();
    };
    const QString issuer(SettingsKeys::Issuer);
    good("issuer https", issuer, u"https://id.example"_s, u"https://id.example"_s);
    good("issuer with path and slash", issuer, u"https://example.org/idp/"_s,
         u"https://example.org/idp/"_s);
    good("issuer http port", issuer, u"http://10.0.0.5:9090"_s, u"http://10.0.0.5:9090"_s);
    good("issuer empty derives", issuer, QString(), QString());
    bad("issuer ftp", issuer, u"ftp://id.example"_s);
    bad("issuer relative", issuer, u"/idp"_s);
    bad("issuer no host", issuer, u"https://"_s);
    bad("issuer query", issuer, u"https://id.example/?tenant=1"_s);
    bad("issuer fragment", issuer, u"https://id.example/#x"_s);
    bad("issuer userinfo", issuer, u"https://admin:pw@id.example"_s);
    bad("issuer garbage", issuer, u"not a url"_s);

    const QString address(SettingsKeys::ListenAddress);
    good("address v4", address, u"0.0.0.0"_s, u"0.0.0.0"_s);
    good("address v6", address, u"::1"_s, u"::1"_s);
    good("address lan", address, u"192.168.1.10"_s, u"192.168.1.10"_s);
    bad("address name", address, u"localhost"_s);
    bad("address empty", address, QString());
    bad("address spaces", address, u" 127.0.0.1"_s);
    bad("address octet", address, u"256.1.1.1"_s);

    const QString port(SettingsKeys::ListenPort);
    good("port 0", port, u"0"_s, u"0"_s);
    good("port 443", port, u"443"_s, u"443"_s);
    good("port max", port, u"65535"_s, u"65535"_s);
    bad("port too big", port, u"65536"_s);
    bad("port negative", port, u"-1"_s);
    bad("port suffix", port, u"80x"_s);
    bad("port empty", port, QString());
    bad("port hex", port, u"0x50"_s);

    const QString code(SettingsKeys::CodeLifetime);
    good("code 1", code, u"1"_s, u"1"_s);
    good("code 600", code, u"600"_s, u"600"_s);
    bad("code 0", code, u"0"_s);
    bad("code 601", code, u"601"_s);

    const QString access(SettingsKeys::AccessTokenLifetime);
    good("access 300", access, u"300"_s, u"300"_s);
    good("access day", access, u"86400"_s, u"86400"_s);
    bad("access 0", access, u"0"_s);
    bad("access too long", access, u"86401"_s);
    bad("access float", access, u"1.5"_s);
    bad("access exponent", access, u"1e3"_s);
    bad("access spaces", access, u" 60"_s);
    bad("access overflow", access, u"99999999999999999999"_s);

    const QString id(SettingsKeys::IdTokenLifetime);
    good("id 900", id, u"900"_s, u"900"_s);
    bad("id 0", id, u"0"_s);
    bad("id too long", id, u"86401"_s);

    const QString refresh(SettingsKeys::RefreshTokenLifetime);
    good("refresh year", refresh, u"31536000"_s, u"31536000"_s);
    bad("refresh past year", refresh, u"31536001"_s);
    bad("refresh 0", refresh, u"0"_s);

    const QString session(SettingsKeys::SessionLifetime);
    good("session minute", session, u"60"_s, u"60"_s);
    bad("session 59", session, u"59"_s);
    bad("session past year", session, u"31536001"_s);

    const QString retention(SettingsKeys::EventRetentionDays);
    good("retention 1", retention, u"1"_s, u"1"_s);
    good("retention century", retention, u"36500"_s, u"36500"_s);
    bad("retention 0", retention, u"0"_s);
    bad("retention words", retention, u"ninety"_s);

    const QString jwks(SettingsKeys::JwksMaxAge);
    good("jwks 0", jwks, u"0"_s, u"0"_s);
    good("jwks day", jwks, u"86400"_s, u"86400"_s);
    bad("jwks negative", jwks, u"-1"_s);
    bad("jwks too long", jwks, u"86401"_s);

    const QString delay(SettingsKeys::KeyRotationDelay);
    good("rotation delay 0", delay, u"0"_s, u"0"_s);
    good("rotation delay week", delay, u"604800"_s, u"604800"_s);
    bad("rotation delay past week", delay, u"604801"_s);
    bad("rotation delay negative", delay, u"-1"_s);
    bad("rotation delay empty", delay, QString());

    const QString interval(SettingsKeys::KeyRotationIntervalDays);
    good("rotation interval off", interval, u"0"_s, u"0"_s);
    good("rotation interval 90", interval, u"90"_s, u"90"_s);
    good("rotation interval max", interval, u"3650"_s, u"3650"_s);
    bad("rotation interval too long", interval, u"3651"_s);
    bad("rotation interval negative", interval, u"-7"_s);
}

void TestSettingsStore::applierTable()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(bool, ok);
    QFETCH(QString, expected);

    const auto config = SettingsApplier::apply({{key, value}});
    QCOMPARE(config.ok(), ok);
    const auto validated = SettingsApplier::validate(key, value);
    QCOMPARE(validated.ok(), ok);
    if (ok) {
        QCOMPARE(field(*config, key), expected);
        return;
    }
    QCOMPARE(config.error().kind, Error::Kind::Invalid);
    QVERIFY2(config.error().message.startsWith(key + u':'), qPrintable(config.error().message));
    QCOMPARE(validated.error().message, config.error().message);
}

void TestSettingsStore::rotationDelayFollowsJwksMaxAge()
{
    // Not stored: a new key waits as long as relying parties may cache the JWKS.
    QCOMPARE(ProviderConfig().effectiveKeyRotationDelaySecs(), ProviderConfig().jwksMaxAgeSecs);
    auto config = SettingsApplier::apply({{u"jwks_max_age"_s, u"3600"_s}});
    QVERIFY(config.ok());
    QVERIFY(!config->keyRotationDelaySecs.has_value());
    QCOMPARE(config->effectiveKeyRotationDelaySecs(), 3600);
    config = SettingsApplier::apply(
        {{u"jwks_max_age"_s, u"3600"_s}, {u"key_rotation_delay"_s, u"120"_s}});
    QVERIFY(config.ok());
    QCOMPARE(config->effectiveKeyRotationDelaySecs(), 120);
    QCOMPARE(ProviderConfig().keyRotationIntervalDays, 0);
}

void TestSettingsStore::applierKeepsBaseForUnsetKeys()
{
    ProviderConfig base;
    base.accessTokenLifetimeSecs = 123;
    base.listenPort = 7000;
    base.httpThreads = 3;
    const auto config = SettingsApplier::apply({{u"listen_port"_s, u"8000"_s}}, base);
    QVERIFY(config.ok());
    QCOMPARE(config->listenPort, quint16(8000));
    QCOMPARE(config->accessTokenLifetimeSecs, 123);
    QCOMPARE(config->httpThreads, 3);
    const ProviderConfig defaults;
    QCOMPARE(config->idTokenLifetimeSecs, defaults.idTokenLifetimeSecs);
    QCOMPARE(config->listenAddress, defaults.listenAddress);
}

void TestSettingsStore::applierIgnoresUnknownKeys()
{
    const auto config = SettingsApplier::apply({{u"ui.window_geometry"_s, u"garbage"_s}});
    QVERIFY(config.ok());
    QCOMPARE(config->listenPort, ProviderConfig().listenPort);
    const auto validated = SettingsApplier::validate(u"ui.window_geometry"_s, u"x"_s);
    QVERIFY(!validated.ok());
    QCOMPARE(validated.error().kind, Error::Kind::Invalid);
    QVERIFY(validated.error().message.startsWith(u"ui.window_geometry:"_s));
}

void TestSettingsStore::applierReportsFirstBadKeyInOrder()
{
    // QMap orders keys alphabetically (jwks_max_age first); errors follow
    // SettingsKeys::all() order, so listen_port is reported.
    const auto config =
        SettingsApplier::apply({{u"jwks_max_age"_s, u"-5"_s}, {u"listen_port"_s, u"http"_s}});
    QVERIFY(!config.ok());
    QVERIFY2(config.error().message.startsWith(u"listen_port:"_s),
             qPrintable(config.error().message));
}

void TestSettingsStore::tlsNeedsBothFiles_data()
{
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("problem"); // empty when fine
    QTest::newRow("both") << u"/c.pem"_s << u"/k.pem"_s << QString();
    QTest::newRow("neither (both empty)") << QString() << QString() << QString();
    QTest::newRow("cert only") << u"/c.pem"_s << QString() << u"tls_key"_s;
    QTest::newRow("key only") << QString() << u"/k.pem"_s << u"tls_cert"_s;
}

void TestSettingsStore::tlsNeedsBothFiles()
{
    QFETCH(QString, cert);
    QFETCH(QString, key);
    QFETCH(QString, problem);
    // One at a time each is a fine value (the settings page stores them one by one) ...
    QVERIFY(SettingsApplier::validate(u"tls_cert"_s, cert).ok());
    QVERIFY(SettingsApplier::validate(u"tls_key"_s, key).ok());
    // ... but the configuration needs both or neither.
    const auto config = SettingsApplier::apply({{u"tls_cert"_s, cert}, {u"tls_key"_s, key}});
    QCOMPARE(config.ok(), problem.isEmpty());
    if (problem.isEmpty()) {
        QCOMPARE(config->tlsEnabled(), !cert.isEmpty());
        QCOMPARE(config->tlsCertificateFile, cert);
        QCOMPARE(config->tlsKeyFile, key);
        return;
    }
    QVERIFY2(config.error().message.startsWith(problem + u':'), qPrintable(config.error().message));
}

void TestSettingsStore::storedSettingsReachTheConfig()
{
    QVERIFY(m_store->set(u"issuer"_s, u"https://sso.office.example"_s).ok());
    QVERIFY(m_store->set(u"listen_address"_s, u"0.0.0.0"_s).ok());
    QVERIFY(m_store->set(u"access_token_lifetime"_s, u"900"_s).ok());
    QVERIFY(m_store->set(u"event_retention_days"_s, u"30"_s).ok());
    const auto all = m_store->all();
    QVERIFY(all.ok());
    const auto config = SettingsApplier::apply(*all);
    QVERIFY(config.ok());
    QCOMPARE(config->effectiveIssuer(), QUrl(u"https://sso.office.example"_s));
    QCOMPARE(config->listenAddress, QHostAddress(QHostAddress::AnyIPv4));
    QCOMPARE(config->accessTokenLifetimeSecs, 900);
    QCOMPARE(config->eventRetentionDays, 30);
}

QTEST_GUILESS_MAIN(TestSettingsStore)
#include "tst_settingsstore.moc"
