// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview/SignInHistogram.h"

#include <QTest>

using namespace Qt::StringLiterals;
using lanyard::ui::SignInHistogram;

namespace {

/// 2024-03-05 14:30:20 UTC: twenty seconds into a minute.
QDateTime referenceNow()
{
    return QDateTime(QDate(2024, 3, 5), QTime(14, 30, 20), Qt::UTC);
}

} // namespace

class tst_SignInHistogram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowIsWholeMinutesEndingWithTheCurrentOne();
    void bucketing_data();
    void bucketing();
    void refusedTimes_data();
    void refusedTimes();
    void oldMinutesDropOutWhenTimeMovesOn();
    void eventsAheadOfTheClockAppearWhenTheirMinuteComes();
    void clockGoingBackDoesNotResurrectDroppedMinutes();
    void otherTimeZonesCountByTheirInstant();
    void totalsAndMaximum();
    void clearForgetsEverything();
    void invalidNowIsIgnored();
    void atLeastOneMinute();
};

void tst_SignInHistogram::windowIsWholeMinutesEndingWithTheCurrentOne()
{
    const SignInHistogram histogram(60, referenceNow());
    const auto buckets = histogram.buckets();
    QCOMPARE(buckets.size(), 60);
    QCOMPARE(buckets.last().start, QDateTime(QDate(2024, 3, 5), QTime(14, 30), Qt::UTC));
    QCOMPARE(buckets.first().start, QDateTime(QDate(2024, 3, 5), QTime(13, 31), Qt::UTC));
    QCOMPARE(histogram.windowStart(), buckets.first().start);
    for (int i = 1; i < buckets.size(); ++i)
        QCOMPARE(buckets.at(i - 1).start.secsTo(buckets.at(i).start), 60);
    for (const auto &bucket : buckets) {
        QCOMPARE(bucket.succeeded, 0);
        QCOMPARE(bucket.failed, 0);
    }
}

void tst_SignInHistogram::bucketing_data()
{
    QTest::addColumn<int>("offsetSecs"); // from referenceNow() (14:30:20)
    QTest::addColumn<bool>("succeeded");
    QTest::addColumn<int>("bucket"); // index in buckets(); 59 is the current minute

    QTest::newRow("now") << 0 << true << 59;
    QTest::newRow("start of the current minute") << -20 << true << 59;
    QTest::newRow("end of the current minute") << 39 << false << 59;
    QTest::newRow("last second of the previous minute") << -21 << true << 58;
    QTest::newRow("failed, ten minutes ago") << -600 << false << 49;
    QTest::newRow("oldest minute, first second") << -20 - 59 * 60 << true << 0;
    QTest::newRow("oldest minute, last second") << -20 - 58 * 60 - 1 << false << 0;
    QTest::newRow("59 minutes ago") << -59 * 60 << true << 0;
}

void tst_SignInHistogram::bucketing()
{
    QFETCH(int, offsetSecs);
    QFETCH(bool, succeeded);
    QFETCH(int, bucket);
    SignInHistogram histogram(60, referenceNow());
    QVERIFY(histogram.add(referenceNow().addSecs(offsetSecs), succeeded));
    const auto buckets = histogram.buckets();
    for (int i = 0; i < buckets.size(); ++i) {
        const int expectedSucceeded = (i == bucket && succeeded) ? 1 : 0;
        const int expectedFailed = (i == bucket && !succeeded) ? 1 : 0;
        QCOMPARE(buckets.at(i).succeeded, expectedSucceeded);
        QCOMPARE(buckets.at(i).failed, expectedFailed);
    }
}

void tst_SignInHistogram::refusedTimes_data()
{
    QTest::addColumn<QDateTime>("time");

    const QDateTime now = referenceNow();
    QTest::newRow("invalid") << QDateTime();
    QTest::newRow("just before the window") << now.addSecs(-20 - 59 * 60 - 1);
    QTest::newRow("an hour ago") << now.addSecs(-3600);
    QTest::newRow("yesterday") << now.addDays(-1);
    QTest::newRow("epoch") << QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    QTest::newRow("before the epoch") << QDateTime(QDate(1960, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("one window ahead") << now.addSecs(-20 + 60 * 60);
    QTest::newRow("a day ahead") << now.addDays(1);
}

void tst_SignInHistogram::refusedTimes()
{
    QFETCH(QDateTime, time);
    SignInHistogram histogram(60, referenceNow());
    QVERIFY(!histogram.add(time, true));
    QVERIFY(!histogram.add(time, false));
    QCOMPARE(histogram.totalSucceeded(), 0);
    QCOMPARE(histogram.totalFailed(), 0);
    // Nothing shows up later either.
    histogram.setNow(referenceNow().addSecs(3600));
    QCOMPARE(histogram.totalSucceeded() + histogram.totalFailed(), 0);
}

void tst_SignInHistogram::oldMinutesDropOutWhenTimeMovesOn()
{
    SignInHistogram histogram(60, referenceNow());
    QVERIFY(histogram.add(referenceNow().addSecs(-59 * 60), true)); // oldest minute
    QVERIFY(histogram.add(referenceNow().addSecs(-30 * 60), false));
    QVERIFY(histogram.add(referenceNow(), true));
    QCOMPARE(histogram.totalSucceeded(), 2);
    QCOMPARE(histogram.totalFailed(), 1);

    // Into the next minute: the oldest minute leaves the window.
    histogram.setNow(referenceNow().addSecs(40));
    QCOMPARE(histogram.totalSucceeded(), 1);
    QCOMPARE(histogram.totalFailed(), 1);
    QCOMPARE(histogram.buckets().at(58).succeeded, 1); // now's minute moved left by one
    QCOMPARE(histogram.buckets().last().succeeded, 0);

    // Half an hour on: the failure goes too.
    histogram.setNow(referenceNow().addSecs(40 + 30 * 60));
    QCOMPARE(histogram.totalFailed(), 0);
    QCOMPARE(histogram.totalSucceeded(), 1);

    // More than an hour on: nothing is left.
    histogram.setNow(referenceNow().addSecs(3600 + 60));
    QCOMPARE(histogram.totalSucceeded(), 0);
    QCOMPARE(histogram.maximum(), 0);
}

void tst_SignInHistogram::eventsAheadOfTheClockAppearWhenTheirMinuteComes()
{
    SignInHistogram histogram(60, referenceNow());
    // Another instance's clock is two minutes ahead.
    QVERIFY(histogram.add(referenceNow().addSecs(120), false));
    QCOMPARE(histogram.totalFailed(), 0);
    histogram.setNow(referenceNow().addSecs(60));
    QCOMPARE(histogram.totalFailed(), 0);
    histogram.setNow(referenceNow().addSecs(120));
    QCOMPARE(histogram.totalFailed(), 1);
    QCOMPARE(histogram.buckets().last().failed, 1);
}

void tst_SignInHistogram::clockGoingBackDoesNotResurrectDroppedMinutes()
{
    SignInHistogram histogram(60, referenceNow());
    QVERIFY(histogram.add(referenceNow().addSecs(-50 * 60), true));
    QVERIFY(histogram.add(referenceNow(), false));
    histogram.setNow(referenceNow().addSecs(20 * 60)); // the first one drops out
    QCOMPARE(histogram.totalSucceeded(), 0);
    // The clock is set back (NTP correction): the current minute's failure
    // is still in the window; the dropped sign-in is gone for good.
    histogram.setNow(referenceNow());
    QCOMPARE(histogram.totalSucceeded(), 0);
    QCOMPARE(histogram.totalFailed(), 1);
    QCOMPARE(histogram.buckets().last().failed, 1);
}

void tst_SignInHistogram::otherTimeZonesCountByTheirInstant()
{
    SignInHistogram histogram(60, referenceNow());
    // 16:29:59 at UTC+2 is 14:29:59 UTC: the previous minute.
    const QDateTime eastern(QDate(2024, 3, 5), QTime(16, 29, 59), Qt::OffsetFromUTC, 2 * 3600);
    QVERIFY(histogram.add(eastern, true));
    QCOMPARE(histogram.buckets().at(58).succeeded, 1);
    // Now given in local time is the same instant.
    histogram.setNow(referenceNow().toLocalTime());
    QCOMPARE(histogram.buckets().at(58).succeeded, 1);
    QCOMPARE(histogram.buckets().last().start.timeSpec(), Qt::UTC);
}

void tst_SignInHistogram::totalsAndMaximum()
{
    SignInHistogram histogram(60, referenceNow());
    for (int i = 0; i < 3; ++i)
        QVERIFY(histogram.add(referenceNow().addSecs(-120), true));
    for (int i = 0; i < 2; ++i)
        QVERIFY(histogram.add(referenceNow().addSecs(-120), false));
    for (int i = 0; i < 4; ++i)
        QVERIFY(histogram.add(referenceNow(), false));
    QCOMPARE(histogram.totalSucceeded(), 3);
    QCOMPARE(histogram.totalFailed(), 6);
    QCOMPARE(histogram.maximum(), 5); // 3 + 2 stacked in one minute
    const auto bucket = histogram.buckets().at(57);
    QCOMPARE(bucket, (SignInHistogram::Bucket{bucket.start, 3, 2}));
}

void tst_SignInHistogram::clearForgetsEverything()
{
    SignInHistogram histogram(60, referenceNow());
    QVERIFY(histogram.add(referenceNow(), true));
    QVERIFY(histogram.add(referenceNow().addSecs(300), true)); // ahead
    histogram.clear();
    QCOMPARE(histogram.totalSucceeded(), 0);
    histogram.setNow(referenceNow().addSecs(300));
    QCOMPARE(histogram.totalSucceeded(), 0);
}

void tst_SignInHistogram::invalidNowIsIgnored()
{
    SignInHistogram histogram(60, referenceNow());
    QVERIFY(histogram.add(referenceNow(), true));
    histogram.setNow(QDateTime());
    QCOMPARE(histogram.now(), referenceNow());
    QCOMPARE(histogram.totalSucceeded(), 1);

    // Constructed without a valid clock, it refuses everything.
    SignInHistogram clockless(60, QDateTime());
    QVERIFY(!clockless.add(referenceNow(), true));
}

void tst_SignInHistogram::atLeastOneMinute()
{
    SignInHistogram histogram(0, referenceNow());
    QCOMPARE(histogram.minutes(), 1);
    QCOMPARE(histogram.buckets().size(), 1);
    QVERIFY(histogram.add(referenceNow(), true));
    QVERIFY(!histogram.add(referenceNow().addSecs(-21), true));
    QVERIFY(!histogram.add(referenceNow().addSecs(40), true));
    QCOMPARE(histogram.totalSucceeded(), 1);
}

QTEST_GUILESS_MAIN(tst_SignInHistogram)
#include "tst_signinhistogram.moc"
