// SPDX-License-Identifier: GPL-3.0-or-later
#include "clients/ClientsPage.h"

#include "admin/ClientService.h"
#include "backend/Backend.h"
#include "clients/ClientDialog.h"
#include "clients/ClientTableModel.h"
#include "clients/SecretDialog.h"
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
bool changesClients(const Event &event)
{
    if (event.type == event_type::ServerStarted)
        return true;
    return event.type == event_type::AdminChanged &&
           event.details.value(QStringLiteral("entity")).toString() == u"client";
}

} // namespace

ClientsPage::ClientsPage(Backend *backend, QWidget *parent)
    : QWidget(parent), m_backend(backend), m_model(new ClientTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_filter(new QLineEdit),
      m_stack(new QStackedWidget), m_table(new QTableView),
      m_empty(new EmptyState(tr("No clients yet.\nAdd the applications that should sign users "
                                "in through Lanyard."),
                             tr("Add client"))),
      m_message(new InlineMessage), m_addButton(new QPushButton(tr("&Add client…"))),
      m_editButton(new QPushButton(tr("&Edit…"))),
      m_rotateButton(new QPushButton(tr("&Rotate secret…"))),
      m_deleteButton(new QPushButton(tr("&Delete…")))
{
    auto *header = new PageHeader(tr("Clients"),
                                  tr("The applications that sign users in with Lanyard, and how."));
    m_addButton->setObjectName(QStringLiteral("addClientButton"));
    m_editButton->setObjectName(QStringLiteral("editClientButton"));
    m_rotateButton->setObjectName(QStringLiteral("rotateSecretButton"));
    m_deleteButton->setObjectName(QStringLiteral("deleteClientButton"));
    for (QPushButton *button : {m_addButton, m_editButton, m_rotateButton, m_deleteButton})
        header->addAction(button);
    connect(m_addButton, &QPushButton::clicked, this, &ClientsPage::addClient);
    connect(m_editButton, &QPushButton::clicked, this, [this] { editClient(selectedClientId()); });
    connect(m_rotateButton, &QPushButton::clicked, this,
            [this] { confirmRotateSecret(selectedClientId()); });
    connect(m_deleteButton, &QPushButton::clicked, this,
            [this] { confirmDelete(selectedClientId()); });

    m_message->setObjectName(QStringLiteral("pageMessage"));

    m_filter->setObjectName(QStringLiteral("clientFilterEdit"));
    m_filter->setPlaceholderText(tr("Client ID, name, grant type or redirect URI"));
    m_filter->setClearButtonEnabled(true);
    auto *filterLabel = new QLabel(tr("&Filter:"));
    filterLabel->setBuddy(m_filter);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ClientTableModel::SortRole);
    m_proxy->setFilterRole(ClientTableModel::FilterRole);
    m_proxy->setFilterKeyColumn(ClientTableModel::ClientId);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_table->setObjectName(QStringLiteral("clientsTable"));
    m_table->setAccessibleName(tr("Clients"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ClientTableModel::ClientId, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ClientTableModel::RedirectUris,
                                                      QHeaderView::Stretch);
    // Double-click or Enter edits.
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        editClient(index.data(ClientTableModel::ClientIdRole).toString());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ClientsPage::updateActions);

    m_empty->actionButton()->setObjectName(QStringLiteral("emptyAddClientButton"));
    connect(m_empty, &EmptyState::actionTriggered, this, &ClientsPage::addClient);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);
    m_stack->setCurrentWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addWidget(m_message);
    layout->addLayout(filterRow);
    layout->addWidget(m_stack, 1);

    setTabOrder(m_addButton, m_editButton);
    setTabOrder(m_editButton, m_rotateButton);
    setTabOrder(m_rotateButton, m_deleteButton);
    setTabOrder(m_deleteButton, m_filter);
    setTabOrder(m_filter, m_table);

    connect(m_backend, &Backend::ready, this, &ClientsPage::reload);
    connect(m_backend, &Backend::eventsRecorded, this, &ClientsPage::onEvents);
    if (m_backend->isReady())
        reload();
    updateActions();
}

ClientsPage::~ClientsPage() = default;

void ClientsPage::reload()
{
    if (!m_backend->isReady())
        return;
    if (!m_reload.begin())
        return;
    m_backend->run([clients = m_backend->clientService()] { return clients.list(); })
        .then(this, [this](const Result<QList<Client>, Error> &listing) {
            if (!listing) {
                showMessage(tr("Cannot list the clients: %1").arg(listing.error().message), false);
            } else {
                m_model->setClients(*listing);
                m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_table)
                                                                  : m_empty);
            }
            updateActions();
            Q_EMIT loaded();
            if (m_reload.finish())
                reload();
        });
}

void ClientsPage::onEvents(const QList<Event> &events)
{
    if (std::any_of(events.cbegin(), events.cend(), changesClients))
        reload();
}

QString ClientsPage::selectedClientId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(ClientTableModel::ClientIdRole).toString();
}

bool ClientsPage::selectClient(const QString &clientId)
{
    const int row = m_model->rowOf(clientId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
    return selectedClientId() == clientId;
}

void ClientsPage::updateActions()
{
    const int row = m_model->rowOf(selectedClientId());
    const bool ready = m_backend->isReady() && !m_busy;
    m_addButton->setEnabled(ready);
    m_empty->actionButton()->setEnabled(ready);
    const QString none = tr("Select a client first.");
    m_editButton->setEnabled(ready && row >= 0);
    m_editButton->setToolTip(
        row >= 0
            ? tr("Change the settings of %1.").arg(displayName(m_model->clientAt(row).clientId))
            : none);
    m_deleteButton->setEnabled(ready && row >= 0);
    m_deleteButton->setToolTip(row >= 0 ? tr("Delete %1 and revoke its tokens.")
                                              .arg(displayName(m_model->clientAt(row).clientId))
                                        : none);
    if (row < 0) {
        m_rotateButton->setEnabled(false);
        m_rotateButton->setToolTip(none);
    } else if (m_model->clientAt(row).isPublic()) {
        m_rotateButton->setEnabled(false);
        m_rotateButton->setToolTip(tr("A public client has no secret."));
    } else {
        m_rotateButton->setEnabled(ready);
        m_rotateButton->setToolTip(tr("Generate a new secret for %1; the old one stops working.")
                                       .arg(displayName(m_model->clientAt(row).clientId)));
    }
}

void ClientsPage::showMessage(const QString &message, bool ok)
{
    m_message->showMessage(message,
                           ok ? InlineMessage::Kind::Information : InlineMessage::Kind::Warning);
}

QString ClientsPage::displayName(const QString &clientId) const
{
    const int row = m_model->rowOf(clientId);
    const QString name = row >= 0 ? m_model->clientAt(row).clientName : QString();
    return name.isEmpty() ? clientId : tr("%1 (%2)").arg(name, clientId);
}

ClientDialog *ClientsPage::openDialog(bool create)
{
    auto *dialog = new ClientDialog(create ? ClientDialog::Mode::Create : ClientDialog::Mode::Edit,
                                    m_backend->config(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ClientDialog::submitted, this, [this, dialog] { save(dialog); });
    return dialog;
}

ClientDialog *ClientsPage::addClient()
{
    if (!m_backend->isReady())
        return nullptr;
    ClientDialog *dialog = openDialog(true);
    Client suggestion;
    suggestion.clientId = m_backend->clientService().suggestClientId();
    dialog->setClient(suggestion);
    dialog->open();
    return dialog;
}

ClientDialog *ClientsPage::editClient(const QString &clientId)
{
    const int row = m_model->rowOf(clientId);
    if (row < 0 || !m_backend->isReady())
        return nullptr;
    ClientDialog *dialog = openDialog(false);
    dialog->setClient(m_model->clientAt(row));
    dialog->open();
    return dialog;
}

void ClientsPage::save(ClientDialog *dialog)
{
    const Client client = dialog->client();
    const bool create = dialog->mode() == ClientDialog::Mode::Create;
    dialog->setBusy(true);
    QPointer<ClientDialog> guard(dialog);
    m_backend
        ->run([service = m_backend->clientService(), client, create] {
            return create ? service.create(client, Backend::actor())
                          : service.update(client, Backend::actor());
        })
        .then(this, [this, guard, create](const Result<ClientService::Saved, AdminError> &saved) {
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
            const QString id = saved->client.clientId;
            QString message;
            if (create)
                message = tr("Added client %1.").arg(id);
            else if (saved->fields.isEmpty())
                message = tr("Nothing changed in client %1.").arg(id);
            else
                message =
                    tr("Saved client %1 (%2).").arg(id, saved->fields.join(QStringLiteral(", ")));
            showMessage(message, true);
            reload();
            if (!saved->secret.isEmpty())
                showSecret(id, saved->secret);
            Q_EMIT finished(true, message);
        });
}

QMessageBox *ClientsPage::confirmDelete(const QString &clientId)
{
    if (m_model->rowOf(clientId) < 0 || m_busy)
        return nullptr;
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("deleteClientConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(tr("Delete client"));
    box->setText(tr("Delete client %1? Its tokens are revoked.").arg(displayName(clientId)));
    box->setInformativeText(tr("The application can no longer sign anyone in. This cannot be "
                               "undone."));
    QPushButton *confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    box->setDefaultButton(cancel);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, confirm, clientId](QAbstractButton *button) {
                if (button == confirm)
                    remove(clientId);
            });
    box->open();
    return box;
}

void ClientsPage::remove(const QString &clientId)
{
    if (m_busy)
        return;
    m_busy = true;
    updateActions();
    const QString name = displayName(clientId);
    m_backend
        ->run([service = m_backend->clientService(), clientId] {
            return service.remove(clientId, Backend::actor());
        })
        .then(this, [this, name](const Result<ClientService::Removed, AdminError> &removed) {
            m_busy = false;
            QString message;
            if (!removed)
                message = tr("Client %1 was not deleted: %2").arg(name, removed.error().message());
            else
                message = tr("Deleted client %1 and revoked its tokens (%n grant(s)).", nullptr,
                             removed->familiesRevoked)
                              .arg(name);
            showMessage(message, removed.ok());
            reload();
            Q_EMIT finished(removed.ok(), message);
        });
}

QMessageBox *ClientsPage::confirmRotateSecret(const QString &clientId)
{
    const int row = m_model->rowOf(clientId);
    if (row < 0 || m_busy || m_model->clientAt(row).isPublic())
        return nullptr;
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("rotateSecretConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Question);
    box->setWindowTitle(tr("Rotate secret"));
    box->setText(tr("Generate a new secret for %1?").arg(displayName(clientId)));
    box->setInformativeText(tr("The current secret stops working at once: the application "
                               "must be given the new one. Tokens already issued stay valid."));
    QPushButton *confirm = box->addButton(tr("Rotate secret"), QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    box->setDefaultButton(cancel);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, confirm, clientId](QAbstractButton *button) {
                if (button == confirm)
                    rotateSecret(clientId);
            });
    box->open();
    return box;
}

void ClientsPage::rotateSecret(const QString &clientId)
{
    if (m_busy)
        return;
    m_busy = true;
    updateActions();
    m_backend
        ->run([service = m_backend->clientService(), clientId] {
            return service.rotateSecret(clientId, Backend::actor());
        })
        .then(this, [this, clientId](const Result<QString, AdminError> &rotated) {
            m_busy = false;
            updateActions();
            QString message;
            if (!rotated) {
                message = tr("The secret of %1 was not rotated: %2")
                              .arg(displayName(clientId), rotated.error().message());
            } else {
                message = tr("Rotated the secret of %1.").arg(displayName(clientId));
                showSecret(clientId, *rotated);
            }
            showMessage(message, rotated.ok());
            Q_EMIT finished(rotated.ok(), message);
        });
}

void ClientsPage::showSecret(const QString &clientId, const QString &secret)
{
    auto *dialog = new SecretDialog(clientId, secret, this);
    dialog->open();
    Q_EMIT secretShown(dialog);
}

} // namespace lanyard::ui
