// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/ExportService.h"

#include "admin/AccountValidator.h"
#include "admin/ClientValidator.h"
#include "store/AccountStore.h"
#include "store/ClientStore.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lanyard {

ExportService::ExportService(std::shared_ptr<ClientStore> clients,
                             std::shared_ptr<AccountStore> accounts)
    : m_clients(std::move(clients)), m_accounts(std::move(accounts))
{}

Result<QJsonObject, Error> ExportService::exportAll(bool withSecrets) const
{
    auto clients = m_clients->list();
    if (!clients)
        return clients.error();
    auto accounts = m_accounts->list();
    if (!accounts)
        return accounts.error();

    std::sort(clients->begin(), clients->end(),
              [](const Client &a, const Client &b) { return a.clientId < b.clientId; });
    std::sort(accounts->begin(), accounts->end(),
              [](const Account &a, const Account &b) { return a.username < b.username; });

    QJsonArray clientArray;
    for (const Client &client : std::as_const(*clients))
        clientArray.append(ClientValidator::toJson(client, withSecrets));
    QJsonArray accountArray;
    for (const Account &account : std::as_const(*accounts))
        accountArray.append(AccountValidator::toJson(account, withSecrets));
    return QJsonObject{{u"clients"_s, clientArray}, {u"accounts"_s, accountArray}};
}

} // namespace lanyard
