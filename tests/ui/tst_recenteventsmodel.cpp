// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview/RecentEventsModel.h"

#include "events/EventTypes.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::ui::RecentEventsModel;

namespace {

Event makeEvent(qint64 id, QLatin1StringView type = event_type::LoginSucceeded, bool success = true)
{
    Event e;
    e.id = id;
    e.time = QDateTime(QDate(2024, 3, 5), QTime(14, 0), Qt::UTC).addSecs(id);
    e.type = QString(type);
    e.success = success;
    e.username = u"user%1"_s.arg(id);
    e.subject = u"sub-%1"_s.arg(id);
    e.clientId = u"client%1"_s.arg(id);
    return e;
}

QList<qint64> ids(const RecentEventsModel &model)
{
    QList<qint64> result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, 0).data(RecentEventsModel::IdRole).toLongLong());
    return result;
}

} // namespace

class tst_RecentEventsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newestFirstWhateverTheOrder_data();
    void newestFirstWhateverTheOrder();
    void duplicatesAreShownOnce();
    void olderThanAFullListIsIgnored();
    void liveEventsPushTheOldestOut();
    void columns();
    void failuresAreMarked();
    void accountFallsBackToTheSubject();
};

void tst_RecentEventsModel::newestFirstWhateverTheOrder_data()
{
    QTest::addColumn<QList<qint64>>("added");
    QTest::addColumn<QList<qint64>>("shown");

    QTest::newRow("query order (newest first)") << QList<qint64>{5, 4, 3} << QList<qint64>{5, 4, 3};
    QTest::newRow("live order (oldest first)") << QList<qint64>{3, 4, 5} << QList<qint64>{5, 4, 3};
    QTest::newRow("mixed") << QList<qint64>{4, 9, 1, 7} << QList<qint64>{9, 7, 4};
    QTest::newRow("capacity kept") << QList<qint64>{1, 2, 3, 4, 5, 6} << QList<qint64>{6, 5, 4};
    QTest::newRow("capacity, newest first")
        << QList<qint64>{6, 5, 4, 3, 2, 1} << QList<qint64>{6, 5, 4};
    QTest::newRow("duplicates") << QList<qint64>{2, 2, 1, 2, 1} << QList<qint64>{2, 1};
    QTest::newRow("unrecorded on top") << QList<qint64>{3, 0, 5} << QList<qint64>{0, 5, 3};
    QTest::newRow("nothing") << QList<qint64>{} << QList<qint64>{};
}

void tst_RecentEventsModel::newestFirstWhateverTheOrder()
{
    QFETCH(QList<qint64>, added);
    QFETCH(QList<qint64>, shown);
    RecentEventsModel model(3);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<Event> events;
    for (qint64 id : added)
        events.append(makeEvent(id));
    model.addEvents(events);
    QCOMPARE(ids(model), shown);
}

void tst_RecentEventsModel::duplicatesAreShownOnce()
{
    RecentEventsModel model(10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addEvents({makeEvent(1), makeEvent(2)});
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    // The first query and a live batch overlap.
    model.addEvents({makeEvent(2), makeEvent(1)});
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(ids(model), (QList<qint64>{2, 1}));
}

void tst_RecentEventsModel::olderThanAFullListIsIgnored()
{
    RecentEventsModel model(2);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addEvents({makeEvent(10), makeEvent(11)});
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.addEvents({makeEvent(3)});
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(ids(model), (QList<qint64>{11, 10}));
}

void tst_RecentEventsModel::liveEventsPushTheOldestOut()
{
    RecentEventsModel model(3);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addEvents({makeEvent(1), makeEvent(2), makeEvent(3)});
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.addEvents({makeEvent(4)});
    // One row in at the top, one row out at the bottom; no reset.
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 3);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(ids(model), (QList<qint64>{4, 3, 2}));
}

void tst_RecentEventsModel::columns()
{
    RecentEventsModel model(5);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addEvents({makeEvent(7, event_type::AdminChanged)});
    QCOMPARE(model.columnCount(), int(RecentEventsModel::ColumnCount));
    QCOMPARE(model.headerData(RecentEventsModel::Type, Qt::Horizontal).toString(), u"Event"_s);
    QCOMPARE(model.index(0, RecentEventsModel::Type).data().toString(), u"admin.changed"_s);
    QCOMPARE(model.index(0, RecentEventsModel::Account).data().toString(), u"user7"_s);
    QCOMPARE(model.index(0, RecentEventsModel::Client).data().toString(), u"client7"_s);
    QVERIFY(!model.index(0, RecentEventsModel::Time).data().toString().isEmpty());
    QVERIFY(!model.index(0, RecentEventsModel::Time).data(Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
    QVERIFY(!model.index(1, 0).isValid());
}

void tst_RecentEventsModel::failuresAreMarked()
{
    RecentEventsModel model(5);
    model.addEvents({makeEvent(1, event_type::LoginFailed, false), makeEvent(2)});
    const QModelIndex failed = model.index(1, RecentEventsModel::Type);
    const QModelIndex ok = model.index(0, RecentEventsModel::Type);
    QCOMPARE(failed.data().toString(), u"login.failed"_s);
    QVERIFY(failed.data(Qt::ForegroundRole).isValid());
    QVERIFY(!ok.data(Qt::ForegroundRole).isValid());
    QVERIFY(failed.data(Qt::ToolTipRole).toString().contains(u"failed"_s));
}

void tst_RecentEventsModel::accountFallsBackToTheSubject()
{
    RecentEventsModel model(5);
    Event e = makeEvent(1);
    e.username.clear();
    model.addEvents({e});
    QCOMPARE(model.index(0, RecentEventsModel::Account).data().toString(), u"sub-1"_s);
}

QTEST_MAIN(tst_RecentEventsModel)
#include "tst_recenteventsmodel.moc"
