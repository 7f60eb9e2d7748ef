// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/AccountInfo.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace lanyard::ui {

/// The accounts for the Accounts page: one row per account
/// (AccountService::list, value snapshots without password hashes). It
/// never writes; setAccounts() applies a new listing as row removals,
/// changes and insertions by subject, so selections survive a refresh. Sort
/// and search through a QSortFilterProxyModel with SortRole and FilterRole.
/// GUI thread.
class AccountTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Username, Name, Email, Groups, Status, LastSignIn, ColumnCount };

    enum Role {
        /// QDateTime for LastSignIn, text otherwise.
        SortRole = Qt::UserRole + 1,
        /// The username, every column.
        UsernameRole,
        /// The subject (`sub`), every column.
        SubjectRole,
        /// Everything a search may match (username, sub, names, e-mail,
        /// groups), every column.
        FilterRole,
    };

    explicit AccountTableModel(QObject *parent = nullptr);

    /// Replaces the accounts with a new listing (removals, changes, then
    /// insertions at the end).
    void setAccounts(const QList<AccountInfo> &accounts);

    /// The row of `username`, or -1.
    int rowOf(const QString &username) const;
    const AccountInfo &accountAt(int row) const { return m_accounts.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The `groups` claim as a list.
    static QStringList groupsOf(const AccountInfo &account);

private:
    QVariant display(const AccountInfo &account, int column) const;
    QVariant toolTip(const AccountInfo &account, int column) const;

    QList<AccountInfo> m_accounts;
};

} // namespace lanyard::ui
