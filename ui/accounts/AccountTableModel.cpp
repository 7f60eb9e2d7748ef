// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/AccountTableModel.h"

#include <QHash>
#include <QJsonArray>
#include <QLocale>
#include <QSet>

namespace lanyard::ui {

namespace {

bool sameAccount(const AccountInfo &a, const AccountInfo &b)
{
    return a.username == b.username && a.claims == b.claims && a.disabled == b.disabled &&
           a.hasPassword == b.hasPassword && a.updatedAt == b.updatedAt &&
           a.lastLoginAt == b.lastLoginAt && a.createdAt == b.createdAt;
}

QString claim(const AccountInfo &account, const QString &name)
{
    return account.claims.value(name).toString();
}

} // namespace

AccountTableModel::AccountTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void AccountTableModel::setAccounts(const QList<AccountInfo> &accounts)
{
    QHash<QString, qsizetype> incoming;
    for (qsizetype i = 0; i < accounts.size(); ++i)
        incoming.insert(accounts.at(i).subject, i);

    for (int row = int(m_accounts.size()) - 1; row >= 0; --row) {
        if (incoming.contains(m_accounts.at(row).subject))
            continue;
        beginRemoveRows({}, row, row);
        m_accounts.removeAt(row);
        endRemoveRows();
    }

    QSet<QString> present;
    for (int row = 0; row < m_accounts.size(); ++row) {
        AccountInfo &current = m_accounts[row];
        present.insert(current.subject);
        const AccountInfo &fresh = accounts.at(incoming.value(current.subject));
        if (sameAccount(current, fresh))
            continue;
        current = fresh;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }

    QList<AccountInfo> added;
    for (const AccountInfo &account : accounts) {
        if (!present.contains(account.subject))
            added.append(account);
    }
    if (!added.isEmpty()) {
        const int first = int(m_accounts.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_accounts += added;
        endInsertRows();
    }
}

int AccountTableModel::rowOf(const QString &username) const
{
    for (int row = 0; row < m_accounts.size(); ++row) {
        if (m_accounts.at(row).username == username)
            return row;
    }
    return -1;
}

int AccountTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

int AccountTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QStringList AccountTableModel::groupsOf(const AccountInfo &account)
{
    QStringList groups;
    const QJsonArray array = account.claims.value(QStringLiteral("groups")).toArray();
    for (const QJsonValue &group : array)
        groups.append(group.toString());
    return groups;
}

QVariant AccountTableModel::display(const AccountInfo &account, int column) const
{
    switch (static_cast<Column>(column)) {
    case Username:
        return account.username;
    case Name:
        return claim(account, QStringLiteral("name"));
    case Email:
        return claim(account, QStringLiteral("email"));
    case Groups:
        return groupsOf(account).join(QStringLiteral(", "));
    case Status:
        if (account.disabled)
            return tr("Disabled");
        return account.hasPassword ? tr("Enabled") : tr("No password");
    case LastSignIn:
        return account.lastLoginAt.isValid()
                   ? QLocale().toString(account.lastLoginAt.toLocalTime(), QLocale::ShortFormat)
                   : tr("Never");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AccountTableModel::toolTip(const AccountInfo &account, int column) const
{
    switch (static_cast<Column>(column)) {
    case Username:
        return tr("Subject (sub): %1").arg(account.subject);
    case Email:
        if (!account.claims.contains(QStringLiteral("email")))
            return {};
        return account.claims.value(QStringLiteral("email_verified")).toBool() ? tr("Verified")
                                                                               : tr("Not verified");
    case Status:
        if (account.disabled)
            return tr("Cannot sign in until enabled again.");
        return account.hasPassword ? tr("Can sign in.")
                                   : tr("Cannot sign in until a password is set.");
    case LastSignIn:
        return account.lastLoginAt.isValid()
                   ? QLocale().toString(account.lastLoginAt.toLocalTime(), QLocale::LongFormat)
                   : QVariant();
    default:
        return {};
    }
}

QVariant AccountTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AccountInfo &account = m_accounts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(account, index.column());
    case Qt::ToolTipRole:
        return toolTip(account, index.column());
    case SortRole:
        if (index.column() == LastSignIn)
            return account.lastLoginAt;
        return display(account, index.column());
    case UsernameRole:
        return account.username;
    case SubjectRole:
        return account.subject;
    case FilterRole:
        return QStringList{account.username,
                           account.subject,
                           claim(account, QStringLiteral("name")),
                           claim(account, QStringLiteral("given_name")),
                           claim(account, QStringLiteral("family_name")),
                           claim(account, QStringLiteral("email")),
                           groupsOf(account).join(u' ')}
            .join(u'\n');
    default:
        return {};
    }
}

QVariant AccountTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
    case Username:
        return tr("Username");
    case Name:
        return tr("Name");
    case Email:
        return tr("E-mail");
    case Groups:
        return tr("Groups");
    case Status:
        return tr("Status");
    case LastSignIn:
        return tr("Last sign-in");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace lanyard::ui
