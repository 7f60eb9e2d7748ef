// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/ImportReport.h"
#include "core/Result.h"

#include <QByteArray>

#include <memory>

namespace lanyard {

class AccountStore;
class ClientStore;
class Database;
class EventBus;
class PasswordHasher;
class RandomSource;
class SecretHasher;

/// `lanyard import`: creates or updates clients and accounts from a JSON
/// document in the format of CONTRACT.md. Everything is validated before
/// anything is written, and the whole file is applied in one transaction:
/// either every change lands or none does. Each created or updated entity
/// is announced as an admin.changed event after the commit.
class ImportService
{
public:
    struct Dependencies
    {
        std::shared_ptr<Database> database;
        std::shared_ptr<ClientStore> clients;
        std::shared_ptr<AccountStore> accounts;
        std::shared_ptr<const SecretHasher> secretHasher;
        std::shared_ptr<const PasswordHasher> passwordHasher;
        std::shared_ptr<RandomSource> random;
        /// May be null (no events).
        EventBus *events = nullptr;
    };

    explicit ImportService(Dependencies dependencies);

    /// Imports `json`. On failure returns every problem found, each with its
    /// JSON path, and the database is untouched. `actor` names who asked
    /// (for the admin.changed events). Any thread; blocks while hashing.
    Result<ImportReport, ValidationProblems> importJson(const QByteArray &json,
                                                        const QString &actor) const;

private:
    Dependencies m_deps;
};

} // namespace lanyard
