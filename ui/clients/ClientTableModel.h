// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Client.h"

#include <QAbstractTableModel>
#include <QList>

namespace lanyard::ui {

/// The registered clients for the Clients page: one row per client
/// (ClientService::list, value snapshots without secrets). It never writes;
/// setClients() applies a new listing as row removals, changes and
/// insertions by client_id, so selections survive a refresh. Sort and filter
/// through a QSortFilterProxyModel with SortRole and FilterRole. GUI thread.
class ClientTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ClientId,
        Name,
        /// Public or confidential (and how a confidential one authenticates).
        Type,
        GrantTypes,
        /// How many, and the first one.
        RedirectUris,
        Created,
        ColumnCount
    };

    enum Role {
        /// QDateTime for Created, the count for RedirectUris, text otherwise.
        SortRole = Qt::UserRole + 1,
        /// The client_id, every column.
        ClientIdRole,
        /// Everything a filter may match (id, name, type, grant types, every
        /// redirect URI), every column.
        FilterRole,
    };

    explicit ClientTableModel(QObject *parent = nullptr);

    /// Replaces the clients with a new listing (removals, changes, then
    /// insertions at the end).
    void setClients(const QList<Client> &clients);

    /// The row of `clientId`, or -1.
    int rowOf(const QString &clientId) const;
    const Client &clientAt(int row) const { return m_clients.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// "Public" or "Confidential (client_secret_basic)", translated.
    static QString typeText(const Client &client);

private:
    QVariant display(const Client &client, int column) const;
    QVariant toolTip(const Client &client, int column) const;

    QList<Client> m_clients;
};

} // namespace lanyard::ui
