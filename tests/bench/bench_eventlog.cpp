// SPDX-License-Identifier: GPL-3.0-or-later
// The Events page over a large log: fills a database with N events (one
// million by default), opens it in the desktop's Backend with a real
// EventsPage (offscreen), then measures time to the first rows, the page
// fetches while scrolling to row 100,000, filters (type, account, text,
// time) and memory, with the longest stall of the GUI thread in each phase
// (a 5 ms timer that records the largest gap between its ticks).
//
//   bench_eventlog [--events N] [--scroll-rows N]

#include "backend/Backend.h"
#include "events/EventFilterBar.h"
#include "events/EventTableModel.h"
#include "events/EventTypes.h"
#include "events/EventsPage.h"
#include "model/Event.h"
#include "store/Database.h"
#include "store/SettingsKeys.h"
#include "store/SqlSettingsStore.h"
#include "store/SqlSupport.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLineEdit>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <malloc.h>
#include <random>

using namespace Qt::StringLiterals;
using namespace lanyard;

namespace {

/// Longest gap between ticks of a 5 ms timer on the GUI thread.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 gap = m_sinceTick.restart();
            m_longest = std::max(m_longest, gap);
            if (gap > 16)
                ++m_late;
        });
        m_timer.start();
        m_sinceTick.start();
    }
    /// Starts a phase: forgets the longest gap so far.
    void reset()
    {
        m_sinceTick.restart();
        m_longest = 0;
        m_late = 0;
    }
    /// Gaps longer than a 60 Hz frame (16 ms) since reset().
    int late() const { return m_late; }
    /// "longest GUI stall N ms, gaps over 16 ms: M"
    QString summary() const
    {
        return u"longest GUI stall %1 ms, gaps over 16 ms: %2"_s.arg(longest()).arg(late());
    }
    /// The longest gap since reset(), in ms (a tick is due every 5 ms).
    qint64 longest() const { return std::max(m_longest, m_sinceTick.elapsed()); }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    qint64 m_longest = 0;
    int m_late = 0;
};

/// A line of kB from /proc/self/status ("VmRSS", "VmHWM").
qint64 procStatusKb(const char *field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QString mb(qint64 kb)
{
    return QString::number(static_cast<double>(kb) / 1024.0, 'f', 1) + u" MB"_s;
}

void print(const QString &line)
{
    QTextStream(stdout) << line << Qt::endl;
}

/// Runs the event loop until `done` or `timeoutMs`; false on timeout.
template<typename Done> bool waitFor(Done done, int timeoutMs = 300'000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

/// A realistic mix: mostly tokens and sign-ins of 500 accounts to 25
/// clients from office addresses, some failures, a little admin work,
/// spread over the last 60 days (inside the 90-day retention).
class EventGenerator
{
public:
    explicit EventGenerator(int total) : m_total(total), m_random(20240501) {}

    Event next(int i)
    {
        static const QLatin1StringView types[] = {
            event_type::TokenIssued,    event_type::TokenIssued,      event_type::TokenIssued,
            event_type::TokenIssued,    event_type::LoginSucceeded,   event_type::LoginSucceeded,
            event_type::TokenRefreshed, event_type::LoginFailed,      event_type::ConsentGranted,
            event_type::SessionEnded,   event_type::ClientAuthFailed, event_type::AdminChanged,
        };
        std::uniform_int_distribution<int> pick(0, int(std::size(types)) - 1);
        std::uniform_int_distribution<int> account(0, 499);
        std::uniform_int_distribution<int> client(0, 24);
        std::uniform_int_distribution<int> host(2, 250);
        Event event;
        event.type = types[pick(m_random)];
        const qint64 span = 60LL * 86'400'000;
        event.time = m_start.addMSecs(span * i / m_total);
        const int user = account(m_random);
        event.username = u"user%1"_s.arg(user, 3, 10, QLatin1Char('0'));
        event.subject = u"s%1"_s.arg(user * 7919 + 104729, 8, 16, QLatin1Char('0'));
        event.clientId = u"app-%1"_s.arg(client(m_random));
        event.sourceAddress = u"10.1.%1.%2"_s.arg(user % 16).arg(host(m_random));
        event.instance = u"office-server:4242"_s;
        event.success = true;
        if (event.type == event_type::LoginFailed || event.type == event_type::ClientAuthFailed) {
            event.success = false;
            event.details = {{u"reason"_s, u"invalid_credentials"_s}};
            if (event.type == event_type::LoginFailed && user % 50 == 0) {
                event.subject.clear();
                event.username = u"guess%1"_s.arg(i % 97);
            }
        } else if (event.type == event_type::TokenIssued) {
            event.details = {{u"grant_type"_s, u"authorization_code"_s},
                             {u"scope"_s, u"openid profile email offline_access"_s},
                             {u"jti"_s, QString::number(m_random(), 36)}};
        } else if (event.type == event_type::AdminChanged) {
            event.subject.clear();
            event.details = {{u"actor"_s, u"desktop"_s},
                             {u"entity"_s, u"client"_s},
                             {u"action"_s, u"updated"_s}};
        }
        return event;
    }

private:
    int m_total;
    std::mt19937_64 m_random;
    QDateTime m_start = QDateTime::currentDateTimeUtc().addDays(-60);
};

/// Inserts `total` generated events: multi-row INSERTs of 100 events, 50,000
/// per transaction (the store's append() returns each id, which a benchmark
/// fill does not need).
Result<void, Error> fill(const Database &db, int total)
{
    constexpr int RowsPerInsert = 100;
    constexpr int RowsPerTransaction = 50'000;
    QStringList rows;
    for (int i = 0; i < RowsPerInsert; ++i)
        rows.append(u"(?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const QString sql = u"INSERT INTO events (time, type, success, client_id, subject, username, "
                        "source, instance, details) VALUES "_s +
                        rows.join(u", "_s);
    // Six indexes take random inserts: keep their pages in memory.
    if (db.driver() == Database::Driver::Sqlite)
        QSqlQuery(db.connection()).exec(u"PRAGMA cache_size = -262144"_s);
    EventGenerator generator(total);
    int i = 0;
    while (i < total) {
        Database::Transaction transaction(db);
        if (!transaction.isActive())
            return transaction.error();
        QSqlQuery insert(db.connection());
        if (!insert.prepare(sql))
            return Error::storage(insert.lastError().text());
        const int end = std::min(total, i + RowsPerTransaction);
        while (i < end) {
            for (int row = 0; row < RowsPerInsert; ++row) {
                // A short last statement repeats the last event: harmless here.
                const Event event = generator.next(std::min(i + row, total - 1));
                const int base = row * 9;
                insert.bindValue(base + 0, event.time.toMSecsSinceEpoch());
                insert.bindValue(base + 1, SqlSupport::text(event.type));
                insert.bindValue(base + 2, event.success ? 1 : 0);
                insert.bindValue(base + 3, SqlSupport::text(event.clientId));
                insert.bindValue(base + 4, SqlSupport::text(event.subject));
                insert.bindValue(base + 5, SqlSupport::text(event.username));
                insert.bindValue(base + 6, SqlSupport::text(event.sourceAddress));
                insert.bindValue(base + 7, SqlSupport::text(event.instance));
                insert.bindValue(
                    base + 8,
                    QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact)));
            }
            if (!insert.exec())
                return Error::storage(insert.lastError().text());
            i += RowsPerInsert;
        }
        insert.finish();
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
    }
    return {};
}

struct FetchTimes
{
    QList<qint64> ms;

    QString summary() const
    {
        if (ms.isEmpty())
            return u"none"_s;
        QList<qint64> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        const auto at = [&sorted](double q) {
            return sorted.at(std::min<qsizetype>(
                sorted.size() - 1, static_cast<qsizetype>(q * double(sorted.size()))));
        };
        return u"%1 pages, median %2 ms, p95 %3 ms, max %4 ms"_s.arg(sorted.size())
            .arg(at(0.5))
            .arg(at(0.95))
            .arg(sorted.last());
    }
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Events page benchmark over a large event log"_s);
    parser.addHelpOption();
    const QCommandLineOption eventsOption(u"events"_s, u"Events to create."_s, u"N"_s,
                                          u"1000000"_s);
    const QCommandLineOption scrollOption(u"scroll-rows"_s, u"Rows to scroll to."_s, u"N"_s,
                                          u"100000"_s);
    const QCommandLineOption dbOption(
        u"db"_s, u"Keep the database in FILE; reuse it when it exists (no fill)."_s, u"FILE"_s);
    parser.addOption(dbOption);
    parser.addOption(eventsOption);
    parser.addOption(scrollOption);
    parser.process(app);
    const int total = parser.value(eventsOption).toInt();
    const int scrollRows = parser.value(scrollOption).toInt();
    if (total < 1 || scrollRows < 1) {
        std::fputs("--events and --scroll-rows take positive numbers\n", stderr);
        return 2;
    }

    QTemporaryDir dir;
    const QString path =
        parser.isSet(dbOption) ? parser.value(dbOption) : dir.filePath(u"bench.db"_s);
    const bool reuse = QFileInfo::exists(path);
    print(u"Events page benchmark: %1 events, scrolling to row %2"_s.arg(total).arg(scrollRows));

    // 1. The database.
    if (reuse) {
        print(u"fill: reusing %1 (%2)"_s.arg(path, mb(QFileInfo(path).size() / 1024)));
    } else {
        QElapsedTimer timer;
        timer.start();
        auto db = Database::open(path);
        if (!db) {
            std::fprintf(stderr, "cannot create the database: %s\n",
                         qPrintable(db.error().message));
            return 1;
        }
        if (!SqlSettingsStore(*db).set(QString(SettingsKeys::ListenPort), u"0"_s)) {
            std::fputs("cannot store listen_port\n", stderr);
            return 1;
        }
        if (auto filled = fill(**db, total); !filled) {
            std::fprintf(stderr, "cannot fill the database: %s\n",
                         qPrintable(filled.error().message));
            return 1;
        }
        db->reset();
        // Give the fill's page cache back, so the memory figures below are
        // the window's own.
        malloc_trim(0);
        // And start the peak (VmHWM) afresh: the figures below are the window's.
        QFile clearRefs(u"/proc/self/clear_refs"_s);
        if (clearRefs.open(QIODevice::WriteOnly))
            clearRefs.write("5");
        const double seconds = double(timer.elapsed()) / 1000.0;
        print(u"fill: %1 events in %2 s (%3 events/s), file %4"_s.arg(total)
                  .arg(seconds, 0, 'f', 1)
                  .arg(qRound(total / seconds))
                  .arg(mb(QFileInfo(path).size() / 1024)));
    }

    // 2. The window's view of it.
    StallMeter stalls;
    // What the machine gives an idle GUI thread: the floor of every figure.
    waitFor([] { return false; }, 2000);
    print(u"idle, 2 s with nothing to do: %1"_s.arg(stalls.summary()));
    const qint64 baseRss = procStatusKb("VmRSS");
    ui::Backend backend;
    ui::EventsPage page(&backend);
    page.resize(1200, 800);
    page.show();
    ui::EventTableModel *model = page.model();
    QTableView *view = page.view();

    FetchTimes fetches;
    QElapsedTimer fetchTimer;
    QObject::connect(model, &ui::EventTableModel::fetchingChanged, &page,
                     [&fetches, &fetchTimer](bool fetching) {
                         if (fetching)
                             fetchTimer.start();
                         else if (fetchTimer.isValid())
                             fetches.ms.append(fetchTimer.elapsed());
                     });

    stalls.reset();
    QElapsedTimer timer;
    timer.start();
    qint64 readyAt = -1;
    QObject::connect(&backend, &ui::Backend::ready, &page,
                     [&readyAt, &timer] { readyAt = timer.elapsed(); });
    backend.open(path);
    if (!waitFor([model] { return model->rowCount() > 0; })) {
        std::fputs("no rows within 5 minutes\n", stderr);
        return 1;
    }
    const qint64 firstRows = timer.elapsed();
    print(u"open: first rows after %1 ms (database open at %2 ms, then the first page of %3 "
          "rows); %4"_s.arg(firstRows)
              .arg(readyAt)
              .arg(model->pageSize())
              .arg(stalls.summary()));
    waitFor([model] { return !model->isFetching(); });

    // 3. Scrolling: the view asks for the next page at the bottom.
    fetches.ms.clear();
    stalls.reset();
    timer.restart();
    while (model->rowCount() < scrollRows && !model->isComplete()) {
        view->scrollToBottom();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    waitFor([model] { return !model->isFetching(); });
    print(u"scroll to row %1: %2 ms; fetches: %3; %4"_s.arg(model->rowCount())
              .arg(timer.elapsed())
              .arg(fetches.summary())
              .arg(stalls.summary()));
    print(u"memory: %1 before opening, %2 with %3 rows loaded (%4 per row), peak %5"_s
              .arg(mb(baseRss), mb(procStatusKb("VmRSS")))
              .arg(model->rowCount())
              .arg(QString::number(double(procStatusKb("VmRSS") - baseRss) * 1024.0 /
                                       std::max(1, model->rowCount()),
                                   'f', 0) +
                   u" B"_s)
              .arg(mb(procStatusKb("VmHWM"))));

    // 4. Filters, each from the filter bar through the database.
    ui::EventFilterBar *filters = page.filterBar();
    auto *search = filters->findChild<QLineEdit *>(u"searchEdit"_s);
    auto *account = filters->findChild<QLineEdit *>(u"accountFilter"_s);
    const auto measure = [&](const QString &name, const std::function<void()> &apply) {
        filters->clear();
        waitFor([model] { return !model->isFetching(); });
        stalls.reset();
        timer.restart();
        apply();
        filters->applyNow();
        const bool ok = waitFor([model] { return !model->isFetching(); });
        const qint64 firstPage = timer.elapsed();
        // Then a few pages further, as a user scrolling the filtered list.
        QElapsedTimer more;
        more.start();
        int pages = 0;
        while (ok && pages < 5 && !model->isComplete()) {
            const int before = model->rowCount();
            view->scrollToBottom();
            waitFor([model, before] { return model->rowCount() > before || model->isComplete(); });
            waitFor([model] { return !model->isFetching(); });
            ++pages;
        }
        print(u"filter %1: first page (%2 rows) in %3 ms%4; %5 more pages in %6 ms; %7"_s.arg(name)
                  .arg(std::min(model->rowCount(), model->pageSize()))
                  .arg(firstPage)
                  .arg(ok ? QString() : u" (timed out)"_s)
                  .arg(pages)
                  .arg(more.elapsed())
                  .arg(stalls.summary()));
    };
    measure(u"type login.failed"_s, [&] { filters->setTypes({u"login.failed"_s}); });
    measure(u"two types"_s, [&] {
        filters->setTypes({u"client.auth.failed"_s, u"admin.changed"_s});
    });
    measure(u"account user042"_s, [&] { account->setText(u"user042"_s); });
    measure(u"text \"user042\" (common)"_s, [&] { search->setText(u"user042"_s); });
    measure(u"text \"guess13\" (rare)"_s, [&] { search->setText(u"guess13"_s); });
    measure(u"text \"no-such-thing\" (no match: full scan)"_s,
            [&] { search->setText(u"no-such-thing"_s); });
    measure(u"type + text"_s, [&] {
        filters->setTypes({u"login.failed"_s});
        search->setText(u"10.1.3."_s);
    });
    measure(u"failures only"_s,
            [&] { filters->findChild<QComboBox *>(u"resultFilter"_s)->setCurrentIndex(2); });
    measure(u"last 24 hours"_s, [&] {
        filters->findChild<QComboBox *>(u"timeFilter"_s)
            ->setCurrentIndex(static_cast<int>(ui::EventFilterBar::TimeRange::LastDay));
    });

    print(u"memory at the end: %1, peak %2"_s.arg(mb(procStatusKb("VmRSS")),
                                                  mb(procStatusKb("VmHWM"))));
    return 0;
}
