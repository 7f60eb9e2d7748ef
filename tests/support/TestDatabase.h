// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MockClock.h"
#include "store/Database.h"

#include <QSqlQuery>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace lanyard::test {

/// A database for one store test. By default a fresh SQLite file in its own
/// QTemporaryDir. When the environment variable LANYARD_TEST_POSTGRES_URL is
/// set (postgresql://user:pass@host:port/db of a throwaway database), that
/// PostgreSQL database instead, with every Lanyard table emptied first, so
/// the same store tests cover both drivers.
///
///     TestDatabase t(clock);
///     QVERIFY2(t.db, qPrintable(t.error));
class TestDatabase
{
    // First, so it is removed after the database is closed.
    QTemporaryDir m_dir;

public:
    static QString postgresUrl() { return qEnvironmentVariable("LANYARD_TEST_POSTGRES_URL"); }
    static bool usingPostgres() { return !postgresUrl().isEmpty(); }

    explicit TestDatabase(std::shared_ptr<const Clock> clock = std::make_shared<MockClock>())
    {
        using namespace Qt::StringLiterals;
        location = usingPostgres() ? postgresUrl() : m_dir.filePath(u"lanyard.db"_s);
        auto opened = Database::open(location, std::move(clock));
        if (!opened) {
            error = opened.error().message;
            return;
        }
        db = std::move(opened).value();
        if (usingPostgres()) {
            for (const QString &table :
                 {u"events"_s, u"accounts"_s, u"clients"_s, u"signing_keys"_s, u"settings"_s,
                  u"sessions"_s, u"interactions"_s, u"authorization_codes"_s, u"tokens"_s,
                  u"token_families"_s, u"revoked_families"_s, u"consents"_s, u"login_failures"_s,
                  u"revoked_access_tokens"_s}) {
                QSqlQuery query(db->connection());
                if (!query.exec(u"DELETE FROM "_s + table)) {
                    error = u"cannot empty "_s + table;
                    db.reset();
                    return;
                }
            }
        }
    }

    /// A path inside the test's own temporary folder.
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    std::shared_ptr<Database> db;
    QString error;
    QString location;
};

} // namespace lanyard::test
