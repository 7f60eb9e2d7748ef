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

class AccountDialog;
class AccountTableModel;
class Backend;
class EmptyState;
class InlineMessage;
class PasswordDialog;

/// The Accounts page: the accounts (AccountTableModel, sortable, with a
/// search) and what can be done with them through AccountService: add and
/// edit the standard claims in an AccountDialog (validated as `lanyard
/// import` validates), set a password in a PasswordDialog (Argon2id off the
/// GUI thread), disable (after a confirmation: its sessions end) or enable,
/// delete after a confirmation. Provider work runs on the Backend's pool;
/// the table follows admin.changed events for accounts and sign-ins (the
/// last sign-in column). Dialogs open window-modal without blocking
/// (QDialog::open), and the functions that open them return them.
/// GUI thread.
class AccountsPage : public QWidget
{
    Q_OBJECT

public:
    explicit AccountsPage(Backend *backend, QWidget *parent = nullptr);
    ~AccountsPage() override;

    AccountTableModel *model() const { return m_model; }

    /// Lists the accounts again (off the GUI thread); a reload asked for
    /// while one runs happens after it.
    void reload();
    /// Selects `username` in the table (false when it is not shown).
    bool selectAccount(const QString &username);
    /// The username of the selected account, or empty.
    QString selectedUsername() const;

    /// Opens the dialog for a new account.
    AccountDialog *addAccount();
    /// Opens the dialog for the listed account `username`; null when not listed.
    AccountDialog *editAccount(const QString &username);
    /// Opens the password dialog for `username`; null when not listed.
    PasswordDialog *setPassword(const QString &username);
    /// Opens the disable confirmation; accepting disables. Null when not
    /// listed or already disabled.
    QMessageBox *confirmDisable(const QString &username);
    /// AccountService::setDisabled without asking, off the GUI thread.
    void setDisabled(const QString &username, bool disabled);
    /// Opens the delete confirmation; accepting deletes. Null when not listed.
    QMessageBox *confirmDelete(const QString &username);

Q_SIGNALS:
    /// A listing reached the table.
    void loaded();
    /// An operation ended; `message` is what the message line shows.
    void finished(bool ok, const QString &message);

private:
    void onEvents(const QList<lanyard::Event> &events);
    void updateActions();
    void showMessage(const QString &message, bool ok);
    void save(AccountDialog *dialog);
    void savePassword(PasswordDialog *dialog);
    void remove(const QString &username);
    void setBusy(bool busy);
    /// Username, names and e-mail of a listed account.
    QStringList personalWords(const QString &username) const;

    Backend *m_backend;
    AccountTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QStackedWidget *m_stack;
    QTableView *m_table;
    EmptyState *m_empty;
    InlineMessage *m_message;
    QPushButton *m_addButton;
    QPushButton *m_editButton;
    QPushButton *m_passwordButton;
    QPushButton *m_toggleButton;
    QPushButton *m_deleteButton;
    ReloadGate m_reload;
    bool m_busy = false;
};

} // namespace lanyard::ui
