// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Event.h"
#include "sessions/BackchannelDeliveryLog.h"
#include "sessions/SessionClient.h"

#include "widgets/ReloadGate.h"
#include <QHash>
#include <QList>

#include <QWidget>

class QLabel;
class QLineEdit;
class QMessageBox;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace lanyard::ui {

class Backend;
class EmptyState;
class SessionDetailsPane;
class SessionTableModel;

/// The Sessions page: who is signed in where (SessionTableModel, with a
/// filter), one session's details and clients (SessionDetailsPane); end
/// one session, every session of an account (after a confirmation that
/// says how many), or revoke one client's grant. When a session ends, each
/// client's back-channel logout delivery is followed live from the events
/// (BackchannelDeliveryLog). Provider work runs on the Backend's pool; the
/// table follows session-related events and a one-minute clock. GUI thread.
class SessionsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SessionsPage(Backend *backend, QWidget *parent = nullptr);
    ~SessionsPage() override;

    SessionTableModel *model() const { return m_model; }
    SessionDetailsPane *details() const { return m_details; }
    const BackchannelDeliveryLog &deliveries() const { return m_log; }

    /// Lists the sessions and clients again (off the GUI thread); a reload
    /// asked for while one runs happens after it.
    void reload();
    /// Selects session `sid` in the table (false when it is not shown).
    bool selectSession(const QString &sid);
    /// The sid of the selected session, or empty.
    QString selectedSessionId() const;

    /// SessionService::end(sid), off the GUI thread.
    void endSession(const QString &sid);
    /// Opens (window-modal, not blocking) the confirmation for ending every
    /// session of the account `subject`, saying how many; accepting it ends
    /// them. Returns it (nullptr when the account has no session listed).
    QMessageBox *confirmEndAll(const QString &subject);
    /// SessionService::endAll(subject) without asking, off the GUI thread.
    void endAll(const QString &subject);
    /// SessionService::revokeClientGrant(subject, clientId), off the GUI
    /// thread.
    void revokeGrant(const QString &subject, const QString &clientId);

Q_SIGNALS:
    /// A listing reached the table.
    void loaded();
    /// An operation ended; `message` is what the message line shows.
    void finished(bool ok, const QString &message);

private:
    void onEvents(const QList<lanyard::Event> &events);
    void onSelectionChanged();
    void updateActions();
    void showMessage(const QString &message, bool ok);
    void setBusy(bool busy);
    void showDetailsOf(const QString &sid);
    /// Shows the details pane exactly when it has a session to show.
    void updateDetailsArea();
    /// Shows the ended banner when the shown session is no longer listed.
    void followShownSession();

    Backend *m_backend;
    SessionTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QStackedWidget *m_stack;
    QTableView *m_table;
    EmptyState *m_empty;
    SessionDetailsPane *m_details;
    /// The scroll area around m_details; shown while it has a session.
    QWidget *m_detailsArea = nullptr;
    QPushButton *m_endButton;
    QPushButton *m_endAllButton;
    QLabel *m_messageIcon;
    QLabel *m_message;
    QTimer *m_clock;

    BackchannelDeliveryLog m_log;
    QHash<QString, SessionClient> m_clients;
    ReloadGate m_reload;
    bool m_busy = false;
    /// setSessions() runs: selection changes are the view's, not the user's.
    bool m_applyingListing = false;
};

} // namespace lanyard::ui
