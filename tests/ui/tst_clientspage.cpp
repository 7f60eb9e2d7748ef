// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackendFixture.h"

#include "admin/ClientService.h"
#include "admin/ImportService.h"
#include "clients/ClientDialog.h"
#include "clients/ClientTableModel.h"
#include "clients/ClientsPage.h"
#include "clients/SecretDialog.h"
#include "crypto/SecretHasher.h"
#include "events/EventTypes.h"
#include "runtime/Provider.h"
#include "store/ClientStore.h"
#include "widgets/InlineMessage.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::BackendFixture;
using lanyard::ui::ClientDialog;
using lanyard::ui::ClientsPage;
using lanyard::ui::ClientTableModel;
using lanyard::ui::SecretDialog;

namespace {

/// Every event the backend records, as the window sees them.
class EventLog : public QObject
{
public:
    explicit EventLog(ui::Backend *backend)
    {
        connect(backend, &ui::Backend::eventsRecorded, this,
                [this](const QList<Event> &events) { m_events += events; });
    }

    /// Recorded admin.changed events for client `clientId`.
    QList<Event> adminChanges(const QString &clientId) const
    {
        QList<Event> out;
        for (const Event &event : m_events) {
            if (event.type == event_type::AdminChanged && event.clientId == clientId)
                out.append(event);
        }
        return out;
    }

    bool hasAction(const QString &clientId, const QString &action) const
    {
        const QList<Event> changes = adminChanges(clientId);
        return std::any_of(changes.cbegin(), changes.cend(), [&](const Event &event) {
            return event.details.value(u"action"_s).toString() == action;
        });
    }

    Event lastChange(const QString &clientId) const { return adminChanges(clientId).last(); }

    /// No recorded event carries `text`.
    bool noneContains(const QString &text) const
    {
        return std::none_of(m_events.cbegin(), m_events.cend(), [&](const Event &event) {
            return QString::fromUtf8(QJsonDocument(event.toJson()).toJson()).contains(text);
        });
    }

private:
    QList<Event> m_events;
};

template<typename T> T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no %s", qPrintable(name));
    return found;
}

/// The newest open dialog of type T under `page`.
template<typename T> T *openDialog(QWidget *page)
{
    const QList<T *> dialogs = page->findChildren<T *>();
    for (auto it = dialogs.crbegin(); it != dialogs.crend(); ++it) {
        if ((*it)->isVisible())
            return *it;
    }
    return nullptr;
}

void click(QObject *parent, const QString &name)
{
    auto *button = child<QPushButton>(parent, name);
    QVERIFY(button);
    QVERIFY2(button->isEnabled(), qPrintable(name + u" is disabled"_s));
    QTest::mouseClick(button, Qt::LeftButton);
}

} // namespace

class TestClientsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createEditDeleteThroughTheDialogs();
    void validationErrorKeepsTheDialogOpen();
    void rotateSecretShowsTheNewSecretOnce();
    void publicClientsHaveNoSecret();
    void changesFromTheCommandLineShowUp();
    void filterNarrowsTheTable();

private:
    /// The stored client (secret hash included), read off the GUI thread.
    std::optional<Client> stored(const QString &clientId) const;
    /// What `lanyard import` says about `client` (without "clients[0].").
    QStringList importProblems(const QJsonObject &client) const;
    /// A page with its first listing loaded.
    std::unique_ptr<ClientsPage> makePage() const;
    Client confidentialClient(const QString &clientId) const;

    std::unique_ptr<BackendFixture> m_fixture;
    std::unique_ptr<EventLog> m_events;
};

void TestClientsPage::init()
{
    qRegisterMetaType<SecretDialog *>();
    m_fixture = std::make_unique<BackendFixture>();
    m_events = std::make_unique<EventLog>(m_fixture->backend());
    QVERIFY(m_fixture->start());
}

void TestClientsPage::cleanup()
{
    m_events.reset();
    m_fixture.reset();
}

std::optional<Client> TestClientsPage::stored(const QString &clientId) const
{
    auto found = BackendFixture::wait(
        m_fixture->backend()->run([clients = m_fixture->backend()->provider()->clients(),
                                   clientId] { return clients->find(clientId); }));
    if (!found) {
        qWarning("%s", qPrintable(found.error().message));
        return std::nullopt;
    }
    return *found;
}

QStringList TestClientsPage::importProblems(const QJsonObject &client) const
{
    const QByteArray json = QJsonDocument(QJsonObject{{u"clients"_s, QJsonArray{client}}}).toJson();
    auto imported = BackendFixture::wait(
        m_fixture->backend()->run([import = m_fixture->backend()->importService(), json] {
            return import.importJson(json, u"test"_s);
        }));
    QStringList out;
    if (imported.ok())
        return out;
    for (const ValidationProblem &problem : imported.error())
        out.append(problem.toString());
    out.replaceInStrings(u"clients[0]."_s, QString());
    return out;
}

std::unique_ptr<ClientsPage> TestClientsPage::makePage() const
{
    auto page = std::make_unique<ClientsPage>(m_fixture->backend());
    page->resize(1000, 700);
    page->show();
    // The first listing may already be in: ask again and wait for that one.
    QSignalSpy loaded(page.get(), &ClientsPage::loaded);
    page->reload();
    if (!QTest::qWaitFor([&loaded] { return !loaded.isEmpty(); }, 10'000))
        qWarning("the clients page did not load");
    return page;
}

Client TestClientsPage::confidentialClient(const QString &clientId) const
{
    Client client;
    client.clientId = clientId;
    client.clientName = u"Wiki"_s;
    client.redirectUris = {u"https://wiki.example/cb"_s};
    return client;
}

void TestClientsPage::createEditDeleteThroughTheDialogs()
{
    auto page = makePage();
    auto *stack = page->findChild<QStackedWidget *>();
    QVERIFY(stack);
    QCOMPARE(stack->currentWidget()->objectName(), u"emptyState"_s);
    QVERIFY(child<QPushButton>(page.get(), u"emptyAddClientButton"_s)->isVisible());

    // 1. Add, through the dialog.
    click(page.get(), u"addClientButton"_s);
    QPointer<ClientDialog> dialog = openDialog<ClientDialog>(page.get());
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), ClientDialog::Mode::Create);
    auto *idEdit = child<QLineEdit>(dialog, u"clientIdEdit"_s);
    QVERIFY(!idEdit->text().isEmpty()); // a suggestion
    QVERIFY(!idEdit->isReadOnly());
    idEdit->setText(u"intranet"_s);
    child<QLineEdit>(dialog, u"nameEdit"_s)->setText(u"Intranet"_s);
    auto *type = child<QComboBox>(dialog, u"typeCombo"_s);
    QCOMPARE(type->currentData().toBool(), false); // confidential by default
    child<QComboBox>(dialog, u"authMethodCombo"_s)
        ->setCurrentIndex(
            child<QComboBox>(dialog, u"authMethodCombo"_s)->findData(u"client_secret_post"_s));
    child<QPlainTextEdit>(dialog, u"redirectUrisEdit"_s)
        ->setPlainText(u"https://intranet.example/callback\n\nhttps://intranet.example/cb2\n"_s);
    child<QPlainTextEdit>(dialog, u"postLogoutUrisEdit"_s)
        ->setPlainText(u"https://intranet.example/"_s);
    child<QCheckBox>(dialog, u"grantRefreshToken"_s)->setChecked(true);
    child<QLineEdit>(dialog, u"scopesEdit"_s)->setText(u"openid profile email offline_access"_s);
    child<QCheckBox>(dialog, u"requireConsentCheck"_s)->setChecked(true);
    auto *access = child<QSpinBox>(dialog, u"accessLifetimeSpin"_s);
    QCOMPARE(access->value(), 0);
    QCOMPARE(access->text(), u"Default (1 h)"_s);
    access->setValue(600);
    auto *alg = child<QComboBox>(dialog, u"idTokenAlgCombo"_s);
    alg->setCurrentIndex(alg->findData(u"ES256"_s));
    child<QLineEdit>(dialog, u"backchannelUriEdit"_s)->setText(u"https://intranet.example/bcl"_s);
    child<QCheckBox>(dialog, u"resourceServerCheck"_s)->setChecked(true);

    QSignalSpy finished(page.get(), &ClientsPage::finished);
    QSignalSpy secrets(page.get(), &ClientsPage::secretShown);
    click(dialog, u"okButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QTRY_VERIFY(!dialog);

    // The secret, once, with a copy button.
    QTRY_COMPARE(secrets.size(), 1);
    QPointer<SecretDialog> secretDialog = secrets.first().at(0).value<SecretDialog *>();
    QVERIFY(secretDialog);
    QVERIFY(secretDialog->isVisible());
    const QString secret = child<QLineEdit>(secretDialog, u"secretEdit"_s)->text();
    QCOMPARE(secret.size(), 43);
    QVERIFY(child<QLineEdit>(secretDialog, u"secretEdit"_s)->isReadOnly());
    QVERIFY(child<lanyard::ui::InlineMessage>(secretDialog, u"secretWarning"_s)
                ->text()
                .contains(u"will not be shown again"_s));
    click(secretDialog, u"copyButton"_s);
    QCOMPARE(QGuiApplication::clipboard()->text(), secret);
    QGuiApplication::clipboard()->clear();

    auto client = stored(u"intranet"_s);
    QVERIFY(client);
    QCOMPARE(client->clientName, u"Intranet"_s);
    QCOMPARE(client->tokenEndpointAuthMethod, u"client_secret_post"_s);
    QCOMPARE(client->redirectUris, (QStringList{u"https://intranet.example/callback"_s,
                                                u"https://intranet.example/cb2"_s}));
    QCOMPARE(client->postLogoutRedirectUris, QStringList{u"https://intranet.example/"_s});
    QCOMPARE(client->grantTypes, (QStringList{u"authorization_code"_s, u"refresh_token"_s}));
    QCOMPARE(client->responseTypes, QStringList{u"code"_s});
    QCOMPARE(client->scopes.size(), 4);
    QVERIFY(client->requireConsent);
    QVERIFY(client->requirePkce);
    QCOMPARE(client->accessTokenLifetimeSecs, 600);
    QCOMPARE(client->idTokenLifetimeSecs, 0);
    QCOMPARE(client->idTokenSignedResponseAlg, u"ES256"_s);
    QCOMPARE(client->backchannelLogoutUri, u"https://intranet.example/bcl"_s);
    QVERIFY(client->resourceServer);
    // Stored only as a hash.
    QVERIFY(!client->secretHash.contains(secret));
    QVERIFY(SecretHasher().verify(secret, client->secretHash));

    QTRY_VERIFY_WITH_TIMEOUT(m_events->hasAction(u"intranet"_s, u"created"_s), 10'000);
    const Event created = m_events->lastChange(u"intranet"_s);
    QVERIFY(created.id > 0); // recorded in the database
    QCOMPARE(created.details.value(u"actor"_s).toString(), u"desktop"_s);
    QCOMPARE(created.details.value(u"entity"_s).toString(), u"client"_s);

    // Closing the secret dialog wipes the secret; nothing shows it again.
    click(secretDialog, u"closeButton"_s);
    QTRY_VERIFY(!secretDialog);
    QTRY_COMPARE(page->model()->rowCount(), 1);
    QCOMPARE(stack->currentWidget()->objectName(), u"clientsTable"_s);
    QVERIFY(page->model()->clientAt(0).secretHash.isEmpty());
    QVERIFY(m_events->noneContains(secret));
    QVERIFY(m_events->noneContains(client->secretHash));

    // 2. Edit: double-click the row.
    auto *table = child<QTableView>(page.get(), u"clientsTable"_s);
    const QRect cell = table->visualRect(table->model()->index(0, ClientTableModel::Name));
    // As a user does: the first click selects, the second one is the double-click.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    dialog = openDialog<ClientDialog>(page.get());
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), ClientDialog::Mode::Edit);
    QVERIFY(child<QLineEdit>(dialog, u"clientIdEdit"_s)->isReadOnly());
    QCOMPARE(child<QLineEdit>(dialog, u"nameEdit"_s)->text(), u"Intranet"_s);
    QCOMPARE(child<QSpinBox>(dialog, u"accessLifetimeSpin"_s)->value(), 600);
    QVERIFY(!dialog->findChildren<QLineEdit *>().isEmpty());
    for (const QLineEdit *edit : dialog->findChildren<QLineEdit *>())
        QVERIFY(!edit->text().contains(secret));
    child<QLineEdit>(dialog, u"nameEdit"_s)->setText(u"Intranet portal"_s);
    child<QSpinBox>(dialog, u"accessLifetimeSpin"_s)->setValue(0);
    finished.clear();
    click(dialog, u"okButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QTRY_VERIFY(!dialog);
    client = stored(u"intranet"_s);
    QCOMPARE(client->clientName, u"Intranet portal"_s);
    QCOMPARE(client->accessTokenLifetimeSecs, 0);
    QVERIFY(SecretHasher().verify(secret, client->secretHash)); // the secret stays
    QTRY_VERIFY_WITH_TIMEOUT(m_events->hasAction(u"intranet"_s, u"updated"_s), 10'000);
    const Event updated = m_events->lastChange(u"intranet"_s);
    QCOMPARE(updated.details.value(u"actor"_s).toString(), u"desktop"_s);
    QCOMPARE(updated.details.value(u"fields"_s).toArray(),
             (QJsonArray{u"access_token_lifetime"_s, u"client_name"_s}));
    QTRY_COMPARE(page->model()->clientAt(0).clientName, u"Intranet portal"_s);

    // 3. Delete, after the confirmation.
    QVERIFY(page->selectClient(u"intranet"_s));
    click(page.get(), u"deleteClientButton"_s);
    QPointer<QMessageBox> box = openDialog<QMessageBox>(page.get());
    QVERIFY(box);
    QCOMPARE(box->objectName(), u"deleteClientConfirmation"_s);
    QCOMPARE(box->text(), u"Delete client Intranet portal (intranet)? Its tokens are revoked."_s);
    finished.clear();
    click(box, u"confirmButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY(!stored(u"intranet"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_events->hasAction(u"intranet"_s, u"deleted"_s), 10'000);
    QCOMPARE(m_events->lastChange(u"intranet"_s).details.value(u"actor"_s).toString(),
             u"desktop"_s);
    QTRY_COMPARE(page->model()->rowCount(), 0);
    QCOMPARE(stack->currentWidget()->objectName(), u"emptyState"_s);
}

void TestClientsPage::validationErrorKeepsTheDialogOpen()
{
    auto page = makePage();
    QPointer<ClientDialog> dialog = page->addClient();
    QVERIFY(dialog);
    child<QLineEdit>(dialog, u"clientIdEdit"_s)->setText(u"app1"_s);
    child<QPlainTextEdit>(dialog, u"redirectUrisEdit"_s)
        ->setPlainText(u"https://app1.example/cb#fragment\nhttp://app1.example/cb"_s);
    child<QSpinBox>(dialog, u"refreshLifetimeSpin"_s)->setValue(3600);

    QSignalSpy finished(page.get(), &ClientsPage::finished);
    click(dialog, u"okButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10'000);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(child<QPushButton>(dialog, u"okButton"_s)->isEnabled());

    // The same words as `lanyard import` for the same client.
    const QStringList expected = importProblems(QJsonObject{
        {u"client_id"_s, u"app1"_s},
        {u"client_secret"_s, QString(43, u'x')},
        {u"redirect_uris"_s,
         QJsonArray{u"https://app1.example/cb#fragment"_s, u"http://app1.example/cb"_s}},
        {u"refresh_token_lifetime"_s, 3600},
    });
    QCOMPARE(expected.size(), 2);
    QVERIFY(expected.first().startsWith(u"redirect_uris[0]: "_s));
    QCOMPARE(dialog->messageText().split(u'\n'), expected);
    QVERIFY(child<lanyard::ui::InlineMessage>(dialog, u"problemsMessage"_s)->isVisible());
    QCOMPARE(dialog->focusWidget(), child<QPlainTextEdit>(dialog, u"redirectUrisEdit"_s));
    QVERIFY(!stored(u"app1"_s));

    // Fixed, it goes through.
    child<QPlainTextEdit>(dialog, u"redirectUrisEdit"_s)
        ->setPlainText(u"https://app1.example/cb"_s);
    finished.clear();
    click(dialog, u"okButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QTRY_VERIFY(!dialog);
    QCOMPARE(stored(u"app1"_s)->refreshTokenLifetimeSecs, 3600);
}

void TestClientsPage::rotateSecretShowsTheNewSecretOnce()
{
    auto created = BackendFixture::wait(m_fixture->backend()->run(
        [clients = m_fixture->backend()->clientService(), client = confidentialClient(u"wiki"_s)] {
            return clients.create(client, u"test"_s);
        }));
    QVERIFY(created.ok());
    const QString oldSecret = created->secret;
    auto page = makePage();
    QTRY_COMPARE(page->model()->rowCount(), 1);
    QVERIFY(page->selectClient(u"wiki"_s));

    // Cancel does nothing.
    click(page.get(), u"rotateSecretButton"_s);
    QPointer<QMessageBox> box = openDialog<QMessageBox>(page.get());
    QVERIFY(box);
    QCOMPARE(box->objectName(), u"rotateSecretConfirmation"_s);
    click(box, u"cancelButton"_s);
    QTRY_VERIFY(!box);
    QVERIFY(SecretHasher().verify(oldSecret, stored(u"wiki"_s)->secretHash));

    QSignalSpy secrets(page.get(), &ClientsPage::secretShown);
    click(page.get(), u"rotateSecretButton"_s);
    box = openDialog<QMessageBox>(page.get());
    QVERIFY(box);
    click(box, u"confirmButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!secrets.isEmpty(), 10'000);
    auto *dialog = secrets.first().at(0).value<SecretDialog *>();
    const QString secret = dialog->secret();
    QCOMPARE(secret.size(), 43);
    QVERIFY(secret != oldSecret);
    const QString hash = stored(u"wiki"_s)->secretHash;
    QVERIFY(SecretHasher().verify(secret, hash));
    QVERIFY(!SecretHasher().verify(oldSecret, hash));
    QTRY_VERIFY_WITH_TIMEOUT(m_events->hasAction(u"wiki"_s, u"secret_rotated"_s), 10'000);
    QCOMPARE(m_events->lastChange(u"wiki"_s).details.value(u"actor"_s).toString(), u"desktop"_s);
    QVERIFY(m_events->noneContains(secret));
    QPointer<SecretDialog> guard(dialog);
    dialog->reject();
    QCOMPARE(dialog->secret(), QString()); // wiped on close
    QTRY_VERIFY(!guard);
}

void TestClientsPage::publicClientsHaveNoSecret()
{
    auto page = makePage();
    QPointer<ClientDialog> dialog = page->addClient();
    child<QLineEdit>(dialog, u"clientIdEdit"_s)->setText(u"spa"_s);
    auto *type = child<QComboBox>(dialog, u"typeCombo"_s);
    type->setCurrentIndex(type->findData(true));
    QCOMPARE(child<QComboBox>(dialog, u"authMethodCombo"_s)->currentData().toString(), u"none"_s);
    // Only a confidential client may turn PKCE off.
    auto *pkce = child<QCheckBox>(dialog, u"requirePkceCheck"_s);
    QVERIFY(pkce->isChecked());
    QVERIFY(!pkce->isEnabled());
    child<QPlainTextEdit>(dialog, u"redirectUrisEdit"_s)
        ->setPlainText(u"http://127.0.0.1/callback"_s);
    QSignalSpy finished(page.get(), &ClientsPage::finished);
    QSignalSpy secrets(page.get(), &ClientsPage::secretShown);
    click(dialog, u"okButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QCOMPARE(secrets.size(), 0);
    QVERIFY(stored(u"spa"_s)->secretHash.isEmpty());
    QTRY_COMPARE(page->model()->rowCount(), 1);
    QVERIFY(page->selectClient(u"spa"_s));
    auto *rotate = child<QPushButton>(page.get(), u"rotateSecretButton"_s);
    QVERIFY(!rotate->isEnabled());
    QCOMPARE(rotate->toolTip(), u"A public client has no secret."_s);
    QVERIFY(!page->confirmRotateSecret(u"spa"_s));

    // Switching back to confidential turns PKCE back into a choice.
    dialog = page->editClient(u"spa"_s);
    type = child<QComboBox>(dialog, u"typeCombo"_s);
    type->setCurrentIndex(type->findData(false));
    QVERIFY(child<QCheckBox>(dialog, u"requirePkceCheck"_s)->isEnabled());
    QCOMPARE(child<QComboBox>(dialog, u"authMethodCombo"_s)->currentData().toString(),
             u"client_secret_basic"_s);
    dialog->reject();
}

void TestClientsPage::changesFromTheCommandLineShowUp()
{
    auto page = makePage();
    QCOMPARE(page->model()->rowCount(), 0);
    // `lanyard import` through the same provider: admin.changed reaches the page.
    const QByteArray json =
        QJsonDocument(QJsonObject{{u"clients"_s, QJsonArray{QJsonObject{
                                                     {u"client_id"_s, u"cli"_s},
                                                     {u"token_endpoint_auth_method"_s, u"none"_s},
                                                     {u"redirect_uris"_s,
                                                      QJsonArray{u"https://cli.example/cb"_s}}}}}})
            .toJson();
    auto imported = BackendFixture::wait(
        m_fixture->backend()->run([import = m_fixture->backend()->importService(), json] {
            return import.importJson(json, u"lanyard import"_s);
        }));
    QVERIFY(imported.ok());
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, 10'000);
    QCOMPARE(page->model()->clientAt(0).clientId, u"cli"_s);
}

void TestClientsPage::filterNarrowsTheTable()
{
    for (const QString &id : {u"alpha"_s, u"beta"_s}) {
        auto created = BackendFixture::wait(m_fixture->backend()->run(
            [clients = m_fixture->backend()->clientService(), client = confidentialClient(id)] {
                return clients.create(client, u"test"_s);
            }));
        QVERIFY(created.ok());
    }
    auto page = makePage();
    auto *table = child<QTableView>(page.get(), u"clientsTable"_s);
    QTRY_COMPARE(table->model()->rowCount(), 2);
    child<QLineEdit>(page.get(), u"clientFilterEdit"_s)->setText(u"BET"_s);
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data().toString(), u"beta"_s);
    // Sorting through the header.
    child<QLineEdit>(page.get(), u"clientFilterEdit"_s)->clear();
    table->sortByColumn(ClientTableModel::ClientId, Qt::DescendingOrder);
    QCOMPARE(table->model()->index(0, 0).data().toString(), u"beta"_s);
}

QTEST_MAIN(TestClientsPage)
#include "tst_clientspage.moc"
