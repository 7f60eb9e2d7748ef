// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"

#include "admin/SettingsService.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "store/SettingsKeys.h"
#include "store/SqlEventStore.h"
#include "store/SqlSettingsStore.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

namespace {

/// A SettingsStore that fails the write of one key, after passing the
/// others to the real store: shows that update() is one transaction.
class FailingSettingsStore final : public SettingsStore
{
public:
    FailingSettingsStore(std::shared_ptr<SettingsStore> inner, QString failingKey)
        : m_inner(std::move(inner)), m_failingKey(std::move(failingKey))
    {}
    Result<QMap<QString, QString>, Error> all() const override { return m_inner->all(); }
    Result<void, Error> set(const QString &key, const QString &value) override
    {
        if (key == m_failingKey)
            return Error::storage(u"disk full"_s);
        return m_inner->set(key, value);
    }
    Result<void, Error> unset(const QString &key) override { return m_inner->unset(key); }

private:
    std::shared_ptr<SettingsStore> m_inner;
    QString m_failingKey;
};

using Changes = SettingsService::Changes;

} // namespace

class TestSettingsService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void check_data();
    void check();
    void updateStoresSeveralKeysAndPublishesOneEvent();
    void updateWithOneBadValueWritesNothing();
    void tlsCertificateAndKeyGoTogether();
    void storageFailureRollsBackEveryKey();
    void unchangedValuesChangeNothing();
    void removalReturnsToTheDefault();
    void storedLeavesOutOtherKeys();
    void everyKnownKeyTakesEffectOnRestart();

private:
    SettingsService service() const;
    QList<Event> adminEvents() const;

    std::shared_ptr<MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_t;
    std::shared_ptr<SqlSettingsStore> m_settings;
    std::unique_ptr<EventBus> m_bus;
    QList<Event> m_events;
};

void TestSettingsService::init()
{
    m_clock = std::make_shared<MockClock>();
    m_t = std::make_unique<TestDatabase>(m_clock);
    QVERIFY2(m_t->db, qPrintable(m_t->error));
    m_settings = std::make_shared<SqlSettingsStore>(m_t->db);
    m_bus = std::make_unique<EventBus>(std::make_shared<SqlEventStore>(m_t->db), m_clock);
    m_events.clear();
    connect(m_bus.get(), &EventBus::published, this,
            [this](const Event &event) { m_events.append(event); });
}

void TestSettingsService::cleanup()
{
    m_bus.reset();
    m_settings.reset();
    m_t.reset();
}

SettingsService TestSettingsService::service() const
{
    return SettingsService({m_t->db, m_settings, m_bus.get()});
}

QList<Event> TestSettingsService::adminEvents() const
{
    QList<Event> found;
    for (const Event &event : m_events) {
        if (event.type == event_type::AdminChanged)
            found.append(event);
    }
    return found;
}

void TestSettingsService::check_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    // Empty: accepted; otherwise the start of the problem's message.
    QTest::addColumn<QString>("problem");

    QTest::newRow("issuer https") << u"issuer"_s << u"https://id.example.com"_s << QString();
    QTest::newRow("issuer with path") << u"issuer"_s << u"https://example.com/id"_s << QString();
    QTest::newRow("issuer with query") << u"issuer"_s << u"https://id.example?x=1"_s << u"\""_s;
    QTest::newRow("issuer with fragment") << u"issuer"_s << u"https://id.example#f"_s << u"\""_s;
    QTest::newRow("issuer ftp") << u"issuer"_s << u"ftp://id.example"_s << u"\""_s;
    QTest::newRow("issuer without host") << u"issuer"_s << u"https://"_s << u"\""_s;
    QTest::newRow("issuer with user") << u"issuer"_s << u"https://u@id.example"_s << u"\""_s;
    QTest::newRow("address any") << u"listen_address"_s << u"0.0.0.0"_s << QString();
    QTest::newRow("address v6") << u"listen_address"_s << u"::"_s << QString();
    QTest::newRow("address name") << u"listen_address"_s << u"localhost"_s << u"\""_s;
    QTest::newRow("address spaced") << u"listen_address"_s << u" 127.0.0.1"_s << u"\""_s;
    QTest::newRow("port") << u"listen_port"_s << u"8443"_s << QString();
    QTest::newRow("port too big") << u"listen_port"_s << u"65536"_s << u"\"65536\" is not"_s;
    QTest::newRow("port negative") << u"listen_port"_s << u"-1"_s << u"\"-1\" is not"_s;
    QTest::newRow("port text") << u"listen_port"_s << u"http"_s << u"\"http\" is not"_s;
    QTest::newRow("port spaced") << u"listen_port"_s << u"80 "_s << u"\"80 \" is not"_s;
    QTest::newRow("code max") << u"code_lifetime"_s << u"600"_s << QString();
    QTest::newRow("code too long") << u"code_lifetime"_s << u"601"_s << u"\"601\""_s;
    QTest::newRow("code zero") << u"code_lifetime"_s << u"0"_s << u"\"0\""_s;
    QTest::newRow("access") << u"access_token_lifetime"_s << u"300"_s << QString();
    QTest::newRow("access too long") << u"access_token_lifetime"_s << u"86401"_s << u"\""_s;
    QTest::newRow("id fraction") << u"id_token_lifetime"_s << u"1.5"_s << u"\""_s;
    QTest::newRow("refresh year") << u"refresh_token_lifetime"_s << u"31536000"_s << QString();
    QTest::newRow("refresh too long") << u"refresh_token_lifetime"_s << u"31536001"_s << u"\""_s;
    QTest::newRow("session too short") << u"session_lifetime"_s << u"59"_s << u"\""_s;
    QTest::newRow("retention zero") << u"event_retention_days"_s << u"0"_s << u"\""_s;
    QTest::newRow("retention") << u"event_retention_days"_s << u"30"_s << QString();
    QTest::newRow("jwks no cache") << u"jwks_max_age"_s << u"0"_s << QString();
    QTest::newRow("jwks too long") << u"jwks_max_age"_s << u"86401"_s << u"\""_s;
    QTest::newRow("delay too long") << u"key_rotation_delay"_s << u"604801"_s << u"\""_s;
    QTest::newRow("interval off") << u"key_rotation_interval_days"_s << u"0"_s << QString();
    QTest::newRow("interval too long") << u"key_rotation_interval_days"_s << u"3651"_s << u"\""_s;
    QTest::newRow("unknown key") << u"listen_host"_s << u"x"_s << u"unknown setting"_s;
}

void TestSettingsService::check()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, problem);

    const ValidationProblems problems = SettingsService::check({{key, value}});
    if (problem.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).toString()));
        return;
    }
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().path, key);
    // Located by the key, which the message does not repeat.
    QVERIFY2(problems.first().message.startsWith(problem), qPrintable(problems.first().message));
    // update() refuses it the same way and stores nothing.
    auto updated = service().update({{key, value}}, u"desktop"_s);
    QVERIFY(!updated);
    QCOMPARE(updated.error().kind(), Error::Kind::Invalid);
    QCOMPARE(updated.error().problems, problems);
    QVERIFY(m_settings->all()->isEmpty());
    QVERIFY(m_events.isEmpty());
}

void TestSettingsService::updateStoresSeveralKeysAndPublishesOneEvent()
{
    QVERIFY(m_settings->set(u"listen_port"_s, u"9443"_s).ok());
    const Changes changes{
        {u"event_retention_days"_s, u"30"_s},
        {u"access_token_lifetime"_s, u"120"_s},
        {u"tls_cert"_s, u"/etc/lanyard/cert.pem"_s},
        {u"tls_key"_s, u"/etc/lanyard/key.pem"_s},
    };
    auto updated = service().update(changes, u"desktop"_s);
    QVERIFY2(updated, qPrintable(updated.error().message()));
    // In SettingsKeys::all() order.
    const QStringList expected{u"tls_cert"_s, u"tls_key"_s, u"access_token_lifetime"_s,
                               u"event_retention_days"_s};
    QCOMPARE(updated->changed, expected);
    QVERIFY(updated->restartNeeded);

    const auto stored = service().stored();
    QVERIFY(stored);
    QCOMPARE(stored->value(u"access_token_lifetime"_s), u"120"_s);
    QCOMPARE(stored->value(u"event_retention_days"_s), u"30"_s);
    QCOMPARE(stored->value(u"listen_port"_s), u"9443"_s);
    const auto config = service().effective();
    QVERIFY(config);
    QCOMPARE(config->accessTokenLifetimeSecs, 120);
    QCOMPARE(config->eventRetentionDays, 30);
    QVERIFY(config->tlsEnabled());

    const QList<Event> events = adminEvents();
    QCOMPARE(events.size(), 1);
    const QJsonObject details = events.first().details;
    QCOMPARE(details.value(u"actor"_s).toString(), u"desktop"_s);
    QCOMPARE(details.value(u"entity"_s).toString(), u"settings"_s);
    QCOMPARE(details.value(u"action"_s).toString(), u"updated"_s);
    QCOMPARE(details.value(u"fields"_s).toArray(), QJsonArray::fromStringList(expected));
    const QJsonObject values = details.value(u"values"_s).toObject();
    QCOMPARE(values.size(), 4);
    QCOMPARE(values.value(u"access_token_lifetime"_s).toString(), u"120"_s);
    QCOMPARE(values.value(u"tls_key"_s).toString(), u"/etc/lanyard/key.pem"_s);
    QVERIFY(!values.contains(u"listen_port"_s));
}

void TestSettingsService::updateWithOneBadValueWritesNothing()
{
    auto updated = service().update({{u"access_token_lifetime"_s, u"120"_s},
                                     {u"listen_port"_s, u"99999"_s},
                                     {u"code_lifetime"_s, u"0"_s}},
                                    u"desktop"_s);
    QVERIFY(!updated);
    QCOMPARE(updated.error().problems.size(), 2);
    QCOMPARE(updated.error().problems.at(0).path, u"code_lifetime"_s);
    QCOMPARE(updated.error().problems.at(1).path, u"listen_port"_s);
    QVERIFY(updated.error().message().contains(u"listen_port: \"99999\""_s));
    QVERIFY(m_settings->all()->isEmpty());
    QVERIFY(adminEvents().isEmpty());
}

void TestSettingsService::tlsCertificateAndKeyGoTogether()
{
    auto updated = service().update({{u"tls_cert"_s, u"/etc/lanyard/cert.pem"_s}}, u"desktop"_s);
    QVERIFY(!updated);
    QCOMPARE(updated.error().problems.size(), 1);
    QCOMPARE(updated.error().problems.first().path, u"tls_key"_s);
    QVERIFY(updated.error().problems.first().message.contains(u"together"_s));
    QVERIFY(m_settings->all()->isEmpty());

    // Removing one of a stored pair is refused the same way.
    QVERIFY(service()
                .update({{u"tls_cert"_s, u"/c.pem"_s}, {u"tls_key"_s, u"/k.pem"_s}}, u"desktop"_s)
                .ok());
    m_events.clear();
    updated = service().update({{u"tls_key"_s, std::nullopt}}, u"desktop"_s);
    QVERIFY(!updated);
    QCOMPARE(updated.error().problems.first().path, u"tls_key"_s);
    QCOMPARE(m_settings->all()->value(u"tls_key"_s), u"/k.pem"_s);
    // Both removed together: plain HTTP again.
    QVERIFY(service()
                .update({{u"tls_cert"_s, std::nullopt}, {u"tls_key"_s, std::nullopt}}, u"desktop"_s)
                .ok());
    QVERIFY(m_settings->all()->isEmpty());
}

void TestSettingsService::storageFailureRollsBackEveryKey()
{
    auto failing = std::make_shared<FailingSettingsStore>(m_settings, u"event_retention_days"_s);
    SettingsService broken({m_t->db, failing, m_bus.get()});
    auto updated = broken.update(
        {{u"access_token_lifetime"_s, u"120"_s}, {u"event_retention_days"_s, u"30"_s}},
        u"desktop"_s);
    QVERIFY(!updated);
    QCOMPARE(updated.error().kind(), Error::Kind::Storage);
    // access_token_lifetime was written before the failure, and rolled back.
    QVERIFY(m_settings->all()->isEmpty());
    QVERIFY(adminEvents().isEmpty());
}

void TestSettingsService::unchangedValuesChangeNothing()
{
    QVERIFY(m_settings->set(u"access_token_lifetime"_s, u"120"_s).ok());
    auto updated = service().update(
        {{u"access_token_lifetime"_s, u"120"_s}, {u"id_token_lifetime"_s, std::nullopt}},
        u"desktop"_s);
    QVERIFY(updated);
    QVERIFY(updated->changed.isEmpty());
    QVERIFY(!updated->restartNeeded);
    QVERIFY(adminEvents().isEmpty());
}

void TestSettingsService::removalReturnsToTheDefault()
{
    QVERIFY(m_settings->set(u"jwks_max_age"_s, u"60"_s).ok());
    auto updated = service().update({{u"jwks_max_age"_s, std::nullopt}}, u"desktop"_s);
    QVERIFY(updated);
    QCOMPARE(updated->changed, QStringList{u"jwks_max_age"_s});
    QVERIFY(!m_settings->all()->contains(u"jwks_max_age"_s));
    QCOMPARE(service().effective()->jwksMaxAgeSecs, ProviderConfig().jwksMaxAgeSecs);
    const QList<Event> events = adminEvents();
    QCOMPARE(events.size(), 1);
    const QJsonObject values = events.first().details.value(u"values"_s).toObject();
    QVERIFY(values.contains(u"jwks_max_age"_s));
    QVERIFY(values.value(u"jwks_max_age"_s).isNull());
}

void TestSettingsService::storedLeavesOutOtherKeys()
{
    QVERIFY(m_settings->set(u"ui_theme"_s, u"dark"_s).ok());
    QVERIFY(m_settings->set(u"issuer"_s, u"https://id.example"_s).ok());
    const auto stored = service().stored();
    QVERIFY(stored);
    QCOMPARE(stored->keys(), QStringList{u"issuer"_s});
    // An update leaves other parts' keys alone.
    QVERIFY(service().update({{u"issuer"_s, std::nullopt}}, u"desktop"_s).ok());
    QCOMPARE(m_settings->all()->value(u"ui_theme"_s), u"dark"_s);
}

void TestSettingsService::everyKnownKeyTakesEffectOnRestart()
{
    for (const QString &key : SettingsKeys::all())
        QVERIFY2(SettingsService::takesEffectOnRestart(key), qPrintable(key));
    QVERIFY(!SettingsService::takesEffectOnRestart(u"ui_theme"_s));
}

QTEST_GUILESS_MAIN(TestSettingsService)
#include "tst_settingsservice.moc"
