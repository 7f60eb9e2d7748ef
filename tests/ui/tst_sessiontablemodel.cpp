// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/SessionTableModel.h"
#include "sessions/UserAgentSummary.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::ui::SessionClient;
using lanyard::ui::SessionTableModel;
using lanyard::ui::UserAgentSummary;

namespace {

const QDateTime Now = QDateTime(QDate(2024, 5, 14), QTime(12, 0)).toUTC();
const QString Firefox = u"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"_s;

SessionInfo session(const QString &id, const QString &username, qint64 startedMinutesAgo,
                    QStringList clients = {})
{
    SessionInfo info;
    info.id = id;
    info.subject = u"sub-"_s + username;
    info.username = username;
    info.createdAt = Now.addSecs(-startedMinutesAgo * 60);
    info.authTime = info.createdAt;
    info.lastActiveAt = info.createdAt.addSecs(60);
    info.expiresAt = Now.addDays(14);
    info.sourceAddress = u"192.0.2.10"_s;
    info.userAgent = Firefox;
    info.clientIds = std::move(clients);
    return info;
}

QString text(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

} // namespace

class tst_SessionTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesTheModelTester();
    void columnsShowTheSession();
    void updatesRowByRow();
    void filterMatchesEveryField_data();
    void filterMatchesEveryField();
    void sortsByTime();
    void userAgentSummary_data();
    void userAgentSummary();
};

void tst_SessionTableModel::passesTheModelTester()
{
    SessionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(SessionTableModel::SortRole);
    proxy.setFilterRole(SessionTableModel::FilterRole);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.sort(SessionTableModel::LastActivity, Qt::DescendingOrder);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNow(Now);
    model.setSessions({session(u"s1"_s, u"alice"_s, 30)});
    model.setSessions({session(u"s2"_s, u"bob"_s, 5), session(u"s1"_s, u"alice"_s, 30)});
    SessionInfo touched = session(u"s1"_s, u"alice"_s, 30, {u"web"_s});
    touched.lastActiveAt = Now;
    model.setSessions({session(u"s2"_s, u"bob"_s, 5), touched});
    model.setClients({{u"web"_s, SessionClient{u"web"_s, u"Intranet"_s, true}}});
    proxy.setFilterFixedString(u"intranet"_s);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterFixedString(QString());
    model.setSessions({session(u"s2"_s, u"bob"_s, 5)});
    model.setNow(Now.addSecs(60));
    model.setSessions({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_SessionTableModel::columnsShowTheSession()
{
    SessionTableModel model;
    model.setNow(Now);
    model.setClients({{u"web"_s, SessionClient{u"web"_s, u"Intranet"_s, true}},
                      {u"wiki"_s, SessionClient{u"wiki"_s, QString(), false}}});
    SessionInfo alice = session(u"s1"_s, u"alice"_s, 30, {u"web"_s, u"wiki"_s, u"gone"_s});
    SessionInfo orphan = session(u"s2"_s, QString(), 60 * 24 * 3);
    orphan.userAgent.clear();
    model.setSessions({alice, orphan});
    QCOMPARE(model.columnCount(), int(SessionTableModel::ColumnCount));

    QCOMPARE(text(model, 0, SessionTableModel::Account), u"alice"_s);
    QVERIFY(text(model, 0, SessionTableModel::Account, Qt::ToolTipRole).contains(u"sub-alice"_s));
    // Today: "Today" and the time; other days: the date too.
    QVERIFY(text(model, 0, SessionTableModel::Started).startsWith(u"Today"_s));
    QVERIFY(!text(model, 1, SessionTableModel::Started).startsWith(u"Today"_s));
    QVERIFY(text(model, 0, SessionTableModel::LastActivity, Qt::ToolTipRole)
                .contains(alice.lastActiveAt.toString(Qt::ISODate)));
    QCOMPARE(text(model, 0, SessionTableModel::SourceAddress), u"192.0.2.10"_s);
    // The user agent is shortened; the tooltip has all of it.
    QCOMPARE(text(model, 0, SessionTableModel::UserAgent), u"Firefox 128 on Linux"_s);
    QCOMPARE(text(model, 0, SessionTableModel::UserAgent, Qt::ToolTipRole), Firefox);
    // Clients by name where they have one, by id otherwise (also when deleted).
    QCOMPARE(text(model, 0, SessionTableModel::Clients), u"Intranet, wiki, gone"_s);
    QVERIFY(
        text(model, 0, SessionTableModel::Clients, Qt::ToolTipRole).contains(u"Intranet (web)"_s));

    // A deleted account, no user agent, no clients.
    QVERIFY(text(model, 1, SessionTableModel::Account).contains(u"sub-"_s));
    QCOMPARE(text(model, 1, SessionTableModel::UserAgent), u"Unknown"_s);
    QCOMPARE(text(model, 1, SessionTableModel::Clients), u"None yet"_s);

    QCOMPARE(text(model, 1, SessionTableModel::Clients, SessionTableModel::SessionIdRole), u"s2"_s);
    QCOMPARE(text(model, 0, SessionTableModel::Clients, SessionTableModel::SubjectRole),
             u"sub-alice"_s);
    QCOMPARE(model.rowOf(u"s2"_s), 1);
    QCOMPARE(model.rowOf(u"s3"_s), -1);
    QCOMPARE(model.sessionCount(u"sub-alice"_s), 1);
    QCOMPARE(model.sessionCount(u"sub-bob"_s), 0);
}

void tst_SessionTableModel::updatesRowByRow()
{
    SessionTableModel model;
    model.setNow(Now);
    model.setSessions({session(u"s2"_s, u"bob"_s, 5), session(u"s1"_s, u"alice"_s, 30)});
    const QPersistentModelIndex alice(model.index(1, SessionTableModel::Account));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // A new sign-in arrives at the top.
    model.setSessions({session(u"s3"_s, u"alice"_s, 1), session(u"s2"_s, u"bob"_s, 5),
                       session(u"s1"_s, u"alice"_s, 30)});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(model.sessionCount(u"sub-alice"_s), 2);
    QCOMPARE(alice.row(), 2);
    QCOMPARE(changed.count(), 0);

    // A client takes part in s1: one row changes.
    model.setSessions({session(u"s3"_s, u"alice"_s, 1), session(u"s2"_s, u"bob"_s, 5),
                       session(u"s1"_s, u"alice"_s, 30, {u"web"_s})});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);
    QCOMPARE(text(model, 2, SessionTableModel::Clients), u"web"_s);

    // Bob's session ends.
    model.setSessions(
        {session(u"s3"_s, u"alice"_s, 1), session(u"s1"_s, u"alice"_s, 30, {u"web"_s})});
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 1);
    QCOMPARE(reset.count(), 0);
    QVERIFY(alice.isValid());
    QCOMPARE(alice.data(SessionTableModel::SessionIdRole).toString(), u"s1"_s);
}

void tst_SessionTableModel::filterMatchesEveryField_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("username") << u"ALI"_s << QStringList{u"s1"_s};
    QTest::newRow("subject") << u"sub-bob"_s << QStringList{u"s2"_s};
    QTest::newRow("address") << u"198.51.100"_s << QStringList{u"s2"_s};
    QTest::newRow("full user agent") << u"Gecko/2010"_s << QStringList{u"s1"_s};
    QTest::newRow("summary") << u"Safari 17"_s << QStringList{u"s2"_s};
    QTest::newRow("client id") << u"wiki"_s << QStringList{u"s2"_s};
    QTest::newRow("client name") << u"intranet"_s << QStringList{u"s1"_s};
    QTest::newRow("nothing") << u"carol"_s << QStringList{};
    QTest::newRow("empty") << QString() << QStringList{u"s1"_s, u"s2"_s};
}

void tst_SessionTableModel::filterMatchesEveryField()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, expected);
    SessionTableModel model;
    model.setNow(Now);
    model.setClients({{u"web"_s, SessionClient{u"web"_s, u"Intranet"_s, true}}});
    SessionInfo bob = session(u"s2"_s, u"bob"_s, 5, {u"wiki"_s});
    bob.sourceAddress = u"198.51.100.7"_s;
    bob.userAgent = u"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
                    "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"_s;
    model.setSessions({session(u"s1"_s, u"alice"_s, 30, {u"web"_s}), bob});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterRole(SessionTableModel::FilterRole);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterFixedString(filter);
    QStringList shown;
    for (int row = 0; row < proxy.rowCount(); ++row)
        shown.append(proxy.index(row, 0).data(SessionTableModel::SessionIdRole).toString());
    shown.sort();
    QCOMPARE(shown, expected);
}

void tst_SessionTableModel::sortsByTime()
{
    SessionTableModel model;
    model.setNow(Now);
    SessionInfo december = session(u"dec"_s, u"alice"_s, 0);
    december.lastActiveAt = QDateTime(QDate(2023, 12, 1), QTime(9, 0), Qt::UTC);
    SessionInfo february = session(u"feb"_s, u"bob"_s, 0);
    february.lastActiveAt = QDateTime(QDate(2024, 2, 1), QTime(9, 0), Qt::UTC);
    model.setSessions({december, february});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(SessionTableModel::SortRole);
    proxy.sort(SessionTableModel::LastActivity, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data(SessionTableModel::SessionIdRole).toString(), u"feb"_s);
}

void tst_SessionTableModel::userAgentSummary_data()
{
    QTest::addColumn<QString>("userAgent");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Firefox on Linux") << Firefox << u"Firefox 128 on Linux"_s;
    QTest::newRow("Chrome on Windows")
        << u"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/124.0.0.0 Safari/537.36"_s
        << u"Chrome 124 on Windows"_s;
    QTest::newRow("Edge, not Chrome")
        << u"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51"_s
        << u"Edge 124 on Windows"_s;
    QTest::newRow("Safari on macOS")
        << u"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4_1) AppleWebKit/605.1.15 (KHTML, like "
           "Gecko) Version/17.4.1 Safari/605.1.15"_s
        << u"Safari 17 on macOS"_s;
    QTest::newRow("Safari on iPhone, not macOS")
        << u"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
           "like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"_s
        << u"Safari 17 on iOS"_s;
    QTest::newRow("Chrome on Android, not Linux")
        << u"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/124.0.6367.82 Mobile Safari/537.36"_s
        << u"Chrome 124 on Android"_s;
    QTest::newRow("curl") << u"curl/8.5.0"_s << u"curl 8"_s;
    QTest::newRow("an unknown tool") << u"lanyard-tests/2.1"_s << u"lanyard-tests 2"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("blank") << u"   "_s << QString();
    QTest::newRow("unrecognised and long")
        << u"SomethingWithoutVersion and a very long tail that goes on and on"_s
        << u"SomethingWithoutVersion and a very long…"_s;
    QTest::newRow("unrecognised and short") << u"(none)"_s << u"(none)"_s;
}

void tst_SessionTableModel::userAgentSummary()
{
    QFETCH(QString, userAgent);
    QFETCH(QString, expected);
    const QString summary = UserAgentSummary::summarize(userAgent);
    QCOMPARE(summary, expected);
    QVERIFY(summary.size() <= UserAgentSummary::MaxLength);
}

QTEST_MAIN(tst_SessionTableModel)
#include "tst_sessiontablemodel.moc"
