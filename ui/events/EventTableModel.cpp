// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/EventTableModel.h"

#include "backend/Backend.h"
#include "shell/StatusColors.h"

#include <QGuiApplication>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lanyard::ui {

EventTableModel::EventTableModel(Fetch fetch, QObject *parent)
    : QAbstractTableModel(parent), m_fetch(std::move(fetch))
{}

EventTableModel::Fetch EventTableModel::fetchFrom(Backend *backend)
{
    return [backend](const EventQuery &query) {
        return backend->run(
            [store = backend->eventStore(), query]() -> Page { return store->query(query); });
    };
}

void EventTableModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
}

void EventTableModel::setQuery(const EventQuery &query)
{
    m_query = query;
    m_query.beforeId = 0;
    reload();
}

EventQuery EventTableModel::query() const
{
    EventQuery query = m_query;
    query.limit = m_pageSize;
    return query;
}

void EventTableModel::reload()
{
    // A page still running belongs to the previous generation: dropped
    // when it arrives, and no longer in the way of a new fetch.
    ++m_generation;
    setFetching(false);
    // A filter change replaces every row: a reset, not a removal row by row.
    // Views may ask for the first page from the reset (fetchMore()).
    beginResetModel();
    m_rows.clear();
    m_heldBack.clear();
    m_strings.clear();
    m_hasMore = true;
    m_lastError.clear();
    endResetModel();
    startFetch();
}

int EventTableModel::rowOfId(qint64 id) const
{
    // Rows are sorted by id, descending.
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id,
                                     [](const Event &event, qint64 key) { return event.id > key; });
    return it != m_rows.cend() && it->id == id ? static_cast<int>(it - m_rows.cbegin()) : -1;
}

bool EventTableModel::matches(const EventQuery &query, const Event &event)
{
    if (!query.types.isEmpty() && !query.types.contains(event.type))
        return false;
    if (!query.clientId.isEmpty() && event.clientId != query.clientId)
        return false;
    if (!query.subject.isEmpty() && event.subject != query.subject)
        return false;
    if (!query.account.isEmpty() && event.username != query.account &&
        event.subject != query.account)
        return false;
    if (query.success.has_value() && event.success != *query.success)
        return false;
    if (query.from.isValid() && event.time < query.from)
        return false;
    if (query.to.isValid() && !(event.time < query.to))
        return false;
    if (!query.text.isEmpty()) {
        const auto has = [&query](const QString &value) {
            return value.contains(query.text, Qt::CaseInsensitive);
        };
        // The columns SqlEventStore searches; details as the stored JSON text.
        if (!has(event.type) && !has(event.clientId) && !has(event.username) &&
            !has(event.sourceAddress) &&
            !has(QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact))))
            return false;
    }
    return true;
}

int EventTableModel::addLiveEvents(const QList<Event> &events)
{
    if (m_rows.isEmpty() && m_fetching) {
        // The first page may or may not hold them: merge when it arrives.
        m_heldBack += events;
        return 0;
    }
    const qint64 newest = m_rows.isEmpty() ? 0 : m_rows.constFirst().id;
    QList<Event> fresh;
    // Newest first, as the rows are.
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        if (it->id > newest && matches(m_query, *it))
            fresh.append(*it);
    }
    std::sort(fresh.begin(), fresh.end(),
              [](const Event &a, const Event &b) { return a.id > b.id; });
    if (fresh.isEmpty())
        return 0;
    for (Event &event : fresh)
        intern(event);
    const auto count = static_cast<int>(fresh.size());
    beginInsertRows(QModelIndex(), 0, count - 1);
    // Oldest first, each on top: QList prepends in constant time.
    for (auto it = fresh.crbegin(); it != fresh.crend(); ++it)
        m_rows.prepend(*it);
    endInsertRows();
    return count;
}

void EventTableModel::intern(Event &event)
{
    // Loaded rows are most of the page's memory; shared strings cut it by
    // about a third.
    for (QString *value : {&event.type, &event.clientId, &event.subject, &event.username,
                           &event.sourceAddress, &event.instance}) {
        if (value->isEmpty())
            continue;
        const auto it = m_strings.constFind(*value);
        if (it != m_strings.constEnd())
            *value = *it;
        else
            m_strings.insert(*value);
    }
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &event = m_rows.at(index.row());
    if (role == EventIdRole)
        return QVariant::fromValue(event.id);
    if (role == Qt::DisplayRole) {
        switch (static_cast<Column>(index.column())) {
        case TimeColumn:
            return event.time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
        case TypeColumn:
            return event.type;
        case ResultColumn:
            return event.success ? tr("Success") : tr("Failure");
        case AccountColumn:
            return event.username.isEmpty() ? event.subject : event.username;
        case ClientColumn:
            return event.clientId;
        case SourceColumn:
            return event.sourceAddress;
        case InstanceColumn:
            return event.instance;
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (static_cast<Column>(index.column())) {
        case TimeColumn:
            return QLocale().toString(event.time.toLocalTime(), QLocale::LongFormat);
        case AccountColumn:
            if (!event.username.isEmpty() && !event.subject.isEmpty())
                return tr("%1 (subject %2)").arg(event.username, event.subject);
            return {};
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == ResultColumn && !event.success)
        return StatusColors::failure(QGuiApplication::palette());
    return {};
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case TimeColumn:
        return tr("Time");
    case TypeColumn:
        return tr("Type");
    case ResultColumn:
        return tr("Result");
    case AccountColumn:
        return tr("Account");
    case ClientColumn:
        return tr("Client");
    case SourceColumn:
        return tr("Source address");
    case InstanceColumn:
        return tr("Instance");
    case ColumnCount:
        break;
    }
    return {};
}

bool EventTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_fetch && m_hasMore && !m_fetching && m_lastError.isEmpty();
}

void EventTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        startFetch();
}

void EventTableModel::startFetch()
{
    if (!m_fetch || m_fetching || !m_hasMore)
        return;
    EventQuery page = m_query;
    page.beforeId = m_rows.isEmpty() ? 0 : m_rows.constLast().id;
    page.limit = m_pageSize;
    setFetching(true);
    const quint64 generation = m_generation;
    m_fetch(page).then(this, [this, generation](const Page &result) {
        // Always from the event loop: a future that had finished already
        // would run this inside fetchMore(), possibly inside a view's or
        // another model signal's handler.
        QMetaObject::invokeMethod(
            this, [this, generation, result] { onPage(generation, result); }, Qt::QueuedConnection);
    });
}

void EventTableModel::onPage(quint64 generation, const Page &page)
{
    if (generation != m_generation)
        return; // the answer to a filter that is no longer shown
    if (!page) {
        m_lastError = page.error().message;
        setFetching(false);
        Q_EMIT fetchFailed(m_lastError);
        return;
    }
    m_lastError.clear();
    QList<Event> events = *page;
    m_hasMore = events.size() >= m_pageSize;
    if (!events.isEmpty()) {
        for (Event &event : events)
            intern(event);
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + static_cast<int>(events.size()) - 1);
        m_rows += events;
        endInsertRows();
    }
    setFetching(false);
    if (!m_heldBack.isEmpty()) {
        const QList<Event> held = std::exchange(m_heldBack, {});
        addLiveEvents(held);
    }
    Q_EMIT pageLoaded(static_cast<int>(events.size()));
}

void EventTableModel::setFetching(bool fetching)
{
    if (m_fetching == fetching)
        return;
    m_fetching = fetching;
    Q_EMIT fetchingChanged(fetching);
}

} // namespace lanyard::ui
