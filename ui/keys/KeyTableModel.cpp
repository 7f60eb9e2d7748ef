// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/KeyTableModel.h"

#include "keys/KeyPhase.h"
#include "keys/KeyStateBadge.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QSet>

namespace lanyard::ui {

namespace {

QString isoUtc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

/// "27 Nov 2026 09:09 (2026-11-27T09:09:11Z)" for tooltips.
QString fullTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return QStringLiteral("%1 (%2)").arg(KeyPhase::dateTimeText(time), isoUtc(time));
}

} // namespace

KeyTableModel::KeyTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_now(QDateTime::currentDateTimeUtc())
{}

void KeyTableModel::setKeys(const QList<KeyRow> &keys)
{
    QHash<QString, qsizetype> incoming;
    for (qsizetype i = 0; i < keys.size(); ++i)
        incoming.insert(keys.at(i).kid, i);

    bool changed = false;
    for (int row = int(m_keys.size()) - 1; row >= 0; --row) {
        if (incoming.contains(m_keys.at(row).kid))
            continue;
        beginRemoveRows({}, row, row);
        m_keys.removeAt(row);
        endRemoveRows();
        changed = true;
    }

    QSet<QString> present;
    for (KeyRow &key : m_keys) {
        present.insert(key.kid);
        const KeyRow &fresh = keys.at(incoming.value(key.kid));
        if (!(key == fresh)) {
            key = fresh;
            changed = true;
        }
    }

    QList<KeyRow> added;
    for (const KeyRow &key : keys) {
        if (!present.contains(key.kid))
            added.append(key);
    }
    if (!added.isEmpty()) {
        const int first = int(m_keys.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_keys.append(added);
        endInsertRows();
        changed = true;
    }

    // A row's phase depends on the other keys of its algorithm (a successor
    // waiting, a newer signer): when anything changed, any row may read
    // differently.
    if (changed && !m_keys.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_keys.size()) - 1, ColumnCount - 1));
}

void KeyTableModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_keys.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_keys.size()) - 1, ColumnCount - 1));
}

int KeyTableModel::rowOf(const QString &kid) const
{
    for (int row = 0; row < m_keys.size(); ++row) {
        if (m_keys.at(row).kid == kid)
            return row;
    }
    return -1;
}

int KeyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int KeyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyTableModel::display(const KeyRow &key, int column) const
{
    switch (column) {
    case Kid:
        return KeyPhase::shortKid(key.kid);
    case Algorithm:
        return key.alg;
    case State:
        return KeyPhase::stateName(key.state);
    case Phase:
        return KeyPhase::describe(key, m_keys, m_now);
    case Created:
        return KeyPhase::timeText(key.createdAt, m_now);
    case SignsFrom:
        return KeyPhase::timeText(key.signsFrom, m_now);
    case Retired:
        return KeyPhase::timeText(key.retiredAt, m_now);
    case PublishedUntil:
        return key.state == KeyState::Retired ? KeyPhase::timeText(key.publishedUntil, m_now)
                                              : QString();
    }
    return {};
}

QVariant KeyTableModel::toolTip(const KeyRow &key, int column) const
{
    switch (column) {
    case Kid:
        return key.kid;
    case Algorithm:
        return key.alg;
    case State:
        switch (key.state) {
        case KeyState::Next:
            return tr("Next: published in the JWKS so relying parties can fetch it; it signs "
                      "nothing yet.");
        case KeyState::Active:
            return tr("Active: signs new ID and access tokens.");
        case KeyState::Retired:
            return tr("Retired: signs nothing; published only while tokens it signed can still "
                      "be presented.");
        }
        return {};
    case Phase:
        if (key.state == KeyState::Active) {
            if (const KeyRow *next = KeyPhase::successor(m_keys, key.alg))
                return tr("%1. Key %2 takes over then; this key stays published until the "
                          "tokens it signed have expired.")
                    .arg(KeyPhase::describe(key, m_keys, m_now), next->kid);
        }
        return KeyPhase::describe(key, m_keys, m_now);
    case Created:
        return fullTime(key.createdAt);
    case SignsFrom:
        if (key.state == KeyState::Next && key.signsFrom.isValid())
            return tr("Starts signing at %1 (%2), when the maintenance job promotes it.")
                .arg(KeyPhase::dateTimeText(key.signsFrom), isoUtc(key.signsFrom));
        return fullTime(key.signsFrom);
    case Retired:
        return fullTime(key.retiredAt);
    case PublishedUntil:
        if (key.state != KeyState::Retired)
            return tr("Published while it is next or active.");
        return tr("Leaves the JWKS at %1 (%2), when every token it signed has expired.")
            .arg(KeyPhase::dateTimeText(key.publishedUntil), isoUtc(key.publishedUntil));
    }
    return {};
}

QVariant KeyTableModel::sortValue(const KeyRow &key, int column) const
{
    switch (column) {
    case Kid:
        return key.kid;
    case State:
        return int(key.state);
    case Phase:
        // The cycle's order: next, active, retired; then by time.
        return QStringLiteral("%1 %2")
            .arg(int(key.state))
            .arg(key.signsFrom.isValid() ? key.signsFrom.toSecsSinceEpoch() : 0, 12, 10,
                 QLatin1Char('0'));
    case Created:
        return key.createdAt;
    case SignsFrom:
        return key.signsFrom;
    case Retired:
        return key.retiredAt;
    case PublishedUntil:
        return key.publishedUntil;
    default:
        return display(key, column);
    }
}

QIcon KeyTableModel::badge(KeyState state) const
{
    const QPalette palette = QGuiApplication::palette();
    if (palette.cacheKey() != m_badgePalette) {
        m_badges.clear();
        m_badgePalette = palette.cacheKey();
    }
    auto it = m_badges.find(int(state));
    if (it == m_badges.end())
        it = m_badges.insert(int(state), KeyStateBadge::icon(state, palette));
    return *it;
}

QVariant KeyTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const KeyRow &key = m_keys.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(key, column);
    case Qt::ToolTipRole:
        return toolTip(key, column);
    case Qt::DecorationRole:
        if (column == State)
            return badge(key.state);
        return {};
    case Qt::FontRole:
        if (column == State && key.state == KeyState::Active) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (key.state == KeyState::Retired)
            return QGuiApplication::palette().brush(QPalette::Active, QPalette::PlaceholderText);
        if (column == State)
            return QBrush(KeyStateBadge::colour(key.state, QGuiApplication::palette()));
        return {};
    case SortRole:
        return sortValue(key, column);
    case KidRole:
        return key.kid;
    case StateRole:
        return int(key.state);
    default:
        return {};
    }
}

QVariant KeyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Kid:
        return tr("Key ID");
    case Algorithm:
        return tr("Algorithm");
    case State:
        return tr("State");
    case Phase:
        return tr("Phase");
    case Created:
        return tr("Created");
    case SignsFrom:
        return tr("Activated / signs from");
    case Retired:
        return tr("Retired");
    case PublishedUntil:
        return tr("Published until");
    default:
        return {};
    }
}

} // namespace lanyard::ui
