// SPDX-License-Identifier: GPL-3.0-or-later
#include "clients/ClientTableModel.h"

#include "admin/ClientValidator.h"

#include <QHash>
#include <QLocale>
#include <QSet>

namespace lanyard::ui {

namespace {

bool sameClient(const Client &a, const Client &b)
{
    return a.updatedAt == b.updatedAt && a.createdAt == b.createdAt &&
           ClientValidator::toJson(a, false) == ClientValidator::toJson(b, false);
}

} // namespace

ClientTableModel::ClientTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ClientTableModel::setClients(const QList<Client> &clients)
{
    QHash<QString, qsizetype> incoming;
    for (qsizetype i = 0; i < clients.size(); ++i)
        incoming.insert(clients.at(i).clientId, i);

    for (int row = int(m_clients.size()) - 1; row >= 0; --row) {
        if (incoming.contains(m_clients.at(row).clientId))
            continue;
        beginRemoveRows({}, row, row);
        m_clients.removeAt(row);
        endRemoveRows();
    }

    QSet<QString> present;
    for (int row = 0; row < m_clients.size(); ++row) {
        Client &current = m_clients[row];
        present.insert(current.clientId);
        const Client &fresh = clients.at(incoming.value(current.clientId));
        if (sameClient(current, fresh))
            continue;
        current = fresh;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }

    QList<Client> added;
    for (const Client &client : clients) {
        if (!present.contains(client.clientId))
            added.append(client);
    }
    if (!added.isEmpty()) {
        const int first = int(m_clients.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_clients += added;
        endInsertRows();
    }
}

int ClientTableModel::rowOf(const QString &clientId) const
{
    for (int row = 0; row < m_clients.size(); ++row) {
        if (m_clients.at(row).clientId == clientId)
            return row;
    }
    return -1;
}

int ClientTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_clients.size());
}

int ClientTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ClientTableModel::typeText(const Client &client)
{
    if (client.isPublic())
        return tr("Public");
    return tr("Confidential (%1)").arg(client.tokenEndpointAuthMethod);
}

QVariant ClientTableModel::display(const Client &client, int column) const
{
    switch (static_cast<Column>(column)) {
    case ClientId:
        return client.clientId;
    case Name:
        return client.clientName;
    case Type:
        return typeText(client);
    case GrantTypes:
        return client.grantTypes.join(QStringLiteral(", "));
    case RedirectUris:
        if (client.redirectUris.isEmpty())
            return tr("None");
        if (client.redirectUris.size() == 1)
            return client.redirectUris.first();
        return tr("%1 (+%n more)", nullptr, int(client.redirectUris.size()) - 1)
            .arg(client.redirectUris.first());
    case Created:
        return client.createdAt.isValid()
                   ? QLocale().toString(client.createdAt.toLocalTime(), QLocale::ShortFormat)
                   : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ClientTableModel::toolTip(const Client &client, int column) const
{
    switch (static_cast<Column>(column)) {
    case RedirectUris:
        return client.redirectUris.join(u'\n');
    case Type:
        return client.isPublic()
                   ? tr("A public client (a browser or native app) has no secret and must use "
                        "PKCE.")
                   : tr("A confidential client (a server) authenticates with its secret.");
    case Created:
        return client.createdAt.isValid()
                   ? QLocale().toString(client.createdAt.toLocalTime(), QLocale::LongFormat)
                   : QString();
    default:
        return {};
    }
}

QVariant ClientTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Client &client = m_clients.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(client, index.column());
    case Qt::ToolTipRole:
        return toolTip(client, index.column());
    case SortRole:
        if (index.column() == Created)
            return client.createdAt;
        if (index.column() == RedirectUris)
            return int(client.redirectUris.size());
        return display(client, index.column());
    case ClientIdRole:
        return client.clientId;
    case FilterRole:
        return QStringList{client.clientId, client.clientName, typeText(client),
                           client.grantTypes.join(u' '), client.redirectUris.join(u' ')}
            .join(u'\n');
    default:
        return {};
    }
}

QVariant ClientTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
    case ClientId:
        return tr("Client ID");
    case Name:
        return tr("Name");
    case Type:
        return tr("Type");
    case GrantTypes:
        return tr("Grant types");
    case RedirectUris:
        return tr("Redirect URIs");
    case Created:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace lanyard::ui
