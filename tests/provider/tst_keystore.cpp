// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"
#include "store/SqlKeyStore.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

Q_DECLARE_METATYPE(lanyard::KeyState)

namespace {

SigningKey key(const QString &kid, KeyState state = KeyState::Next)
{
    SigningKey k;
    k.kid = kid;
    k.alg = u"ES256"_s;
    k.state = state;
    k.privateKeyPkcs8Der = QByteArray::fromHex("3041020100301306072a8648ce3d0201");
    return k;
}

QDateTime at(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

class TestKeyStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void stateRoundTrip_data();
    void stateRoundTrip();
    void blobRoundTrip_data();
    void blobRoundTrip();
    void saveReplacesByKidAndKeepsCreatedAt();
    void createdAtDefaultsToClock();
    void listIsOldestFirst();
    void removeSaysWhetherItRemoved();
    void missingKidOrAlgIsInvalid();
    void updateStateIsConditional();

private:
    std::unique_ptr<TestDatabase> m_t;
    std::shared_ptr<MockClock> m_clock;
    std::unique_ptr<SqlKeyStore> m_store;
};

void TestKeyStore::init()
{
    m_clock = std::make_shared<MockClock>();
    m_t = std::make_unique<TestDatabase>(m_clock);
    QVERIFY2(m_t->db, qPrintable(m_t->error));
    m_store = std::make_unique<SqlKeyStore>(m_t->db);
}

void TestKeyStore::cleanup()
{
    m_store.reset();
    m_t.reset();
}

void TestKeyStore::stateRoundTrip_data()
{
    QTest::addColumn<KeyState>("state");
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QDateTime>("activatedAt");
    QTest::addColumn<QDateTime>("retiredAt");
    QTest::addColumn<QDateTime>("publishedUntil");
    QTest::newRow("next") << KeyState::Next << u"RS256"_s << QDateTime() << QDateTime()
                          << QDateTime();
    QTest::newRow("active") << KeyState::Active << u"PS256"_s << at(1'700'000'100'001)
                            << QDateTime() << QDateTime();
    QTest::newRow("retired") << KeyState::Retired << u"EdDSA"_s << at(1'700'000'100'001)
                             << at(1'700'086'500'002) << at(1'700'090'100'003);
}

void TestKeyStore::stateRoundTrip()
{
    QFETCH(KeyState, state);
    QFETCH(QString, alg);
    QFETCH(QDateTime, activatedAt);
    QFETCH(QDateTime, retiredAt);
    QFETCH(QDateTime, publishedUntil);
    SigningKey k = key(u"kid-1"_s, state);
    k.alg = alg;
    k.createdAt = at(1'699'999'999'999);
    k.activatedAt = activatedAt;
    k.retiredAt = retiredAt;
    k.publishedUntil = publishedUntil;
    QVERIFY(m_store->save(k).ok());
    const auto keys = m_store->list();
    QVERIFY(keys.ok());
    QCOMPARE(keys->size(), 1);
    const SigningKey &stored = keys->first();
    QCOMPARE(stored.kid, k.kid);
    QCOMPARE(stored.alg, alg);
    QCOMPARE(stored.state, state);
    QCOMPARE(stored.createdAt, k.createdAt);
    QCOMPARE(stored.activatedAt.isValid(), activatedAt.isValid());
    QCOMPARE(stored.activatedAt, activatedAt);
    QCOMPARE(stored.retiredAt.isValid(), retiredAt.isValid());
    QCOMPARE(stored.retiredAt, retiredAt);
    QCOMPARE(stored.publishedUntil.isValid(), publishedUntil.isValid());
    QCOMPARE(stored.publishedUntil, publishedUntil);
    QCOMPARE(stored.privateKeyPkcs8Der, k.privateKeyPkcs8Der);
}

void TestKeyStore::blobRoundTrip_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one zero byte") << QByteArray(1, '\0');
    QByteArray everyByte;
    for (int i = 0; i < 256; ++i)
        everyByte.append(static_cast<char>(i));
    QTest::newRow("every byte value") << everyByte;
    QTest::newRow("quotes and escapes") << QByteArray("\\x00'\"\\\\'';--\0\n\r", 16);
    QByteArray random(64 * 1024, '\0');
    QRandomGenerator generator(20240501);
    for (char &c : random)
        c = static_cast<char>(generator.bounded(256));
    QTest::newRow("64 KiB random") << random;
    QTest::newRow("invalid utf-8") << QByteArray::fromHex("c328a0a1e228a1f0288cbcfe");
}

void TestKeyStore::blobRoundTrip()
{
    QFETCH(QByteArray, bytes);
    SigningKey k = key(u"blob"_s);
    k.privateKeyPkcs8Der = bytes;
    QVERIFY(m_store->save(k).ok());
    const auto keys = m_store->list();
    QVERIFY(keys.ok());
    QCOMPARE(keys->size(), 1);
    QCOMPARE(keys->first().privateKeyPkcs8Der.size(), bytes.size());
    QCOMPARE(keys->first().privateKeyPkcs8Der, bytes);
}

void TestKeyStore::saveReplacesByKidAndKeepsCreatedAt()
{
    const QDateTime created = m_clock->now();
    QVERIFY(m_store->save(key(u"k1"_s)).ok());
    m_clock->advance(600);

    SigningKey activated = key(u"k1"_s, KeyState::Active);
    activated.activatedAt = m_clock->now();
    activated.createdAt = m_clock->now(); // ignored: the stored one stays
    QVERIFY(m_store->save(activated).ok());

    const auto keys = m_store->list();
    QCOMPARE(keys->size(), 1);
    QCOMPARE(keys->first().state, KeyState::Active);
    QCOMPARE(keys->first().activatedAt, m_clock->now());
    QCOMPARE(keys->first().createdAt, created);
}

void TestKeyStore::createdAtDefaultsToClock()
{
    QVERIFY(m_store->save(key(u"k1"_s)).ok());
    QCOMPARE(m_store->list()->first().createdAt, m_clock->now());
}

void TestKeyStore::listIsOldestFirst()
{
    SigningKey newest = key(u"a-newest"_s);
    newest.createdAt = at(3000);
    SigningKey oldest = key(u"z-oldest"_s);
    oldest.createdAt = at(1000);
    SigningKey tieB = key(u"tie-b"_s);
    tieB.createdAt = at(2000);
    SigningKey tieA = key(u"tie-a"_s);
    tieA.createdAt = at(2000);
    for (const SigningKey &k : {newest, tieB, oldest, tieA})
        QVERIFY(m_store->save(k).ok());
    const auto keys = m_store->list();
    QVERIFY(keys.ok());
    QStringList kids;
    for (const SigningKey &k : *keys)
        kids.append(k.kid);
    QCOMPARE(kids, (QStringList{u"z-oldest"_s, u"tie-a"_s, u"tie-b"_s, u"a-newest"_s}));
}

void TestKeyStore::removeSaysWhetherItRemoved()
{
    QVERIFY(m_store->save(key(u"k1"_s)).ok());
    QVERIFY(m_store->save(key(u"k2"_s)).ok());
    QCOMPARE(m_store->remove(u"k1"_s).value(), true);
    QCOMPARE(m_store->remove(u"k1"_s).value(), false);
    const auto keys = m_store->list();
    QCOMPARE(keys->size(), 1);
    QCOMPARE(keys->first().kid, u"k2"_s);
}

void TestKeyStore::missingKidOrAlgIsInvalid()
{
    SigningKey noKid = key(QString());
    QCOMPARE(m_store->save(noKid).error().kind, Error::Kind::Invalid);
    SigningKey noAlg = key(u"k"_s);
    noAlg.alg.clear();
    QCOMPARE(m_store->save(noAlg).error().kind, Error::Kind::Invalid);
    QVERIFY(m_store->list()->isEmpty());
}

void TestKeyStore::updateStateIsConditional()
{
    // What makes each rotation step happen once when instances race: the
    // update applies only from the state the caller saw.
    SigningKey k = key(u"kid-1"_s, KeyState::Active);
    k.createdAt = at(1'700'000'000'000);
    k.activatedAt = at(1'700'000'000'000);
    QVERIFY(m_store->save(k).ok());

    SigningKey retired = k;
    retired.state = KeyState::Retired;
    retired.retiredAt = at(1'700'000'100'000);
    retired.publishedUntil = at(1'700'003'700'000);
    retired.alg = u"RS256"_s;
    retired.privateKeyPkcs8Der = QByteArray("ignored");
    retired.createdAt = at(1);

    // An instance that saw the key as next loses: nothing changes.
    QCOMPARE(m_store->updateState(retired, KeyState::Next).value(), false);
    QCOMPARE(m_store->list()->first().state, KeyState::Active);
    // From the state it really is in, the step happens once.
    QCOMPARE(m_store->updateState(retired, KeyState::Active).value(), true);
    QCOMPARE(m_store->updateState(retired, KeyState::Active).value(), false);
    const SigningKey stored = m_store->list()->first();
    QCOMPARE(stored.state, KeyState::Retired);
    QCOMPARE(stored.activatedAt, k.activatedAt);
    QCOMPARE(stored.retiredAt, retired.retiredAt);
    QCOMPARE(stored.publishedUntil, retired.publishedUntil);
    // Only the lifecycle columns change, never the key itself.
    QCOMPARE(stored.alg, k.alg);
    QCOMPARE(stored.privateKeyPkcs8Der, k.privateKeyPkcs8Der);
    QCOMPARE(stored.createdAt, k.createdAt);
    // Unsetting a time works too; a missing key is no match.
    retired.publishedUntil = QDateTime();
    QCOMPARE(m_store->updateState(retired, KeyState::Retired).value(), true);
    QVERIFY(!m_store->list()->first().publishedUntil.isValid());
    retired.kid = u"gone"_s;
    QCOMPARE(m_store->updateState(retired, KeyState::Retired).value(), false);
}

QTEST_GUILESS_MAIN(TestKeyStore)
#include "tst_keystore.moc"
