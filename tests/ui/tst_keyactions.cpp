// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"

#include "admin/KeyService.h"
#include "keys/KeyActions.h"
#include "keys/KeyRow.h"
#include "store/SqlClientStore.h"
#include "store/SqlKeyStore.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::ui::KeyActions;
using lanyard::ui::KeyRow;

Q_DECLARE_METATYPE(QList<lanyard::ui::KeyRow>)

namespace {

const QDateTime Now = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
/// The default rotation delay (jwks_max_age) plus the publication allowance.
constexpr qint64 Delay = 600 + KeyService::PublicationAllowanceSecs;

KeyRow active(const QString &kid, const QString &alg, qint64 activatedMinutesAgo = 60)
{
    KeyRow key;
    key.kid = kid;
    key.alg = alg;
    key.state = KeyState::Active;
    key.createdAt = Now.addSecs(-activatedMinutesAgo * 60 - 3600);
    key.activatedAt = Now.addSecs(-activatedMinutesAgo * 60);
    key.signsFrom = key.activatedAt;
    return key;
}

/// A next key created `minutesAgo`, signing Delay after its creation.
KeyRow next(const QString &kid, const QString &alg, qint64 minutesAgo = 2)
{
    KeyRow key;
    key.kid = kid;
    key.alg = alg;
    key.state = KeyState::Next;
    key.createdAt = Now.addSecs(-minutesAgo * 60);
    key.signsFrom = key.createdAt.addSecs(Delay);
    return key;
}

KeyRow retired(const QString &kid, const QString &alg)
{
    KeyRow key = active(kid, alg, 600);
    key.state = KeyState::Retired;
    key.retiredAt = Now.addSecs(-600);
    key.publishedUntil = Now.addSecs(3600);
    return key;
}

SigningKey stored(const KeyRow &row)
{
    SigningKey key;
    key.kid = row.kid;
    key.alg = row.alg;
    key.state = row.state;
    // Never loaded by the refusals checked here.
    key.privateKeyPkcs8Der = "not a key";
    key.createdAt = row.createdAt;
    key.activatedAt = row.activatedAt;
    key.retiredAt = row.retiredAt;
    key.publishedUntil = row.publishedUntil;
    return key;
}

} // namespace

class tst_KeyActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void serviceAgrees_data() { rules_data(); }
    void serviceAgrees();
    void rotatableAlgorithms();
    void countdownInReason();

private:
    static KeyActions::Availability evaluate(const KeyActions &actions, const QString &action);
};

KeyActions::Availability tst_KeyActions::evaluate(const KeyActions &actions, const QString &action)
{
    if (action == u"rotateAll"_s)
        return actions.rotateAll();
    if (action.startsWith(u"rotate:"_s))
        return actions.rotate(action.mid(7));
    if (action.startsWith(u"retire:"_s))
        return actions.retire(action.mid(7));
    qFatal("unknown action");
    return {};
}

void tst_KeyActions::rules_data()
{
    QTest::addColumn<QList<KeyRow>>("keys");
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("enabled");
    /// A part of the reason (the tooltip) that says why.
    QTest::addColumn<QString>("reason");

    const QList<KeyRow> steady{active(u"rs-1"_s, u"RS256"_s), active(u"es-1"_s, u"ES256"_s)};
    const QList<KeyRow> rsWaiting = steady + QList<KeyRow>{next(u"rs-2"_s, u"RS256"_s)};
    const QList<KeyRow> esWaiting = steady + QList<KeyRow>{next(u"es-2"_s, u"ES256"_s)};
    const QList<KeyRow> twoRs = steady + QList<KeyRow>{active(u"rs-0"_s, u"RS256"_s, 120)};
    const QList<KeyRow> withRetired = steady + QList<KeyRow>{retired(u"rs-old"_s, u"RS256"_s)};
    const QList<KeyRow> psWaitingAlone = steady + QList<KeyRow>{next(u"ps-1"_s, u"PS256"_s)};
    const QList<KeyRow> onlyRetired{retired(u"rs-old"_s, u"RS256"_s)};

    // Rotate every algorithm.
    QTest::newRow("rotateAll: steady state")
        << steady << u"rotateAll"_s << true << u"RS256, ES256"_s;
    QTest::newRow("rotateAll: RS256 successor waiting")
        << rsWaiting << u"rotateAll"_s << false << u"rs-2 starts signing"_s;
    QTest::newRow("rotateAll: ES256 successor waiting")
        << esWaiting << u"rotateAll"_s << false << u"es-2 starts signing"_s;
    QTest::newRow("rotateAll: no keys")
        << QList<KeyRow>{} << u"rotateAll"_s << false << u"No algorithm has an active key"_s;
    QTest::newRow("rotateAll: only retired keys")
        << onlyRetired << u"rotateAll"_s << false << u"No algorithm has an active key"_s;
    // A next key of an algorithm without an active key does not block the others.
    QTest::newRow("rotateAll: PS256 first key waiting")
        << psWaitingAlone << u"rotateAll"_s << true << u"RS256, ES256"_s;

    // Rotate one algorithm.
    QTest::newRow("rotate RS256: steady")
        << steady << u"rotate:RS256"_s << true << u"current RS256 key"_s;
    QTest::newRow("rotate RS256: successor waiting")
        << rsWaiting << u"rotate:RS256"_s << false << u"rs-2"_s;
    QTest::newRow("rotate ES256 while RS256 waits")
        << rsWaiting << u"rotate:ES256"_s << true << u"ES256"_s;
    QTest::newRow("rotate PS256: first key")
        << steady << u"rotate:PS256"_s << true << u"first PS256 key"_s;
    QTest::newRow("rotate PS256: first key waiting")
        << psWaitingAlone << u"rotate:PS256"_s << false << u"ps-1"_s;
    QTest::newRow("rotate HS256: unsupported")
        << steady << u"rotate:HS256"_s << false << u"not a supported"_s;
    QTest::newRow("rotate none: unsupported")
        << steady << u"rotate:none"_s << false << u"not a supported"_s;

    // Retire.
    QTest::newRow("retire: nothing selected") << steady << u"retire:"_s << false << u"Select"_s;
    QTest::newRow("retire: unknown kid") << steady << u"retire:nope"_s << false << u"nope"_s;
    QTest::newRow("retire: only active RS256")
        << steady << u"retire:rs-1"_s << false << u"only active RS256 key"_s;
    QTest::newRow("retire: only active ES256")
        << steady << u"retire:es-1"_s << false << u"only active ES256 key"_s;
    QTest::newRow("retire: only active RS256, successor waiting")
        << rsWaiting << u"retire:rs-1"_s << false << u"successor rs-2"_s;
    QTest::newRow("retire: already retired")
        << withRetired << u"retire:rs-old"_s << false << u"already retired"_s;
    QTest::newRow("retire: one of two active RS256")
        << twoRs << u"retire:rs-0"_s << true << u"stays published"_s;
    QTest::newRow("retire: the newer of two active RS256")
        << twoRs << u"retire:rs-1"_s << true << u"stays published"_s;
    QTest::newRow("retire: a next key cancels the rotation")
        << rsWaiting << u"retire:rs-2"_s << true << u"Cancel this rotation"_s;
}

void tst_KeyActions::rules()
{
    QFETCH(QList<KeyRow>, keys);
    QFETCH(QString, action);
    QFETCH(bool, enabled);
    QFETCH(QString, reason);

    const KeyActions actions(keys, Now, Delay);
    const KeyActions::Availability availability = evaluate(actions, action);
    QCOMPARE(availability.enabled, enabled);
    QVERIFY2(availability.reason.contains(reason),
             qPrintable(u"\"%1\" does not say \"%2\""_s.arg(availability.reason, reason)));
}

void tst_KeyActions::serviceAgrees()
{
    // The same situation in a real database: KeyService refuses exactly
    // what KeyActions disables.
    QFETCH(QList<KeyRow>, keys);
    QFETCH(QString, action);
    QFETCH(bool, enabled);

    auto clock = std::make_shared<test::MockClock>(Now);
    test::TestDatabase database(clock);
    QVERIFY2(database.db, qPrintable(database.error));
    auto keyStore = std::make_shared<SqlKeyStore>(database.db);
    for (const KeyRow &row : std::as_const(keys))
        QVERIFY(keyStore->save(stored(row)).ok());
    const KeyService service(
        {database.db, keyStore, std::make_shared<SqlClientStore>(database.db), clock, nullptr},
        ProviderConfig{});
    for (const KeyRow &row : std::as_const(keys))
        QCOMPARE(service.signsFrom(stored(row)), row.signsFrom);

    bool ok = false;
    QString message;
    if (action == u"rotateAll"_s) {
        const auto result = service.rotateAll();
        ok = result.ok();
        message = result.error().message;
    } else if (action.startsWith(u"rotate:"_s)) {
        const auto result = service.rotate(action.mid(7));
        ok = result.ok();
        message = result.error().message;
    } else {
        const auto result = service.retire(action.mid(7));
        ok = result.ok();
        message = result.error().message;
    }
    QVERIFY2(ok == enabled, qPrintable(u"the service says: %1"_s.arg(message)));
}

void tst_KeyActions::rotatableAlgorithms()
{
    const KeyActions actions({active(u"es-1"_s, u"ES256"_s), active(u"rs-1"_s, u"RS256"_s),
                              next(u"ps-1"_s, u"PS256"_s), retired(u"ed-1"_s, u"EdDSA"_s)},
                             Now, Delay);
    // In KeyService::supportedAlgorithms() order, only those with an active key.
    const QStringList expected{u"RS256"_s, u"ES256"_s};
    QCOMPARE(actions.rotatableAlgorithms(), expected);
}

void tst_KeyActions::countdownInReason()
{
    // Created 2 minutes ago, signs Delay (11 min) after creation: in 9 min.
    const KeyActions actions({active(u"rs-1"_s, u"RS256"_s), next(u"rs-2"_s, u"RS256"_s)}, Now,
                             Delay);
    QVERIFY2(actions.rotateAll().reason.contains(u"(in 9 min)"_s),
             qPrintable(actions.rotateAll().reason));
    // Once due, the maintenance job promotes it.
    const KeyActions due({active(u"rs-1"_s, u"RS256"_s), next(u"rs-2"_s, u"RS256"_s, 30)}, Now,
                         Delay);
    QVERIFY2(due.rotateAll().reason.contains(u"next maintenance run"_s),
             qPrintable(due.rotateAll().reason));
    QVERIFY(!due.rotateAll().enabled);
}

QTEST_GUILESS_MAIN(tst_KeyActions)
#include "tst_keyactions.moc"
