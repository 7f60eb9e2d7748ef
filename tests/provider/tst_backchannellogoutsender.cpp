// SPDX-License-Identifier: GPL-3.0-or-later
// Back-channel logout (OpenID Connect Back-Channel Logout 1.0 §2.5-§2.8):
// when a session ends, BackchannelLogoutSender POSTs a logout token to each
// client of the session that registered a backchannel_logout_uri, here a
// QTcpServer receiver on 127.0.0.1; failures are retried and every attempt
// is an event.
#include "ProviderServicesFixture.h"

#include "events/EventTypes.h"
#include "events/SessionEndNotifier.h"
#include "jose/KeyRing.h"
#include "logout/BackchannelLogoutSender.h"
#include "logout/LogoutToken.h"
#include "logout/SessionTerminator.h"
#include "model/Account.h"
#include "model/Client.h"
#include "store/AccountStore.h"
#include "store/ClientStore.h"
#include "store/SessionStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace lanyard;
using namespace lanyard::test;

namespace {

/// A relying party's back-channel logout endpoint: answers each request
/// with the next status of `statuses` (the last one repeats) and keeps
/// what it received. Lives on the test thread; the event loop of QTRY_*
/// runs it.
class Receiver : public QObject
{
public:
    struct Received
    {
        QByteArray head;
        QByteArray body;
    };

    explicit Receiver(QList<int> statuses) : m_statuses(std::move(statuses))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            }
        });
    }

    quint16 port() const { return m_server.serverPort(); }
    QString uri() const { return u"http://127.0.0.1:%1/backchannel"_s.arg(port()); }
    QList<Received> received;

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buffer.left(end);
        qsizetype length = 0;
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        received.append({head, buffer.mid(end + 4, length)});
        const int status = m_statuses.value(received.size() - 1, m_statuses.last());
        socket->write("HTTP/1.1 " + QByteArray::number(status) +
                      " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
        m_buffers.remove(socket);
    }

    QTcpServer m_server;
    QList<int> m_statuses;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

/// A port on 127.0.0.1 with nothing listening: the receiver is down.
quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class TestBackchannelLogoutSender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void logoutTokenClaims_data();
    void logoutTokenClaims();
    void deliversToEveryClientThatRegistered();
    void retriesAndReportsAReceiverThatIsDown();
    void retryableStatuses_data();
    void retryableStatuses();
    void redirectsAreNotFollowed();
    void expiredSessionsAreAnnouncedToo();
    void stopReportsWhatIsUnfinished();
    void ignoredWhileNotRunning();

private:
    void saveClient(const QString &clientId, const QString &uri, bool sessionRequired = true,
                    const QString &alg = u"RS256"_s);
    Session session(const QStringList &clients) const;
    void endSession(const Session &session);
    void startSender(int maxAttempts = 3, int timeoutMs = 5'000);
    QList<Event> deliveryEvents() const;

    std::unique_ptr<ProviderServicesFixture> m_f;
    std::unique_ptr<BackchannelLogoutSender> m_sender;
};

void TestBackchannelLogoutSender::init()
{
    m_f = std::make_unique<ProviderServicesFixture>();
    QVERIFY2(m_f->error.isEmpty(), qPrintable(m_f->error));
    Account alice;
    alice.username = u"alice"_s;
    alice.subject = u"sub-alice"_s;
    alice.passwordHash = u"unused"_s;
    auto saved = m_f->services->accounts->save(alice);
    QVERIFY2(saved.ok(), qPrintable(saved.error().message));
}

void TestBackchannelLogoutSender::cleanup()
{
    m_sender.reset();
    m_f.reset();
}

void TestBackchannelLogoutSender::saveClient(const QString &clientId, const QString &uri,
                                             bool sessionRequired, const QString &alg)
{
    Client client;
    client.clientId = clientId;
    client.secretHash = u"unused"_s;
    client.redirectUris = {u"https://%1.example/cb"_s.arg(clientId)};
    client.backchannelLogoutUri = uri;
    client.backchannelLogoutSessionRequired = sessionRequired;
    client.idTokenSignedResponseAlg = alg;
    QVERIFY(m_f->services->clients->save(client).ok());
}

Session TestBackchannelLogoutSender::session(const QStringList &clients) const
{
    Session session;
    session.id = u"sid-%1"_s.arg(clients.join(u'-'));
    session.cookieHash = u"cookie-hash-"_s + session.id;
    session.subject = u"sub-alice"_s;
    session.expiresAt = m_f->clock->now().addSecs(3600);
    session.clientIds = clients;
    return session;
}

void TestBackchannelLogoutSender::endSession(const Session &ended)
{
    QVERIFY(m_f->services->sessions->create(ended).ok());
    SessionTerminator::Context context;
    context.reason = SessionTerminator::LogoutReason;
    auto result = m_f->services->sessionTerminator->end(ended.id, context);
    QVERIFY(result.ok() && result->has_value());
}

void TestBackchannelLogoutSender::startSender(int maxAttempts, int timeoutMs)
{
    BackchannelLogoutSender::Options options;
    options.maxAttempts = maxAttempts;
    options.timeoutMs = timeoutMs;
    // Short waits keep the test quick; the doubling is checked in events.
    options.retryDelayMs = 20;
    m_sender = std::make_unique<BackchannelLogoutSender>(
        BackchannelLogoutSender::Dependencies{m_f->services->clients, m_f->services->keys,
                                              m_f->clock, m_f->services->random, m_f->events.get()},
        options);
    QObject::connect(m_f->sessionEnds.get(), &SessionEndNotifier::sessionEnded, m_sender.get(),
                     &BackchannelLogoutSender::sessionEnded, Qt::DirectConnection);
    m_sender->start(ProviderServicesFixture::issuer());
}

QList<Event> TestBackchannelLogoutSender::deliveryEvents() const
{
    QList<Event> events;
    for (const Event &event : m_f->publishedEvents()) {
        if (event.type == event_type::BackchannelDelivered ||
            event.type == event_type::BackchannelFailed)
            events.append(event);
    }
    return events;
}

void TestBackchannelLogoutSender::logoutTokenClaims_data()
{
    QTest::addColumn<bool>("sessionRequired");
    QTest::addColumn<QString>("alg");
    QTest::newRow("sid required, RS256") << true << u"RS256"_s;
    QTest::newRow("sub only, ES256") << false << u"ES256"_s;
    QTest::newRow("sid required, EdDSA") << true << u"EdDSA"_s;
}

void TestBackchannelLogoutSender::logoutTokenClaims()
{
    QFETCH(bool, sessionRequired);
    QFETCH(QString, alg);
    Receiver receiver({200});
    saveClient(u"app"_s, receiver.uri(), sessionRequired, alg);
    startSender();
    endSession(session({u"app"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(receiver.received.size(), 1, 20'000);

    // §2.5: POST, application/x-www-form-urlencoded, logout_token=...
    const Receiver::Received &request = receiver.received.first();
    QVERIFY2(request.head.startsWith("POST /backchannel HTTP/1.1"), request.head.constData());
    QVERIFY2(request.head.toLower().contains("content-type: application/x-www-form-urlencoded"),
             request.head.constData());
    const QUrlQuery form(QString::fromLatin1(request.body));
    QCOMPARE(form.queryItems().size(), 1);
    const QByteArray token = form.queryItemValue(u"logout_token"_s).toLatin1();

    // §2.4, member by member, after the signature checks out with the
    // published key of the client's algorithm.
    auto decoded = m_f->keyRing()->verifyDecoded(token, {alg});
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().toString()));
    QCOMPARE(decoded->header.value(u"typ"_s).toString(), u"logout+jwt"_s);
    QCOMPARE(decoded->header.value(u"alg"_s).toString(), alg);
    QCOMPARE(decoded->header.value(u"kid"_s).toString(), m_f->keyRing()->activeKid(alg));
    const QJsonObject claims = QJsonDocument::fromJson(decoded->payload).object();
    QCOMPARE(claims.value(u"iss"_s).toString(), ProviderServicesFixture::issuer().toString());
    QCOMPARE(claims.value(u"aud"_s).toString(), u"app"_s);
    const qint64 now = m_f->clock->now().toSecsSinceEpoch();
    QCOMPARE(claims.value(u"iat"_s).toInteger(), now);
    QCOMPARE(claims.value(u"exp"_s).toInteger(), now + LogoutToken::DefaultLifetimeSecs);
    QVERIFY(claims.value(u"jti"_s).toString().size() >= 22);
    QCOMPARE(
        claims.value(u"events"_s).toObject(),
        (QJsonObject{{u"http://schemas.openid.net/event/backchannel-logout"_s, QJsonObject()}}));
    QCOMPARE(claims.value(u"sub"_s).toString(), u"sub-alice"_s);
    QCOMPARE(claims.contains(u"sid"_s), sessionRequired);
    if (sessionRequired)
        QCOMPARE(claims.value(u"sid"_s).toString(), u"sid-app"_s);
    QVERIFY(!claims.contains(u"nonce"_s));
    QCOMPARE(claims.size(), sessionRequired ? 8 : 7);

    QTRY_COMPARE(deliveryEvents().size(), 1);
    const Event delivered = deliveryEvents().first();
    QCOMPARE(delivered.type, QString(event_type::BackchannelDelivered));
    QCOMPARE(delivered.clientId, u"app"_s);
    QCOMPARE(delivered.subject, u"sub-alice"_s);
    QCOMPARE(delivered.details.value(u"sid"_s).toString(), u"sid-app"_s);
    QCOMPARE(delivered.details.value(u"status"_s).toInt(), 200);
    QCOMPARE(delivered.details.value(u"attempt"_s).toInt(), 1);
    QCOMPARE(delivered.details.value(u"reason"_s).toString(), u"logout"_s);
    QCOMPARE(delivered.details.value(u"jti"_s).toString(), claims.value(u"jti"_s).toString());
    // The token itself is never in an event.
    QVERIFY(!QJsonDocument(delivered.toJson()).toJson().contains(token));
}

void TestBackchannelLogoutSender::deliversToEveryClientThatRegistered()
{
    Receiver one({200});
    Receiver two({204});
    saveClient(u"one"_s, one.uri());
    saveClient(u"two"_s, two.uri());
    saveClient(u"silent"_s, {});
    Receiver bystander({200});
    saveClient(u"bystander"_s, bystander.uri());
    startSender();
    // "ghost" was deleted since; "silent" registered no URI; "bystander"
    // took no part in the session.
    endSession(session({u"one"_s, u"silent"_s, u"ghost"_s, u"two"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(deliveryEvents().size(), 2, 20'000);
    QCOMPARE(one.received.size(), 1);
    QCOMPARE(two.received.size(), 1);
    QCOMPARE(bystander.received.size(), 0);
    QStringList clients;
    for (const Event &event : deliveryEvents()) {
        QCOMPARE(event.type, QString(event_type::BackchannelDelivered));
        clients.append(event.clientId);
    }
    clients.sort();
    QCOMPARE(clients, (QStringList{u"one"_s, u"two"_s}));
    QTRY_COMPARE(m_sender->pending(), 0);
}

void TestBackchannelLogoutSender::retriesAndReportsAReceiverThatIsDown()
{
    const QString uri = u"http://127.0.0.1:%1/backchannel"_s.arg(closedPort());
    saveClient(u"down"_s, uri);
    startSender(3);
    endSession(session({u"down"_s}));

    // Three attempts, each reported; the last one final.
    QTRY_COMPARE_WITH_TIMEOUT(deliveryEvents().size(), 3, 30'000);
    QTRY_COMPARE(m_sender->pending(), 0);
    const QList<Event> events = deliveryEvents();
    for (int i = 0; i < 3; ++i) {
        const Event &event = events.at(i);
        QCOMPARE(event.type, QString(event_type::BackchannelFailed));
        QCOMPARE(event.success, false);
        QCOMPARE(event.clientId, u"down"_s);
        QCOMPARE(event.details.value(u"sid"_s).toString(), u"sid-down"_s);
        QCOMPARE(event.details.value(u"attempt"_s).toInt(), i + 1);
        QCOMPARE(event.details.value(u"uri"_s).toString(), uri);
        QVERIFY(!event.details.value(u"error"_s).toString().isEmpty());
        QVERIFY(!event.details.contains(u"status"_s));
        QCOMPARE(event.details.value(u"final"_s).toBool(), i == 2);
    }
    // Backoff: each wait doubles.
    QCOMPARE(events.at(0).details.value(u"retry_in_ms"_s).toInt(), 20);
    QCOMPARE(events.at(1).details.value(u"retry_in_ms"_s).toInt(), 40);
    QVERIFY(!events.at(2).details.contains(u"retry_in_ms"_s));
}

void TestBackchannelLogoutSender::retryableStatuses_data()
{
    QTest::addColumn<QList<int>>("statuses");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<bool>("delivered");
    QTest::newRow("503 then 200") << QList<int>{503, 200} << 2 << true;
    QTest::newRow("500, 502, 200") << QList<int>{500, 502, 200} << 3 << true;
    QTest::newRow("429 then 204") << QList<int>{429, 204} << 2 << true;
    QTest::newRow("503 three times") << QList<int>{503} << 3 << false;
    // §2.8: 400 means the RP refused the token; trying again cannot help.
    QTest::newRow("400 is final") << QList<int>{400, 200} << 1 << false;
    QTest::newRow("404 is final") << QList<int>{404, 200} << 1 << false;
    QTest::newRow("501 then 200") << QList<int>{501, 200} << 2 << true;
}

void TestBackchannelLogoutSender::retryableStatuses()
{
    QFETCH(QList<int>, statuses);
    QFETCH(int, attempts);
    QFETCH(bool, delivered);
    Receiver receiver(statuses);
    saveClient(u"app"_s, receiver.uri());
    startSender(3);
    endSession(session({u"app"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(deliveryEvents().size(), attempts, 30'000);
    QTRY_COMPARE(m_sender->pending(), 0);
    const QList<Event> events = deliveryEvents();
    QCOMPARE(events.size(), attempts);
    QCOMPARE(receiver.received.size(), attempts);
    // The same token every time (one jti), so the RP can tell a retry.
    for (const Receiver::Received &request : receiver.received)
        QCOMPARE(request.body, receiver.received.first().body);
    const Event last = events.last();
    QCOMPARE(last.type, delivered ? QString(event_type::BackchannelDelivered)
                                  : QString(event_type::BackchannelFailed));
    QCOMPARE(last.details.value(u"status"_s).toInt(),
             statuses.value(attempts - 1, statuses.last()));
    if (!delivered)
        QCOMPARE(last.details.value(u"final"_s).toBool(), true);
}

void TestBackchannelLogoutSender::redirectsAreNotFollowed()
{
    Receiver receiver({302});
    saveClient(u"app"_s, receiver.uri());
    startSender(3);
    endSession(session({u"app"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(deliveryEvents().size(), 1, 20'000);
    QTRY_COMPARE(m_sender->pending(), 0);
    QCOMPARE(receiver.received.size(), 1);
    const Event event = deliveryEvents().first();
    QCOMPARE(event.type, QString(event_type::BackchannelFailed));
    QCOMPARE(event.details.value(u"status"_s).toInt(), 302);
    QCOMPARE(event.details.value(u"final"_s).toBool(), true);
}

void TestBackchannelLogoutSender::expiredSessionsAreAnnouncedToo()
{
    Receiver receiver({200});
    saveClient(u"app"_s, receiver.uri());
    startSender();
    Session expiring = session({u"app"_s});
    expiring.expiresAt = m_f->clock->now().addSecs(60);
    QVERIFY(m_f->services->sessions->create(expiring).ok());
    QCOMPARE(m_f->services->sessionTerminator->purgeExpired(100).value(), 0);
    m_f->clock->advance(61);
    QCOMPARE(m_f->services->sessionTerminator->purgeExpired(100).value(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(receiver.received.size(), 1, 20'000);
    const QList<Event> ended = m_f->publishedEvents(event_type::SessionEnded);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.first().details.value(u"reason"_s).toString(), u"expired"_s);
    QTRY_COMPARE(deliveryEvents().size(), 1);
    QCOMPARE(deliveryEvents().first().details.value(u"reason"_s).toString(), u"expired"_s);
}

void TestBackchannelLogoutSender::stopReportsWhatIsUnfinished()
{
    // A receiver that accepts the connection and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    saveClient(u"slow"_s, u"http://127.0.0.1:%1/bc"_s.arg(silent.serverPort()));
    startSender(3, 60'000);
    endSession(session({u"slow"_s}));
    QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), 20'000);
    QCOMPARE(m_sender->pending(), 1);
    m_sender->stop();
    QCOMPARE(m_sender->pending(), 0);
    const QList<Event> events = deliveryEvents();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().type, QString(event_type::BackchannelFailed));
    QCOMPARE(events.first().details.value(u"final"_s).toBool(), true);
}

void TestBackchannelLogoutSender::ignoredWhileNotRunning()
{
    Receiver receiver({200});
    saveClient(u"app"_s, receiver.uri());
    startSender();
    m_sender->stop();
    endSession(session({u"app"_s}));
    // Nothing was queued, so nothing can arrive later either.
    QCOMPARE(m_sender->pending(), 0);
    QVERIFY(m_sender->waitForIdle(0));
    QCOMPARE(receiver.received.size(), 0);
    QVERIFY(deliveryEvents().isEmpty());
}

QTEST_GUILESS_MAIN(TestBackchannelLogoutSender)
#include "tst_backchannellogoutsender.moc"
