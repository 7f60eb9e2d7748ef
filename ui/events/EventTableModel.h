// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "model/Event.h"
#include "store/EventStore.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QList>
#include <QSet>

#include <functional>

namespace lanyard::ui {

class Backend;

/// The event log as a table, newest event in row 0, fetched incrementally:
/// the first page when the query is set, one more page of older events each
/// time the view asks (canFetchMore/fetchMore, i.e. when it is scrolled to
/// the bottom), so a log of a million events costs what is on screen.
///
/// Filtering happens in the database (EventQuery, keyset paginated on the
/// event id): setQuery() clears the rows and fetches the first page of the
/// new filter. Every query runs off the GUI thread (the Fetch function);
/// rows are appended with beginInsertRows when a page arrives. One fetch
/// runs at a time, and a page that arrives for an older query (the filter
/// changed while it ran) is dropped: each query has a generation number.
///
/// New events (Backend::eventsRecorded) go through addLiveEvents(): those
/// matching the query and newer than the newest row are inserted at the
/// top. The model never writes. GUI thread.
class EventTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        TypeColumn,
        ResultColumn,
        AccountColumn,
        ClientColumn,
        SourceColumn,
        InstanceColumn,
        ColumnCount
    };
    enum Role {
        /// The event's database id (qint64).
        EventIdRole = Qt::UserRole + 1,
    };

    using Page = Result<QList<Event>, Error>;
    /// Runs `query` off the GUI thread and returns its future (the events
    /// matching it, newest first, at most query.limit).
    using Fetch = std::function<QFuture<Page>(const EventQuery &query)>;

    /// Rows per fetch unless setPageSize() says otherwise.
    static constexpr int DefaultPageSize = 500;

    /// `fetch` runs the queries; see fetchFrom(). No query runs until
    /// setQuery(). GUI thread.
    explicit EventTableModel(Fetch fetch, QObject *parent = nullptr);

    /// A Fetch over `backend`'s event store on its admin pool
    /// (Backend::run). `backend` must be ready when the Fetch is called and
    /// outlive it. GUI thread.
    static Fetch fetchFrom(Backend *backend);

    /// Rows fetched per page (at least 1) from the next fetch on.
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }

    /// Replaces the filter (its beforeId and limit are ignored): the rows
    /// are cleared and the first page of `query` is fetched. A page still
    /// running for the previous query is dropped when it arrives.
    void setQuery(const EventQuery &query);
    /// The filter in effect (beforeId 0, limit the page size).
    EventQuery query() const;
    /// Fetches the current query again from the newest event (after an
    /// error, or to see what live delivery could not show).
    void reload();

    /// Inserts at the top (newest first) the events of `events` (as
    /// Backend::eventsRecorded delivers them: oldest first, ids set) that
    /// match the query and are newer than every row. While the first page is
    /// still running they are held back and merged when it arrives (without
    /// duplicates). Returns how many rows were inserted now.
    int addLiveEvents(const QList<Event> &events);

    /// The event of `row` (0 <= row < rowCount()).
    const Event &eventAt(int row) const { return m_rows.at(row); }
    /// The row of the event with `id`, or -1 when it is not loaded.
    int rowOfId(qint64 id) const;
    /// A page is being fetched.
    bool isFetching() const { return m_fetching; }
    /// Every event matching the query is loaded (the last page was short).
    bool isComplete() const { return !m_hasMore; }
    /// Why the last fetch failed; empty after a successful one.
    QString lastError() const { return m_lastError; }

    /// Whether `event` matches `query` as the database query would (the
    /// text test ignoring case), ignoring beforeId and limit. Any thread.
    static bool matches(const EventQuery &query, const Event &event);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    /// A fetch started or ended (isFetching() changed).
    void fetchingChanged(bool fetching);
    /// A page of the current query arrived (possibly empty).
    void pageLoaded(int rows);
    /// A fetch of the current query failed; `message` is safe to show.
    void fetchFailed(const QString &message);

private:
    /// Makes the repeated strings of `event` (type, client, account,
    /// address, instance) share one copy with earlier rows.
    void intern(Event &event);
    void startFetch();
    void onPage(quint64 generation, const Page &page);
    void setFetching(bool fetching);

    Fetch m_fetch;
    EventQuery m_query;
    int m_pageSize = DefaultPageSize;
    QList<Event> m_rows;
    /// One copy of each repeated string (see intern()); a log repeats a few
    /// hundred accounts, clients and addresses over and over.
    QSet<QString> m_strings;
    /// Live events that came while the first page ran (oldest first).
    QList<Event> m_heldBack;
    /// Bumped by every setQuery()/reload(); pages of older generations are dropped.
    quint64 m_generation = 0;
    bool m_fetching = false;
    bool m_hasMore = false;
    QString m_lastError;
};

} // namespace lanyard::ui
