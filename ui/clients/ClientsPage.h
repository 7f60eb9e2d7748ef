// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/Event.h"

#include "widgets/ReloadGate.h"
#include <QList>

#include <QWidget>

class QLineEdit;
class QMessageBox;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace lanyard::ui {

class Backend;
class ClientDialog;
class ClientTableModel;
class EmptyState;
class InlineMessage;
class SecretDialog;

/// The Clients page: the registered clients (ClientTableModel, sortable,
/// with a filter) and what can be done with them through ClientService:
/// add and edit in a ClientDialog (validated as `lanyard import` validates),
/// delete after a confirmation (its tokens are revoked), rotate a
/// confidential client's secret. A generated secret is shown once in a
/// SecretDialog. Provider work runs on the Backend's pool; the table
/// follows admin.changed events for clients, so changes made by the command
/// line or another window show up. Dialogs open window-modal without
/// blocking (QDialog::open), and the functions that open them return them.
/// GUI thread.
class ClientsPage : public QWidget
{
    Q_OBJECT

public:
    explicit ClientsPage(Backend *backend, QWidget *parent = nullptr);
    ~ClientsPage() override;

    ClientTableModel *model() const { return m_model; }

    /// Lists the clients again (off the GUI thread); a reload asked for
    /// while one runs happens after it.
    void reload();
    /// Selects `clientId` in the table (false when it is not shown).
    bool selectClient(const QString &clientId);
    /// The client_id of the selected client, or empty.
    QString selectedClientId() const;

    /// Opens the dialog for a new client (with a suggested client_id).
    ClientDialog *addClient();
    /// Opens the dialog for the listed client `clientId`; null when it is
    /// not listed.
    ClientDialog *editClient(const QString &clientId);
    /// Opens the delete confirmation; accepting deletes. Null when not listed.
    QMessageBox *confirmDelete(const QString &clientId);
    /// Opens the rotate confirmation; accepting rotates and shows the new
    /// secret. Null when not listed or public.
    QMessageBox *confirmRotateSecret(const QString &clientId);

Q_SIGNALS:
    /// A listing reached the table.
    void loaded();
    /// An operation ended; `message` is what the message line shows.
    void finished(bool ok, const QString &message);
    /// A generated secret is being shown.
    void secretShown(lanyard::ui::SecretDialog *dialog);

private:
    void onEvents(const QList<lanyard::Event> &events);
    void updateActions();
    void showMessage(const QString &message, bool ok);
    ClientDialog *openDialog(bool create);
    void save(ClientDialog *dialog);
    void remove(const QString &clientId);
    void rotateSecret(const QString &clientId);
    void showSecret(const QString &clientId, const QString &secret);
    /// "Intranet (app1)" or "app1".
    QString displayName(const QString &clientId) const;

    Backend *m_backend;
    ClientTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QStackedWidget *m_stack;
    QTableView *m_table;
    EmptyState *m_empty;
    InlineMessage *m_message;
    QPushButton *m_addButton;
    QPushButton *m_editButton;
    QPushButton *m_rotateButton;
    QPushButton *m_deleteButton;
    ReloadGate m_reload;
    bool m_busy = false;
};

} // namespace lanyard::ui
