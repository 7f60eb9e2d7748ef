// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackendFixture.h"

#include "BrowserClient.h"
#include "SignInScenario.h"
#include "accounts/AccountDialog.h"
#include "accounts/AccountTableModel.h"
#include "accounts/AccountsPage.h"
#include "accounts/PasswordDialog.h"
#include "accounts/PasswordStrengthBar.h"
#include "admin/AccountService.h"
#include "admin/ClientService.h"
#include "admin/ImportService.h"
#include "admin/SessionService.h"
#include "crypto/PasswordHasher.h"
#include "events/EventTypes.h"
#include "runtime/Provider.h"
#include "store/AccountStore.h"
#include "widgets/InlineMessage.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::BackendFixture;
using lanyard::test::BrowserClient;
using lanyard::test::SignInScenario;
using lanyard::ui::AccountDialog;
using lanyard::ui::AccountsPage;
using lanyard::ui::AccountTableModel;
using lanyard::ui::PasswordDialog;

namespace {

const QString Password = u"correct horse battery staple"_s;
const QString RedirectUri = u"https://app.example/cb"_s;

/// Every event the backend records, as the window sees them.
class EventLog : public QObject
{
public:
    explicit EventLog(ui::Backend *backend)
    {
        connect(backend, &ui::Backend::eventsRecorded, this,
                [this](const QList<Event> &events) { m_events += events; });
    }

    QList<Event> ofType(QLatin1StringView type, const QString &username) const
    {
        QList<Event> out;
        for (const Event &event : m_events) {
            if (event.type == type && event.username == username)
                out.append(event);
        }
        return out;
    }

    bool hasAction(const QString &username, const QString &action) const
    {
        const QList<Event> changes = ofType(event_type::AdminChanged, username);
        return std::any_of(changes.cbegin(), changes.cend(), [&](const Event &event) {
            return event.details.value(u"entity"_s).toString() == u"account"_s &&
                   event.details.value(u"action"_s).toString() == action;
        });
    }

    Event lastChange(const QString &username) const
    {
        return ofType(event_type::AdminChanged, username).last();
    }

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

class TestAccountsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createEditDeleteThroughTheDialogs();
    void validationErrorKeepsTheDialogOpen();
    void mismatchedPasswordsAreNotSent();
    void setPasswordWithStrengthMeter();
    void disablingEndsTheSessionAndSignInFails();
    void searchNarrowsTheTable();

private:
    std::optional<Account> stored(const QString &username) const;
    QStringList importProblems(const QJsonObject &account) const;
    std::unique_ptr<AccountsPage> makePage() const;
    /// A public client "app" redirecting to RedirectUri.
    void addClient() const;
    void addAccount(const QString &username, const QString &password) const;
    /// Signs `username` in over HTTP with a fresh browser; true when the
    /// client got its code.
    bool signIn(const QString &username, const QString &password) const;

    std::unique_ptr<BackendFixture> m_fixture;
    std::unique_ptr<EventLog> m_events;
};

void TestAccountsPage::init()
{
    m_fixture = std::make_unique<BackendFixture>();
    m_events = std::make_unique<EventLog>(m_fixture->backend());
    QVERIFY(m_fixture->start());
}

void TestAccountsPage::cleanup()
{
    m_events.reset();
    m_fixture.reset();
}

std::optional<Account> TestAccountsPage::stored(const QString &username) const
{
    auto found = BackendFixture::wait(
        m_fixture->backend()->run([accounts = m_fixture->backend()->provider()->accounts(),
                                   username] { return accounts->findByUsername(username); }));
    if (!found) {
        qWarning("%s", qPrintable(found.error().message));
        return std::nullopt;
    }
    return *found;
}

QStringList TestAccountsPage::importProblems(const QJsonObject &account) const
{
    const QByteArray json =
        QJsonDocument(QJsonObject{{u"accounts"_s, QJsonArray{account}}}).toJson();
    auto imported = BackendFixture::wait(
        m_fixture->backend()->run([import = m_fixture->backend()->importService(), json] {
            return import.importJson(json, u"test"_s);
        }));
    QStringList out;
    if (imported.ok())
        return out;
    for (const ValidationProblem &problem : imported.error())
        out.append(problem.toString());
    out.replaceInStrings(u"accounts[0]."_s, QString());
    return out;
}

std::unique_ptr<AccountsPage> TestAccountsPage::makePage() const
{
    auto page = std::make_unique<AccountsPage>(m_fixture->backend());
    page->resize(1000, 700);
    page->show();
    // The first listing may already be in: ask again and wait for that one.
    QSignalSpy loaded(page.get(), &AccountsPage::loaded);
    page->reload();
    if (!QTest::qWaitFor([&loaded] { return !loaded.isEmpty(); }, 10'000))
        qWarning("the accounts page did not load");
    return page;
}

void TestAccountsPage::addClient() const
{
    Client client;
    client.clientId = u"app"_s;
    client.tokenEndpointAuthMethod = u"none"_s;
    client.redirectUris = {RedirectUri};
    auto created = BackendFixture::wait(
        m_fixture->backend()->run([clients = m_fixture->backend()->clientService(), client] {
            return clients.create(client, u"test"_s);
        }));
    QVERIFY2(created.ok(), qPrintable(created.error().message()));
}

void TestAccountsPage::addAccount(const QString &username, const QString &password) const
{
    Account account;
    account.username = username;
    account.claims = {{u"name"_s, username.toUpper()}};
    auto created = BackendFixture::wait(m_fixture->backend()->run(
        [accounts = m_fixture->backend()->accountService(), account, password] {
            return accounts.create(account, password, u"test"_s);
        }));
    QVERIFY2(created.ok(), qPrintable(created.error().message()));
}

bool TestAccountsPage::signIn(const QString &username, const QString &password) const
{
    const auto port = static_cast<quint16>(m_fixture->backend()->status().url.port());
    BrowserClient browser(port);
    const SignInScenario::Params params{
        {u"response_type"_s, u"code"_s},
        {u"client_id"_s, u"app"_s},
        {u"redirect_uri"_s, RedirectUri},
        {u"scope"_s, u"openid profile"_s},
        {u"state"_s, u"st"_s},
        {u"code_challenge"_s, SignInScenario::challenge()},
        {u"code_challenge_method"_s, u"S256"_s},
    };
    auto response = browser.get(SignInScenario::authorizeTarget(params));
    const QByteArray interaction = response.header("location");
    if (response.status != 302 || !interaction.contains("/interaction")) {
        qWarning("authorize answered %d", response.status);
        return false;
    }
    response = browser.get(QString::fromUtf8(interaction));
    if (response.status != 200)
        return false;
    const QString csrf = BrowserClient::inputValue(response.body, u"csrf_token"_s);
    response = browser.post(
        QString::fromUtf8(interaction),
        {{u"csrf_token"_s, csrf}, {u"username"_s, username}, {u"password"_s, password}});
    // Follow the provider's own redirects, if any, until the client's
    // redirect URI.
    QByteArray location = response.header("location");
    const QByteArray issuer = m_fixture->backend()->status().issuer.toString().toUtf8();
    for (int hops = 0; hops < 5 && (response.status == 302 || response.status == 303) &&
                       location.startsWith(issuer);
         ++hops) {
        response = browser.get(QString::fromUtf8(location));
        location = response.header("location");
    }
    return (response.status == 302 || response.status == 303) &&
           location.startsWith(RedirectUri.toUtf8()) &&
           BrowserClient::locationQuery(location).hasQueryItem(u"code"_s);
}

void TestAccountsPage::createEditDeleteThroughTheDialogs()
{
    addClient();
    auto page = makePage();
    auto *stack = page->findChild<QStackedWidget *>();
    QCOMPARE(stack->currentWidget()->objectName(), u"emptyState"_s);

    // 1. Add, through the dialog, with a first password.
    click(page.get(), u"addAccountButton"_s);
    QPointer<AccountDialog> dialog = openDialog<AccountDialog>(page.get());
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), AccountDialog::Mode::Create);
    child<QLineEdit>(dialog, u"usernameEdit"_s)->setText(u"alice"_s);
    child<QLineEdit>(dialog, u"nameEdit"_s)->setText(u"Alice Liddell"_s);
    child<QLineEdit>(dialog, u"givenNameEdit"_s)->setText(u"Alice"_s);
    child<QLineEdit>(dialog, u"familyNameEdit"_s)->setText(u"Liddell"_s);
    child<QLineEdit>(dialog, u"emailEdit"_s)->setText(u"alice@example.com"_s);
    child<QLineEdit>(dialog, u"groupsEdit"_s)->setText(u"staff, admins ,"_s);
    child<QLineEdit>(dialog, u"passwordEdit"_s)->setText(Password);
    child<QLineEdit>(dialog, u"confirmEdit"_s)->setText(Password);
    QCOMPARE(child<QProgressBar>(dialog, u"strengthBar"_s)->format(), u"Strong"_s);

    QSignalSpy finished(page.get(), &AccountsPage::finished);
    click(dialog, u"okButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 15'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QTRY_VERIFY(!dialog);

    auto account = stored(u"alice"_s);
    QVERIFY(account);
    QCOMPARE(account->claims, (QJsonObject{{u"name"_s, u"Alice Liddell"_s},
                                           {u"given_name"_s, u"Alice"_s},
                                           {u"family_name"_s, u"Liddell"_s},
                                           {u"email"_s, u"alice@example.com"_s},
                                           {u"email_verified"_s, false},
                                           {u"groups"_s, QJsonArray{u"staff"_s, u"admins"_s}}}));
    QVERIFY(PasswordHasher().verify(Password, account->passwordHash));
    QVERIFY(!account->disabled);
    QTRY_VERIFY_WITH_TIMEOUT(m_events->hasAction(u"alice"_s, u"created"_s), 10'000);
    const Event created = m_events->lastChange(u"alice"_s);
    QVERIFY(created.id > 0);
    QCOMPARE(created.subject, account->subject);
    QCOMPARE(created.details.value(u"actor"_s).toString(), u"desktop"_s);
    QVERIFY(m_events->noneContains(Password));
    QVERIFY(m_events->noneContains(account->passwordHash));
    QTRY_COMPARE(page->model()->rowCount(), 1);
    QCOMPARE(stack->currentWidget()->objectName(), u"accountsTable"_s);
    QVERIFY(signIn(u"alice"_s, Password));
    // The last sign-in reaches the table through the events.
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->accountAt(0).lastLoginAt.isValid(), 10'000);

    // 2. Edit: double-click the row.
    auto *table = child<QTableView>(page.get(), u"accountsTable"_s);
    const QRect cell = table->visualRect(table->model()->index(0, AccountTableModel::Name));
    // As a user does: the first click selects, the second one is the double-click.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    dialog = openDialog<AccountDialog>(page.get());
    QVERIFY(dialog);
    QCOMPARE(dialog->mode(), AccountDialog::Mode::Edit);
    QVERIFY(child<QLineEdit>(dialog, u"usernameEdit"_s)->isReadOnly());
    QVERIFY(!dialog->findChild<QLineEdit *>(u"passwordEdit"_s));
    QCOMPARE(child<QLineEdit>(dialog, u"groupsEdit"_s)->text(), u"staff, admins"_s);
    child<QLineEdit>(dialog, u"emailEdit"_s)->setText(u"alice@wonderland.example"_s);
    child<QCheckBox>(dialog, u"emailVerifiedCheck"_s)->setChecked(true);
    child<QLineEdit>(dialog, u"givenNameEdit"_s)->clear();
    // A Chinese keyboard separates with full-width and enumeration commas.
    child<QLineEdit>(dialog, u"groupsEdit"_s)->setText(u"staff，财务、ops"_s);
    finished.clear();
    click(dialog, u"okButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QTRY_VERIFY(!dialog);
    account = stored(u"alice"_s);
    QCOMPARE(account->claims,
             (QJsonObject{{u"name"_s, u"Alice Liddell"_s},
                          {u"family_name"_s, u"Liddell"_s},
                          {u"email"_s, u"alice@wonderland.example"_s},
                          {u"email_verified"_s, true},
                          {u"groups"_s, QJsonArray{u"staff"_s, u"财务"_s, u"ops"_s}}}));
    QVERIFY(PasswordHasher().verify(Password, account->passwordHash));
    QTRY_VERIFY_WITH_TIMEOUT(m_events->hasAction(u"alice"_s, u"updated"_s), 10'000);
    const Event updated = m_events->lastChange(u"alice"_s);
    QCOMPARE(updated.details.value(u"actor"_s).toString(), u"desktop"_s);
    QCOMPARE(updated.details.value(u"fields"_s).toArray(),
             (QJsonArray{u"email"_s, u"email_verified"_s, u"given_name"_s, u"groups"_s}));
    QTRY_COMPARE(page->model()->accountAt(0).claims.value(u"email"_s).toString(),
                 u"alice@wonderland.example"_s);

    // 3. Delete, after the confirmation.
    QVERIFY(page->selectAccount(u"alice"_s));
    click(page.get(), u"deleteAccountButton"_s);
    QPointer<QMessageBox> box = openDialog<QMessageBox>(page.get());
    QVERIFY(box);
    QCOMPARE(box->objectName(), u"deleteAccountConfirmation"_s);
    QCOMPARE(box->text(),
             u"Delete account alice? Their sessions end and their tokens are revoked."_s);
    // Cancel first: nothing happens.
    click(box, u"cancelButton"_s);
    QTRY_VERIFY(!box);
    QVERIFY(stored(u"alice"_s));
    click(page.get(), u"deleteAccountButton"_s);
    box = openDialog<QMessageBox>(page.get());
    QVERIFY(box);
    finished.clear();
    click(box, u"confirmButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY(!stored(u"alice"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_events->hasAction(u"alice"_s, u"deleted"_s), 10'000);
    const Event deleted = m_events->lastChange(u"alice"_s);
    QCOMPARE(deleted.details.value(u"actor"_s).toString(), u"desktop"_s);
    // The sign-in above left a session: it ended with the account.
    QCOMPARE(deleted.details.value(u"sessions_ended"_s).toInt(), 1);
    QTRY_COMPARE(page->model()->rowCount(), 0);
    QCOMPARE(stack->currentWidget()->objectName(), u"emptyState"_s);
    QVERIFY(!signIn(u"alice"_s, Password));
}

void TestAccountsPage::validationErrorKeepsTheDialogOpen()
{
    auto page = makePage();
    QPointer<AccountDialog> dialog = page->addAccount();
    QVERIFY(dialog);
    child<QLineEdit>(dialog, u"usernameEdit"_s)->setText(u" bob"_s);
    child<QLineEdit>(dialog, u"emailEdit"_s)->setText(u"bob.example.com"_s);
    QSignalSpy finished(page.get(), &AccountsPage::finished);
    click(dialog, u"okButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10'000);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());

    // The same words as `lanyard import` for the same account.
    const QStringList expected =
        importProblems({{u"username"_s, u" bob"_s}, {u"email"_s, u"bob.example.com"_s}});
    QCOMPARE(expected, (QStringList{u"username: must not start or end with white space"_s,
                                    u"email: is not an e-mail address"_s}));
    QCOMPARE(dialog->messageText().split(u'\n'), expected);
    QCOMPARE(dialog->focusWidget(), child<QLineEdit>(dialog, u"usernameEdit"_s));
    QVERIFY(!stored(u" bob"_s));

    child<QLineEdit>(dialog, u"usernameEdit"_s)->setText(u"bob"_s);
    child<QLineEdit>(dialog, u"emailEdit"_s)->setText(u"bob@example.com"_s);
    finished.clear();
    click(dialog, u"okButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QTRY_VERIFY(!dialog);
    QVERIFY(stored(u"bob"_s));
    QVERIFY(stored(u"bob"_s)->passwordHash.isEmpty());
    QTRY_COMPARE(page->model()->rowCount(), 1);
    QCOMPARE(page->model()->index(0, AccountTableModel::Status).data().toString(),
             u"No password"_s);
}

void TestAccountsPage::mismatchedPasswordsAreNotSent()
{
    auto page = makePage();
    QPointer<AccountDialog> dialog = page->addAccount();
    child<QLineEdit>(dialog, u"usernameEdit"_s)->setText(u"carol"_s);
    child<QLineEdit>(dialog, u"passwordEdit"_s)->setText(Password);
    child<QLineEdit>(dialog, u"confirmEdit"_s)->setText(Password + u"!"_s);
    QCOMPARE(dialog->messageText(), u"The two passwords do not match."_s);
    QSignalSpy submitted(dialog.data(), &AccountDialog::submitted);
    click(dialog, u"okButton"_s);
    QCOMPARE(submitted.size(), 0);
    QVERIFY(dialog->isVisible());
    dialog->reject();
    QVERIFY(!stored(u"carol"_s));
}

void TestAccountsPage::setPasswordWithStrengthMeter()
{
    addClient();
    addAccount(u"dave"_s, Password);
    auto page = makePage();
    QTRY_COMPARE(page->model()->rowCount(), 1);
    QVERIFY(page->selectAccount(u"dave"_s));
    click(page.get(), u"setPasswordButton"_s);
    QPointer<PasswordDialog> dialog = openDialog<PasswordDialog>(page.get());
    QVERIFY(dialog);
    auto *password = child<QLineEdit>(dialog, u"passwordEdit"_s);
    auto *confirm = child<QLineEdit>(dialog, u"confirmEdit"_s);
    auto *ok = child<QPushButton>(dialog, u"okButton"_s);
    auto *bar = child<QProgressBar>(dialog, u"strengthBar"_s);
    auto *hint = child<QLabel>(dialog, u"strengthHint"_s);
    QVERIFY(!ok->isEnabled()); // empty

    password->setText(u"password1"_s);
    QCOMPARE(bar->format(), u"Weak"_s);
    QVERIFY(hint->text().contains(u"most used"_s));
    password->setText(u"dave2024!"_s);
    QCOMPARE(bar->format(), u"Weak"_s);
    QVERIFY(hint->text().contains(u"name"_s));
    const int weakScore = bar->value();
    const QString next = u"river piano lantern quiet"_s;
    password->setText(next);
    QCOMPARE(bar->format(), u"Strong"_s);
    QVERIFY(bar->value() > weakScore);
    QVERIFY(!ok->isEnabled()); // not confirmed
    confirm->setText(u"river piano"_s);
    QVERIFY(!ok->isEnabled());
    QCOMPARE(dialog->messageText(), u"The two passwords do not match."_s);
    confirm->setText(next);
    QVERIFY(ok->isEnabled());
    QVERIFY(dialog->messageText().isEmpty());

    QSignalSpy finished(page.get(), &AccountsPage::finished);
    click(dialog, u"okButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 15'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QTRY_VERIFY(!dialog);
    QVERIFY(PasswordHasher().verify(next, stored(u"dave"_s)->passwordHash));
    QTRY_VERIFY_WITH_TIMEOUT(m_events->hasAction(u"dave"_s, u"password_set"_s), 10'000);
    QCOMPARE(m_events->lastChange(u"dave"_s).details.value(u"actor"_s).toString(), u"desktop"_s);
    QVERIFY(m_events->noneContains(next));
    QVERIFY(!signIn(u"dave"_s, Password));
    QVERIFY(signIn(u"dave"_s, next));
}

void TestAccountsPage::disablingEndsTheSessionAndSignInFails()
{
    addClient();
    addAccount(u"erin"_s, Password);
    addAccount(u"frank"_s, Password);
    // A real sign-in leaves a session.
    QVERIFY(signIn(u"erin"_s, Password));
    QVERIFY(signIn(u"frank"_s, Password));
    const QString subject = stored(u"erin"_s)->subject;
    auto sessions = [this](const QString &sub) {
        return BackendFixture::wait(m_fixture->backend()->run(
            [service = m_fixture->backend()->sessionService(), sub] { return service.list(sub); }));
    };
    QCOMPARE(sessions(subject)->size(), 1);

    auto page = makePage();
    QTRY_COMPARE(page->model()->rowCount(), 2);
    QVERIFY(page->selectAccount(u"erin"_s));
    auto *toggle = child<QPushButton>(page.get(), u"toggleDisabledButton"_s);
    QCOMPARE(toggle->text(), u"D&isable…"_s);
    click(page.get(), u"toggleDisabledButton"_s);
    QPointer<QMessageBox> box = openDialog<QMessageBox>(page.get());
    QVERIFY(box);
    QCOMPARE(box->objectName(), u"disableAccountConfirmation"_s);
    QSignalSpy finished(page.get(), &AccountsPage::finished);
    click(box, u"confirmButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QCOMPARE(finished.first().at(1).toString(), u"Disabled erin; 1 session(s) ended."_s);

    QVERIFY(stored(u"erin"_s)->disabled);
    QVERIFY(sessions(subject)->isEmpty());
    QCOMPARE(sessions(stored(u"frank"_s)->subject)->size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(m_events->hasAction(u"erin"_s, u"disabled"_s), 10'000);
    QCOMPARE(m_events->lastChange(u"erin"_s).details.value(u"actor"_s).toString(), u"desktop"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!m_events->ofType(event_type::SessionEnded, u"erin"_s).isEmpty(),
                             10'000);
    QCOMPARE(m_events->ofType(event_type::SessionEnded, u"erin"_s)
                 .first()
                 .details.value(u"actor"_s)
                 .toString(),
             u"desktop"_s);
    QTRY_COMPARE(page->model()
                     ->index(page->model()->rowOf(u"erin"_s), AccountTableModel::Status)
                     .data()
                     .toString(),
                 u"Disabled"_s);

    // A disabled account cannot sign in, even with the right password.
    QVERIFY(!signIn(u"erin"_s, Password));
    QVERIFY(signIn(u"frank"_s, Password));

    // Enable again: no confirmation, and sign-in works.
    QVERIFY(page->selectAccount(u"erin"_s));
    QTRY_COMPARE(toggle->text(), u"E&nable"_s);
    finished.clear();
    click(page.get(), u"toggleDisabledButton"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10'000);
    QVERIFY(finished.first().at(0).toBool());
    QVERIFY(!stored(u"erin"_s)->disabled);
    QTRY_VERIFY_WITH_TIMEOUT(m_events->hasAction(u"erin"_s, u"enabled"_s), 10'000);
    QVERIFY(signIn(u"erin"_s, Password));
}

void TestAccountsPage::searchNarrowsTheTable()
{
    addAccount(u"grace"_s, QString());
    addAccount(u"heidi"_s, QString());
    auto page = makePage();
    auto *table = child<QTableView>(page.get(), u"accountsTable"_s);
    QTRY_COMPARE(table->model()->rowCount(), 2);
    child<QLineEdit>(page.get(), u"accountSearchEdit"_s)->setText(u"HEID"_s);
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, AccountTableModel::Username).data().toString(), u"heidi"_s);
    child<QLineEdit>(page.get(), u"accountSearchEdit"_s)->clear();
    table->sortByColumn(AccountTableModel::Username, Qt::DescendingOrder);
    QCOMPARE(table->model()->index(0, AccountTableModel::Username).data().toString(), u"heidi"_s);
}

QTEST_MAIN(TestAccountsPage)
#include "tst_accountspage.moc"
