// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview/RecentEventsModel.h"

#include "shell/StatusColors.h"

#include <QGuiApplication>
#include <QLocale>

#include <algorithm>

namespace lanyard::ui {

RecentEventsModel::RecentEventsModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent), m_capacity(std::max(1, capacity))
{}

void RecentEventsModel::addEvents(const QList<Event> &events)
{
    for (const Event &event : events)
        addEvent(event);
}

void RecentEventsModel::addEvent(const Event &event)
{
    // Newest first by id; an event not yet recorded (id 0) counts as newest.
    const auto newer = [](qint64 a, qint64 b) {
        return a == 0 ? b != 0 : (b != 0 && a > b);
    };
    int row = 0;
    while (row < m_events.size() && !newer(event.id, m_events.at(row).id)) {
        if (event.id != 0 && m_events.at(row).id == event.id)
            return;
        ++row;
    }
    if (row >= m_capacity)
        return;
    beginInsertRows({}, row, row);
    m_events.insert(row, event);
    endInsertRows();
    if (m_events.size() > m_capacity) {
        const int first = m_capacity;
        const int last = static_cast<int>(m_events.size()) - 1;
        beginRemoveRows({}, first, last);
        m_events.resize(m_capacity);
        endRemoveRows();
    }
}

void RecentEventsModel::setAccountNames(const QHash<QString, QString> &usernamesBySubject)
{
    if (usernamesBySubject == m_usernames)
        return;
    m_usernames = usernamesBySubject;
    if (!m_events.isEmpty())
        Q_EMIT dataChanged(index(0, Account), index(rowCount() - 1, Account), {Qt::DisplayRole});
}

int RecentEventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int RecentEventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecentEventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &event = m_events.at(index.row());
    if (role == IdRole)
        return event.id;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time: {
            const QDateTime local = event.time.toLocalTime();
            const QLocale locale;
            return local.date() == QDate::currentDate()
                       ? locale.toString(local.time(), QLocale::ShortFormat)
                       : locale.toString(local, QLocale::ShortFormat);
        }
        case Type:
            return event.type;
        case Account:
            if (!event.username.isEmpty())
                return event.username;
            return m_usernames.value(event.subject, event.subject);
        case Client:
            return event.clientId;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Time)
            return QLocale().toString(event.time.toLocalTime(), QLocale::LongFormat);
        if (index.column() == Type && !event.success)
            return tr("%1 (failed)").arg(event.type);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Type && !event.success)
            return StatusColors::failure(QGuiApplication::palette());
        return {};
    default:
        return {};
    }
}

QVariant RecentEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Type:
        return tr("Event");
    case Account:
        return tr("Account");
    case Client:
        return tr("Client");
    default:
        return {};
    }
}

} // namespace lanyard::ui
