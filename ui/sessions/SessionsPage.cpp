// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/SessionsPage.h"

#include "admin/SessionService.h"
#include "backend/Backend.h"
#include "events/EventTypes.h"
#include "logout/SessionTerminator.h"
#include "model/Client.h"
#include "runtime/Provider.h"
#include "sessions/SessionDetailsPane.h"
#include "sessions/SessionTableModel.h"
#include "store/ClientStore.h"
#include "widgets/EmptyState.h"
#include "widgets/PageHeader.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace lanyard::ui {

namespace {

/// One listing, made off the GUI thread.
struct Listing
{
    QList<SessionInfo> sessions;
    QHash<QString, SessionClient> clients;
};

Result<Listing, Error> listSessions(const SessionService &service,
                                    const std::shared_ptr<ClientStore> &clientStore)
{
    auto sessions = service.list();
    if (!sessions)
        return sessions.error();
    auto clients = clientStore->list();
    if (!clients)
        return clients.error();
    Listing listing;
    listing.sessions = std::move(sessions).value();
    for (const Client &client : std::as_const(*clients))
        listing.clients.insert(client.clientId,
                               SessionClient{client.clientId, client.clientName,
                                             !client.backchannelLogoutUri.isEmpty()});
    return listing;
}

/// Events after which the list may read differently.
bool changesSessions(const Event &event)
{
    static const QLatin1StringView types[] = {
        event_type::LoginSucceeded, event_type::SessionEnded,   event_type::GrantRevoked,
        event_type::TokenIssued,    event_type::ConsentGranted, event_type::AdminChanged,
        event_type::ServerStarted,
    };
    return BackchannelDeliveryLog::isDeliveryEvent(event) ||
           std::find(std::begin(types), std::end(types), event.type) != std::end(types);
}

} // namespace

SessionsPage::SessionsPage(Backend *backend, QWidget *parent)
    : QWidget(parent), m_backend(backend), m_model(new SessionTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_filter(new QLineEdit),
      m_stack(new QStackedWidget), m_table(new QTableView),
      m_empty(new EmptyState(tr("Nobody is signed in.\nSessions appear here when someone signs "
                                "in to an application through Lanyard."),
                             QString())),
      m_details(new SessionDetailsPane), m_endButton(new QPushButton(tr("&End session"))),
      m_endAllButton(new QPushButton(tr("End &all of this account…"))), m_messageIcon(new QLabel),
      m_message(new QLabel), m_clock(new QTimer(this))
{
    auto *header = new PageHeader(
        tr("Sessions"), tr("Who is signed in, since when, from where, and to which applications."));
    m_endButton->setObjectName(QStringLiteral("endSessionButton"));
    m_endAllButton->setObjectName(QStringLiteral("endAllButton"));
    header->addAction(m_endButton);
    header->addAction(m_endAllButton);
    connect(m_endButton, &QPushButton::clicked, this, [this] { endSession(selectedSessionId()); });
    connect(m_endAllButton, &QPushButton::clicked, this, [this] {
        const int row = m_model->rowOf(selectedSessionId());
        if (row >= 0)
            confirmEndAll(m_model->sessionAt(row).subject);
    });

    m_messageIcon->setObjectName(QStringLiteral("messageIcon"));
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *messageRow = new QHBoxLayout;
    messageRow->addWidget(m_messageIcon, 0, Qt::AlignTop);
    messageRow->addWidget(m_message, 1);
    m_messageIcon->hide();
    m_message->hide();

    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Account, address, browser or application"));
    m_filter->setClearButtonEnabled(true);
    auto *filterLabel = new QLabel(tr("&Filter:"));
    filterLabel->setBuddy(m_filter);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SessionTableModel::SortRole);
    m_proxy->setFilterRole(SessionTableModel::FilterRole);
    m_proxy->setFilterKeyColumn(SessionTableModel::Account);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_table->setObjectName(QStringLiteral("sessionsTable"));
    m_table->setAccessibleName(tr("Sessions"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SessionTableModel::LastActivity, Qt::DescendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(SessionTableModel::Clients,
                                                      QHeaderView::Stretch);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SessionsPage::onSelectionChanged);

    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);
    m_stack->setCurrentWidget(m_empty);

    auto *detailsScroll = new QScrollArea;
    detailsScroll->setWidget(m_details);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);
    detailsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    detailsScroll->setMinimumWidth(280);
    m_detailsArea = detailsScroll;
    connect(m_details, &SessionDetailsPane::revokeRequested, this, &SessionsPage::revokeGrant);

    auto *splitter = new QSplitter;
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_stack);
    splitter->addWidget(detailsScroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addLayout(messageRow);
    layout->addLayout(filterRow);
    layout->addWidget(splitter, 1);
    updateDetailsArea();

    setTabOrder(m_endButton, m_endAllButton);
    setTabOrder(m_endAllButton, m_filter);
    setTabOrder(m_filter, m_table);

    // Expiry and "today" move with the clock.
    m_clock->setInterval(60'000);
    connect(m_clock, &QTimer::timeout, this, [this] {
        m_model->setNow(QDateTime::currentDateTimeUtc());
        reload();
    });
    m_clock->start();

    connect(m_backend, &Backend::ready, this, &SessionsPage::reload);
    connect(m_backend, &Backend::eventsRecorded, this, &SessionsPage::onEvents);
    if (m_backend->isReady())
        reload();
    updateActions();
}

SessionsPage::~SessionsPage() = default;

void SessionsPage::reload()
{
    if (!m_backend->isReady())
        return;
    if (!m_reload.begin())
        return;
    m_backend
        ->run([sessions = m_backend->sessionService(), clients = m_backend->provider()->clients()] {
            return listSessions(sessions, clients);
        })
        .then(this, [this](const Result<Listing, Error> &listing) {
            if (!listing) {
                showMessage(tr("Cannot list the sessions: %1").arg(listing.error().message), false);
            } else {
                m_clients = listing->clients;
                QSet<QString> backchannel;
                for (const SessionClient &client : std::as_const(m_clients)) {
                    if (client.backchannelLogout)
                        backchannel.insert(client.clientId);
                }
                m_log.setBackchannelClients(backchannel);
                m_model->setClients(m_clients);
                // A view moves the selection to a neighbour when the selected
                // row goes away; that is not the user choosing another session.
                m_applyingListing = true;
                m_model->setSessions(listing->sessions);
                m_applyingListing = false;
                if (m_details->hasSession() && m_model->rowOf(m_details->session().id) < 0 &&
                    selectedSessionId() != m_details->session().id)
                    m_table->selectionModel()->clearSelection();
                m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_table)
                                                                  : m_empty);
                followShownSession();
            }
            updateActions();
            Q_EMIT loaded();
            if (m_reload.finish())
                reload();
        });
}

void SessionsPage::followShownSession()
{
    if (!m_details->hasSession())
        return;
    const QString sid = m_details->session().id;
    const int row = m_model->rowOf(sid);
    if (row >= 0) {
        if (!m_details->isEnded()) {
            m_details->showSession(m_model->sessionAt(row), m_clients);
            m_details->updateDeliveries(m_log);
        }
        return;
    }
    if (!m_details->isEnded()) {
        const auto ending = m_log.ending(sid);
        m_details->setEnded(ending ? BackchannelDeliveryLog::describe(*ending)
                                   : tr("This session has ended."));
    }
    m_details->updateDeliveries(m_log);
}

void SessionsPage::onEvents(const QList<Event> &events)
{
    bool reloadNeeded = false;
    bool shownChanged = false;
    for (const Event &event : events) {
        const QString sid = m_log.apply(event);
        if (!sid.isEmpty() && m_details->hasSession() && sid == m_details->session().id) {
            shownChanged = true;
            if (event.type == event_type::SessionEnded)
                m_details->setEnded(BackchannelDeliveryLog::describe(*m_log.ending(sid)));
        }
        reloadNeeded = reloadNeeded || changesSessions(event);
    }
    if (shownChanged)
        m_details->updateDeliveries(m_log);
    if (reloadNeeded)
        reload();
}

QString SessionsPage::selectedSessionId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(SessionTableModel::SessionIdRole).toString();
}

bool SessionsPage::selectSession(const QString &sid)
{
    const int row = m_model->rowOf(sid);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
    return selectedSessionId() == sid;
}

void SessionsPage::onSelectionChanged()
{
    const QString sid = selectedSessionId();
    // A selection lost (or moved by the view) because the session ended
    // keeps the details shown, so its back-channel deliveries can be
    // followed.
    if (!sid.isEmpty() && !m_applyingListing)
        showDetailsOf(sid);
    updateActions();
}

void SessionsPage::showDetailsOf(const QString &sid)
{
    const int row = m_model->rowOf(sid);
    if (row < 0)
        return;
    m_details->showSession(m_model->sessionAt(row), m_clients);
    m_details->updateDeliveries(m_log);
    updateDetailsArea();
}

void SessionsPage::updateDetailsArea()
{
    m_detailsArea->setVisible(m_details->hasSession());
}

void SessionsPage::updateActions()
{
    const QString sid = selectedSessionId();
    const int row = m_model->rowOf(sid);
    if (m_busy) {
        const QString working = tr("An operation on sessions is in progress.");
        m_endButton->setEnabled(false);
        m_endButton->setToolTip(working);
        m_endAllButton->setEnabled(false);
        m_endAllButton->setToolTip(working);
        m_details->setActionsEnabled(false);
        return;
    }
    m_details->setActionsEnabled(true);
    if (row < 0) {
        const QString why = tr("Select a session first.");
        m_endButton->setEnabled(false);
        m_endButton->setToolTip(why);
        m_endAllButton->setEnabled(false);
        m_endAllButton->setToolTip(why);
        return;
    }
    const SessionInfo &session = m_model->sessionAt(row);
    const int count = m_model->sessionCount(session.subject);
    m_endButton->setEnabled(true);
    m_endButton->setToolTip(tr("Sign %1 out of this browser and revoke the tokens issued in this "
                               "session.")
                                .arg(session.username));
    m_endAllButton->setEnabled(true);
    m_endAllButton->setToolTip(
        tr("End all %n session(s) of %1.", nullptr, count).arg(session.username));
}

void SessionsPage::setBusy(bool busy)
{
    m_busy = busy;
    updateActions();
}

void SessionsPage::showMessage(const QString &message, bool ok)
{
    const QStyle::StandardPixmap icon =
        ok ? QStyle::SP_MessageBoxInformation : QStyle::SP_MessageBoxWarning;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_messageIcon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    m_messageIcon->setAccessibleName(ok ? tr("Information") : tr("Error"));
    m_message->setText(message);
    m_messageIcon->show();
    m_message->show();
}

void SessionsPage::endSession(const QString &sid)
{
    if (m_busy || sid.isEmpty() || !m_backend->isReady())
        return;
    setBusy(true);
    m_backend
        ->run([sessions = m_backend->sessionService(), sid] {
            return sessions.end(sid, Backend::actor());
        })
        .then(this, [this, sid](const Result<SessionService::Ended, Error> &ended) {
            setBusy(false);
            QString message;
            if (!ended) {
                message = tr("The session was not ended: %1").arg(ended.error().message);
            } else {
                const SessionInfo &session = ended->session;
                m_log.noteEnded(sid, session.clientIds, QDateTime::currentDateTimeUtc(),
                                QString(SessionTerminator::AdminReason));
                if (m_details->hasSession() && m_details->session().id == sid) {
                    m_details->setEnded(BackchannelDeliveryLog::describe(*m_log.ending(sid)));
                    m_details->updateDeliveries(m_log);
                }
                message = tr("Ended the session of %1. Token families revoked: %2.")
                              .arg(session.username)
                              .arg(ended->familiesRevoked);
            }
            showMessage(message, ended.ok());
            reload();
            Q_EMIT finished(ended.ok(), message);
        });
}

QMessageBox *SessionsPage::confirmEndAll(const QString &subject)
{
    const int count = m_model->sessionCount(subject);
    if (m_busy || count == 0)
        return nullptr;
    QString username;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->sessionAt(row).subject == subject) {
            username = m_model->sessionAt(row).username;
            break;
        }
    }
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("endAllConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(tr("End all sessions"));
    box->setText(tr("End all %n session(s) of %1?", nullptr, count).arg(username));
    box->setInformativeText(tr("%1 is signed out of every browser, and the tokens issued in "
                               "these sessions are revoked.")
                                .arg(username));
    QPushButton *confirm =
        box->addButton(tr("End %n session(s)", nullptr, count), QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    box->setDefaultButton(cancel);
    connect(box, &QMessageBox::finished, this, [this, box, confirm, subject] {
        if (box->clickedButton() == confirm)
            endAll(subject);
    });
    box->open();
    return box;
}

void SessionsPage::endAll(const QString &subject)
{
    if (m_busy || subject.isEmpty() || !m_backend->isReady())
        return;
    setBusy(true);
    m_backend
        ->run([sessions = m_backend->sessionService(), subject] {
            return sessions.endAll(subject, Backend::actor());
        })
        .then(this, [this](const Result<QList<SessionService::Ended>, Error> &ended) {
            setBusy(false);
            QString message;
            if (!ended) {
                message = tr("The sessions were not ended: %1").arg(ended.error().message);
            } else {
                const QDateTime now = QDateTime::currentDateTimeUtc();
                QString username;
                for (const SessionService::Ended &one : *ended) {
                    username = one.session.username;
                    m_log.noteEnded(one.session.id, one.session.clientIds, now,
                                    QString(SessionTerminator::AdminReason));
                }
                followShownSession();
                message =
                    tr("Ended %n session(s) of %1.", nullptr, int(ended->size())).arg(username);
            }
            showMessage(message, ended.ok());
            reload();
            Q_EMIT finished(ended.ok(), message);
        });
}

void SessionsPage::revokeGrant(const QString &subject, const QString &clientId)
{
    if (m_busy || subject.isEmpty() || clientId.isEmpty() || !m_backend->isReady())
        return;
    setBusy(true);
    const QString clientName =
        m_clients.contains(clientId) ? m_clients.value(clientId).displayName() : clientId;
    m_backend
        ->run([sessions = m_backend->sessionService(), subject, clientId] {
            return sessions.revokeClientGrant(subject, clientId, Backend::actor());
        })
        .then(this, [this, clientName](const Result<int, Error> &revoked) {
            setBusy(false);
            const QString message =
                revoked ? tr("Revoked the grant of %1. Token families revoked: %2. It has to ask "
                             "again.")
                              .arg(clientName)
                              .arg(*revoked)
                        : tr("The grant of %1 was not revoked: %2")
                              .arg(clientName, revoked.error().message);
            showMessage(message, revoked.ok());
            reload();
            Q_EMIT finished(revoked.ok(), message);
        });
}

} // namespace lanyard::ui
