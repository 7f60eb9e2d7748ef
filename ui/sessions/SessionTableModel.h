// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/SessionInfo.h"
#include "sessions/SessionClient.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

namespace lanyard::ui {

/// The live OP browser sessions for the Sessions page: one row per session
/// (SessionService::list, value snapshots), newest first as listed. It never
/// writes; setSessions() applies a new listing as row removals, changes and
/// insertions by session id, so selections survive a refresh. Sort and
/// filter through a QSortFilterProxyModel with SortRole and FilterRole.
/// GUI thread.
class SessionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Account,
        Started,
        LastActivity,
        SourceAddress,
        /// Shortened (UserAgentSummary); the full header in the tooltip.
        UserAgent,
        /// The clients that took part, by name.
        Clients,
        ColumnCount
    };

    enum Role {
        /// QDateTime for times, the text otherwise.
        SortRole = Qt::UserRole + 1,
        /// The session id (sid), every column.
        SessionIdRole,
        /// The account's subject, every column.
        SubjectRole,
        /// Everything a filter may match (username, subject, address, the
        /// full user agent, client ids and names), every column.
        FilterRole,
    };

    explicit SessionTableModel(QObject *parent = nullptr);

    /// Replaces the sessions with a new listing (removals, changes,
    /// insertions at the top).
    void setSessions(const QList<SessionInfo> &sessions);
    /// Client names and back-channel settings, for the Clients column.
    void setClients(const QHash<QString, SessionClient> &clients);
    /// The time "today" is judged against (the page's clock; tests set it).
    void setNow(const QDateTime &now);

    /// The row of session `sid`, or -1.
    int rowOf(const QString &sid) const;
    const SessionInfo &sessionAt(int row) const { return m_rows.at(row).info; }
    /// How many listed sessions belong to the account `subject`.
    int sessionCount(const QString &subject) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        SessionInfo info;
        /// UserAgentSummary of info.userAgent, computed once.
        QString agent;
    };

    static Row rowFor(const SessionInfo &info);
    QString timeText(const QDateTime &time) const;
    QString accountText(const SessionInfo &info) const;
    QString clientsText(const SessionInfo &info) const;
    QVariant display(const Row &row, int column) const;
    QVariant toolTip(const Row &row, int column) const;
    QString filterText(const Row &row) const;

    QList<Row> m_rows;
    QHash<QString, SessionClient> m_clients;
    QDateTime m_now;
};

} // namespace lanyard::ui
