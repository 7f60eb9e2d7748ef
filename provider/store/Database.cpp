// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Database.h"

#include "store/Migrations.h"
#include "store/SqlSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QThreadStorage>

#include <unordered_map>
#include <vector>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace lanyard {

/// What one thread knows about its use of one Database.
struct DatabaseThreadState
{
    /// QSqlDatabase connection name; empty until the thread first asks.
    QString connectionName;
    /// Open Transaction scopes (0: none).
    int depth = 0;
    /// An inner scope ended without commit: the outer commit must fail.
    bool doomed = false;
    /// Database::whenTransactionEnds() actions waiting for the outermost
    /// scope to end.
    std::vector<std::function<void()>> endActions;
};

namespace {

std::atomic<quint64> nextDatabaseId{1};
std::atomic<quint64> nextThreadSerial{1};

void dropConnection(const QString &name)
{
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

/// Every connection one thread opened, for every Database. QThreadStorage
/// deletes it in that thread when the thread finishes (the main thread's
/// when QCoreApplication is destroyed), which closes and removes them.
struct ThreadConnections
{
    const quint64 serial = nextThreadSerial.fetch_add(1);
    // Node-based: references to states stay valid while others are added.
    std::unordered_map<quint64, DatabaseThreadState> states;

    ThreadConnections() = default;
    ThreadConnections(const ThreadConnections &) = delete;
    ThreadConnections &operator=(const ThreadConnections &) = delete;
    ~ThreadConnections()
    {
        for (const auto &[id, state] : states) {
            if (!state.connectionName.isEmpty())
                dropConnection(state.connectionName);
        }
    }
};

Q_GLOBAL_STATIC(QThreadStorage<ThreadConnections *>, threadConnections)

/// A number for the calling thread, unique for the life of the process
/// (thread ids are reused; connection names must not be).
quint64 currentThreadSerial()
{
    QThreadStorage<ThreadConnections *> *storage = threadConnections();
    return storage && storage->hasLocalData() ? storage->localData()->serial : 0;
}

/// Creates the SQLite file (0600) and its folders (the last one 0700) when
/// missing, so that SQLite's own -wal and -shm files inherit the mode. In a
/// folder shared with a group (setgid, as lanyard.service's /var/lib/lanyard)
/// the file is 0660 instead, so the group's members can manage it too.
Result<void, Error> prepareSqliteFile(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists())
        return {};
    const QDir folder = info.absoluteDir();
    if (!folder.exists()) {
        if (!QDir().mkpath(folder.absolutePath()))
            return Error::io(u"cannot create the folder %1"_s.arg(folder.absolutePath()));
        // It will hold the signing keys: for the owner only (best effort).
        QFile::setPermissions(folder.absolutePath(), QFileDevice::ReadOwner |
                                                         QFileDevice::WriteOwner |
                                                         QFileDevice::ExeOwner);
    }
    QFileDevice::Permissions mode = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    struct stat folderStatus = {};
    const bool shared =
        ::stat(QFile::encodeName(folder.absolutePath()).constData(), &folderStatus) == 0 &&
        (folderStatus.st_mode & S_ISGID) != 0;
    if (shared)
        mode |= QFileDevice::ReadGroup | QFileDevice::WriteGroup;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, mode) && !file.exists())
        return Error::io(u"cannot create %1: %2"_s.arg(path, file.errorString()));
    // Whatever the umask of the member who created it.
    if (shared && file.isOpen())
        file.setPermissions(mode);
    return {};
}

} // namespace

Database::Database(DatabaseLocation location, std::shared_ptr<const Clock> clock)
    : m_id(nextDatabaseId.fetch_add(1)), m_location(std::move(location)), m_clock(std::move(clock))
{}

Database::~Database()
{
    QThreadStorage<ThreadConnections *> *storage = threadConnections();
    if (!storage || !storage->hasLocalData())
        return;
    ThreadConnections *connections = storage->localData();
    const auto it = connections->states.find(m_id);
    if (it == connections->states.end())
        return;
    if (!it->second.connectionName.isEmpty())
        dropConnection(it->second.connectionName);
    connections->states.erase(it);
}

Result<std::shared_ptr<Database>, Error> Database::open(const QString &location,
                                                        std::shared_ptr<const Clock> clock)
{
    return open(location, std::move(clock), Migrations::standard());
}

Result<std::shared_ptr<Database>, Error> Database::open(const QString &location,
                                                        std::shared_ptr<const Clock> clock,
                                                        const Migrations &migrations)
{
    auto parsed = DatabaseLocation::parse(location);
    if (!parsed)
        return parsed.error();
    const QString driver = parsed->qtDriverName();
    if (!QSqlDatabase::isDriverAvailable(driver))
        return Error::unsupported(
            u"the Qt Sql driver %1 is not installed (Debian: libqt6sql6-%2)"_s.arg(
                driver, parsed->driver() == Driver::Postgres ? u"psql"_s : u"sqlite"_s));
    if (parsed->driver() == Driver::Sqlite) {
        if (auto prepared = prepareSqliteFile(parsed->databaseName()); !prepared)
            return prepared.error();
    }

    std::shared_ptr<Database> db(
        new Database(std::move(parsed).value(), clock ? std::move(clock) : Clock::system()));
    auto connection = db->checkedConnection();
    if (!connection)
        return connection.error();

    // Look before touching anything: a newer schema must leave the file as it was.
    const auto recorded = Migrations::recordedVersion(*connection, db->driver());
    if (!recorded)
        return recorded.error();
    if (*recorded > migrations.latestVersion())
        return Migrations::tooNewError(*recorded, migrations.latestVersion());

    if (db->driver() == Driver::Sqlite) {
        db->m_walAllowed = true;
        if (auto wal = db->setUpSqlite(*connection); !wal)
            return wal.error();
    }
    const auto applied = migrations.apply(*db);
    if (!applied)
        return applied.error();
    db->m_schemaVersion = *applied;
    return db;
}

QString Database::defaultLocation()
{
    // $XDG_DATA_HOME/lanyard/lanyard.db (~/.local/share/lanyard/lanyard.db):
    // the path the README names, whatever the organisation name is.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           u"/lanyard/lanyard.db"_s;
}

DatabaseThreadState &Database::threadState() const
{
    QThreadStorage<ThreadConnections *> *storage = threadConnections();
    Q_ASSERT_X(storage, "Database", "used after static destruction");
    if (!storage->hasLocalData())
        storage->setLocalData(new ThreadConnections);
    return storage->localData()->states[m_id];
}

QSqlDatabase Database::connection() const
{
    auto db = checkedConnection();
    if (db)
        return *db;
    const DatabaseThreadState &state = threadState();
    return QSqlDatabase::database(state.connectionName, false);
}

Result<QSqlDatabase, Error> Database::checkedConnection() const
{
    DatabaseThreadState &state = threadState();
    QSqlDatabase db;
    if (state.connectionName.isEmpty()) {
        const QString threadName = QThread::currentThread()->objectName();
        state.connectionName = u"lanyard.db%1.thread%2"_s.arg(m_id).arg(currentThreadSerial()) +
                               (threadName.isEmpty() ? QString() : u'.' + threadName);
        db = QSqlDatabase::addDatabase(m_location.qtDriverName(), state.connectionName);
        db.setDatabaseName(m_location.databaseName());
        if (m_location.driver() == Driver::Sqlite) {
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeoutMs));
        } else {
            db.setHostName(m_location.hostName());
            db.setPort(m_location.port());
            db.setUserName(m_location.userName());
            db.setPassword(m_location.password());
            db.setConnectOptions(m_location.connectOptions());
        }
    } else {
        db = QSqlDatabase::database(state.connectionName, false);
        if (db.isOpen())
            return db;
        // Statements after a lost connection must not run outside the
        // transaction they belong to.
        if (state.depth > 0)
            return Error::storage(
                u"the connection to %1 was lost during a transaction"_s.arg(displayName()));
    }
    if (auto opened = openConnection(db); !opened)
        return opened.error();
    return db;
}

Result<void, Error> Database::openConnection(QSqlDatabase &db) const
{
    if (!db.open()) {
        return Error::storage(u"cannot open the database %1: %2"_s.arg(
            displayName(), SqlSupport::firstLine(db.lastError().text())));
    }
    if (m_location.driver() == Driver::Sqlite) {
        if (auto setUp = setUpSqlite(db); !setUp) {
            db.close();
            return setUp.error();
        }
    }
    return {};
}

Result<void, Error> Database::setUpSqlite(QSqlDatabase &db) const
{
    QStringList pragmas{
        u"PRAGMA busy_timeout=%1"_s.arg(BusyTimeoutMs),
        u"PRAGMA foreign_keys=ON"_s,
        u"PRAGMA synchronous=NORMAL"_s,
    };
    if (m_walAllowed)
        pragmas.append(u"PRAGMA journal_mode=WAL"_s);
    for (const QString &pragma : pragmas) {
        QSqlQuery query(db);
        if (!query.exec(pragma))
            return SqlSupport::error(u"cannot set up the SQLite connection"_s, query.lastError());
        if (pragma.contains(u"journal_mode"_s) &&
            (!query.next() || query.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive)))
            return Error::storage(u"cannot switch %1 to WAL journal mode"_s.arg(displayName()));
    }
    return {};
}

bool Database::inTransaction() const
{
    return threadState().depth > 0;
}

void Database::whenTransactionEnds(std::function<void()> action) const
{
    DatabaseThreadState &state = threadState();
    if (state.depth > 0)
        state.endActions.push_back(std::move(action));
    else
        action();
}

void Database::Transaction::runEndActions()
{
    // Taken first: an action may itself use the database.
    std::vector<std::function<void()>> actions;
    actions.swap(m_db.threadState().endActions);
    for (const auto &action : actions)
        action();
}

Database::Transaction::Transaction(const Database &db) : m_db(db)
{
    DatabaseThreadState &state = db.threadState();
    if (state.depth > 0) {
        ++state.depth;
        m_nested = true;
        m_state = State::Open;
        return;
    }
    auto connection = db.checkedConnection();
    if (!connection) {
        m_error = connection.error();
        return;
    }
    bool begun = false;
    QSqlError failure;
    if (db.driver() == Driver::Sqlite) {
        // One writer at a time in this process: wait here, woken as soon as
        // the writer before us is done, rather than in SQLite's busy handler,
        // which polls with sleeps of up to 100 ms.
        if (!db.m_writeLock.try_lock_for(std::chrono::milliseconds(BusyTimeoutMs))) {
            m_error = Error::storage(
                u"cannot begin a transaction: another writer of this process held %1 for "
                "more than %2 ms"_s.arg(db.displayName())
                    .arg(BusyTimeoutMs));
            return;
        }
        m_holdsWriteLock = true;
        // IMMEDIATE takes the write lock now: a deferred transaction that
        // reads and then writes can fail at once instead of waiting.
        QSqlQuery begin(*connection);
        begun = begin.exec(u"BEGIN IMMEDIATE"_s);
        failure = begin.lastError();
    } else {
        begun = connection->transaction();
        failure = connection->lastError();
    }
    if (!begun) {
        releaseWriteLock();
        m_error = SqlSupport::error(u"cannot begin a transaction"_s, failure);
        return;
    }
    state.depth = 1;
    state.doomed = false;
    m_state = State::Open;
}

Database::Transaction::~Transaction()
{
    rollback();
}

void Database::Transaction::releaseWriteLock()
{
    if (m_holdsWriteLock) {
        m_holdsWriteLock = false;
        m_db.m_writeLock.unlock();
    }
}

Result<void, Error> Database::Transaction::commit()
{
    if (m_state == State::Failed)
        return m_error;
    if (m_state == State::Done)
        return Error::invalid(u"the transaction has already ended"_s);
    m_state = State::Done;
    DatabaseThreadState &state = m_db.threadState();
    if (m_nested) {
        --state.depth;
        return {};
    }
    state.depth = 0;
    // Declared first, so it runs last: after COMMIT or ROLLBACK and unlocking.
    const auto ended = qScopeGuard([this] { runEndActions(); });
    const auto unlock = qScopeGuard([this] { releaseWriteLock(); });
    // The connection the transaction began on; never a reopened one.
    QSqlDatabase connection = QSqlDatabase::database(state.connectionName, false);
    if (!connection.isOpen()) {
        state.doomed = false;
        return Error::storage(u"the connection was lost during the transaction"_s);
    }
    if (state.doomed) {
        state.doomed = false;
        connection.rollback();
        return Error::storage(
            u"the transaction was rolled back because a part of it did not complete"_s);
    }
    if (!connection.commit()) {
        Error error = SqlSupport::error(u"cannot commit"_s, connection.lastError());
        connection.rollback();
        return error;
    }
    return {};
}

void Database::Transaction::rollback()
{
    if (m_state != State::Open)
        return;
    m_state = State::Done;
    DatabaseThreadState &state = m_db.threadState();
    if (m_nested) {
        --state.depth;
        state.doomed = true;
        return;
    }
    state.depth = 0;
    state.doomed = false;
    QSqlDatabase connection = QSqlDatabase::database(state.connectionName, false);
    if (connection.isOpen())
        connection.rollback();
    releaseWriteLock();
    runEndActions();
}

} // namespace lanyard
