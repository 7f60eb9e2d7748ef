// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keys/KeyRow.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QIcon>
#include <QList>

namespace lanyard::ui {

/// The signing keys for the Keys page: one row per key, value snapshots
/// (KeyRow) in the order KeyService::list() gives them (oldest first). It
/// never writes; setKeys() applies a new listing row by row (inserts,
/// removals and changes, so selections survive), and setNow() moves the
/// countdowns of the Phase column. Sort and filter through a
/// QSortFilterProxyModel with sortRole() SortRole. GUI thread.
class KeyTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Kid,
        Algorithm,
        State,
        /// Where the key is in the publish → promote → retire cycle.
        Phase,
        Created,
        /// Active and retired keys: activated; next keys: when they sign.
        SignsFrom,
        Retired,
        PublishedUntil,
        ColumnCount
    };

    enum Role {
        /// A value that sorts right: QDateTime for times, the text otherwise.
        SortRole = Qt::UserRole + 1,
        /// The full kid, every column.
        KidRole,
        /// The KeyState as int, every column.
        StateRole,
    };

    explicit KeyTableModel(QObject *parent = nullptr);

    /// Replaces the keys with a new listing, as row insertions, removals and
    /// changes by kid. Rows keep their position; new keys are appended.
    void setKeys(const QList<KeyRow> &keys);
    const QList<KeyRow> &keys() const { return m_keys; }
    /// The time phases and countdowns are relative to (the page's clock,
    /// moved every minute; tests set it).
    void setNow(const QDateTime &now);
    QDateTime now() const { return m_now; }

    /// The row of `kid`, or -1.
    int rowOf(const QString &kid) const;
    const KeyRow &keyAt(int row) const { return m_keys.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const KeyRow &key, int column) const;
    QVariant toolTip(const KeyRow &key, int column) const;
    QVariant sortValue(const KeyRow &key, int column) const;
    QIcon badge(KeyState state) const;

    QList<KeyRow> m_keys;
    QDateTime m_now;
    /// Badges for the palette they were painted for.
    mutable QHash<int, QIcon> m_badges;
    mutable qint64 m_badgePalette = 0;
};

} // namespace lanyard::ui
