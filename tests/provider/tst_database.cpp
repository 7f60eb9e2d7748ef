// SPDX-License-Identifier: GPL-3.0-or-later
#include "MockClock.h"
#include "TestDatabase.h"
#include "store/Database.h"
#include "store/DatabaseLocation.h"
#include "store/Migrations.h"
#include "store/SqlAccountStore.h"
#include "store/SqlClientStore.h"
#include "store/SqlEventStore.h"
#include "store/SqlSessionStore.h"
#include "store/SqlSettingsStore.h"
#include "store/SqlTokenStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::MockClock;
using lanyard::test::TestDatabase;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/// Runs statements on a plain QSQLITE connection of its own, then closes it.
bool rawSqlite(const QString &path, const QStringList &statements)
{
    static std::atomic<int> counter{0};
    const QString name = u"tst_database.raw.%1"_s.arg(++counter);
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        ok = db.open();
        for (const QString &statement : statements) {
            if (!ok)
                break;
            QSqlQuery query(db);
            ok = query.exec(statement);
            if (!ok)
                qWarning() << statement << query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

bool sqliteHasObject(const QSqlDatabase &db, const QString &type, const QString &name)
{
    QSqlQuery query(db);
    query.prepare(u"SELECT COUNT(*) FROM sqlite_master WHERE type = ? AND name = ?"_s);
    query.addBindValue(type);
    query.addBindValue(name);
    return query.exec() && query.next() && query.value(0).toInt() == 1;
}

/// Runs `function` in a new QThread and waits until the thread has finished
/// (including its thread-local clean-up).
template<typename Function> void runInThread(Function function)
{
    std::unique_ptr<QThread> thread(QThread::create(std::move(function)));
    thread->start();
    thread->wait();
}

Client makeClient(const QString &id)
{
    Client client;
    client.clientId = id;
    client.clientName = u"Client "_s + id;
    client.redirectUris = {u"https://app.example/cb"_s};
    return client;
}

Account makeAccount(const QString &subject, const QString &username)
{
    Account account;
    account.subject = subject;
    account.username = username;
    return account;
}

} // namespace

class TestDatabaseUnit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void locationParsing_data();
    void locationParsing();
    void locationErrorsHidePassword();
    void unreachablePostgresIsAStorageError();
    void defaultLocation();

    void freshOpenCreatesSchema();
    void sharedFolderGivesTheGroupTheDatabase();
    void reopenKeepsData();
    void sqlitePragmasAreOn();
    void busyTimeoutWaitsForTheWriter();
    void newerSchemaIsRefusedUntouched_data();
    void newerSchemaIsRefusedUntouched();
    void notADatabaseIsRefused();
    void failingMigrationKeepsOldVersion();
    void failingFirstMigrationLeavesNothing();
    void laterMigrationsApplyOnReopen();
    void migration2KeepsVersion1Data();
    void migration4AddsIntrospectionAndRevocation();
    void migrationsMustBeNumbered();
    void placeholdersPerDriver();

    void connectionPerThread();
    void destructorRemovesThisThreadsConnection();
    void transactionRollbackUndoesTwoStores();
    void transactionCommitKeepsTwoStores();
    void nestedTransactionJoinsOuter();
    void uncommittedInnerScopeDoomsOuter();
    void failedStoreCallDoomsOuter();
    void endActionsWaitForTheOutermostScope_data();
    void endActionsWaitForTheOutermostScope();
    void uncommittedWritesInvisibleToOtherThreads();
    void writersOfOneProcessTakeTurns();
    void writeLockIsReleasedHowEverATransactionEnds_data();
    void writeLockIsReleasedHowEverATransactionEnds();

    void postgresOpensAndMigrates();
    void postgresReconnectsAfterConnectionLoss();
    void postgresConnectionLostInTransactionFailsIt();
};

void TestDatabaseUnit::locationParsing_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("postgres");
    QTest::addColumn<QString>("databaseName");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("options");
    QTest::addColumn<QString>("display");

    const QString absolute = QDir::cleanPath(QDir::current().absoluteFilePath(u"data/x.db"_s));
    QTest::newRow("relative file") << u"data/x.db"_s << true << false << absolute << QString()
                                   << 5432 << QString() << QString() << QString() << absolute;
    QTest::newRow("absolute file")
        << u"/var/lib/lanyard/../lanyard/l.db"_s << true << false << u"/var/lib/lanyard/l.db"_s
        << QString() << 5432 << QString() << QString() << QString() << u"/var/lib/lanyard/l.db"_s;
    QTest::newRow("full url") << u"postgresql://alice:s3cr%40t%3A%2F@db.example:6543/lanyard"_s
                              << true << true << u"lanyard"_s << u"db.example"_s << 6543
                              << u"alice"_s << u"s3cr@t:/"_s
                              << u"connect_timeout=10;application_name=lanyard"_s
                              << u"postgresql://alice@db.example:6543/lanyard"_s;
    QTest::newRow("postgres scheme, default port")
        << u"postgres://bob@localhost/ids"_s << true << true << u"ids"_s << u"localhost"_s << 5432
        << u"bob"_s << QString() << u"connect_timeout=10;application_name=lanyard"_s
        << u"postgresql://bob@localhost:5432/ids"_s;
    QTest::newRow("options") << u"postgresql://u:pw9@h/d?sslmode=require&connect_timeout=3"_s
                             << true << true << u"d"_s << u"h"_s << 5432 << u"u"_s << u"pw9"_s
                             << u"sslmode=require;connect_timeout=3;application_name=lanyard"_s
                             << u"postgresql://u@h:5432/d"_s;
    QTest::newRow("unix socket") << u"postgresql://u@localhost/d?host=/run/postgresql"_s << true
                                 << true << u"d"_s << u"/run/postgresql"_s << 5432 << u"u"_s
                                 << QString() << u"connect_timeout=10;application_name=lanyard"_s
                                 << u"postgresql://u@:5432/d"_s;
    const QString none;
    QTest::newRow("no database name") << u"postgresql://u:p@h:5432/"_s << false << true << none
                                      << none << 0 << none << none << none << none;
    QTest::newRow("bad port") << u"postgresql://u:p@h:70000/d"_s << false << true << none << none
                              << 0 << none << none << none << none;
    QTest::newRow("option injection")
        << u"postgresql://u:p@h/d?sslmode=disable%20host=evil"_s << false << true << none << none
        << 0 << none << none << none << none;
    QTest::newRow("other scheme") << u"mysql://u:p@h/d"_s << false << false << none << none << 0
                                  << none << none << none << none;
    QTest::newRow("in-memory") << u":memory:"_s << false << false << none << none << 0 << none
                               << none << none << none;
    QTest::newRow("empty") << u"  "_s << false << false << none << none << 0 << none << none << none
                           << none;
}

void TestDatabaseUnit::locationParsing()
{
    QFETCH(QString, location);
    QFETCH(bool, ok);
    const auto parsed = DatabaseLocation::parse(location);
    QCOMPARE(parsed.ok(), ok);
    if (!ok) {
        QCOMPARE(parsed.error().kind, Error::Kind::Invalid);
        return;
    }
    QFETCH(bool, postgres);
    QFETCH(QString, databaseName);
    QFETCH(QString, display);
    QCOMPARE(parsed->driver() == DatabaseLocation::Driver::Postgres, postgres);
    QCOMPARE(parsed->qtDriverName(), postgres ? u"QPSQL"_s : u"QSQLITE"_s);
    QCOMPARE(parsed->databaseName(), databaseName);
    QCOMPARE(parsed->displayName(), display);
    if (postgres) {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, options);
        QCOMPARE(parsed->hostName(), host);
        QCOMPARE(parsed->port(), port);
        QCOMPARE(parsed->userName(), user);
        QCOMPARE(parsed->password(), password);
        QCOMPARE(parsed->connectOptions(), options);
        QVERIFY(password.isEmpty() || !parsed->displayName().contains(password));
    }
}

void TestDatabaseUnit::locationErrorsHidePassword()
{
    for (const QString &url :
         {u"postgresql://u:hunter2@h/"_s, u"postgresql://u:hunter2@h:0/d"_s,
          u"postgresql://u:hunter2@h/d?x=a%20b"_s, u"postgresql://u:hunter2@h/d#frag"_s}) {
        const auto parsed = DatabaseLocation::parse(url);
        QVERIFY2(!parsed.ok(), qPrintable(url));
        QVERIFY2(!parsed.error().message.contains(u"hunter2"_s),
                 qPrintable(parsed.error().message));
    }
}

void TestDatabaseUnit::unreachablePostgresIsAStorageError()
{
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s))
        QSKIP("QPSQL driver not installed");
    // Port 1 on loopback: refused at once, no server needed.
    const auto db =
        Database::open(u"postgresql://lanyard:hunter2@127.0.0.1:1/lanyard?connect_timeout=2"_s);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().kind, Error::Kind::Storage);
    QVERIFY2(db.error().message.contains(u"postgresql://lanyard@127.0.0.1:1/lanyard"_s),
             qPrintable(db.error().message));
    QVERIFY2(!db.error().message.contains(u"hunter2"_s), qPrintable(db.error().message));
}

void TestDatabaseUnit::defaultLocation()
{
    // The README promises $XDG_DATA_HOME/lanyard/lanyard.db, whatever the
    // organisation name is.
    const QByteArray saved = qgetenv("XDG_DATA_HOME");
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", home.path().toLocal8Bit());
    QCoreApplication::setOrganizationName(u"SomeOrganisation"_s);
    const QString location = Database::defaultLocation();
    QCoreApplication::setOrganizationName(QString());
    if (saved.isNull())
        qunsetenv("XDG_DATA_HOME");
    else
        qputenv("XDG_DATA_HOME", saved);
    QCOMPARE(location, home.path() + u"/lanyard/lanyard.db"_s);
}

void TestDatabaseUnit::freshOpenCreatesSchema()
{
    if (TestDatabase::usingPostgres())
        QSKIP("SQLite file behaviour");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"new/folders/lanyard.db"_s);
    const auto opened = Database::open(path, std::make_shared<MockClock>());
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    const std::shared_ptr<Database> db = opened.value();
    QCOMPARE(db->schemaVersion(), Migrations::standard().latestVersion());
    QVERIFY(db->schemaVersion() >= 1);
    QCOMPARE(db->driverName(), u"QSQLITE"_s);
    QCOMPARE(db->displayName(), path);
    QVERIFY(QFile::exists(path));

    const QFileDevice::Permissions mode = QFile::permissions(path);
    QVERIFY(mode.testFlag(QFileDevice::ReadOwner) && mode.testFlag(QFileDevice::WriteOwner));
    QVERIFY(!(mode & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther |
                      QFileDevice::WriteOther)));

    const QFileDevice::Permissions folderMode = QFile::permissions(dir.filePath(u"new/folders"_s));
    QCOMPARE(folderMode & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    const QSqlDatabase connection = db->connection();
    for (const QString &table : {u"schema_version"_s, u"settings"_s, u"clients"_s, u"accounts"_s,
                                 u"signing_keys"_s, u"events"_s})
        QVERIFY2(sqliteHasObject(connection, u"table"_s, table), qPrintable(table));
    for (const QString &index : {u"events_time_idx"_s, u"events_type_idx"_s,
                                 u"events_client_id_idx"_s, u"events_subject_idx"_s})
        QVERIFY2(sqliteHasObject(connection, u"index"_s, index), qPrintable(index));
    QCOMPARE(scalar(connection, u"SELECT MAX(version) FROM schema_version"_s).toInt(),
             db->schemaVersion());
    QCOMPARE(scalar(connection, u"SELECT COUNT(*) FROM schema_version"_s).toInt(),
             db->schemaVersion());
    // The clock stamped the migration.
    QCOMPARE(scalar(connection, u"SELECT MIN(applied_at) FROM schema_version"_s).toLongLong(),
             MockClock().now().toMSecsSinceEpoch());
}

void TestDatabaseUnit::sharedFolderGivesTheGroupTheDatabase()
{
    if (TestDatabase::usingPostgres())
        QSKIP("SQLite file behaviour");
    // lanyard.service's /var/lib/lanyard is setgid: its group (the admins)
    // manages the database with the lanyard commands, whatever their umask.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    struct stat folder = {};
    QVERIFY(::stat(QFile::encodeName(dir.path()).constData(), &folder) == 0);
    QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), folder.st_mode | S_ISGID) == 0);
    const mode_t previousUmask = ::umask(022);
    const auto restoreUmask = qScopeGuard([previousUmask] { ::umask(previousUmask); });
    const QString path = dir.filePath(u"lanyard.db"_s);
    const auto opened = Database::open(path, std::make_shared<MockClock>());
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    const QFileDevice::Permissions groupRw = QFileDevice::ReadGroup | QFileDevice::WriteGroup;
    const QFileDevice::Permissions other = QFileDevice::ReadOther | QFileDevice::WriteOther;
    QCOMPARE(QFile::permissions(path) & groupRw, groupRw);
    QCOMPARE(QFile::permissions(path) & other, QFileDevice::Permissions());
    // SQLite gives its -wal file the database's mode.
    QVERIFY(QFile::exists(path + u"-wal"_s));
    QCOMPARE(QFile::permissions(path + u"-wal"_s) & groupRw, groupRw);
    QCOMPARE(QFile::permissions(path + u"-wal"_s) & other, QFileDevice::Permissions());

    // Not shared: for the owner only (freshOpenCreatesSchema), even in a
    // folder the group could read.
    QTemporaryDir plain;
    QVERIFY(::chmod(QFile::encodeName(plain.path()).constData(), 0750) == 0);
    const QString privatePath = plain.filePath(u"lanyard.db"_s);
    QVERIFY(Database::open(privatePath, std::make_shared<MockClock>()).ok());
    QCOMPARE(QFile::permissions(privatePath) & (groupRw | other), QFileDevice::Permissions());
}

void TestDatabaseUnit::reopenKeepsData()
{
    if (TestDatabase::usingPostgres())
        QSKIP("SQLite file behaviour");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lanyard.db"_s);
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QVERIFY(SqlSettingsStore(*db).set(u"issuer"_s, u"https://id.example"_s).ok());
        QVERIFY(SqlClientStore(*db).save(makeClient(u"app"_s)).ok());
    }
    auto db = Database::open(path);
    QVERIFY(db.ok());
    QCOMPARE((*db)->schemaVersion(), Migrations::standard().latestVersion());
    QCOMPARE(SqlSettingsStore(*db).all()->value(u"issuer"_s), u"https://id.example"_s);
    QVERIFY(SqlClientStore(*db).find(u"app"_s)->has_value());
    // Migrations were not applied twice.
    QCOMPARE(scalar((*db)->connection(), u"SELECT COUNT(*) FROM schema_version"_s).toInt(),
             Migrations::standard().latestVersion());
}

void TestDatabaseUnit::sqlitePragmasAreOn()
{
    if (TestDatabase::usingPostgres())
        QSKIP("SQLite pragmas");
    TestDatabase t;
    QVERIFY2(t.db, qPrintable(t.error));
    const auto check = [&](QStringList *failures) {
        const QSqlDatabase connection = t.db->connection();
        if (scalar(connection, u"PRAGMA journal_mode"_s).toString() != u"wal"_s)
            failures->append(u"journal_mode"_s);
        if (scalar(connection, u"PRAGMA foreign_keys"_s).toInt() != 1)
            failures->append(u"foreign_keys"_s);
        if (scalar(connection, u"PRAGMA busy_timeout"_s).toInt() != Database::BusyTimeoutMs)
            failures->append(u"busy_timeout"_s);
        if (scalar(connection, u"PRAGMA synchronous"_s).toInt() != 1) // NORMAL
            failures->append(u"synchronous"_s);
    };
    QStringList mainFailures;
    check(&mainFailures);
    QCOMPARE(mainFailures, QStringList());
    QStringList workerFailures;
    runInThread([&] { check(&workerFailures); });
    QCOMPARE(workerFailures, QStringList());
    QCOMPARE(Database::BusyTimeoutMs, 5000);
}

void TestDatabaseUnit::busyTimeoutWaitsForTheWriter()
{
    if (TestDatabase::usingPostgres())
        QSKIP("SQLite locking");
    TestDatabase t;
    QVERIFY2(t.db, qPrintable(t.error));
    SqlSettingsStore settings(t.db);

    bool workerOk = false;
    QString workerError;
    qint64 waitedMs = 0;
    std::unique_ptr<QThread> worker;
    QSemaphore started;
    {
        Database::Transaction transaction(*t.db);
        QVERIFY(transaction.isActive());
        QVERIFY(settings.set(u"a"_s, u"1"_s).ok());
        worker.reset(QThread::create([&] {
            started.release();
            QElapsedTimer timer;
            timer.start();
            const auto written = settings.set(u"b"_s, u"2"_s);
            waitedMs = timer.elapsed();
            workerOk = written.ok();
            if (!written)
                workerError = written.error().message;
        }));
        worker->start();
        QVERIFY(started.tryAcquire(1, 10'000));
        // Hold the write lock for a while; without busy_timeout the worker
        // fails at once with "database is locked".
        QThread::msleep(400);
        QVERIFY(!worker->isFinished());
        QVERIFY(transaction.commit().ok());
    }
    QVERIFY(worker->wait(10'000));
    QVERIFY2(workerOk, qPrintable(workerError));
    QVERIFY2(waitedMs >= 200, qPrintable(QString::number(waitedMs)));
    const auto all = settings.all();
    QCOMPARE(all->value(u"a"_s), u"1"_s);
    QCOMPARE(all->value(u"b"_s), u"2"_s);
}

void TestDatabaseUnit::newerSchemaIsRefusedUntouched_data()
{
    QTest::addColumn<bool>("writtenByLanyard");
    QTest::newRow("rollback journal, foreign tool") << false;
    QTest::newRow("wal, written by Lanyard") << true;
}

void TestDatabaseUnit::newerSchemaIsRefusedUntouched()
{
    if (TestDatabase::usingPostgres())
        QSKIP("SQLite file behaviour");
    QFETCH(bool, writtenByLanyard);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lanyard.db"_s);
    if (writtenByLanyard) {
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QVERIFY(SqlSettingsStore(*db).set(u"issuer"_s, u"https://id.example"_s).ok());
        }
        QVERIFY(rawSqlite(path, {u"INSERT INTO schema_version VALUES (7, 0)"_s}));
    } else {
        QVERIFY(rawSqlite(path, {u"CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                                 "applied_at BIGINT NOT NULL)"_s,
                                 u"INSERT INTO schema_version VALUES (7, 0)"_s,
                                 u"CREATE TABLE future (x TEXT)"_s}));
    }
    QVERIFY(!QFile::exists(path + u"-wal"_s));
    const QByteArray before = fileBytes(path);
    QVERIFY(!before.isEmpty());

    const auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().kind, Error::Kind::Unsupported);
    QCOMPARE(
        db.error().message,
        u"database schema version 7 is newer than this Lanyard supports (%1); upgrade Lanyard"_s
            .arg(Migrations::standard().latestVersion()));

    QCOMPARE(fileBytes(path), before);
    QVERIFY(!QFile::exists(path + u"-wal"_s));
}

void TestDatabaseUnit::notADatabaseIsRefused()
{
    if (TestDatabase::usingPostgres())
        QSKIP("SQLite file behaviour");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"notes.txt"_s);
    QByteArray junk(8192, 'x');
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(junk);
    }
    const auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().kind, Error::Kind::Storage);
    QCOMPARE(fileBytes(path), junk);
}

void TestDatabaseUnit::failingMigrationKeepsOldVersion()
{
    if (TestDatabase::usingPostgres())
        QSKIP("SQLite file behaviour");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lanyard.db"_s);
    const int current = Migrations::standard().latestVersion();
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QVERIFY(SqlSettingsStore(*db).set(u"issuer"_s, u"https://id.example"_s).ok());
    }

    QList<Migrations::Step> steps = Migrations::standard().steps();
    steps.append({current + 1,
                  {u"CREATE TABLE extra (x INTEGER)"_s, u"DELETE FROM settings"_s,
                   u"INSERT INTO no_such_table VALUES (1)"_s}});
    const auto failed = Database::open(path, Clock::system(), Migrations(steps));
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().kind, Error::Kind::Storage);
    QVERIFY2(failed.error().message.contains(u"migration %1 failed"_s.arg(current + 1)),
             qPrintable(failed.error().message));

    auto db = Database::open(path);
    QVERIFY(db.ok());
    QCOMPARE((*db)->schemaVersion(), current);
    const QSqlDatabase connection = (*db)->connection();
    QCOMPARE(scalar(connection, u"SELECT MAX(version) FROM schema_version"_s).toInt(), current);
    QVERIFY(!sqliteHasObject(connection, u"table"_s, u"extra"_s));
    QCOMPARE(SqlSettingsStore(*db).all()->value(u"issuer"_s), u"https://id.example"_s);
}

void TestDatabaseUnit::failingFirstMigrationLeavesNothing()
{
    if (TestDatabase::usingPostgres())
        QSKIP("SQLite file behaviour");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lanyard.db"_s);
    const auto failed =
        Database::open(path, Clock::system(),
                       Migrations({{1, {u"CREATE TABLE a (x INTEGER)"_s, u"THIS IS NOT SQL"_s}}}));
    QVERIFY(!failed.ok());
    QVERIFY(failed.error().message.contains(u"migration 1 failed"_s));
    QVERIFY(rawSqlite(path, {}));
    static int counter = 0;
    const QString name = u"tst_database.check.%1"_s.arg(++counter);
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QCOMPARE(scalar(raw, u"SELECT COUNT(*) FROM sqlite_master"_s).toInt(), 0);
        raw.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void TestDatabaseUnit::laterMigrationsApplyOnReopen()
{
    if (TestDatabase::usingPostgres())
        QSKIP("SQLite file behaviour");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lanyard.db"_s);
    const int current = Migrations::standard().latestVersion();
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QVERIFY(SqlSettingsStore(*db).set(u"k"_s, u"v"_s).ok());
    }
    QList<Migrations::Step> steps = Migrations::standard().steps();
    steps.append({current + 1,
                  {u"CREATE TABLE extra (id ${ID}, data ${BLOB})"_s,
                   u"INSERT INTO extra (data) VALUES (NULL)"_s}});
    auto db = Database::open(path, Clock::system(), Migrations(steps));
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
    QCOMPARE((*db)->schemaVersion(), current + 1);
    const QSqlDatabase connection = (*db)->connection();
    QCOMPARE(scalar(connection, u"SELECT COUNT(*) FROM extra"_s).toInt(), 1);
    QCOMPARE(scalar(connection, u"SELECT COUNT(*) FROM schema_version"_s).toInt(), current + 1);
    QCOMPARE(SqlSettingsStore(*db).all()->value(u"k"_s), u"v"_s);
}

void TestDatabaseUnit::migration2KeepsVersion1Data()
{
    if (TestDatabase::usingPostgres())
        QSKIP("SQLite file behaviour");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lanyard.db"_s);
    const QList<Migrations::Step> standard = Migrations::standard().steps();
    QVERIFY(standard.size() >= 2);
    {
        auto db = Database::open(path, Clock::system(), Migrations({standard.first()}));
        QVERIFY2(db.ok(), qPrintable(db.error().message));
        QCOMPARE((*db)->schemaVersion(), 1);
        QVERIFY(SqlAccountStore(*db).save(makeAccount(u"sub-1"_s, u"alice"_s)).ok());
        // Today's SqlClientStore writes columns of later migrations: a
        // version 1 row by hand.
        QSqlQuery insert((*db)->connection());
        QVERIFY(insert.exec(
            u"INSERT INTO clients (client_id, token_endpoint_auth_method, require_pkce, "
            "require_consent, id_token_signed_response_alg, opaque_access_tokens, "
            "rotate_refresh_tokens, backchannel_logout_session_required, created_at, "
            "updated_at) VALUES ('app', 'client_secret_basic', 1, 0, 'RS256', 0, 1, 1, 0, 0)"_s));
        QVERIFY(SqlSettingsStore(*db).set(u"issuer"_s, u"https://id.example"_s).ok());
        QVERIFY(!sqliteHasObject((*db)->connection(), u"table"_s, u"sessions"_s));
    }
    auto db = Database::open(path, Clock::system(), Migrations(standard.mid(0, 2)));
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    QCOMPARE((*db)->schemaVersion(), 2);
    const QSqlDatabase connection = (*db)->connection();
    QCOMPARE(scalar(connection, u"SELECT MAX(version) FROM schema_version"_s).toInt(), 2);
    for (const QString &table :
         {u"sessions"_s, u"interactions"_s, u"authorization_codes"_s, u"tokens"_s,
          u"token_families"_s, u"revoked_families"_s, u"consents"_s, u"login_failures"_s})
        QVERIFY2(sqliteHasObject(connection, u"table"_s, table), qPrintable(table));
    for (const QString &index :
         {u"tokens_family_id_idx"_s, u"tokens_session_id_idx"_s, u"login_failures_key_time_idx"_s})
        QVERIFY2(sqliteHasObject(connection, u"index"_s, index), qPrintable(index));
    // Version 1 data survived and the new tables work with it.
    QCOMPARE(SqlAccountStore(*db).findBySubject(u"sub-1"_s).value()->username, u"alice"_s);
    QCOMPARE(scalar(connection, u"SELECT COUNT(*) FROM clients WHERE client_id = 'app'"_s).toInt(),
             1);
    QCOMPARE(SqlSettingsStore(*db).all()->value(u"issuer"_s), u"https://id.example"_s);
    Session session;
    session.id = u"sid-1"_s;
    session.cookieHash = u"cookie"_s;
    session.subject = u"sub-1"_s;
    session.expiresAt = QDateTime::currentDateTimeUtc().addSecs(60);
    QVERIFY(SqlSessionStore(*db).create(session).ok());
    QVERIFY(SqlTokenStore(*db)
                .createFamily(u"fam-1"_s, u"app"_s, u"sub-1"_s, u"sid-1"_s, {}, session.expiresAt)
                .ok());
    QCOMPARE(SqlTokenStore(*db).revokeSession(u"sid-1"_s, session.expiresAt).value(), 1);
}

void TestDatabaseUnit::migration4AddsIntrospectionAndRevocation()
{
    if (TestDatabase::usingPostgres())
        QSKIP("SQLite file behaviour");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lanyard.db"_s);
    const QList<Migrations::Step> standard = Migrations::standard().steps();
    QVERIFY(standard.size() >= 4);
    {
        auto db = Database::open(path, Clock::system(), Migrations(standard.mid(0, 3)));
        QVERIFY2(db.ok(), qPrintable(db.error().message));
        QSqlQuery insert((*db)->connection());
        QVERIFY(insert.exec(
            u"INSERT INTO clients (client_id, token_endpoint_auth_method, require_pkce, "
            "require_consent, id_token_signed_response_alg, opaque_access_tokens, "
            "rotate_refresh_tokens, backchannel_logout_session_required, created_at, "
            "updated_at) VALUES ('api', 'client_secret_basic', 1, 0, 'RS256', 0, 1, 1, 0, 0)"_s));
    }
    auto db = Database::open(path, Clock::system(), Migrations(standard.mid(0, 4)));
    QVERIFY2(db.ok(), qPrintable(db.error().message));
    QCOMPARE((*db)->schemaVersion(), 4);
    // An existing client is no resource server until the admin says so.
    SqlClientStore clients(*db);
    auto api = clients.find(u"api"_s);
    QVERIFY(api.ok() && api->has_value());
    QVERIFY(!(*api)->resourceServer);
    Client changed = **api;
    changed.resourceServer = true;
    QVERIFY(clients.save(changed).ok());
    QVERIFY(clients.find(u"api"_s).value()->resourceServer);
    QVERIFY(sqliteHasObject((*db)->connection(), u"table"_s, u"revoked_access_tokens"_s));
    QVERIFY(sqliteHasObject((*db)->connection(), u"index"_s,
                            u"revoked_access_tokens_expires_at_idx"_s));
    // The column refuses anything but 0 and 1.
    QSqlQuery bad((*db)->connection());
    QVERIFY(!bad.exec(u"UPDATE clients SET resource_server = 2"_s));
}

void TestDatabaseUnit::migrationsMustBeNumbered()
{
    if (TestDatabase::usingPostgres())
        QSKIP("SQLite file behaviour");
    QTemporaryDir dir;
    const auto db = Database::open(dir.filePath(u"x.db"_s), Clock::system(),
                                   Migrations({{1, {u"CREATE TABLE a (x INTEGER)"_s}},
                                               {3, {u"CREATE TABLE b (x INTEGER)"_s}}}));
    QVERIFY(!db.ok());
    QCOMPARE(db.error().kind, Error::Kind::Invalid);
}

void TestDatabaseUnit::placeholdersPerDriver()
{
    const QString statement = u"CREATE TABLE t (id ${ID}, b ${BLOB})"_s;
    QCOMPARE(Migrations::forDriver(statement, DatabaseLocation::Driver::Sqlite),
             u"CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, b BLOB)"_s);
    QCOMPARE(Migrations::forDriver(statement, DatabaseLocation::Driver::Postgres),
             u"CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, b BYTEA)"_s);
    for (const Migrations::Step &step : Migrations::standard().steps()) {
        for (const QString &sql : step.statements) {
            // Portable SQL only: SQLite-isms stay in the connection set-up.
            QVERIFY2(!sql.contains(u"AUTOINCREMENT"_s, Qt::CaseInsensitive), qPrintable(sql));
            QVERIFY2(!sql.contains(u"PRAGMA"_s, Qt::CaseInsensitive), qPrintable(sql));
            QVERIFY2(!sql.contains(u"BYTEA"_s, Qt::CaseInsensitive), qPrintable(sql));
        }
    }
}

void TestDatabaseUnit::connectionPerThread()
{
    TestDatabase t;
    QVERIFY2(t.db, qPrintable(t.error));
    const QString mainName = t.db->connection().connectionName();
    const QStringList namesBefore = QSqlDatabase::connectionNames();

    constexpr int Threads = 4;
    constexpr int Rounds = 25;
    QMutex mutex;
    QStringList threadNames;
    QStringList failures;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < Threads; ++i) {
        threads.emplace_back(QThread::create([&, i] {
            SqlAccountStore accounts(t.db);
            SqlEventStore events(t.db);
            SqlSettingsStore settings(t.db);
            SqlClientStore clients(t.db);
            QStringList mine;
            for (int round = 0; round < Rounds; ++round) {
                const QString id = u"t%1-%2"_s.arg(i).arg(round);
                if (auto r = accounts.save(makeAccount(id, u"user-"_s + id)); !r)
                    mine.append(r.error().message);
                Event event;
                event.type = u"test.thread"_s;
                event.clientId = id;
                if (auto r = events.append({event}); !r)
                    mine.append(r.error().message);
                if (auto r = settings.set(u"thread%1"_s.arg(i), QString::number(round)); !r)
                    mine.append(r.error().message);
                if (auto r = clients.list(); !r)
                    mine.append(r.error().message);
            }
            const QString name = t.db->connection().connectionName();
            QMutexLocker lock(&mutex);
            threadNames.append(name);
            failures.append(mine);
        }));
    }
    for (auto &thread : threads)
        thread->start();
    for (auto &thread : threads)
        QVERIFY(thread->wait(60'000));

    QCOMPARE(failures, QStringList());
    QCOMPARE(threadNames.size(), Threads);
    const QSet<QString> distinct(threadNames.cbegin(), threadNames.cend());
    QCOMPARE(distinct.size(), Threads);
    QVERIFY(!distinct.contains(mainName));
    // Each thread's connection was removed when the thread finished.
    for (const QString &name : threadNames)
        QVERIFY2(!QSqlDatabase::contains(name), qPrintable(name));
    QCOMPARE(QSqlDatabase::connectionNames().size(), namesBefore.size());

    QCOMPARE(SqlAccountStore(t.db).count().value(), qint64(Threads * Rounds));
    EventQuery query;
    query.limit = 1000;
    QCOMPARE(SqlEventStore(t.db).query(query)->size(), Threads * Rounds);
    const auto settings = SqlSettingsStore(t.db).all();
    for (int i = 0; i < Threads; ++i)
        QCOMPARE(settings->value(u"thread%1"_s.arg(i)), QString::number(Rounds - 1));
}

void TestDatabaseUnit::destructorRemovesThisThreadsConnection()
{
    TestDatabase t;
    QVERIFY2(t.db, qPrintable(t.error));
    const QString name = t.db->connection().connectionName();
    QVERIFY(QSqlDatabase::contains(name));
    QCOMPARE(t.db->connection().connectionName(), name); // the same one each time
    t.db.reset();
    QVERIFY(!QSqlDatabase::contains(name));
}

void TestDatabaseUnit::transactionRollbackUndoesTwoStores()
{
    TestDatabase t;
    QVERIFY2(t.db, qPrintable(t.error));
    SqlClientStore clients(t.db);
    SqlAccountStore accounts(t.db);
    QVERIFY(!t.db->inTransaction());
    {
        Database::Transaction transaction(*t.db);
        QVERIFY(transaction.isActive());
        QVERIFY(!transaction.isNested());
        QVERIFY(t.db->inTransaction());
        QVERIFY(clients.save(makeClient(u"app"_s)).ok());
        QVERIFY(accounts.save(makeAccount(u"sub-1"_s, u"alice"_s)).ok());
        // Visible inside the transaction: the stores joined it.
        QVERIFY(clients.find(u"app"_s)->has_value());
        QCOMPARE(accounts.count().value(), qint64(1));
    }
    QVERIFY(!t.db->inTransaction());
    QCOMPARE(clients.count().value(), qint64(0));
    QCOMPARE(accounts.count().value(), qint64(0));
}

void TestDatabaseUnit::transactionCommitKeepsTwoStores()
{
    TestDatabase t;
    QVERIFY2(t.db, qPrintable(t.error));
    SqlClientStore clients(t.db);
    SqlAccountStore accounts(t.db);
    {
        Database::Transaction transaction(*t.db);
        QVERIFY(clients.save(makeClient(u"app"_s)).ok());
        QVERIFY(accounts.save(makeAccount(u"sub-1"_s, u"alice"_s)).ok());
        QVERIFY(transaction.commit().ok());
        QVERIFY(!transaction.commit().ok()); // only once
    }
    QCOMPARE(clients.count().value(), qint64(1));
    QCOMPARE(accounts.count().value(), qint64(1));
}

void TestDatabaseUnit::nestedTransactionJoinsOuter()
{
    TestDatabase t;
    QVERIFY2(t.db, qPrintable(t.error));
    SqlClientStore clients(t.db);
    {
        Database::Transaction outer(*t.db);
        {
            Database::Transaction inner(*t.db);
            QVERIFY(inner.isActive());
            QVERIFY(inner.isNested());
            QVERIFY(clients.save(makeClient(u"app"_s)).ok());
            QVERIFY(inner.commit().ok());
        }
        QVERIFY(t.db->inTransaction());
        // outer ends without commit: the inner commit did not write.
    }
    QCOMPARE(clients.count().value(), qint64(0));

    {
        Database::Transaction outer(*t.db);
        {
            Database::Transaction inner(*t.db);
            QVERIFY(clients.save(makeClient(u"app"_s)).ok());
            QVERIFY(inner.commit().ok());
        }
        QVERIFY(outer.commit().ok());
    }
    QCOMPARE(clients.count().value(), qint64(1));
}

void TestDatabaseUnit::uncommittedInnerScopeDoomsOuter()
{
    TestDatabase t;
    QVERIFY2(t.db, qPrintable(t.error));
    SqlClientStore clients(t.db);
    {
        Database::Transaction outer(*t.db);
        QVERIFY(clients.save(makeClient(u"a"_s)).ok());
        {
            Database::Transaction inner(*t.db);
            QVERIFY(clients.save(makeClient(u"b"_s)).ok());
        }
        const auto committed = outer.commit();
        QVERIFY(!committed.ok());
        QCOMPARE(committed.error().kind, Error::Kind::Storage);
    }
    QVERIFY(!t.db->inTransaction());
    QCOMPARE(clients.count().value(), qint64(0));
    // The next transaction starts clean.
    {
        Database::Transaction next(*t.db);
        QVERIFY(clients.save(makeClient(u"c"_s)).ok());
        QVERIFY(next.commit().ok());
    }
    QCOMPARE(clients.count().value(), qint64(1));
}

void TestDatabaseUnit::failedStoreCallDoomsOuter()
{
    TestDatabase t;
    QVERIFY2(t.db, qPrintable(t.error));
    SqlAccountStore accounts(t.db);
    {
        Database::Transaction outer(*t.db);
        QVERIFY(accounts.save(makeAccount(u"sub-1"_s, u"alice"_s)).ok());
        const auto clash = accounts.save(makeAccount(u"sub-2"_s, u"alice"_s));
        QVERIFY(!clash.ok());
        QCOMPARE(clash.error().kind, Error::Kind::Conflict);
        QVERIFY(!outer.commit().ok());
    }
    QCOMPARE(accounts.count().value(), qint64(0));
}

void TestDatabaseUnit::endActionsWaitForTheOutermostScope_data()
{
    QTest::addColumn<bool>("commit");
    QTest::newRow("committed") << true;
    QTest::newRow("rolled back") << false;
}

void TestDatabaseUnit::endActionsWaitForTheOutermostScope()
{
    QFETCH(bool, commit);
    TestDatabase t;
    QVERIFY2(t.db, qPrintable(t.error));
    QStringList ran;
    // Outside a transaction: at once.
    t.db->whenTransactionEnds([&ran] { ran.append(u"now"_s); });
    QCOMPARE(ran, QStringList{u"now"_s});
    bool inTransactionWhenRun = true;
    {
        Database::Transaction outer(*t.db);
        QVERIFY(outer.isActive());
        t.db->whenTransactionEnds([&ran] { ran.append(u"outer"_s); });
        {
            Database::Transaction inner(*t.db);
            t.db->whenTransactionEnds([&] {
                ran.append(u"inner"_s);
                inTransactionWhenRun = t.db->inTransaction();
            });
            QVERIFY(inner.commit().ok());
        }
        // The inner scope's end is not the transaction's.
        QCOMPARE(ran, QStringList{u"now"_s});
        if (commit)
            QVERIFY(outer.commit().ok());
        else
            outer.rollback();
        QCOMPARE(ran, (QStringList{u"now"_s, u"outer"_s, u"inner"_s}));
    }
    QVERIFY(!inTransactionWhenRun);
    // Run once: the next transaction starts with none.
    {
        Database::Transaction next(*t.db);
        QVERIFY(next.commit().ok());
    }
    QCOMPARE(ran.size(), 3);
}

void TestDatabaseUnit::uncommittedWritesInvisibleToOtherThreads()
{
    TestDatabase t;
    QVERIFY2(t.db, qPrintable(t.error));
    SqlSettingsStore settings(t.db);
    Database::Transaction transaction(*t.db);
    QVERIFY(settings.set(u"k"_s, u"v"_s).ok());
    int seen = -1;
    bool inTransactionThere = true;
    runInThread([&] {
        inTransactionThere = t.db->inTransaction();
        seen = static_cast<int>(settings.all().valueOr({{u"error"_s, u"x"_s}}).size());
    });
    QVERIFY(!inTransactionThere);
    QCOMPARE(seen, 0);
    QVERIFY(transaction.commit().ok());
    runInThread([&] { seen = static_cast<int>(settings.all().valueOr({}).size()); });
    QCOMPARE(seen, 1);
}

void TestDatabaseUnit::writersOfOneProcessTakeTurns()
{
    // Read-modify-write in a transaction from several threads: every
    // transaction begins (none fails with "database is locked") and no
    // increment is lost.
    TestDatabase t;
    QVERIFY2(t.db, qPrintable(t.error));
    SqlSettingsStore settings(t.db);
    QVERIFY(settings.set(u"counter"_s, u"0"_s).ok());
    constexpr int Threads = 4;
    constexpr int Rounds = 25;
    std::atomic<int> failures{0};
    QList<QThread *> threads;
    for (int i = 0; i < Threads; ++i) {
        threads.append(QThread::create([&] {
            for (int round = 0; round < Rounds; ++round) {
                Database::Transaction transaction(*t.db);
                const auto all = settings.all();
                if (!transaction.isActive() || !all) {
                    ++failures;
                    continue;
                }
                const int value = all->value(u"counter"_s).toInt();
                if (!settings.set(u"counter"_s, QString::number(value + 1)).ok() ||
                    !transaction.commit().ok())
                    ++failures;
            }
        }));
    }
    for (QThread *thread : std::as_const(threads))
        thread->start();
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(60'000));
        delete thread;
    }
    QCOMPARE(failures.load(), 0);
    QCOMPARE(settings.all()->value(u"counter"_s), QString::number(Threads * Rounds));
}

void TestDatabaseUnit::writeLockIsReleasedHowEverATransactionEnds_data()
{
    QTest::addColumn<QString>("ending");
    QTest::newRow("commit") << u"commit"_s;
    QTest::newRow("rollback") << u"rollback"_s;
    QTest::newRow("destructor") << u"destructor"_s;
    QTest::newRow("doomed commit") << u"doomed"_s;
    QTest::newRow("failed store call") << u"failed"_s;
}

void TestDatabaseUnit::writeLockIsReleasedHowEverATransactionEnds()
{
    QFETCH(QString, ending);
    TestDatabase t;
    QVERIFY2(t.db, qPrintable(t.error));
    SqlSettingsStore settings(t.db);
    SqlAccountStore accounts(t.db);
    QVERIFY(accounts.save(makeAccount(u"sub-1"_s, u"alice"_s)).ok());
    {
        Database::Transaction transaction(*t.db);
        QVERIFY(transaction.isActive());
        QVERIFY(settings.set(u"k"_s, u"v"_s).ok());
        if (ending == u"commit"_s) {
            QVERIFY(transaction.commit().ok());
        } else if (ending == u"rollback"_s) {
            transaction.rollback();
        } else if (ending == u"doomed"_s) {
            {
                Database::Transaction inner(*t.db);
            }
            QVERIFY(!transaction.commit().ok());
        } else if (ending == u"failed"_s) {
            QVERIFY(!accounts.save(makeAccount(u"sub-2"_s, u"alice"_s)).ok());
            QVERIFY(!transaction.commit().ok());
        }
    }
    // Another thread of the process writes at once. A write lock left
    // behind would make it wait BusyTimeoutMs and fail.
    bool otherBegan = false;
    bool otherCommitted = false;
    runInThread([&] {
        Database::Transaction other(*t.db);
        otherBegan = other.isActive();
        otherCommitted = otherBegan && settings.set(u"other"_s, u"1"_s).ok() && other.commit().ok();
    });
    QVERIFY(otherBegan);
    QVERIFY(otherCommitted);
    // And this thread again.
    Database::Transaction again(*t.db);
    QVERIFY(again.isActive());
    QVERIFY(again.commit().ok());
}

void TestDatabaseUnit::postgresOpensAndMigrates()
{
    if (!TestDatabase::usingPostgres())
        QSKIP("set LANYARD_TEST_POSTGRES_URL to a throwaway PostgreSQL database to run this");
    TestDatabase t;
    QVERIFY2(t.db, qPrintable(t.error));
    QCOMPARE(t.db->driverName(), u"QPSQL"_s);
    QCOMPARE(t.db->schemaVersion(), Migrations::standard().latestVersion());
    const auto recorded = Migrations::recordedVersion(t.db->connection(), t.db->driver());
    QVERIFY(recorded.ok());
    QCOMPARE(*recorded, Migrations::standard().latestVersion());
    // A second instance opening the same database finds it migrated.
    auto again = Database::open(t.location);
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
    QCOMPARE((*again)->schemaVersion(), t.db->schemaVersion());
    const QString password = DatabaseLocation::parse(t.location)->password();
    QVERIFY(password.isEmpty() || !(*again)->displayName().contains(password));
}

void TestDatabaseUnit::postgresReconnectsAfterConnectionLoss()
{
    if (!TestDatabase::usingPostgres())
        QSKIP("set LANYARD_TEST_POSTGRES_URL to a throwaway PostgreSQL database to run this");
    TestDatabase t;
    QVERIFY2(t.db, qPrintable(t.error));
    SqlSettingsStore settings(t.db);
    QVERIFY(settings.set(u"k"_s, u"v"_s).ok());
    {
        // What a server restart or an idle-connection killer does.
        QSqlQuery kill(t.db->connection());
        QVERIFY(!kill.exec(u"SELECT pg_terminate_backend(pg_backend_pid())"_s));
    }
    // The first call may still see the dead connection; it must not stay dead.
    const auto first = settings.all();
    const auto second = settings.all();
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().message));
    QCOMPARE(second->value(u"k"_s), u"v"_s);
    Q_UNUSED(first)
    {
        Database::Transaction transaction(*t.db);
        QVERIFY(transaction.isActive());
        QVERIFY(settings.set(u"k"_s, u"w"_s).ok());
        QVERIFY(transaction.commit().ok());
    }
    QCOMPARE(settings.all()->value(u"k"_s), u"w"_s);
}

void TestDatabaseUnit::postgresConnectionLostInTransactionFailsIt()
{
    if (!TestDatabase::usingPostgres())
        QSKIP("set LANYARD_TEST_POSTGRES_URL to a throwaway PostgreSQL database to run this");
    TestDatabase t;
    QVERIFY2(t.db, qPrintable(t.error));
    SqlSettingsStore settings(t.db);
    QVERIFY(settings.set(u"k"_s, u"before"_s).ok());
    {
        Database::Transaction transaction(*t.db);
        QVERIFY(settings.set(u"k"_s, u"lost"_s).ok());
        {
            QSqlQuery kill(t.db->connection());
            QVERIFY(!kill.exec(u"SELECT pg_terminate_backend(pg_backend_pid())"_s));
        }
        // Not on a new connection in autocommit mode: the transaction is gone.
        const auto after = settings.set(u"other"_s, u"x"_s);
        QVERIFY(!after.ok());
        QVERIFY2(after.error().message.contains(u"lost"_s), qPrintable(after.error().message));
        QVERIFY(!transaction.commit().ok());
    }
    const auto all = settings.all();
    QVERIFY2(all.ok(), qPrintable(all.ok() ? QString() : all.error().message));
    QCOMPARE(all->value(u"k"_s), u"before"_s);
    QVERIFY(!all->contains(u"other"_s));
}

QTEST_GUILESS_MAIN(TestDatabaseUnit)
#include "tst_database.moc"
