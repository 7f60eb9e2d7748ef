// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/KeysPage.h"

#include "admin/KeyService.h"
#include "backend/Backend.h"
#include "events/EventTypes.h"
#include "keys/KeyActions.h"
#include "keys/KeyPhase.h"
#include "keys/KeyTableModel.h"
#include "runtime/Provider.h"
#include "widgets/EmptyState.h"
#include "widgets/PageHeader.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace lanyard::ui {

namespace {

/// One listing of the keys, made off the GUI thread.
struct Listing
{
    QList<KeyRow> keys;
    /// From a rotation to the new key signing.
    qint64 rotationDelaySecs = 0;
    /// How long a key retired now stays published.
    int retiredLifetimeSecs = 0;
};

Result<Listing, Error> listKeys(const KeyService &service)
{
    auto keys = service.list();
    if (!keys)
        return keys.error();
    auto lifetime = service.retiredKeyLifetimeSecs();
    if (!lifetime)
        return lifetime.error();
    Listing listing;
    for (const SigningKey &key : std::as_const(*keys))
        listing.keys.append(KeyRow::fromKey(key, service));
    listing.rotationDelaySecs =
        qint64(service.rotationDelaySecs()) + KeyService::PublicationAllowanceSecs;
    listing.retiredLifetimeSecs = *lifetime;
    return listing;
}

QString defaultExportPath(QWidget *parent)
{
    return QFileDialog::getSaveFileName(parent, KeysPage::tr("Export public JWKS"),
                                        QDir::home().filePath(QStringLiteral("jwks.json")),
                                        KeysPage::tr("JSON files (*.json);;All files (*)"));
}

} // namespace

KeysPage::KeysPage(Backend *backend, QWidget *parent)
    : QWidget(parent), m_backend(backend), m_model(new KeyTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_stack(new QStackedWidget),
      m_table(new QTableView),
      m_empty(new EmptyState(tr("No signing keys yet. The server creates them when it starts."),
                             QString())),
      m_rotateButton(new QPushButton(tr("&Rotate now"))), m_rotateMenuButton(new QToolButton),
      m_rotateMenu(new QMenu(this)), m_retireButton(new QPushButton(tr("Re&tire key…"))),
      m_exportButton(new QPushButton(tr("&Export public JWKS…"))),
      m_copyAction(new QAction(tr("&Copy key ID"), this)),
      m_retireAction(new QAction(tr("Re&tire key…"), this)), m_messageIcon(new QLabel),
      m_message(new QLabel), m_cycle(new QLabel), m_clock(new QTimer(this)),
      m_chooseExportPath(&defaultExportPath)
{
    auto *header = new PageHeader(
        tr("Signing keys"),
        tr("Keys sign ID and access tokens. Relying parties verify them with the public keys "
           "published in the JWKS."));
    m_rotateButton->setObjectName(QStringLiteral("rotateButton"));
    m_rotateMenuButton->setObjectName(QStringLiteral("rotateMenuButton"));
    m_rotateMenuButton->setAccessibleName(tr("Rotate one algorithm"));
    m_rotateMenuButton->setToolTip(tr("Rotate the key of one algorithm, or add an algorithm"));
    m_rotateMenuButton->setArrowType(Qt::DownArrow);
    m_rotateMenuButton->setPopupMode(QToolButton::InstantPopup);
    m_rotateMenuButton->setMenu(m_rotateMenu);
    m_rotateMenu->setObjectName(QStringLiteral("rotateMenu"));
    m_rotateMenu->setToolTipsVisible(true);
    for (const QString &alg : KeyService::supportedAlgorithms()) {
        QAction *action = m_rotateMenu->addAction(tr("Rotate %1").arg(alg));
        action->setObjectName(QStringLiteral("rotate_%1").arg(alg));
        action->setData(alg);
        connect(action, &QAction::triggered, this, [this, alg] { rotate(alg); });
    }
    m_retireButton->setObjectName(QStringLiteral("retireButton"));
    m_exportButton->setObjectName(QStringLiteral("exportJwksButton"));
    m_exportButton->setToolTip(
        tr("Write the public keys (the JWKS) to a file, exactly as the server serves them"));
    header->addAction(m_rotateButton);
    header->addAction(m_rotateMenuButton);
    header->addAction(m_retireButton);
    header->addAction(m_exportButton);
    connect(m_rotateButton, &QPushButton::clicked, this, &KeysPage::rotateAll);
    connect(m_retireButton, &QPushButton::clicked, this, [this] { confirmRetire(selectedKid()); });
    connect(m_exportButton, &QPushButton::clicked, this, &KeysPage::exportJwks);

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

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(KeyTableModel::SortRole);
    m_table->setObjectName(QStringLiteral("keysTable"));
    m_table->setAccessibleName(tr("Signing keys"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(KeyTableModel::Created, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(KeyTableModel::Phase, QHeaderView::Stretch);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_copyAction->setObjectName(QStringLiteral("copyKidAction"));
    m_retireAction->setObjectName(QStringLiteral("retireAction"));
    m_table->addAction(m_copyAction);
    m_table->addAction(m_retireAction);
    connect(m_copyAction, &QAction::triggered, this, &KeysPage::copySelectedKid);
    connect(m_retireAction, &QAction::triggered, this, [this] { confirmRetire(selectedKid()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &KeysPage::updateActions);

    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);

    m_cycle->setObjectName(QStringLiteral("cycleLabel"));
    m_cycle->setWordWrap(true);
    m_cycle->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addLayout(messageRow);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_cycle);

    setTabOrder(m_rotateButton, m_rotateMenuButton);
    setTabOrder(m_rotateMenuButton, m_retireButton);
    setTabOrder(m_retireButton, m_exportButton);
    setTabOrder(m_exportButton, m_table);

    // Countdowns ("in 9 min") and the buttons' reasons move with the clock.
    m_clock->setInterval(60'000);
    connect(m_clock, &QTimer::timeout, this, [this] {
        m_model->setNow(QDateTime::currentDateTimeUtc());
        updateActions();
    });
    m_clock->start();

    connect(m_backend, &Backend::ready, this, &KeysPage::reload);
    connect(m_backend, &Backend::eventsRecorded, this, &KeysPage::onEvents);
    if (m_backend->isReady())
        reload();
    updateActions();
}

KeysPage::~KeysPage() = default;

void KeysPage::setExportPathChooser(PathChooser chooser)
{
    m_chooseExportPath = std::move(chooser);
}

void KeysPage::reload()
{
    if (!m_backend->isReady())
        return;
    if (!m_reload.begin())
        return;
    m_backend->run([keys = m_backend->keyService()] { return listKeys(keys); })
        .then(this, [this](const Result<Listing, Error> &listing) {
            if (!listing) {
                showMessage(tr("Cannot list the signing keys: %1").arg(listing.error().message),
                            false);
            } else {
                m_rotationDelaySecs = listing->rotationDelaySecs;
                m_retiredLifetimeSecs = listing->retiredLifetimeSecs;
                m_model->setNow(QDateTime::currentDateTimeUtc());
                m_model->setKeys(listing->keys);
                m_loadedOnce = true;
                m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_table)
                                                                  : m_empty);
                m_cycle->setText(
                    tr("Rotation publishes a new key at once; it starts signing %1 later, once "
                       "every relying party has refreshed its copy of the JWKS. The key it "
                       "replaces then retires and stays published for %2, until the tokens it "
                       "signed have expired.")
                        .arg(KeyPhase::durationText(m_rotationDelaySecs),
                             KeyPhase::durationText(m_retiredLifetimeSecs)));
            }
            updateActions();
            Q_EMIT loaded();
            if (m_reload.finish())
                reload();
        });
}

void KeysPage::onEvents(const QList<Event> &events)
{
    const bool keysChanged = std::any_of(events.cbegin(), events.cend(), [](const Event &event) {
        return event.type.startsWith(QLatin1StringView("key.")) ||
               event.type == event_type::ServerStarted;
    });
    if (keysChanged)
        reload();
}

QString KeysPage::selectedKid() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(KeyTableModel::KidRole).toString();
}

void KeysPage::updateActions()
{
    const bool ready = m_backend->isReady() && m_loadedOnce;
    const QString kid = selectedKid();
    if (!ready) {
        const QString why = tr("The keys are not loaded yet.");
        for (QWidget *button :
             {static_cast<QWidget *>(m_rotateButton), static_cast<QWidget *>(m_rotateMenuButton),
              static_cast<QWidget *>(m_retireButton), static_cast<QWidget *>(m_exportButton)}) {
            button->setEnabled(false);
        }
        m_rotateButton->setToolTip(why);
        m_retireButton->setToolTip(why);
        m_retireAction->setEnabled(false);
        m_copyAction->setEnabled(false);
        return;
    }

    const KeyActions actions(m_model->keys(), QDateTime::currentDateTimeUtc(), m_rotationDelaySecs);
    const QString working = tr("A key change is in progress.");
    const auto apply = [&](auto *target, const KeyActions::Availability &availability) {
        target->setEnabled(!m_busy && availability.enabled);
        target->setToolTip(m_busy ? working : availability.reason);
    };
    apply(m_rotateButton, actions.rotateAll());
    m_rotateMenuButton->setEnabled(!m_busy);
    const QStringList rotatable = actions.rotatableAlgorithms();
    for (QAction *action : m_rotateMenu->actions()) {
        const QString alg = action->data().toString();
        action->setText(rotatable.contains(alg) ? tr("Rotate %1").arg(alg)
                                                : tr("Add a %1 key").arg(alg));
        apply(action, actions.rotate(alg));
    }
    const KeyActions::Availability retiring = actions.retire(kid);
    apply(m_retireButton, retiring);
    apply(m_retireAction, retiring);
    m_copyAction->setEnabled(!kid.isEmpty());
    m_exportButton->setEnabled(!m_exporting);
}

void KeysPage::setBusy(bool busy)
{
    m_busy = busy;
    updateActions();
}

void KeysPage::showMessage(const QString &message, bool ok)
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

void KeysPage::rotateAll()
{
    if (m_busy || !m_backend->isReady())
        return;
    setBusy(true);
    m_backend->run([keys = m_backend->keyService()] { return keys.rotateAll(); })
        .then(this, [this](const Result<QList<SigningKey>, Error> &rotated) {
            setBusy(false);
            QString message;
            if (!rotated) {
                message = tr("The keys were not rotated: %1").arg(rotated.error().message);
            } else {
                QStringList names;
                QDateTime from;
                const KeyService service = m_backend->keyService();
                for (const SigningKey &key : *rotated) {
                    names.append(QStringLiteral("%1 %2").arg(key.alg, KeyPhase::shortKid(key.kid)));
                    from = service.signsFrom(key);
                }
                message = tr("Published %n new key(s): %1. They start signing at %2.", nullptr,
                             int(rotated->size()))
                              .arg(names.join(QStringLiteral(", ")), KeyPhase::dateTimeText(from));
            }
            showMessage(message, rotated.ok());
            reload();
            Q_EMIT finished(rotated.ok(), message);
        });
}

void KeysPage::rotate(const QString &alg)
{
    if (m_busy || !m_backend->isReady())
        return;
    setBusy(true);
    m_backend->run([keys = m_backend->keyService(), alg] { return keys.rotate(alg); })
        .then(this, [this, alg](const Result<SigningKey, Error> &key) {
            setBusy(false);
            const QString message =
                key ? tr("Published a new %1 key %2. It starts signing at %3.")
                          .arg(alg, KeyPhase::shortKid(key->kid),
                               KeyPhase::dateTimeText(m_backend->keyService().signsFrom(*key)))
                    : tr("The %1 key was not rotated: %2").arg(alg, key.error().message);
            showMessage(message, key.ok());
            reload();
            Q_EMIT finished(key.ok(), message);
        });
}

QMessageBox *KeysPage::confirmRetire(const QString &kid)
{
    const KeyActions actions(m_model->keys(), QDateTime::currentDateTimeUtc(), m_rotationDelaySecs);
    const KeyActions::Availability availability = actions.retire(kid);
    if (m_busy || !availability.enabled)
        return nullptr;
    const int row = m_model->rowOf(kid);
    const bool next = row >= 0 && m_model->keyAt(row).state == KeyState::Next;
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("retireConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(next ? tr("Cancel rotation") : tr("Retire key"));
    box->setText(next ? tr("Cancel the rotation to key %1?").arg(kid)
                      : tr("Retire key %1 now?").arg(kid));
    box->setInformativeText(availability.reason);
    QPushButton *confirm =
        box->addButton(next ? tr("Cancel rotation") : tr("Retire key"), QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    QPushButton *keep =
        box->addButton(next ? tr("Keep it") : tr("Keep signing"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("cancelButton"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::finished, this, [this, box, confirm, kid] {
        if (box->clickedButton() == confirm)
            retire(kid);
    });
    box->open();
    return box;
}

void KeysPage::retire(const QString &kid)
{
    if (m_busy || !m_backend->isReady() || kid.isEmpty())
        return;
    setBusy(true);
    m_backend->run([keys = m_backend->keyService(), kid] { return keys.retire(kid); })
        .then(this, [this, kid](const Result<SigningKey, Error> &key) {
            setBusy(false);
            QString message;
            if (!key)
                message = tr("Key %1 was not retired: %2").arg(kid, key.error().message);
            else if (key->publishedUntil.isValid() && key->publishedUntil > key->retiredAt)
                message = tr("Key %1 is retired. It stays published until %2.")
                              .arg(kid, KeyPhase::dateTimeText(key->publishedUntil));
            else
                message = tr("Key %1 is retired; it never signed and leaves the JWKS.").arg(kid);
            showMessage(message, key.ok());
            reload();
            Q_EMIT finished(key.ok(), message);
        });
}

void KeysPage::exportJwks()
{
    if (m_exporting || !m_backend->isReady())
        return;
    const QString path = m_chooseExportPath ? m_chooseExportPath(this) : QString();
    if (path.isEmpty())
        return;
    m_exporting = true;
    updateActions();
    m_backend
        ->run([provider = m_backend->provider(), path]() -> Result<qint64, Error> {
            auto json = provider->jwksJson();
            if (!json)
                return json.error();
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return Error::io(file.errorString());
            if (file.write(*json) != json->size() || !file.commit())
                return Error::io(file.errorString());
            return qint64(json->size());
        })
        .then(this, [this, path](const Result<qint64, Error> &written) {
            m_exporting = false;
            updateActions();
            const QString message =
                written ? tr("Exported the public JWKS to %1.").arg(QDir::toNativeSeparators(path))
                        : tr("The JWKS was not exported to %1: %2")
                              .arg(QDir::toNativeSeparators(path), written.error().message);
            showMessage(message, written.ok());
            Q_EMIT finished(written.ok(), message);
        });
}

void KeysPage::copySelectedKid()
{
    const QString kid = selectedKid();
    if (!kid.isEmpty())
        QGuiApplication::clipboard()->setText(kid);
}

} // namespace lanyard::ui
