// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/SessionTableModel.h"

#include "sessions/UserAgentSummary.h"

#include <QLocale>
#include <QSet>

namespace lanyard::ui {

namespace {

bool sameSession(const SessionInfo &a, const SessionInfo &b)
{
    return a.id == b.id && a.subject == b.subject && a.username == b.username &&
           a.createdAt == b.createdAt && a.authTime == b.authTime &&
           a.lastActiveAt == b.lastActiveAt && a.expiresAt == b.expiresAt &&
           a.sourceAddress == b.sourceAddress && a.userAgent == b.userAgent &&
           a.clientIds == b.clientIds;
}

QString isoUtc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

SessionTableModel::SessionTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_now(QDateTime::currentDateTimeUtc())
{}

SessionTableModel::Row SessionTableModel::rowFor(const SessionInfo &info)
{
    return Row{info, UserAgentSummary::summarize(info.userAgent)};
}

void SessionTableModel::setSessions(const QList<SessionInfo> &sessions)
{
    QHash<QString, qsizetype> incoming;
    for (qsizetype i = 0; i < sessions.size(); ++i)
        incoming.insert(sessions.at(i).id, i);

    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (incoming.contains(m_rows.at(row).info.id))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }

    QSet<QString> present;
    for (int row = 0; row < m_rows.size(); ++row) {
        Row &current = m_rows[row];
        present.insert(current.info.id);
        const SessionInfo &fresh = sessions.at(incoming.value(current.info.id));
        if (sameSession(current.info, fresh))
            continue;
        current = rowFor(fresh);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }

    QList<Row> added;
    for (const SessionInfo &info : sessions) {
        if (!present.contains(info.id))
            added.append(rowFor(info));
    }
    if (!added.isEmpty()) {
        // Listings are newest first, and new sessions are the newest.
        beginInsertRows({}, 0, int(added.size()) - 1);
        m_rows = added + m_rows;
        endInsertRows();
    }
}

void SessionTableModel::setClients(const QHash<QString, SessionClient> &clients)
{
    m_clients = clients;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Clients), index(int(m_rows.size()) - 1, Clients));
}

void SessionTableModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int SessionTableModel::rowOf(const QString &sid) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).info.id == sid)
            return row;
    }
    return -1;
}

int SessionTableModel::sessionCount(const QString &subject) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [&](const Row &row) { return row.info.subject == subject; }));
}

int SessionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SessionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SessionTableModel::timeText(const QDateTime &time) const
{
    if (!time.isValid())
        return {};
    const QDateTime local = time.toLocalTime();
    if (m_now.isValid() && local.date() == m_now.toLocalTime().date())
        return tr("Today %1").arg(QLocale().toString(local.time(), QLocale::ShortFormat));
    return QLocale().toString(local, QLocale::ShortFormat);
}

QString SessionTableModel::accountText(const SessionInfo &info) const
{
    return info.username.isEmpty() ? tr("Deleted account (%1)").arg(info.subject) : info.username;
}

QString SessionTableModel::clientsText(const SessionInfo &info) const
{
    QStringList names;
    for (const QString &clientId : info.clientIds) {
        const auto found = m_clients.constFind(clientId);
        names.append(found == m_clients.cend() ? clientId : found->displayName());
    }
    return names.join(QStringLiteral(", "));
}

QVariant SessionTableModel::display(const Row &row, int column) const
{
    const SessionInfo &info = row.info;
    switch (column) {
    case Account:
        return accountText(info);
    case Started:
        return timeText(info.createdAt);
    case LastActivity:
        return timeText(info.lastActiveAt);
    case SourceAddress:
        return info.sourceAddress;
    case UserAgent:
        return row.agent.isEmpty() ? tr("Unknown") : row.agent;
    case Clients:
        return info.clientIds.isEmpty() ? tr("None yet") : clientsText(info);
    }
    return {};
}

QVariant SessionTableModel::toolTip(const Row &row, int column) const
{
    const SessionInfo &info = row.info;
    switch (column) {
    case Account:
        return tr("Account %1, subject %2").arg(accountText(info), info.subject);
    case Started:
        return tr("Started %1; signed in last at %2")
            .arg(isoUtc(info.createdAt), isoUtc(info.authTime));
    case LastActivity:
        return tr("Last used %1; expires %2 unless used again")
            .arg(isoUtc(info.lastActiveAt), isoUtc(info.expiresAt));
    case SourceAddress:
        return info.sourceAddress;
    case UserAgent:
        return info.userAgent.isEmpty() ? tr("The browser sent no User-Agent header.")
                                        : info.userAgent;
    case Clients: {
        if (info.clientIds.isEmpty())
            return tr("No application has received tokens in this session yet.");
        QStringList lines;
        for (const QString &clientId : info.clientIds) {
            const auto found = m_clients.constFind(clientId);
            lines.append(found == m_clients.cend() || found->name.isEmpty()
                             ? clientId
                             : tr("%1 (%2)").arg(found->name, clientId));
        }
        return lines.join(u'\n');
    }
    }
    return {};
}

QString SessionTableModel::filterText(const Row &row) const
{
    const SessionInfo &info = row.info;
    QStringList parts{info.username, info.subject, info.sourceAddress, info.userAgent, row.agent};
    for (const QString &clientId : info.clientIds) {
        parts.append(clientId);
        parts.append(m_clients.value(clientId).name);
    }
    return parts.join(u'\n');
}

QVariant SessionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case SortRole:
        switch (column) {
        case Started:
            return row.info.createdAt;
        case LastActivity:
            return row.info.lastActiveAt;
        default:
            return display(row, column);
        }
    case SessionIdRole:
        return row.info.id;
    case SubjectRole:
        return row.info.subject;
    case FilterRole:
        return filterText(row);
    default:
        return {};
    }
}

QVariant SessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Account:
        return tr("Account");
    case Started:
        return tr("Started");
    case LastActivity:
        return tr("Last activity");
    case SourceAddress:
        return tr("Source address");
    case UserAgent:
        return tr("Browser");
    case Clients:
        return tr("Applications");
    default:
        return {};
    }
}

} // namespace lanyard::ui
