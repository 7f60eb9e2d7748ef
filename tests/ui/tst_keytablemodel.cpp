// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/KeyPhase.h"
#include "keys/KeyTableModel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::ui::KeyPhase;
using lanyard::ui::KeyRow;
using lanyard::ui::KeyTableModel;

Q_DECLARE_METATYPE(QList<lanyard::ui::KeyRow>)

namespace {

// Local noon, so "today" holds for every offset used below.
const QDateTime Now = QDateTime(QDate(2024, 5, 14), QTime(12, 0)).toUTC();

KeyRow key(const QString &kid, const QString &alg, KeyState state)
{
    KeyRow row;
    row.kid = kid;
    row.alg = alg;
    row.state = state;
    row.createdAt = Now.addSecs(-7200);
    switch (state) {
    case KeyState::Next:
        row.createdAt = Now.addSecs(-120);
        row.signsFrom = Now.addSecs(540);
        break;
    case KeyState::Active:
        row.activatedAt = Now.addSecs(-3600);
        row.signsFrom = row.activatedAt;
        break;
    case KeyState::Retired:
        row.activatedAt = Now.addSecs(-7000);
        row.signsFrom = row.activatedAt;
        row.retiredAt = Now.addSecs(-600);
        row.publishedUntil = Now.addSecs(3300);
        break;
    }
    return row;
}

QString text(const KeyTableModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

const QString LongKid = u"NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"_s;

} // namespace

class tst_KeyTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesTheModelTester();
    void columnsShowTheKey();
    void statesAreDistinct();
    void phase_data();
    void phase();
    void countdownMovesWithNow();
    void updatesRowByRow();
    void sortsByTimeNotText();
    void durationText_data();
    void durationText();
};

void tst_KeyTableModel::passesTheModelTester()
{
    KeyTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(KeyTableModel::SortRole);
    proxy.sort(KeyTableModel::Created);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNow(Now);
    model.setKeys({key(u"rs-1"_s, u"RS256"_s, KeyState::Active)});
    model.setKeys({key(u"rs-1"_s, u"RS256"_s, KeyState::Active),
                   key(u"es-1"_s, u"ES256"_s, KeyState::Active),
                   key(u"rs-2"_s, u"RS256"_s, KeyState::Next)});
    model.setKeys({key(u"rs-1"_s, u"RS256"_s, KeyState::Retired),
                   key(u"es-1"_s, u"ES256"_s, KeyState::Active),
                   key(u"rs-2"_s, u"RS256"_s, KeyState::Active)});
    model.setKeys({key(u"es-1"_s, u"ES256"_s, KeyState::Active),
                   key(u"rs-2"_s, u"RS256"_s, KeyState::Active)});
    model.setNow(Now.addSecs(60));
    model.setKeys({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_KeyTableModel::columnsShowTheKey()
{
    KeyTableModel model;
    model.setNow(Now);
    KeyRow retired = key(LongKid, u"RS256"_s, KeyState::Retired);
    KeyRow waiting = key(u"rs-2"_s, u"RS256"_s, KeyState::Next);
    model.setKeys({retired, waiting});
    QCOMPARE(model.columnCount(), int(KeyTableModel::ColumnCount));

    // The kid is shortened in the cell, whole in the tooltip and KidRole.
    QVERIFY(text(model, 0, KeyTableModel::Kid).size() < LongKid.size());
    QVERIFY(LongKid.startsWith(text(model, 0, KeyTableModel::Kid).chopped(1)));
    QCOMPARE(text(model, 0, KeyTableModel::Kid, Qt::ToolTipRole), LongKid);
    QCOMPARE(text(model, 0, KeyTableModel::Phase, KeyTableModel::KidRole), LongKid);
    QCOMPARE(text(model, 0, KeyTableModel::Algorithm), u"RS256"_s);
    QCOMPARE(text(model, 0, KeyTableModel::State), u"Retired"_s);
    QCOMPARE(text(model, 0, KeyTableModel::Created), KeyPhase::timeText(retired.createdAt, Now));
    QCOMPARE(text(model, 0, KeyTableModel::SignsFrom),
             KeyPhase::timeText(retired.activatedAt, Now));
    QCOMPARE(text(model, 0, KeyTableModel::Retired), KeyPhase::timeText(retired.retiredAt, Now));
    QCOMPARE(text(model, 0, KeyTableModel::PublishedUntil),
             KeyPhase::timeText(retired.publishedUntil, Now));
    QVERIFY(text(model, 0, KeyTableModel::PublishedUntil, Qt::ToolTipRole)
                .contains(retired.publishedUntil.toString(Qt::ISODate)));

    // A next key: "signs from" is when it will sign; nothing retired yet.
    QCOMPARE(text(model, 1, KeyTableModel::State), u"Next"_s);
    QCOMPARE(text(model, 1, KeyTableModel::SignsFrom), KeyPhase::timeText(waiting.signsFrom, Now));
    QVERIFY(
        text(model, 1, KeyTableModel::SignsFrom, Qt::ToolTipRole).contains(u"Starts signing"_s));
    QVERIFY(text(model, 1, KeyTableModel::Retired).isEmpty());
    QVERIFY(text(model, 1, KeyTableModel::PublishedUntil).isEmpty());
    QCOMPARE(model.data(model.index(1, 0), KeyTableModel::StateRole).toInt(), int(KeyState::Next));
    QCOMPARE(model.rowOf(u"rs-2"_s), 1);
    QCOMPARE(model.rowOf(u"nope"_s), -1);
    QCOMPARE(model.headerData(KeyTableModel::SignsFrom, Qt::Horizontal).toString(),
             u"Activated / signs from"_s);
}

void tst_KeyTableModel::statesAreDistinct()
{
    KeyTableModel model;
    model.setNow(Now);
    model.setKeys({key(u"a"_s, u"RS256"_s, KeyState::Active),
                   key(u"n"_s, u"RS256"_s, KeyState::Next),
                   key(u"r"_s, u"RS256"_s, KeyState::Retired)});
    QSet<QString> names;
    for (int row = 0; row < 3; ++row) {
        names.insert(text(model, row, KeyTableModel::State));
        const QIcon icon =
            model.data(model.index(row, KeyTableModel::State), Qt::DecorationRole).value<QIcon>();
        QVERIFY(!icon.isNull());
        // Only the state column carries the badge.
        QVERIFY(!model.data(model.index(row, KeyTableModel::Kid), Qt::DecorationRole).isValid());
    }
    QCOMPARE(names.size(), 3);
    // Three different pictures, not one picture in three colours only.
    QImage active = model.data(model.index(0, KeyTableModel::State), Qt::DecorationRole)
                        .value<QIcon>()
                        .pixmap(32, 32)
                        .toImage();
    QImage next = model.data(model.index(1, KeyTableModel::State), Qt::DecorationRole)
                      .value<QIcon>()
                      .pixmap(32, 32)
                      .toImage();
    QImage retired = model.data(model.index(2, KeyTableModel::State), Qt::DecorationRole)
                         .value<QIcon>()
                         .pixmap(32, 32)
                         .toImage();
    QVERIFY(active != next);
    QVERIFY(next != retired);
    QVERIFY(active != retired);
    // Retired rows are dimmed; the active state stands out.
    QVERIFY(model.data(model.index(2, KeyTableModel::Kid), Qt::ForegroundRole).isValid());
    QVERIFY(!model.data(model.index(0, KeyTableModel::Kid), Qt::ForegroundRole).isValid());
    QVERIFY(model.data(model.index(0, KeyTableModel::State), Qt::FontRole).value<QFont>().bold());
}

void tst_KeyTableModel::phase_data()
{
    QTest::addColumn<QList<KeyRow>>("keys");
    QTest::addColumn<QString>("kid");
    QTest::addColumn<QString>("expected");

    const KeyRow active = key(u"rs-1"_s, u"RS256"_s, KeyState::Active);
    const KeyRow waiting = key(u"rs-2"_s, u"RS256"_s, KeyState::Next);
    KeyRow due = waiting;
    due.signsFrom = Now.addSecs(-30);
    const KeyRow retired = key(u"rs-0"_s, u"RS256"_s, KeyState::Retired);
    KeyRow expired = retired;
    expired.publishedUntil = Now.addSecs(-5);
    KeyRow older = key(u"rs-old"_s, u"RS256"_s, KeyState::Active);
    older.activatedAt = Now.addSecs(-9000);
    older.signsFrom = older.activatedAt;
    const QString at = [] {
        return QLocale().toString(Now.addSecs(540).toLocalTime().time(), QLocale::ShortFormat);
    }();

    QTest::newRow("next: published, signs later")
        << QList<KeyRow>{active, waiting} << u"rs-2"_s
        << u"Published, signs from %1 (in 9 min)"_s.arg(at);
    QTest::newRow("next: due") << QList<KeyRow>{active, due} << u"rs-2"_s
                               << u"Published, starts signing at the next maintenance run"_s;
    QTest::newRow("active: alone")
        << QList<KeyRow>{active} << u"rs-1"_s
        << u"Signing since %1"_s.arg(
               QLocale().toString(active.activatedAt.toLocalTime().time(), QLocale::ShortFormat));
    QTest::newRow("active: successor waiting")
        << QList<KeyRow>{active, waiting} << u"rs-1"_s
        << u"Signing until %1 (in 9 min), then retires"_s.arg(at);
    QTest::newRow("active: successor due")
        << QList<KeyRow>{active, due} << u"rs-1"_s
        << u"Signing until the next maintenance run, then retires"_s;
    QTest::newRow("active: a newer key signs")
        << QList<KeyRow>{older, active} << u"rs-old"_s
        << u"Published, not signing: the newer RS256 key rs-1 signs"_s;
    QTest::newRow("retired: still published")
        << QList<KeyRow>{active, retired} << u"rs-0"_s
        << u"Retired, published until %1 (55 min more)"_s.arg(QLocale().toString(
               retired.publishedUntil.toLocalTime().time(), QLocale::ShortFormat));
    QTest::newRow("retired: past its publication")
        << QList<KeyRow>{active, expired} << u"rs-0"_s
        << u"Retired, leaves the JWKS at the next maintenance run"_s;
}

void tst_KeyTableModel::phase()
{
    QFETCH(QList<KeyRow>, keys);
    QFETCH(QString, kid);
    QFETCH(QString, expected);
    KeyTableModel model;
    model.setNow(Now);
    model.setKeys(keys);
    const int row = model.rowOf(kid);
    QVERIFY(row >= 0);
    QCOMPARE(text(model, row, KeyTableModel::Phase), expected);
}

void tst_KeyTableModel::countdownMovesWithNow()
{
    KeyTableModel model;
    model.setNow(Now);
    model.setKeys(
        {key(u"rs-1"_s, u"RS256"_s, KeyState::Active), key(u"rs-2"_s, u"RS256"_s, KeyState::Next)});
    QVERIFY(text(model, 1, KeyTableModel::Phase).contains(u"(in 9 min)"_s));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setNow(Now.addSecs(5 * 60));
    QCOMPARE(changed.count(), 1);
    QVERIFY(text(model, 1, KeyTableModel::Phase).contains(u"(in 4 min)"_s));
    QVERIFY(text(model, 0, KeyTableModel::Phase).contains(u"(in 4 min)"_s));
    // The tooltip names the successor.
    QVERIFY(text(model, 0, KeyTableModel::Phase, Qt::ToolTipRole).contains(u"rs-2 takes over"_s));
}

void tst_KeyTableModel::updatesRowByRow()
{
    KeyTableModel model;
    model.setNow(Now);
    model.setKeys({key(u"rs-1"_s, u"RS256"_s, KeyState::Active),
                   key(u"es-1"_s, u"ES256"_s, KeyState::Active)});
    const QPersistentModelIndex es(model.index(1, KeyTableModel::State));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // A rotation: a new row at the end, the others stay where they are.
    model.setKeys({key(u"rs-1"_s, u"RS256"_s, KeyState::Active),
                   key(u"es-1"_s, u"ES256"_s, KeyState::Active),
                   key(u"rs-2"_s, u"RS256"_s, KeyState::Next)});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 2);
    QCOMPARE(model.keyAt(2).kid, u"rs-2"_s);

    // The promotion: states change in place.
    model.setKeys({key(u"rs-1"_s, u"RS256"_s, KeyState::Retired),
                   key(u"es-1"_s, u"ES256"_s, KeyState::Active),
                   key(u"rs-2"_s, u"RS256"_s, KeyState::Active)});
    QCOMPARE(text(model, 0, KeyTableModel::State), u"Retired"_s);
    QCOMPARE(text(model, 2, KeyTableModel::State), u"Active"_s);

    // The removal of the retired key.
    model.setKeys({key(u"es-1"_s, u"ES256"_s, KeyState::Active),
                   key(u"rs-2"_s, u"RS256"_s, KeyState::Active)});
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 0);
    QCOMPARE(reset.count(), 0);
    QVERIFY(es.isValid());
    QCOMPARE(es.row(), 0);
    QCOMPARE(es.data(KeyTableModel::KidRole).toString(), u"es-1"_s);

    // The same listing again changes nothing.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setKeys(model.keys());
    QCOMPARE(changed.count(), 0);
}

void tst_KeyTableModel::sortsByTimeNotText()
{
    KeyTableModel model;
    model.setNow(Now);
    KeyRow december = key(u"dec"_s, u"RS256"_s, KeyState::Active);
    december.createdAt = QDateTime(QDate(2023, 12, 1), QTime(9, 0), Qt::UTC);
    KeyRow february = key(u"feb"_s, u"ES256"_s, KeyState::Active);
    february.createdAt = QDateTime(QDate(2024, 2, 1), QTime(9, 0), Qt::UTC);
    model.setKeys({february, december});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(KeyTableModel::SortRole);
    proxy.sort(KeyTableModel::Created, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data(KeyTableModel::KidRole).toString(), u"dec"_s);
    proxy.sort(KeyTableModel::Created, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data(KeyTableModel::KidRole).toString(), u"feb"_s);
}

void tst_KeyTableModel::durationText_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("30 s") << qint64(30) << u"less than a minute"_s;
    QTest::newRow("60 s") << qint64(60) << u"1 min"_s;
    QTest::newRow("61 s rounds up") << qint64(61) << u"2 min"_s;
    QTest::newRow("11 min") << qint64(660) << u"11 min"_s;
    QTest::newRow("2 h") << qint64(7200) << u"2 h"_s;
    QTest::newRow("2 h 5 min") << qint64(7500) << u"2 h 5 min"_s;
    QTest::newRow("3 days") << qint64(3 * 86400 + 100) << u"3 day"_s;
}

void tst_KeyTableModel::durationText()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    // Plural forms come from the translation: compare the words before them.
    QVERIFY2(KeyPhase::durationText(seconds).startsWith(expected),
             qPrintable(KeyPhase::durationText(seconds)));
}

QTEST_MAIN(tst_KeyTableModel)
#include "tst_keytablemodel.moc"
