// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/AccountsPage.h"

#include "accounts/AccountDialog.h"
#include "accounts/AccountTableModel.h"
#include "accounts/PasswordDialog.h"
#include "admin/AccountService.h"
#include "backend/Backend.h"
#include "events/EventTypes.h"
#include "widgets/EmptyState.h"
#include "widgets/InlineMessage.h"
#include "widgets/PageHeader.h"

#include <QAbstractButton>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace lanyard::ui {

namespace {

/// Events after which the list may read differently.
bool changesAccounts(const Event &event)
{
    if (event.type == event_type::ServerStarted || event.type == event_type::LoginSucceeded)
        return true;
    return event.type == event_type::AdminChanged &&
           event.details.value(QStringLiteral("entity")).toString() == u"account";
}

} // namespace

AccountsPage::AccountsPage(Backend *backend, QWidget *parent)
    : QWidget(parent), m_backend(backend), m_model(new AccountTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_search(new QLineEdit),
      m_stack(new QStackedWidget), m_table(new QTableView),
      m_empty(new EmptyState(tr("No accounts yet.\nAdd the people who will sign in to your "
                                "applications through Lanyard."),
                             tr("Add account"))),
      m_message(new InlineMessage), m_addButton(new QPushButton(tr("&Add account…"))),
      m_editButton(new QPushButton(tr("&Edit…"))),
      m_passwordButton(new QPushButton(tr("Set &password…"))),
      m_toggleButton(new QPushButton(tr("D&isable…"))),
      m_deleteButton(new QPushButton(tr("&Delete…")))
{
    auto *header =
        new PageHeader(tr("Accounts"), tr("The people who sign in through Lanyard, and what "
                                          "applications learn about them."));
    m_addButton->setObjectName(QStringLiteral("addAccountButton"));
    m_editButton->setObjectName(QStringLiteral("editAccountButton"));
    m_passwordButton->setObjectName(QStringLiteral("setPasswordButton"));
    m_toggleButton->setObjectName(QStringLiteral("toggleDisabledButton"));
    m_deleteButton->setObjectName(QStringLiteral("deleteAccountButton"));
    for (QPushButton *button :
         {m_addButton, m_editButton, m_passwordButton, m_toggleButton, m_deleteButton})
        header->addAction(button);
    connect(m_addButton, &QPushButton::clicked, this, &AccountsPage::addAccount);
    connect(m_editButton, &QPushButton::clicked, this, [this] { editAccount(selectedUsername()); });
    connect(m_passwordButton, &QPushButton::clicked, this,
            [this] { setPassword(selectedUsername()); });
    connect(m_toggleButton, &QPushButton::clicked, this, [this] {
        const int row = m_model->rowOf(selectedUsername());
        if (row < 0)
            return;
        if (m_model->accountAt(row).disabled)
            setDisabled(m_model->accountAt(row).username, false);
        else
            confirmDisable(m_model->accountAt(row).username);
    });
    connect(m_deleteButton, &QPushButton::clicked, this,
            [this] { confirmDelete(selectedUsername()); });

    m_message->setObjectName(QStringLiteral("pageMessage"));

    m_search->setObjectName(QStringLiteral("accountSearchEdit"));
    m_search->setPlaceholderText(tr("Username, name, e-mail or group"));
    m_search->setClearButtonEnabled(true);
    auto *searchLabel = new QLabel(tr("&Search:"));
    searchLabel->setBuddy(m_search);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AccountTableModel::SortRole);
    m_proxy->setFilterRole(AccountTableModel::FilterRole);
    m_proxy->setFilterKeyColumn(AccountTableModel::Username);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    connect(m_search, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_table->setObjectName(QStringLiteral("accountsTable"));
    m_table->setAccessibleName(tr("Accounts"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AccountTableModel::Username, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(AccountTableModel::Groups,
                                                      QHeaderView::Stretch);
    // Double-click or Enter edits.
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        editAccount(index.data(AccountTableModel::UsernameRole).toString());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AccountsPage::updateActions);
    // The status column changes with enable/disable: keep the button's text right.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AccountsPage::updateActions);

    m_empty->actionButton()->setObjectName(QStringLiteral("emptyAddAccountButton"));
    connect(m_empty, &EmptyState::actionTriggered, this, &AccountsPage::addAccount);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);
    m_stack->setCurrentWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addWidget(m_message);
    layout->addLayout(searchRow);
    layout->addWidget(m_stack, 1);

    setTabOrder(m_addButton, m_editButton);
    setTabOrder(m_editButton, m_passwordButton);
    setTabOrder(m_passwordButton, m_toggleButton);
    setTabOrder(m_toggleButton, m_deleteButton);
    setTabOrder(m_deleteButton, m_search);
    setTabOrder(m_search, m_table);

    connect(m_backend, &Backend::ready, this, &AccountsPage::reload);
    connect(m_backend, &Backend::eventsRecorded, this, &AccountsPage::onEvents);
    if (m_backend->isReady())
        reload();
    updateActions();
}

AccountsPage::~AccountsPage() = default;

void AccountsPage::reload()
{
    if (!m_backend->isReady())
        return;
    if (!m_reload.begin())
        return;
    m_backend->run([accounts = m_backend->accountService()] { return accounts.list(); })
        .then(this, [this](const Result<QList<AccountInfo>, Error> &listing) {
            if (!listing) {
                showMessage(tr("Cannot list the accounts: %1").arg(listing.error().message), false);
            } else {
                m_model->setAccounts(*listing);
                m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_table)
                                                                  : m_empty);
            }
            updateActions();
            Q_EMIT loaded();
            if (m_reload.finish())
                reload();
        });
}

void AccountsPage::onEvents(const QList<Event> &events)
{
    if (std::any_of(events.cbegin(), events.cend(), changesAccounts))
        reload();
}

QString AccountsPage::selectedUsername() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(AccountTableModel::UsernameRole).toString();
}

bool AccountsPage::selectAccount(const QString &username)
{
    const int row = m_model->rowOf(username);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
    return selectedUsername() == username;
}

void AccountsPage::updateActions()
{
    const int row = m_model->rowOf(selectedUsername());
    const bool ready = m_backend->isReady() && !m_busy;
    m_addButton->setEnabled(ready);
    m_empty->actionButton()->setEnabled(ready);
    for (QPushButton *button : {m_editButton, m_passwordButton, m_toggleButton, m_deleteButton})
        button->setEnabled(ready && row >= 0);
    if (row < 0) {
        const QString none = tr("Select an account first.");
        for (QPushButton *button : {m_editButton, m_passwordButton, m_toggleButton, m_deleteButton})
            button->setToolTip(none);
        m_toggleButton->setText(tr("D&isable…"));
        return;
    }
    const AccountInfo &account = m_model->accountAt(row);
    m_editButton->setToolTip(tr("Change the name, e-mail and groups of %1.").arg(account.username));
    m_passwordButton->setToolTip(tr("Set a new password for %1.").arg(account.username));
    m_deleteButton->setToolTip(
        tr("Delete %1, end their sessions and revoke their tokens.").arg(account.username));
    if (account.disabled) {
        m_toggleButton->setText(tr("E&nable"));
        m_toggleButton->setToolTip(tr("Let %1 sign in again.").arg(account.username));
    } else {
        m_toggleButton->setText(tr("D&isable…"));
        m_toggleButton->setToolTip(
            tr("Stop %1 from signing in and end their sessions.").arg(account.username));
    }
}

void AccountsPage::setBusy(bool busy)
{
    m_busy = busy;
    updateActions();
}

void AccountsPage::showMessage(const QString &message, bool ok)
{
    m_message->showMessage(message,
                           ok ? InlineMessage::Kind::Information : InlineMessage::Kind::Warning);
}

QStringList AccountsPage::personalWords(const QString &username) const
{
    const int row = m_model->rowOf(username);
    if (row < 0)
        return {username};
    const AccountInfo &account = m_model->accountAt(row);
    QStringList words{account.username};
    for (const char *claim : {"name", "given_name", "family_name", "email"})
        words.append(account.claims.value(QLatin1StringView(claim)).toString());
    return words;
}

AccountDialog *AccountsPage::addAccount()
{
    if (!m_backend->isReady())
        return nullptr;
    auto *dialog = new AccountDialog(AccountDialog::Mode::Create, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountDialog::submitted, this, [this, dialog] { save(dialog); });
    dialog->open();
    return dialog;
}

AccountDialog *AccountsPage::editAccount(const QString &username)
{
    const int row = m_model->rowOf(username);
    if (row < 0 || !m_backend->isReady())
        return nullptr;
    auto *dialog = new AccountDialog(AccountDialog::Mode::Edit, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAccount(m_model->accountAt(row));
    connect(dialog, &AccountDialog::submitted, this, [this, dialog] { save(dialog); });
    dialog->open();
    return dialog;
}

void AccountsPage::save(AccountDialog *dialog)
{
    const bool create = dialog->mode() == AccountDialog::Mode::Create;
    Account account;
    account.username = dialog->username();
    account.claims = dialog->presentClaims();
    const QJsonObject claims = dialog->claims();
    const QString password = dialog->password();
    dialog->setBusy(true);
    QPointer<AccountDialog> guard(dialog);
    m_backend
        ->run([service = m_backend->accountService(), account, claims, password, create] {
            // Argon2id runs here, on the pool, never on the GUI thread.
            return create ? service.create(account, password, Backend::actor())
                          : service.updateClaims(account.username, claims, Backend::actor());
        })
        .then(this, [this, guard, create](const Result<AccountService::Saved, AdminError> &saved) {
            if (!saved) {
                const AdminError &error = saved.error();
                if (guard) {
                    guard->setBusy(false);
                    if (!error.problems.isEmpty())
                        guard->showProblems(error.problems);
                    else
                        guard->showError(error.message());
                }
                Q_EMIT finished(false, error.message());
                return;
            }
            if (guard)
                guard->accept();
            const QString username = saved->account.username;
            QString message;
            if (create && !saved->account.hasPassword)
                message = tr("Added account %1. Set a password so they can sign in.").arg(username);
            else if (create)
                message = tr("Added account %1.").arg(username);
            else if (saved->fields.isEmpty())
                message = tr("Nothing changed in account %1.").arg(username);
            else
                message = tr("Saved account %1 (%2).")
                              .arg(username, saved->fields.join(QStringLiteral(", ")));
            showMessage(message, true);
            reload();
            Q_EMIT finished(true, message);
        });
}

PasswordDialog *AccountsPage::setPassword(const QString &username)
{
    if (m_model->rowOf(username) < 0 || !m_backend->isReady())
        return nullptr;
    QStringList personal = personalWords(username);
    auto *dialog = new PasswordDialog(username, personal, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PasswordDialog::submitted, this, [this, dialog] { savePassword(dialog); });
    dialog->open();
    return dialog;
}

void AccountsPage::savePassword(PasswordDialog *dialog)
{
    const QString username = dialog->username();
    const QString password = dialog->password();
    dialog->setBusy(true);
    QPointer<PasswordDialog> guard(dialog);
    m_backend
        ->run([service = m_backend->accountService(), username, password] {
            // Argon2id runs here, on the pool, never on the GUI thread.
            return service.setPassword(username, password, Backend::actor());
        })
        .then(this, [this, guard, username](const Result<void, AdminError> &set) {
            QString message;
            if (!set) {
                message = set.error().message();
                if (guard) {
                    guard->setBusy(false);
                    guard->showError(message);
                }
            } else {
                if (guard)
                    guard->accept();
                message = tr("Set a new password for %1.").arg(username);
                showMessage(message, true);
                reload();
            }
            Q_EMIT finished(set.ok(), message);
        });
}

QMessageBox *AccountsPage::confirmDisable(const QString &username)
{
    const int row = m_model->rowOf(username);
    if (row < 0 || m_busy || m_model->accountAt(row).disabled)
        return nullptr;
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("disableAccountConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Question);
    box->setWindowTitle(tr("Disable account"));
    box->setText(tr("Disable account %1?").arg(username));
    box->setInformativeText(tr("Their sessions end now, applications are told to sign them "
                               "out, and they cannot sign in until enabled again."));
    QPushButton *confirm = box->addButton(tr("Disable"), QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    box->setDefaultButton(cancel);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, confirm, username](QAbstractButton *button) {
                if (button == confirm)
                    setDisabled(username, true);
            });
    box->open();
    return box;
}

void AccountsPage::setDisabled(const QString &username, bool disabled)
{
    if (m_busy || !m_backend->isReady())
        return;
    setBusy(true);
    m_backend
        ->run([service = m_backend->accountService(), username, disabled] {
            return service.setDisabled(username, disabled, Backend::actor());
        })
        .then(this, [this, username, disabled](const Result<int, AdminError> &done) {
            setBusy(false);
            QString message;
            if (!done)
                message = disabled
                              ? tr("%1 was not disabled: %2").arg(username, done.error().message())
                              : tr("%1 was not enabled: %2").arg(username, done.error().message());
            else if (disabled)
                message = tr("Disabled %1; %n session(s) ended.", nullptr, *done).arg(username);
            else
                message = tr("Enabled %1.").arg(username);
            showMessage(message, done.ok());
            reload();
            Q_EMIT finished(done.ok(), message);
        });
}

QMessageBox *AccountsPage::confirmDelete(const QString &username)
{
    if (m_model->rowOf(username) < 0 || m_busy)
        return nullptr;
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("deleteAccountConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(tr("Delete account"));
    box->setText(
        tr("Delete account %1? Their sessions end and their tokens are revoked.").arg(username));
    box->setInformativeText(tr("This cannot be undone. To stop someone signing in for a while, "
                               "disable the account instead."));
    QPushButton *confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    box->setDefaultButton(cancel);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, confirm, username](QAbstractButton *button) {
                if (button == confirm)
                    remove(username);
            });
    box->open();
    return box;
}

void AccountsPage::remove(const QString &username)
{
    if (m_busy)
        return;
    setBusy(true);
    m_backend
        ->run([service = m_backend->accountService(), username] {
            return service.remove(username, Backend::actor());
        })
        .then(this, [this, username](const Result<AccountService::Removed, AdminError> &removed) {
            setBusy(false);
            QString message;
            if (!removed)
                message =
                    tr("Account %1 was not deleted: %2").arg(username, removed.error().message());
            else
                message =
                    tr("Deleted account %1; %n session(s) ended.", nullptr, removed->sessionsEnded)
                        .arg(username);
            showMessage(message, removed.ok());
            reload();
            Q_EMIT finished(removed.ok(), message);
        });
}

} // namespace lanyard::ui
