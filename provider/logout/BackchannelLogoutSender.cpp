// SPDX-License-Identifier: GPL-3.0-or-later
#include "logout/BackchannelLogoutSender.h"

#include "crypto/RandomSource.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "jose/KeyRing.h"
#include "jose/KeyRingHolder.h"
#include "store/ClientStore.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

Q_LOGGING_CATEGORY(lcBackchannel, "lanyard.backchannel")

/// 128 bits: jti values never repeat (§2.4: "unique identifier").
constexpr int JtiBytes = 16;

} // namespace

BackchannelLogoutSender::BackchannelLogoutSender(Dependencies dependencies, Options options,
                                                 QObject *parent)
    : QObject(parent), m_deps(std::move(dependencies)), m_options(options)
{
    qRegisterMetaType<lanyard::Session>();
}

BackchannelLogoutSender::BackchannelLogoutSender(Dependencies dependencies, QObject *parent)
    : BackchannelLogoutSender(std::move(dependencies), Options{}, parent)
{}

BackchannelLogoutSender::~BackchannelLogoutSender()
{
    stop();
}

void BackchannelLogoutSender::start(const QUrl &issuer)
{
    if (m_thread)
        return;
    m_issuer = issuer;
    m_thread = new QThread(this);
    m_thread->setObjectName(u"lanyard-backchannel"_s);
    m_context = new QObject;
    m_context->moveToThread(m_thread);
    m_thread->start();
    QMutexLocker lock(&m_pendingMutex);
    m_accepting = true;
}

void BackchannelLogoutSender::stop()
{
    if (!m_thread)
        return;
    {
        // No new work from now on.
        QMutexLocker lock(&m_pendingMutex);
        m_accepting = false;
    }
    // Runs after every call queued before: dispatches start their sends,
    // then everything unfinished is reported and dropped.
    QMetaObject::invokeMethod(
        m_context, [this] { abandonAll(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_context; // with the network manager, its replies and timers
    m_context = nullptr;
    m_network = nullptr;
    delete m_thread;
    m_thread = nullptr;
}

void BackchannelLogoutSender::sessionEnded(const lanyard::Session &session, const QString &reason)
{
    if (session.clientIds.isEmpty())
        return;
    QMutexLocker lock(&m_pendingMutex);
    if (!m_accepting)
        return;
    ++m_pending;
    QMetaObject::invokeMethod(
        m_context, [this, session, reason] { dispatch(session, reason); }, Qt::QueuedConnection);
}

int BackchannelLogoutSender::pending() const
{
    QMutexLocker lock(&m_pendingMutex);
    return m_pending;
}

bool BackchannelLogoutSender::waitForIdle(int timeoutMs)
{
    QMutexLocker lock(&m_pendingMutex);
    QDeadlineTimer deadline(timeoutMs);
    while (m_pending > 0) {
        if (!m_idle.wait(&m_pendingMutex, deadline))
            return m_pending == 0;
    }
    return true;
}

void BackchannelLogoutSender::addPending(int delta)
{
    QMutexLocker lock(&m_pendingMutex);
    m_pending += delta;
    if (m_pending <= 0) {
        m_pending = 0;
        m_idle.wakeAll();
    }
}

QNetworkAccessManager *BackchannelLogoutSender::network()
{
    // Created on the sender's thread, a child of the context living there.
    if (!m_network)
        m_network = new QNetworkAccessManager(m_context);
    return m_network;
}

void BackchannelLogoutSender::dispatch(const lanyard::Session &session, const QString &reason)
{
    const std::shared_ptr<const KeyRing> ring = m_deps.keys ? m_deps.keys->current() : nullptr;
    for (const QString &clientId : session.clientIds) {
        Delivery delivery;
        delivery.clientId = clientId;
        delivery.subject = session.subject;
        delivery.sid = session.id;
        delivery.reason = reason;
        auto client = m_deps.clients->find(clientId);
        if (!client) {
            report(delivery, false, 0, u"client look-up failed: "_s + client.error().message, true);
            continue;
        }
        // §2.5: only clients that registered a back-channel logout URI.
        if (!client->has_value() || (*client)->backchannelLogoutUri.isEmpty())
            continue;
        const Client &registered = **client;
        delivery.uri = QUrl(registered.backchannelLogoutUri, QUrl::StrictMode);
        delivery.jti = m_deps.random->token(JtiBytes);
        const QJsonObject claims =
            LogoutToken::claims(m_issuer, registered, session, m_deps.clock->now(), delivery.jti,
                                m_options.tokenLifetimeSecs);
        if (!ring) {
            report(delivery, false, 0, u"no signing keys loaded"_s, true);
            continue;
        }
        auto token = LogoutToken::sign(*ring, registered, claims);
        if (!token) {
            report(delivery, false, 0,
                   u"cannot sign the logout token: "_s + token.error().toString(), true);
            continue;
        }
        delivery.token = *token;
        addPending(1);
        send(delivery);
    }
    addPending(-1); // the ended session itself
}

void BackchannelLogoutSender::send(const Delivery &delivery)
{
    QNetworkRequest request(delivery.uri);
    // §2.5: "The OP uses an HTTP POST to the registered back-channel logout
    // URI to send the Logout Token ... using the
    // application/x-www-form-urlencoded encoding".
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(m_options.timeoutMs);
    const QByteArray body =
        "logout_token=" + QUrl::toPercentEncoding(QString::fromLatin1(delivery.token));
    QNetworkReply *reply = network()->post(request, body);
    m_inFlight.insert(reply, delivery);
    connect(reply, &QNetworkReply::finished, m_context, [this, reply] { finished(reply); });
}

void BackchannelLogoutSender::finished(QNetworkReply *reply)
{
    if (!m_inFlight.contains(reply))
        return;
    const Delivery delivery = m_inFlight.take(reply);
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // §2.8: "If the logout succeeded, the RP MUST respond with HTTP 200 OK.
    // However, note that some Web frameworks will substitute an HTTP 204 No
    // Content response".
    if (status == 200 || status == 204) {
        report(delivery, true, status, {}, true);
        addPending(-1);
        return;
    }
    QString error;
    if (status >= 300 && status < 400)
        error = u"HTTP %1 (redirects are not followed)"_s.arg(status);
    else if (status > 0)
        error = u"HTTP %1"_s.arg(status);
    else if (reply->error() == QNetworkReply::OperationCanceledError)
        error = u"no answer within %1 ms"_s.arg(m_options.timeoutMs);
    else
        error = reply->errorString();
    // Worth another try: the receiver was unreachable, slow, overloaded or
    // failing. A 4xx (§2.8: 400 when "the logout request was invalid or the
    // logout failed") would only fail again.
    const bool retryable = status == 0 || status == 408 || status == 429 || status >= 500;
    if (!retryable || delivery.attempt >= m_options.maxAttempts) {
        report(delivery, false, status, error, true);
        addPending(-1);
        return;
    }
    const int delayMs = m_options.retryDelayMs * (1 << std::min(delivery.attempt - 1, 16));
    report(delivery, false, status, error, false, delayMs);
    Delivery next = delivery;
    ++next.attempt;
    auto *timer = new QTimer(m_context);
    timer->setSingleShot(true);
    m_waiting.insert(timer, next);
    connect(timer, &QTimer::timeout, m_context, [this, timer] {
        const Delivery due = m_waiting.take(timer);
        timer->deleteLater();
        send(due);
    });
    timer->start(delayMs);
}

void BackchannelLogoutSender::abandonAll()
{
    const auto replies = m_inFlight.keys();
    for (QNetworkReply *reply : replies) {
        const Delivery delivery = m_inFlight.take(reply);
        reply->disconnect(m_context);
        reply->abort();
        reply->deleteLater();
        report(delivery, false, 0, u"stopped before an answer came"_s, true);
        addPending(-1);
    }
    const auto timers = m_waiting.keys();
    for (QObject *timer : timers) {
        const Delivery delivery = m_waiting.take(timer);
        delete timer;
        report(delivery, false, 0, u"stopped before the next attempt"_s, true);
        addPending(-1);
    }
}

void BackchannelLogoutSender::report(const Delivery &delivery, bool delivered, int status,
                                     const QString &error, bool final, int retryInMs)
{
    if (delivered) {
        qCInfo(lcBackchannel).noquote()
            << "logout token delivered to" << delivery.clientId << "attempt" << delivery.attempt;
    } else {
        qCWarning(lcBackchannel).noquote()
            << "logout token for" << delivery.clientId << "attempt" << delivery.attempt
            << "failed:" << error << (final ? "(giving up)" : "(will retry)");
    }
    if (!m_deps.events)
        return;
    Event event;
    event.type = delivered ? event_type::BackchannelDelivered : event_type::BackchannelFailed;
    event.success = delivered;
    event.clientId = delivery.clientId;
    event.subject = delivery.subject;
    QJsonObject details{
        {u"sid"_s, delivery.sid},
        {u"reason"_s, delivery.reason},
        {u"attempt"_s, delivery.attempt},
        {u"max_attempts"_s, m_options.maxAttempts},
    };
    if (!delivery.uri.isEmpty())
        details.insert(u"uri"_s, delivery.uri.toString());
    if (!delivery.jti.isEmpty())
        details.insert(u"jti"_s, delivery.jti);
    if (status > 0)
        details.insert(u"status"_s, status);
    if (!delivered) {
        details.insert(u"error"_s, error);
        details.insert(u"final"_s, final);
        if (!final)
            details.insert(u"retry_in_ms"_s, retryInMs);
    }
    event.details = details;
    m_deps.events->publish(event);
}

} // namespace lanyard
