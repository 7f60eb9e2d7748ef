// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <optional>

class QSqlError;

namespace lanyard {

class Database;

/// What every Sql*Store does the same way: run a prepared statement with
/// bound values, turn driver failures into Error values, and convert between
/// model types and the portable column types of the schema (TEXT never NULL,
/// INTEGER 0/1 flags, BIGINT milliseconds since the epoch in UTC, JSON text).
/// Stateless; any thread, with that thread's connection.
class SqlSupport
{
public:
    /// The LIKE escape character used with likeContains() (`ESCAPE '!'`).
    static constexpr char16_t LikeEscape = u'!';

    /// Prepares `sql` on `db`, binds `values` to its `?` placeholders in order
    /// and executes it, forward-only. Without values the statement is executed
    /// unprepared (PostgreSQL cannot prepare DDL): never build `sql` from
    /// input. Failures become Error::storage (or
    /// Error::conflict for a unique-constraint violation) whose message is
    /// `what` and the driver's first line, never a bound value.
    static Result<QSqlQuery, Error> exec(const QSqlDatabase &db, const QString &what,
                                         const QString &sql, const QVariantList &values = {});
    /// The same on the calling thread's connection of `db`; a connection that
    /// cannot be opened is reported with the reason. (A PostgreSQL connection
    /// that dies is marked closed by QPSQL, and the next call reconnects.)
    static Result<QSqlQuery, Error> exec(const Database &db, const QString &what,
                                         const QString &sql, const QVariantList &values = {});

    /// Runs one writing statement as exec() does, inside a
    /// Database::Transaction scope (so it joins the calling thread's open
    /// transaction), and returns the number of rows it affected.
    static Result<int, Error> write(const Database &db, const QString &what, const QString &sql,
                                    const QVariantList &values);

    /// An Error for a failed statement: `what: <driver message>`. Keeps only
    /// the first line of the database text (PostgreSQL's DETAIL line may
    /// quote values).
    static Error error(const QString &what, const QSqlError &error);
    /// True for a UNIQUE or PRIMARY KEY violation (SQLite 19/2067/1555,
    /// PostgreSQL 23505).
    static bool isUniqueViolation(const QSqlError &error);
    /// `text` up to its first line break, trimmed.
    static QString firstLine(const QString &text);

    /// A TEXT value that is never NULL (a null QString binds as '').
    static QVariant text(const QString &value);
    /// A 0/1 INTEGER (PostgreSQL refuses booleans in INTEGER columns).
    static QVariant flag(bool value) { return QVariant(value ? 1 : 0); }
    /// Milliseconds since the epoch, or NULL for an invalid time.
    static QVariant msecs(const QDateTime &time);
    /// The UTC time stored by msecs(); invalid for NULL.
    static QDateTime dateTime(const QVariant &value);

    /// A JSON array of strings, compact.
    static QString jsonText(const QStringList &list);
    /// A JSON object, compact.
    static QString jsonText(const QJsonObject &object);
    /// Parses what jsonText(QStringList) wrote; nullopt when it is not an
    /// array of strings.
    static std::optional<QStringList> stringList(const QVariant &value);
    /// Parses what jsonText(QJsonObject) wrote; nullopt when it is not an
    /// object.
    static std::optional<QJsonObject> object(const QVariant &value);

    /// A LIKE pattern matching values that contain `text` literally, lower
    /// case: `%`, `_` and the escape character are escaped with LikeEscape.
    static QString likeContains(const QString &text);
};

} // namespace lanyard
