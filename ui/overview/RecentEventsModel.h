// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Event.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace lanyard::ui {

/// The Overview's "Latest events": at most capacity() events, newest (by
/// database id) first. Events may arrive in any order and more than once
/// (the first query and the live batches overlap): each id is kept once,
/// in its place, and the oldest fall off the end. Rows change through
/// beginInsertRows/beginRemoveRows. GUI thread.
class RecentEventsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Type, Account, Client, ColumnCount };
    /// The event's database id (qint64) in every column.
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit RecentEventsModel(int capacity = 10, QObject *parent = nullptr);

    int capacity() const { return m_capacity; }
    /// Adds `events` (any order); ignores ids already shown and events
    /// older than a full list.
    void addEvents(const QList<lanyard::Event> &events);
    /// Usernames by account subject, for events that name only the subject
    /// (token.issued, session.ended, ...).
    void setAccountNames(const QHash<QString, QString> &usernamesBySubject);
    /// The event shown in `row`.
    const Event &event(int row) const { return m_events.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void addEvent(const Event &event);

    int m_capacity;
    QHash<QString, QString> m_usernames;
    /// Newest first.
    QList<Event> m_events;
};

} // namespace lanyard::ui
