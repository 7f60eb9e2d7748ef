// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/EventTypes.h"
#include "sessions/BackchannelDeliveryLog.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::ui::BackchannelDeliveryLog;
using State = lanyard::ui::BackchannelDeliveryLog::State;

namespace {

const QDateTime T0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);

Event ended(const QString &sid, const QStringList &clients, const QString &reason = u"admin"_s)
{
    Event event;
    event.type = event_type::SessionEnded;
    event.time = T0;
    event.details = {{u"sid"_s, sid},
                     {u"reason"_s, reason},
                     {u"clients"_s, QJsonArray::fromStringList(clients)}};
    return event;
}

Event delivery(QLatin1StringView type, const QString &sid, const QString &clientId,
               QJsonObject details = {})
{
    Event event;
    event.type = type;
    event.time = T0.addSecs(1);
    event.success = type == BackchannelDeliveryLog::DeliveredType;
    event.clientId = clientId;
    details.insert(u"sid"_s, sid);
    event.details = details;
    return event;
}

} // namespace

class tst_BackchannelDeliveryLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void endingMarksBackchannelClientsPending();
    void deliveredAndFailed();
    void retriesAreNotFinal();
    void realSenderDetails();
    void ignoresUnrelatedEvents_data();
    void ignoresUnrelatedEvents();
    void pageNoteThenEvent();
    void endingReasons_data();
    void endingReasons();
    void forgetsOldSessions();
};

void tst_BackchannelDeliveryLog::endingMarksBackchannelClientsPending()
{
    BackchannelDeliveryLog log;
    log.setBackchannelClients({u"web"_s, u"wiki"_s});
    QCOMPARE(log.apply(ended(u"sid-1"_s, {u"web"_s, u"spa"_s})), u"sid-1"_s);
    QCOMPARE(log.delivery(u"sid-1"_s, u"web"_s)->state, State::Pending);
    // No back-channel URI: nothing is sent, nothing is pending.
    QVERIFY(!log.delivery(u"sid-1"_s, u"spa"_s));
    // Not in the session.
    QVERIFY(!log.delivery(u"sid-1"_s, u"wiki"_s));
    QVERIFY(!log.delivery(u"sid-2"_s, u"web"_s));
    QCOMPARE(log.ending(u"sid-1"_s)->reason, u"admin"_s);
    QCOMPARE(BackchannelDeliveryLog::describe(*log.delivery(u"sid-1"_s, u"web"_s)),
             u"Logout pending"_s);
}

void tst_BackchannelDeliveryLog::deliveredAndFailed()
{
    BackchannelDeliveryLog log;
    log.setBackchannelClients({u"web"_s, u"wiki"_s});
    log.apply(ended(u"sid-1"_s, {u"web"_s, u"wiki"_s}));
    QCOMPARE(log.apply(delivery(BackchannelDeliveryLog::DeliveredType, u"sid-1"_s, u"web"_s,
                                {{u"status"_s, 200}, {u"attempt"_s, 1}})),
             u"sid-1"_s);
    QCOMPARE(
        log.apply(delivery(BackchannelDeliveryLog::FailedType, u"sid-1"_s, u"wiki"_s,
                           {{u"status"_s, 400}, {u"error"_s, u"refused"_s}, {u"final"_s, true}})),
        u"sid-1"_s);
    const auto web = log.delivery(u"sid-1"_s, u"web"_s);
    QCOMPARE(web->state, State::Delivered);
    QVERIFY(BackchannelDeliveryLog::describe(*web).startsWith(u"Logout delivered at"_s));
    const auto wiki = log.delivery(u"sid-1"_s, u"wiki"_s);
    QCOMPARE(wiki->state, State::Failed);
    QCOMPARE(BackchannelDeliveryLog::describe(*wiki), u"Logout failed: refused (HTTP 400)"_s);
}

void tst_BackchannelDeliveryLog::retriesAreNotFinal()
{
    BackchannelDeliveryLog log;
    log.setBackchannelClients({u"web"_s});
    log.apply(ended(u"sid-1"_s, {u"web"_s}));
    log.apply(delivery(BackchannelDeliveryLog::FailedType, u"sid-1"_s, u"web"_s,
                       {{u"error"_s, u"timeout"_s}, {u"final"_s, false}, {u"attempt"_s, 1}}));
    auto web = log.delivery(u"sid-1"_s, u"web"_s);
    QCOMPARE(web->state, State::Retrying);
    QCOMPARE(BackchannelDeliveryLog::describe(*web),
             u"Logout attempt 1 failed (timeout); retrying"_s);
    log.apply(delivery(BackchannelDeliveryLog::FailedType, u"sid-1"_s, u"web"_s,
                       {{u"status"_s, 503}, {u"final"_s, true}, {u"attempt"_s, 3}}));
    web = log.delivery(u"sid-1"_s, u"web"_s);
    QCOMPARE(web->state, State::Failed);
    QCOMPARE(web->attempts, 3);
    QCOMPARE(BackchannelDeliveryLog::describe(*web), u"Logout failed: HTTP 503"_s);
}

void tst_BackchannelDeliveryLog::realSenderDetails()
{
    // As BackchannelLogoutSender reports: "reason" is why the session ended
    // (not the problem), "error" already names the status.
    BackchannelDeliveryLog log;
    log.setBackchannelClients({u"web"_s});
    log.apply(ended(u"sid-1"_s, {u"web"_s}));
    log.apply(delivery(BackchannelDeliveryLog::FailedType, u"sid-1"_s, u"web"_s,
                       {{u"reason"_s, u"admin"_s},
                        {u"attempt"_s, 1},
                        {u"max_attempts"_s, 3},
                        {u"status"_s, 503},
                        {u"error"_s, u"HTTP 503"_s},
                        {u"final"_s, false},
                        {u"retry_in_ms"_s, 1000}}));
    QCOMPARE(BackchannelDeliveryLog::describe(*log.delivery(u"sid-1"_s, u"web"_s)),
             u"Logout attempt 1 of 3 failed (HTTP 503); retrying"_s);
    log.apply(delivery(BackchannelDeliveryLog::FailedType, u"sid-1"_s, u"web"_s,
                       {{u"reason"_s, u"admin"_s},
                        {u"attempt"_s, 3},
                        {u"max_attempts"_s, 3},
                        {u"error"_s, u"Connection refused"_s},
                        {u"final"_s, true}}));
    QCOMPARE(BackchannelDeliveryLog::describe(*log.delivery(u"sid-1"_s, u"web"_s)),
             u"Logout failed: Connection refused"_s);
    // Without an error, not the session's reason.
    log.apply(delivery(BackchannelDeliveryLog::FailedType, u"sid-1"_s, u"web"_s,
                       {{u"reason"_s, u"admin"_s}, {u"final"_s, true}}));
    QCOMPARE(BackchannelDeliveryLog::describe(*log.delivery(u"sid-1"_s, u"web"_s)),
             u"Logout failed: no reason given"_s);
}

void tst_BackchannelDeliveryLog::ignoresUnrelatedEvents_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("sid");
    QTest::addColumn<QString>("clientId");
    QTest::newRow("login") << QString(event_type::LoginSucceeded) << u"sid-1"_s << u"web"_s;
    QTest::newRow("grant revoked") << QString(event_type::GrantRevoked) << u"sid-1"_s << u"web"_s;
    QTest::newRow("delivery without sid")
        << QString(BackchannelDeliveryLog::DeliveredType) << QString() << u"web"_s;
    QTest::newRow("delivery without client")
        << QString(BackchannelDeliveryLog::DeliveredType) << u"sid-1"_s << QString();
    QTest::newRow("ended without sid")
        << QString(event_type::SessionEnded) << QString() << QString();
}

void tst_BackchannelDeliveryLog::ignoresUnrelatedEvents()
{
    QFETCH(QString, type);
    QFETCH(QString, sid);
    QFETCH(QString, clientId);
    BackchannelDeliveryLog log;
    log.setBackchannelClients({u"web"_s});
    Event event;
    event.type = type;
    event.clientId = clientId;
    if (!sid.isEmpty())
        event.details.insert(u"sid"_s, sid);
    QCOMPARE(log.apply(event), QString());
    QVERIFY(!log.delivery(u"sid-1"_s, u"web"_s));
    QVERIFY(!log.ending(u"sid-1"_s));
}

void tst_BackchannelDeliveryLog::pageNoteThenEvent()
{
    // The page notes an ending it caused before the event arrives; the
    // event then neither resets a delivery that already reported nor
    // keeps the page's guess of the reason.
    BackchannelDeliveryLog log;
    log.setBackchannelClients({u"web"_s});
    log.noteEnded(u"sid-1"_s, {u"web"_s}, T0, u"guess"_s);
    QCOMPARE(log.delivery(u"sid-1"_s, u"web"_s)->state, State::Pending);
    log.apply(delivery(BackchannelDeliveryLog::DeliveredType, u"sid-1"_s, u"web"_s));
    log.apply(ended(u"sid-1"_s, {u"web"_s}, u"admin"_s));
    QCOMPARE(log.delivery(u"sid-1"_s, u"web"_s)->state, State::Delivered);
    QCOMPARE(log.ending(u"sid-1"_s)->reason, u"admin"_s);
}

void tst_BackchannelDeliveryLog::endingReasons_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("says");
    QTest::newRow("admin") << u"admin"_s << u"by an administrator"_s;
    QTest::newRow("logout") << u"logout"_s << u"signed out"_s;
    QTest::newRow("expired") << u"expired"_s << u"Expired"_s;
    QTest::newRow("replaced") << u"replaced"_s << u"another account"_s;
    QTest::newRow("unknown") << u"whatever"_s << u"Ended at"_s;
}

void tst_BackchannelDeliveryLog::endingReasons()
{
    QFETCH(QString, reason);
    QFETCH(QString, says);
    const QString text =
        BackchannelDeliveryLog::describe(BackchannelDeliveryLog::Ending{T0, reason});
    QVERIFY2(text.contains(says), qPrintable(text));
}

void tst_BackchannelDeliveryLog::forgetsOldSessions()
{
    BackchannelDeliveryLog log;
    log.setBackchannelClients({u"web"_s});
    for (int i = 0; i <= BackchannelDeliveryLog::MaxSessions; ++i)
        log.apply(ended(u"sid-%1"_s.arg(i), {u"web"_s}));
    QVERIFY(!log.ending(u"sid-0"_s));
    QVERIFY(!log.delivery(u"sid-0"_s, u"web"_s));
    QVERIFY(log.ending(u"sid-1"_s));
    QVERIFY(log.ending(u"sid-%1"_s.arg(BackchannelDeliveryLog::MaxSessions)));
}

QTEST_GUILESS_MAIN(tst_BackchannelDeliveryLog)
#include "tst_backchanneldeliverylog.moc"
