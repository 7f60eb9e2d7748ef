// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventPrinter.h"

#include "events/EventBus.h"
#include "store/EventStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <limits>
#include <memory>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::app::EventPrinter;

namespace {

/// A temporary FILE for the printer, read back by contents().
class TempFile
{
public:
    TempFile() : m_file(std::tmpfile()) {}
    ~TempFile()
    {
        if (m_file)
            std::fclose(m_file);
    }
    FILE *get() const { return m_file; }
    QByteArray contents() const
    {
        std::fflush(m_file);
        std::rewind(m_file);
        QByteArray all;
        char buffer[4096];
        size_t read = 0;
        while ((read = std::fread(buffer, 1, sizeof buffer, m_file)) > 0)
            all.append(buffer, static_cast<qsizetype>(read));
        std::fseek(m_file, 0, SEEK_END);
        return all;
    }

private:
    FILE *m_file;
};

Event makeEvent(const QString &type, qint64 serial)
{
    Event e;
    e.time = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123 + serial, Qt::UTC);
    e.type = type;
    e.clientId = u"bench-service"_s;
    e.sourceAddress = u"127.0.0.1"_s;
    e.instance = u"host:42"_s;
    e.details = {{u"serial"_s, serial}};
    return e;
}

} // namespace

class TestEventPrinter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineIsTheEventsJson_data();
    void lineIsTheEventsJson();
    void printsEveryEventOnceInOrder();
    void waitsForStart();
    void stopWithoutStartPrintsWhatWasQueued();
    void eventsAfterStopAreDropped();
    void printsWhatTheBusPublishes();
};

void TestEventPrinter::lineIsTheEventsJson_data()
{
    QTest::addColumn<Event>("event");
    Event minimal;
    QTest::newRow("nothing set") << minimal;

    Event token;
    token.time = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC);
    token.type = u"token.issued"_s;
    token.clientId = u"bench-service"_s;
    token.sourceAddress = u"127.0.0.1"_s;
    token.instance = u"host:4242"_s;
    token.details = {{u"grant_type"_s, u"client_credentials"_s},
                     {u"scopes"_s, QJsonArray{u"reports.read"_s}},
                     {u"id_token"_s, false},
                     {u"refresh_token"_s, false}};
    QTest::newRow("token.issued") << token;

    Event everything = token;
    everything.id = 987654321012;
    everything.success = false;
    everything.type = u"login.failed"_s;
    everything.subject = u"sub-\u00e9\u767b"_s;
    everything.username = u"al\"ice\\\n\t\x01"_s;
    everything.sourceAddress = u"::ffff:10.0.0.1"_s;
    everything.details = {
        {u"reason"_s, u"wrong password 😀"_s},
        {u"nested"_s, QJsonObject{{u"a"_s, QJsonArray{1, 2.5, QJsonValue::Null, true}}}},
        {u"huge"_s, std::numeric_limits<qint64>::max()},
        {u"lone"_s, QString(QChar(0xd800))},
    };
    QTest::newRow("every member, characters to escape") << everything;

    Event localTime = token;
    localTime.time = QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::OffsetFromUTC, 3600);
    QTest::newRow("time not in UTC") << localTime;
}

void TestEventPrinter::lineIsTheEventsJson()
{
    QFETCH(Event, event);
    const QByteArray line = EventPrinter::jsonLine(event);
    QCOMPARE(line, QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact) + '\n');
}

void TestEventPrinter::printsEveryEventOnceInOrder()
{
    TempFile out;
    QVERIFY(out.get());
    constexpr int Threads = 4;
    constexpr int PerThread = 500;
    {
        EventPrinter printer(out.get(), 5);
        printer.start();
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < Threads; ++t) {
            threads.emplace_back(QThread::create([&printer, t] {
                for (int i = 0; i < PerThread; ++i)
                    printer.enqueue(makeEvent(u"thread%1"_s.arg(t), i));
            }));
            threads.back()->start();
        }
        for (auto &thread : threads)
            thread->wait();
    } // the destructor writes what is left
    const QList<QByteArray> lines = out.contents().split('\n');
    QCOMPARE(lines.size(), Threads * PerThread + 1);
    QVERIFY(lines.last().isEmpty());
    QList<qint64> next(Threads, 0);
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QJsonObject json = QJsonDocument::fromJson(lines.at(i)).object();
        const int thread = json.value(u"type"_s).toString().mid(6).toInt();
        QVERIFY(thread >= 0 && thread < Threads);
        // Each thread's events come out in the order it published them.
        QCOMPARE(json.value(u"details"_s).toObject().value(u"serial"_s).toInteger(),
                 next[thread]++);
    }
    for (qint64 count : std::as_const(next))
        QCOMPARE(count, qint64(PerThread));
}

void TestEventPrinter::waitsForStart()
{
    TempFile out;
    EventPrinter printer(out.get(), 5);
    printer.enqueue(makeEvent(u"early"_s, 1));
    QThread::msleep(50);
    QVERIFY(out.contents().isEmpty());
    printer.start();
    QTRY_COMPARE(out.contents(), EventPrinter::jsonLine(makeEvent(u"early"_s, 1)));
}

void TestEventPrinter::stopWithoutStartPrintsWhatWasQueued()
{
    TempFile out;
    EventPrinter printer(out.get());
    printer.enqueue(makeEvent(u"a"_s, 1));
    printer.enqueue(makeEvent(u"b"_s, 2));
    printer.stop();
    QCOMPARE(out.contents(), EventPrinter::jsonLine(makeEvent(u"a"_s, 1)) +
                                 EventPrinter::jsonLine(makeEvent(u"b"_s, 2)));
}

void TestEventPrinter::eventsAfterStopAreDropped()
{
    TempFile out;
    EventPrinter printer(out.get());
    printer.start();
    printer.enqueue(makeEvent(u"kept"_s, 1));
    printer.stop();
    printer.enqueue(makeEvent(u"late"_s, 2));
    printer.start(); // no restart after stop
    printer.stop();
    QCOMPARE(out.contents(), EventPrinter::jsonLine(makeEvent(u"kept"_s, 1)));
}

namespace {

class NullEventStore final : public EventStore
{
public:
    Result<QList<qint64>, Error> append(const QList<Event> &events) override
    {
        return QList<qint64>(events.size(), 0);
    }
    Result<QList<Event>, Error> query(const EventQuery &) const override { return QList<Event>(); }
    Result<int, Error> purgeOlderThan(const QDateTime &, int) override { return 0; }
};

} // namespace

void TestEventPrinter::printsWhatTheBusPublishes()
{
    TempFile out;
    EventBus bus(std::make_shared<NullEventStore>(), Clock::system());
    EventPrinter printer(out.get(), 5);
    connect(&bus, &EventBus::published, &printer, &EventPrinter::enqueue, Qt::DirectConnection);
    printer.start();
    Event published = makeEvent(u"token.issued"_s, 7);
    std::unique_ptr<QThread> worker(QThread::create([&bus, published] { bus.publish(published); }));
    worker->start();
    worker->wait();
    printer.stop();
    const QJsonObject line = QJsonDocument::fromJson(out.contents()).object();
    QCOMPARE(line.value(u"type"_s).toString(), u"token.issued"_s);
    QCOMPARE(line.value(u"instance"_s).toString(), bus.instance());
}

QTEST_GUILESS_MAIN(TestEventPrinter)
#include "tst_eventprinter.moc"
