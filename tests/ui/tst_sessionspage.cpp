// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackendFixture.h"

#include "BrowserClient.h"
#include "admin/ImportService.h"
#include "admin/SessionService.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "runtime/Provider.h"
#include "sessions/BackchannelDeliveryLog.h"
#include "sessions/SessionDetailsPane.h"
#include "sessions/SessionTableModel.h"
#include "sessions/SessionsPage.h"
#include "store/TokenStore.h"
#include "widgets/EmptyState.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::BackendFixture;
using lanyard::test::BrowserClient;
using lanyard::ui::SessionsPage;
using lanyard::ui::SessionTableModel;

/// A relying party's back-channel logout endpoint on 127.0.0.1: answers
/// POST /fail with 400 at once and holds POST /ok until release(), so a
/// test sees the delivery pending first. GUI thread.
class LogoutReceiver : public QObject
{
    Q_OBJECT

public:
    LogoutReceiver()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, &LogoutReceiver::accept);
    }

    quint16 port() const { return m_server.serverPort(); }
    /// Holds /ok requests again (after release()).
    void hold() { m_okStatus = 0; }
    /// Requests received so far, by path.
    QStringList paths() const { return m_paths; }
    /// Answers the held /ok requests with `status`.
    /// Answers the held /ok requests, and later ones at once, with `status`.
    void release(int status)
    {
        m_okStatus = status;
        for (QTcpSocket *socket : std::as_const(m_held))
            answer(socket, status);
        m_held.clear();
    }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(headEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < headEnd + 4 + length)
            return;
        const QByteArray path = buffer.left(buffer.indexOf("\r\n")).split(' ').value(1);
        m_paths.append(QString::fromLatin1(path));
        m_buffers.remove(socket);
        if (path == "/ok" && m_okStatus == 0)
            m_held.append(socket);
        else if (path == "/ok")
            answer(socket, m_okStatus);
        else
            answer(socket, 400);
    }

    static void answer(QTcpSocket *socket, int status)
    {
        socket->write("HTTP/1.1 " + QByteArray::number(status) +
                      " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QTcpSocket *> m_held;
    QStringList m_paths;
    /// 0 while /ok requests are held.
    int m_okStatus = 0;
};

namespace {

const QString WebSecret = u"web-secret-0123456789-abcdefghijklmnopqrstuvwxyz"_s;
const QString Password = u"correct horse battery staple"_s;
/// RFC 7636 Appendix B.
const QString Verifier = u"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"_s;
const QString Challenge = u"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"_s;

QString redirectUriOf(const QString &clientId)
{
    return u"https://%1.example/cb"_s.arg(clientId);
}

} // namespace

class tst_SessionsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emptyUntilSomeoneSignsIn();
    void showsWhoIsSignedIn();
    void filterNarrowsTheTable();
    void endOneSession();
    void endAllSessionsOfAnAccount();
    void cancelledEndAllEndsNothing();
    void revokeAClientGrant();
    void backchannelDeliveriesAreShown();

private:
    /// Clients web (back-channel /ok), wiki (back-channel /fail), spa (none)
    /// and accounts alice and bob, through the import service.
    void seed();
    /// Signs `username` in to `clientId` in `browser` over HTTP (or, when
    /// the browser has a session already, just asks for a code); returns
    /// the authorization code, or empty.
    QString signIn(BrowserClient &browser, const QString &username, const QString &clientId);
    /// Redeems `code` of client web; returns the access token.
    QString redeem(const QString &code);
    /// Alice in two browsers (web + wiki; spa), bob in one (web, with
    /// tokens). Sets m_aliceWeb, m_aliceSpa, m_bob and m_bobAccessToken.
    void signInEveryone();
    QList<SessionInfo> storedSessions(const QString &subject = {}) const;
    QString sidOf(const QString &subject, const QString &clientId) const;
    QList<Event> recorded(QLatin1StringView type) const;
    QPushButton *button(const QString &name) const
    {
        return m_page->findChild<QPushButton *>(name);
    }
    int httpStatus(const QString &path, const QByteArray &bearer) const;

    std::unique_ptr<BackendFixture> m_fixture;
    std::unique_ptr<LogoutReceiver> m_receiver;
    std::unique_ptr<SessionsPage> m_page;
    QList<Event> m_events;
    quint16 m_port = 0;
    QString m_aliceWeb;
    QString m_aliceSpa;
    QString m_bob;
    QString m_bobAccessToken;
};

void tst_SessionsPage::init()
{
    m_fixture = std::make_unique<BackendFixture>();
    m_receiver = std::make_unique<LogoutReceiver>();
    m_events.clear();
    connect(m_fixture->backend(), &ui::Backend::eventsRecorded, this,
            [this](const QList<Event> &events) { m_events += events; });
    QVERIFY(m_fixture->start());
    m_port = static_cast<quint16>(m_fixture->backend()->status().url.port());
    seed();
    m_page = std::make_unique<SessionsPage>(m_fixture->backend());
    m_page->resize(1000, 600);
    m_page->show();
}

void tst_SessionsPage::cleanup()
{
    m_page.reset();
    m_fixture.reset();
    m_receiver.reset();
}

void tst_SessionsPage::seed()
{
    const QString receiver = u"http://127.0.0.1:%1"_s.arg(m_receiver->port());
    const auto client = [](const QString &id, const QString &name) {
        return QJsonObject{
            {u"client_id"_s, id},
            {u"client_name"_s, name},
            {u"client_secret"_s, WebSecret},
            {u"redirect_uris"_s, QJsonArray{redirectUriOf(id)}},
            {u"grant_types"_s, QJsonArray{u"authorization_code"_s, u"refresh_token"_s}},
            {u"response_types"_s, QJsonArray{u"code"_s}},
            {u"token_endpoint_auth_method"_s, u"client_secret_basic"_s},
            {u"scope"_s, u"openid profile email"_s},
        };
    };
    QJsonObject web = client(u"web"_s, u"Intranet"_s);
    web.insert(u"backchannel_logout_uri"_s, receiver + u"/ok"_s);
    QJsonObject wiki = client(u"wiki"_s, u"Wiki"_s);
    wiki.insert(u"backchannel_logout_uri"_s, receiver + u"/fail"_s);
    QJsonObject spa = client(u"spa"_s, u"Dashboard"_s);
    spa.remove(u"client_secret"_s);
    spa.insert(u"token_endpoint_auth_method"_s, u"none"_s);
    const auto account = [](const QString &username) {
        return QJsonObject{
            {u"username"_s, username}, {u"password"_s, Password}, {u"name"_s, username}};
    };
    const QByteArray json =
        QJsonDocument(
            QJsonObject{{u"clients"_s, QJsonArray{web, wiki, spa}},
                        {u"accounts"_s, QJsonArray{account(u"alice"_s), account(u"bob"_s)}}})
            .toJson();
    const auto imported = BackendFixture::wait(
        m_fixture->backend()->run([service = m_fixture->backend()->importService(), json] {
            return service.importJson(json, u"test"_s);
        }));
    QVERIFY(imported.ok());
}

QString tst_SessionsPage::signIn(BrowserClient &browser, const QString &username,
                                 const QString &clientId)
{
    const QList<QPair<QString, QString>> params{
        {u"response_type"_s, u"code"_s},
        {u"client_id"_s, clientId},
        {u"redirect_uri"_s, redirectUriOf(clientId)},
        {u"scope"_s, u"openid profile"_s},
        {u"state"_s, u"st"_s},
        {u"nonce"_s, u"n"_s},
        {u"code_challenge"_s, Challenge},
        {u"code_challenge_method"_s, u"S256"_s},
    };
    QByteArrayList pairs;
    for (const auto &[name, value] : params)
        pairs.append(QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value));
    BrowserClient::Response response =
        browser.get(u"/authorize?"_s + QString::fromLatin1(pairs.join('&')));
    QByteArray location = response.header("location");
    if ((response.status == 302 || response.status == 303) && location.contains("/interaction")) {
        const QString page = QString::fromUtf8(location);
        response = browser.get(page);
        if (response.status != 200)
            return {};
        const QString csrf = BrowserClient::inputValue(response.body, u"csrf_token"_s);
        response = browser.post(
            page, {{u"csrf_token"_s, csrf}, {u"username"_s, username}, {u"password"_s, Password}});
        location = response.header("location");
    }
    // RFC 6749 §4.1.2: back to the client with the code (302, or 303 after a POST).
    if ((response.status != 302 && response.status != 303) ||
        !location.startsWith(redirectUriOf(clientId).toUtf8()))
        return {};
    return BrowserClient::locationQuery(location).queryItemValue(u"code"_s);
}

QString tst_SessionsPage::redeem(const QString &code)
{
    BrowserClient client(m_port);
    const QByteArray basic = "Basic " + (u"web:"_s + WebSecret).toUtf8().toBase64();
    const auto response = client.post(u"/token"_s,
                                      {{u"grant_type"_s, u"authorization_code"_s},
                                       {u"code"_s, code},
                                       {u"redirect_uri"_s, redirectUriOf(u"web"_s)},
                                       {u"code_verifier"_s, Verifier}},
                                      {{"Authorization"_ba, basic}});
    if (response.status != 200)
        return {};
    return QJsonDocument::fromJson(response.body).object().value(u"access_token"_s).toString();
}

void tst_SessionsPage::signInEveryone()
{
    BrowserClient aliceLaptop(m_port);
    QVERIFY(!signIn(aliceLaptop, u"alice"_s, u"web"_s).isEmpty());
    // Single sign-on: the same session, a second client.
    QVERIFY(!signIn(aliceLaptop, u"alice"_s, u"wiki"_s).isEmpty());
    BrowserClient alicePhone(m_port);
    QVERIFY(!signIn(alicePhone, u"alice"_s, u"spa"_s).isEmpty());
    BrowserClient bobLaptop(m_port);
    const QString code = signIn(bobLaptop, u"bob"_s, u"web"_s);
    QVERIFY(!code.isEmpty());
    m_bobAccessToken = redeem(code);
    QVERIFY(!m_bobAccessToken.isEmpty());

    m_aliceWeb = sidOf(u"alice"_s, u"web"_s);
    m_aliceSpa = sidOf(u"alice"_s, u"spa"_s);
    m_bob = sidOf(u"bob"_s, u"web"_s);
    QVERIFY(!m_aliceWeb.isEmpty() && !m_aliceSpa.isEmpty() && !m_bob.isEmpty());
    QVERIFY(m_aliceWeb != m_aliceSpa);
    // The page follows the sign-ins through the events.
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model()->rowCount(), 3, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_page->model()->sessionAt(m_page->model()->rowOf(m_aliceWeb)).clientIds.size(), 2, 10'000);
}

QList<SessionInfo> tst_SessionsPage::storedSessions(const QString &subject) const
{
    auto sessions = BackendFixture::wait(
        m_fixture->backend()->run([service = m_fixture->backend()->sessionService(), subject] {
            return service.list(subject);
        }));
    if (!sessions)
        qWarning("cannot list sessions: %s", qPrintable(sessions.error().message));
    return sessions.valueOr({});
}

QString tst_SessionsPage::sidOf(const QString &username, const QString &clientId) const
{
    for (const SessionInfo &session : storedSessions()) {
        if (session.username == username && session.clientIds.contains(clientId))
            return session.id;
    }
    return {};
}

QList<Event> tst_SessionsPage::recorded(QLatin1StringView type) const
{
    QList<Event> found;
    for (const Event &event : m_events) {
        if (event.type == type)
            found.append(event);
    }
    return found;
}

int tst_SessionsPage::httpStatus(const QString &path, const QByteArray &bearer) const
{
    BrowserClient client(m_port);
    return client.get(path, {{"Authorization"_ba, "Bearer " + bearer}}).status;
}

void tst_SessionsPage::emptyUntilSomeoneSignsIn()
{
    auto *stack = m_page->findChild<QStackedWidget *>();
    QVERIFY(stack);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->findChild<ui::EmptyState *>()->isVisible(), 10'000);
    QVERIFY(m_page->findChild<ui::EmptyState *>()->findChild<QLabel *>()->text().contains(
        u"Nobody is signed in"_s));
    QVERIFY(!button(u"endSessionButton"_s)->isEnabled());
    QVERIFY(!button(u"endAllButton"_s)->isEnabled());

    // A sign-in reaches the page live.
    BrowserClient browser(m_port);
    QVERIFY(!signIn(browser, u"bob"_s, u"spa"_s).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model()->rowCount(), 1, 10'000);
    QTRY_VERIFY(m_page->findChild<QTableView *>(u"sessionsTable"_s)->isVisible());
    QVERIFY(!m_page->findChild<ui::EmptyState *>()->isVisible());
}

void tst_SessionsPage::showsWhoIsSignedIn()
{
    signInEveryone();
    if (QTest::currentTestFailed())
        return;
    SessionTableModel *model = m_page->model();
    const int row = model->rowOf(m_aliceWeb);
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row, SessionTableModel::Account).data().toString(), u"alice"_s);
    QCOMPARE(model->index(row, SessionTableModel::SourceAddress).data().toString(), u"127.0.0.1"_s);
    QCOMPARE(model->index(row, SessionTableModel::Clients).data().toString(), u"Intranet, Wiki"_s);
    QCOMPARE(model->index(row, SessionTableModel::UserAgent).data(Qt::ToolTipRole).toString(),
             u"lanyard-test"_s);

    // The details list the session's clients, each with a Revoke button.
    QVERIFY(m_page->selectSession(m_aliceWeb));
    ui::SessionDetailsPane *details = m_page->details();
    QVERIFY(details->isVisible());
    QCOMPARE(details->session().id, m_aliceWeb);
    QVERIFY(details->findChild<QPushButton *>(u"revoke_web"_s));
    QVERIFY(details->findChild<QPushButton *>(u"revoke_wiki"_s));
    QVERIFY(!details->findChild<QPushButton *>(u"revoke_spa"_s));
    QVERIFY(details->findChild<QLabel *>(u"delivery_web"_s)->text().contains(u"Back-channel"_s));

    QVERIFY(button(u"endSessionButton"_s)->isEnabled());
    auto *endAll = button(u"endAllButton"_s);
    QVERIFY(endAll->isEnabled());
    QVERIFY2(endAll->toolTip().contains(u"2 session"_s), qPrintable(endAll->toolTip()));
}

void tst_SessionsPage::filterNarrowsTheTable()
{
    signInEveryone();
    if (QTest::currentTestFailed())
        return;
    auto *table = m_page->findChild<QTableView *>(u"sessionsTable"_s);
    auto *filter = m_page->findChild<QLineEdit *>(u"filterEdit"_s);
    QVERIFY(filter);
    QTest::keyClicks(filter, u"bob"_s);
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data(SessionTableModel::SessionIdRole).toString(), m_bob);
    filter->clear();
    QTest::keyClicks(filter, u"dashboard"_s);
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data(SessionTableModel::SessionIdRole).toString(),
             m_aliceSpa);
    filter->clear();
    QTest::keyClicks(filter, u"nobody-like-this"_s);
    QCOMPARE(table->model()->rowCount(), 0);
    filter->clear();
    QCOMPARE(table->model()->rowCount(), 3);
}

void tst_SessionsPage::endOneSession()
{
    signInEveryone();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_page->selectSession(m_aliceSpa));
    QSignalSpy finished(m_page.get(), &SessionsPage::finished);
    QTest::mouseClick(button(u"endSessionButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));

    // The store: that session is gone, the others stay.
    QStringList left;
    for (const SessionInfo &session : storedSessions())
        left.append(session.id);
    QVERIFY(!left.contains(m_aliceSpa));
    QVERIFY(left.contains(m_aliceWeb));
    QVERIFY(left.contains(m_bob));

    // The events: session.ended for it, by the desktop.
    QTRY_VERIFY_WITH_TIMEOUT(!recorded(event_type::SessionEnded).isEmpty(), 10'000);
    const QList<Event> ended = recorded(event_type::SessionEnded);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.first().details.value(u"sid"_s).toString(), m_aliceSpa);
    QCOMPARE(ended.first().details.value(u"reason"_s).toString(), u"admin"_s);
    QCOMPARE(ended.first().details.value(u"actor"_s).toString(), ui::Backend::actor());

    // The table drops it; the details say it ended.
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model()->rowCount(), 2, 10'000);
    QCOMPARE(m_page->model()->rowOf(m_aliceSpa), -1);
    QVERIFY(m_page->details()->isEnded());
    auto *banner = m_page->details()->findChild<QLabel *>(u"endedBanner"_s);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"administrator"_s), qPrintable(banner->text()));
    // spa has no back-channel logout URI: nothing is sent to it.
    QVERIFY(m_page->details()
                ->findChild<QLabel *>(u"delivery_spa"_s)
                ->text()
                .contains(u"No back-channel logout"_s));
    // Nothing selected any more: nothing to end.
    QVERIFY(!button(u"endSessionButton"_s)->isEnabled());
}

void tst_SessionsPage::endAllSessionsOfAnAccount()
{
    signInEveryone();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_page->selectSession(m_aliceSpa));
    QTest::mouseClick(button(u"endAllButton"_s), Qt::LeftButton);
    auto *box = m_page->findChild<QMessageBox *>(u"endAllConfirmation"_s);
    QVERIFY(box);
    QVERIFY2(box->text().contains(u"2 session"_s), qPrintable(box->text()));
    QVERIFY(box->text().contains(u"alice"_s));
    QSignalSpy finished(m_page.get(), &SessionsPage::finished);
    QTest::mouseClick(box->findChild<QPushButton *>(u"confirmButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));

    QStringList left;
    for (const SessionInfo &session : storedSessions())
        left.append(session.username);
    QCOMPARE(left, QStringList{u"bob"_s});

    QTRY_COMPARE_WITH_TIMEOUT(recorded(event_type::SessionEnded).size(), 2, 10'000);
    QStringList sids;
    for (const Event &event : recorded(event_type::SessionEnded)) {
        sids.append(event.details.value(u"sid"_s).toString());
        QCOMPARE(event.username, u"alice"_s);
    }
    sids.sort();
    QStringList expected{m_aliceWeb, m_aliceSpa};
    expected.sort();
    QCOMPARE(sids, expected);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model()->rowCount(), 1, 10'000);
}

void tst_SessionsPage::cancelledEndAllEndsNothing()
{
    signInEveryone();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_page->selectSession(m_bob));
    QMessageBox *box =
        m_page->confirmEndAll(m_page->model()->sessionAt(m_page->model()->rowOf(m_bob)).subject);
    QVERIFY(box);
    QVERIFY2(box->text().contains(u"1 session"_s), qPrintable(box->text()));
    QSignalSpy finished(m_page.get(), &SessionsPage::finished);
    QTest::mouseClick(box->findChild<QPushButton *>(u"cancelButton"_s), Qt::LeftButton);
    QTest::qWait(500);
    QVERIFY(finished.isEmpty());
    QCOMPARE(storedSessions().size(), 3);
    QVERIFY(recorded(event_type::SessionEnded).isEmpty());
    // An account without sessions gets no confirmation at all.
    QVERIFY(!m_page->confirmEndAll(u"sub-nobody"_s));
}

void tst_SessionsPage::revokeAClientGrant()
{
    signInEveryone();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(httpStatus(u"/userinfo"_s, m_bobAccessToken.toUtf8()), 200);
    QVERIFY(m_page->selectSession(m_bob));
    auto *revoke = m_page->details()->findChild<QPushButton *>(u"revoke_web"_s);
    QVERIFY(revoke);
    QVERIFY(revoke->isEnabled());
    QSignalSpy finished(m_page.get(), &SessionsPage::finished);
    QTest::mouseClick(revoke, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));

    // The event, naming the account and the client; one token family revoked.
    QTRY_COMPARE_WITH_TIMEOUT(recorded(event_type::GrantRevoked).size(), 1, 10'000);
    const Event event = recorded(event_type::GrantRevoked).first();
    QCOMPARE(event.clientId, u"web"_s);
    QCOMPARE(event.username, u"bob"_s);
    QCOMPARE(event.details.value(u"families_revoked"_s).toInt(), 1);
    QCOMPARE(event.details.value(u"actor"_s).toString(), ui::Backend::actor());
    // The store: bob's tokens for web are revoked, his session stays.
    QCOMPARE(httpStatus(u"/userinfo"_s, m_bobAccessToken.toUtf8()), 401);
    bool bobStillSignedIn = false;
    for (const SessionInfo &session : storedSessions())
        bobStillSignedIn = bobStillSignedIn || session.id == m_bob;
    QVERIFY(bobStillSignedIn);
    QVERIFY(recorded(event_type::SessionEnded).isEmpty());
    QVERIFY(m_page->findChild<QLabel *>(u"messageLabel"_s)->text().contains(u"Intranet"_s));
}

void tst_SessionsPage::backchannelDeliveriesAreShown()
{
    signInEveryone();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_page->selectSession(m_aliceWeb));
    QSignalSpy finished(m_page.get(), &SessionsPage::finished);
    QTest::mouseClick(button(u"endSessionButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30'000);
    QVERIFY(finished.first().at(0).toBool());

    ui::SessionDetailsPane *details = m_page->details();
    QCOMPARE(details->session().id, m_aliceWeb);
    auto *web = details->findChild<QLabel *>(u"delivery_web"_s);
    auto *wiki = details->findChild<QLabel *>(u"delivery_wiki"_s);
    QVERIFY(web && wiki);
    // The receiver holds web's delivery: it is pending.
    QCOMPARE(web->text(), u"Logout pending"_s);

    // wiki answers 400 at once: final.
    QTRY_VERIFY_WITH_TIMEOUT(wiki->text().startsWith(u"Logout failed"_s), 20'000);
    QVERIFY2(wiki->text().contains(u"400"_s), qPrintable(wiki->text()));
    // web's first attempt meets a 503: the sender retries, and the page says so.
    QTRY_VERIFY_WITH_TIMEOUT(m_receiver->paths().count(u"/ok"_s) == 1, 20'000);
    m_receiver->release(503);
    m_receiver->hold();
    QTRY_VERIFY_WITH_TIMEOUT(web->text().contains(u"retrying"_s), 20'000);
    QVERIFY2(web->text().contains(u"503"_s), qPrintable(web->text()));
    // The second attempt gets through.
    QTRY_VERIFY_WITH_TIMEOUT(m_receiver->paths().count(u"/ok"_s) == 2, 20'000);
    m_receiver->release(200);
    QTRY_VERIFY_WITH_TIMEOUT(web->text().startsWith(u"Logout delivered"_s), 20'000);
    // The events the page read.
    QVERIFY(std::any_of(m_events.cbegin(), m_events.cend(), [this](const Event &event) {
        return event.type == ui::BackchannelDeliveryLog::DeliveredType &&
               event.details.value(u"sid"_s).toString() == m_aliceWeb;
    }));
}

QTEST_MAIN(tst_SessionsPage)
#include "tst_sessionspage.moc"
