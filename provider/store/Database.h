// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/Result.h"
#include "store/DatabaseLocation.h"

#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace lanyard {

class Migrations;
struct DatabaseThreadState;

/// The provider's database: SQLite (a file, the default) or PostgreSQL (a
/// `postgresql://` URL), with the schema migrated to the version this build
/// knows.
///
/// Qt's rule is one QSqlDatabase connection per thread: connection() opens
/// the calling thread's connection on first use (named after this Database
/// and the thread) and it is closed and removed when that thread finishes
/// (for the main thread: when QCoreApplication is destroyed), or at once when
/// this Database is destroyed on that thread. Every SQLite connection runs
/// with `journal_mode=WAL`, `busy_timeout=5000`, `foreign_keys=ON` and
/// `synchronous=NORMAL`.
///
/// SQLite has one writer at a time. Writers of this process queue on an
/// in-process write lock (see Transaction) instead of meeting each other in
/// SQLite's busy handler, which sleeps between retries (up to 100 ms a
/// step) and so leaves the cores idle while requests wait; busy_timeout
/// still arbitrates between processes (another `lanyard` command, a second
/// server on the same file).
///
/// Shared by every store through std::shared_ptr; all member functions may
/// be called from any thread.
class Database
{
public:
    using Driver = DatabaseLocation::Driver;
    class Transaction;

    /// How long a SQLite connection waits for another writer (busy_timeout).
    static constexpr int BusyTimeoutMs = 5000;

    /// Opens (creating when needed) the database at `location` — a file path
    /// or a `postgresql://user:pass@host:port/db` URL (see DatabaseLocation)
    /// — and applies the standard migrations inside one transaction. A new
    /// SQLite file gets mode 0600 and its parent folders are created. A
    /// database whose schema is newer than this build knows is refused
    /// (Error::Kind::Unsupported) and left untouched. Any thread; the
    /// Database may then be used from every thread.
    static Result<std::shared_ptr<Database>, Error>
    open(const QString &location, std::shared_ptr<const Clock> clock = Clock::system());
    /// As above with another migration list (tests, tools). Any thread.
    static Result<std::shared_ptr<Database>, Error>
    open(const QString &location, std::shared_ptr<const Clock> clock, const Migrations &migrations);

    /// The SQLite file used when no location is given, shared by the window
    /// and the command line: $XDG_DATA_HOME/lanyard/lanyard.db (by default
    /// ~/.local/share/lanyard/lanyard.db). Any thread.
    static QString defaultLocation();

    /// Closes this thread's connection now; other threads' connections close
    /// when their threads finish.
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// The calling thread's connection, opened on first use. When it cannot
    /// be opened the result is a closed QSqlDatabase whose queries fail;
    /// checkedConnection() says why. Never pass it to another thread. Any
    /// thread.
    QSqlDatabase connection() const;
    /// The calling thread's connection, or the reason it could not be opened
    /// (Error::Kind::Storage). The next call tries again, so a PostgreSQL
    /// connection the server dropped (QPSQL marks it closed) is reopened —
    /// except inside a Transaction, where calls fail until it ends rather
    /// than run outside it. Any thread.
    Result<QSqlDatabase, Error> checkedConnection() const;

    /// True when the calling thread has a Transaction open on this database.
    /// Any thread.
    bool inTransaction() const;

    /// Runs `action` on the calling thread once its outermost Transaction on
    /// this database has ended (committed or rolled back), or at once when
    /// none is open: for caches that must forget what a write may have
    /// changed only when other connections can see it. Any thread.
    void whenTransactionEnds(std::function<void()> action) const;

    /// The schema version after open() migrated the database. Any thread.
    int schemaVersion() const { return m_schemaVersion; }
    /// "QSQLITE" or "QPSQL". Any thread.
    QString driverName() const { return m_location.qtDriverName(); }
    Driver driver() const { return m_location.driver(); }
    /// Where the database is, without any password: for messages. Any thread.
    QString displayName() const { return m_location.displayName(); }
    /// The clock stores use for createdAt/updatedAt and unset event times.
    const std::shared_ptr<const Clock> &clock() const { return m_clock; }

private:
    Database(DatabaseLocation location, std::shared_ptr<const Clock> clock);

    DatabaseThreadState &threadState() const;
    Result<void, Error> openConnection(QSqlDatabase &db) const;
    Result<void, Error> setUpSqlite(QSqlDatabase &db) const;

    const quint64 m_id;
    const DatabaseLocation m_location;
    const std::shared_ptr<const Clock> m_clock;
    int m_schemaVersion = 0;
    /// SQLite: set once open() knows the schema is not too new; only then do
    /// connections switch the file to WAL (which rewrites its header).
    std::atomic<bool> m_walAllowed{false};
    /// SQLite: held by the outermost Transaction of whichever thread writes,
    /// from before BEGIN IMMEDIATE until after COMMIT or ROLLBACK.
    mutable std::timed_mutex m_writeLock;
};

/// A transaction on the calling thread's connection of a Database, as a
/// scope: begun by the constructor, committed by commit(), rolled back by the
/// destructor when not committed. SQLite transactions begin IMMEDIATE (they
/// take the write lock at once, so concurrent writers wait busy_timeout
/// instead of failing on a lock upgrade), after taking the Database's
/// in-process write lock: threads of this process that write wait for each
/// other on that lock, woken the moment the writer before them ends, for at
/// most BusyTimeoutMs (then the Transaction fails to begin, as SQLite's
/// "database is locked" would). Keep SQLite transactions short: every other
/// writer of the process waits for them; reads never wait (WAL).
///
/// Nesting joins: a Transaction created while another is open on the same
/// thread and Database becomes part of the outer one. Its commit() only ends
/// the inner scope; the outer commit() writes everything. An inner scope that
/// ends without commit() dooms the whole transaction: the outer commit()
/// then rolls back and fails. (Every store write runs in such a scope, so a
/// failed store call inside your transaction dooms it, on SQLite as on
/// PostgreSQL, which aborts a transaction at its first failed statement.)
///
/// Create, commit and destroy it on one thread; the Database must outlive it.
class Database::Transaction
{
public:
    explicit Transaction(const Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// False when the transaction could not begin; error() says why and
    /// commit() returns it.
    bool isActive() const { return m_state == State::Open; }
    /// True when this scope joined a transaction already open on the thread.
    bool isNested() const { return m_nested; }
    /// Why beginning failed.
    const Error &error() const { return m_error; }

    /// Ends the scope successfully. The outermost scope commits, or rolls
    /// back and fails when an inner scope was rolled back or COMMIT failed.
    Result<void, Error> commit();
    /// Ends the scope without committing (the destructor does the same).
    void rollback();

private:
    enum class State { Failed, Open, Done };

    /// Ends the outermost scope on SQLite: releases the write lock.
    void releaseWriteLock();
    /// Ends the outermost scope: runs the whenTransactionEnds() actions.
    void runEndActions();

    const Database &m_db;
    State m_state = State::Failed;
    bool m_nested = false;
    /// This (outermost, SQLite) scope holds Database::m_writeLock.
    bool m_holdsWriteLock = false;
    Error m_error;
};

} // namespace lanyard
