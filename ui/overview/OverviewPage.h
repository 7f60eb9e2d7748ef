// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend/ServerStatus.h"
#include "model/Event.h"
#include "overview/SignInHistogram.h"

#include <QList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace lanyard::ui {

class Backend;
class RecentEventsModel;
class SignInChart;
class StatusDot;

/// The Overview page: the server (state, issuer URL with Copy and Open in
/// browser, Start / Stop / Restart), counts of clients, accounts and active
/// sessions, a chart of sign-ins per minute over the last hour and the
/// latest events. Everything stays live: counts are read again shortly
/// after events that change them (and every minute, as sessions expire),
/// the chart and the list take recorded events as they arrive. Reads run
/// on the backend's pool. GUI thread.
class OverviewPage : public QWidget
{
    Q_OBJECT

public:
    /// Event types the chart counts: login.succeeded as succeeded,
    /// login.failed and login.throttled (a refused attempt) as failed.
    static bool isSignIn(const Event &event);

    explicit OverviewPage(Backend *backend, QWidget *parent = nullptr);

    /// The last counts read; -1 before the first read.
    qint64 clientCount() const { return m_clientCount; }
    qint64 accountCount() const { return m_accountCount; }
    qint64 sessionCount() const { return m_sessionCount; }
    /// True once the chart's first load from the event log is done.
    bool isHistoryLoaded() const { return m_historyLoaded; }
    /// The sign-ins per minute the chart shows.
    const SignInHistogram &histogram() const { return m_histogram; }
    /// The chart's clock: moves the window to `now` (tests; a timer calls
    /// it with the current time every few seconds).
    void setNow(const QDateTime &now);

public Q_SLOTS:
    /// Reads the counts again, soon (events arriving together cause one read).
    void scheduleCountsRefresh();

Q_SIGNALS:
    /// "Show all" next to the latest events: the window shows the Events page.
    void showAllEventsRequested();
    /// The counts were read (tests).
    void countsRefreshed();
    /// The chart's first load from the event log finished (tests).
    void historyLoaded();

private:
    QWidget *createServerBox();
    QWidget *createCountsBox();
    QWidget *createChartBox();
    QWidget *createEventsBox();
    void onReady();
    void showStatus(const ServerStatus &status);
    void onEventsRecorded(const QList<lanyard::Event> &events);
    void refreshCounts();
    void loadHistory();
    void loadLatestEvents();
    void countSignIn(const Event &event);
    void updateChart();
    /// Sizes the latest events' time and type columns to their contents.
    void fitColumns();
    /// The issuer shown: the running server's, or the configured one.
    QUrl currentIssuer() const;
    void copyIssuer();
    void openIssuer();
    void showError(const QString &message);

    Backend *m_backend;
    QLabel *m_stateLabel;
    StatusDot *m_stateDot;
    QLineEdit *m_issuerEdit;
    QPushButton *m_copyButton;
    QPushButton *m_openButton;
    QPushButton *m_startButton;
    QPushButton *m_stopButton;
    QPushButton *m_restartButton;
    QLabel *m_clientsLabel;
    QLabel *m_accountsLabel;
    QLabel *m_sessionsLabel;
    QLabel *m_errorLabel;
    SignInChart *m_chart;
    RecentEventsModel *m_recentModel;
    QTableView *m_recentView;
    QTimer *m_countsDebounce;
    QTimer *m_clockTimer;
    QTimer *m_countsTimer;

    qint64 m_clientCount = -1;
    qint64 m_accountCount = -1;
    qint64 m_sessionCount = -1;
    bool m_countsRunning = false;
    bool m_countsAgain = false;

    SignInHistogram m_histogram;
    /// While the history loads: live sign-ins to add after it (the query
    /// may or may not have seen them; ids decide).
    bool m_historyLoading = false;
    bool m_historyLoaded = false;
    QList<Event> m_pendingSignIns;
};

} // namespace lanyard::ui
