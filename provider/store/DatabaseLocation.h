// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"

#include <QString>

namespace lanyard {

/// Where the database lives, parsed from what `--db` or the settings say:
/// a SQLite file path, or a `postgresql://user:password@host:port/dbname`
/// URL (`postgres://` works too; `?name=value` query items are passed on to
/// libpq as connection options, for example `sslmode=require` or
/// `host=/run/postgresql` for a Unix socket). Plain value; any thread.
class DatabaseLocation
{
public:
    enum class Driver { Sqlite, Postgres };

    /// Parses `location`. Relative SQLite paths are made absolute against the
    /// current directory. Errors (Invalid) never repeat the password.
    static Result<DatabaseLocation, Error> parse(const QString &location);

    Driver driver() const { return m_driver; }
    /// The Qt Sql driver name: QSQLITE or QPSQL.
    QString qtDriverName() const;

    /// SQLite: the absolute file path. PostgreSQL: the database name.
    QString databaseName() const { return m_databaseName; }
    /// PostgreSQL only.
    QString hostName() const { return m_hostName; }
    int port() const { return m_port; }
    QString userName() const { return m_userName; }
    QString password() const { return m_password; }
    /// libpq options for QSqlDatabase::setConnectOptions ("a=1;b=2").
    QString connectOptions() const { return m_connectOptions; }

    /// The location for messages and logs: the path, or the URL without its
    /// password.
    QString displayName() const;

private:
    Driver m_driver = Driver::Sqlite;
    QString m_databaseName;
    QString m_hostName;
    int m_port = 5432;
    QString m_userName;
    QString m_password;
    QString m_connectOptions;
};

} // namespace lanyard
