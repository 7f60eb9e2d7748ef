// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Clock.h"
#include "logout/LogoutToken.h"
#include "model/Session.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QWaitCondition>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QThread;

namespace lanyard {

class ClientStore;
class EventBus;
class KeyRingHolder;
class RandomSource;

/// OpenID Connect Back-Channel Logout 1.0, the OP's side: when a session
/// ends (SessionEndNotifier, connected to sessionEnded()), every client
/// that took part in it (Session::clientIds) and registered a
/// backchannel_logout_uri gets a LogoutToken by `POST` of
/// `application/x-www-form-urlencoded` `logout_token=...` (§2.5).
///
/// Delivery runs on the sender's own thread with its own
/// QNetworkAccessManager, never on a request thread. Each attempt has a
/// timeout (Options::timeoutMs); redirects are not followed. 200 and 204
/// are success (§2.8: 200; some frameworks answer 204). A network error, a
/// timeout, 408, 429 or a 5xx is retried after Options::retryDelayMs,
/// doubling each time, up to Options::maxAttempts attempts, with the same
/// token; any other status is final. Each attempt's result is an event:
/// backchannel.delivered or backchannel.failed (see events/EventTypes.h).
///
/// Owned by Provider, started and stopped with the server (start()/stop()
/// on the owner's thread); sessionEnded(), pending() and waitForIdle() from
/// any thread.
class BackchannelLogoutSender : public QObject
{
    Q_OBJECT

public:
    struct Dependencies
    {
        std::shared_ptr<ClientStore> clients;
        /// Signs the tokens with the key ring in force at delivery.
        std::shared_ptr<KeyRingHolder> keys;
        std::shared_ptr<const Clock> clock;
        /// jti values.
        std::shared_ptr<RandomSource> random;
        /// May be null (no events).
        EventBus *events = nullptr;
    };

    struct Options
    {
        /// One attempt's limit: connecting, sending and the whole answer.
        int timeoutMs = 5'000;
        /// Attempts per client and ended session, the first included.
        int maxAttempts = 3;
        /// Wait before the second attempt; doubled before each further one.
        int retryDelayMs = 1'000;
        /// The logout token's exp - iat; covers every retry.
        int tokenLifetimeSecs = LogoutToken::DefaultLifetimeSecs;
    };

    BackchannelLogoutSender(Dependencies dependencies, Options options, QObject *parent = nullptr);
    explicit BackchannelLogoutSender(Dependencies dependencies, QObject *parent = nullptr);
    /// stop().
    ~BackchannelLogoutSender() override;

    /// Starts the delivery thread; tokens name `issuer` as iss. Idempotent
    /// (a running sender keeps its issuer). Owner's thread.
    void start(const QUrl &issuer);
    /// Stops the thread. Deliveries not finished yet are abandoned, each
    /// reported as a final backchannel.failed ("stopped"). Idempotent.
    /// Owner's thread.
    void stop();
    bool isRunning() const { return m_thread != nullptr; }

    /// Queues the logout tokens for the clients of `session`, which ended
    /// for `reason` (as in session.ended). Ignored while not running. Any
    /// thread; connect SessionEndNotifier::sessionEnded to it directly.
    void sessionEnded(const lanyard::Session &session, const QString &reason);

    /// Ended sessions and deliveries not finished yet. Any thread.
    int pending() const;
    /// Blocks until pending() is 0 (true) or `timeoutMs` passed (false).
    /// Any thread but the sender's own (commands that end sessions and then
    /// exit wait here).
    bool waitForIdle(int timeoutMs);

private:
    struct Delivery
    {
        QString clientId;
        QString subject;
        QString sid;
        QString reason;
        QUrl uri;
        QString jti;
        QByteArray token;
        int attempt = 1;
    };

    // Everything below runs on the sender's thread.
    void dispatch(const lanyard::Session &session, const QString &reason);
    void send(const Delivery &delivery);
    void finished(QNetworkReply *reply);
    void report(const Delivery &delivery, bool delivered, int status, const QString &error,
                bool final, int retryInMs = 0);
    void abandonAll();
    QNetworkAccessManager *network();
    /// Adds `delta` to the pending count and wakes waitForIdle().
    void addPending(int delta);

    Dependencies m_deps;
    Options m_options;
    QUrl m_issuer;
    QThread *m_thread = nullptr;
    /// Lives on m_thread: the context of every queued call and the parent
    /// of the network manager, replies and retry timers.
    QObject *m_context = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    QHash<QNetworkReply *, Delivery> m_inFlight;
    QHash<QObject *, Delivery> m_waiting;

    /// Guards m_accepting and m_pending.
    mutable QMutex m_pendingMutex;
    QWaitCondition m_idle;
    /// True between start() and stop(): sessionEnded() queues work.
    bool m_accepting = false;
    int m_pending = 0;
};

} // namespace lanyard
