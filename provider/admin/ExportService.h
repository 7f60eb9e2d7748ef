// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"

#include <QJsonObject>

#include <memory>

namespace lanyard {

class AccountStore;
class ClientStore;

/// `lanyard export`: every client and account in the import format
/// (CONTRACT.md), clients by client_id and accounts by username, so the
/// output is stable and `import` of it into a fresh database round-trips.
class ExportService
{
public:
    ExportService(std::shared_ptr<ClientStore> clients, std::shared_ptr<AccountStore> accounts);

    /// Secret hashes and password hashes are included only when
    /// `withSecrets`. Any thread.
    Result<QJsonObject, Error> exportAll(bool withSecrets) const;

private:
    std::shared_ptr<ClientStore> m_clients;
    std::shared_ptr<AccountStore> m_accounts;
};

} // namespace lanyard
