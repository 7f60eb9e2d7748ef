// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MockClock.h"
#include "TestDatabase.h"

#include "model/Event.h"
#include "runtime/ProviderServices.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QPair>
#include <QString>
#include <QUrl>

#include <memory>

namespace lanyard {
class Endpoint;
class EventBus;
class HttpService;
class KeyRing;
class Router;
class SessionEndNotifier;
} // namespace lanyard

namespace lanyard::test {

/// A complete ProviderServices for endpoint tests: a TestDatabase (SQLite
/// in a temporary folder) with every Sql store, a MockClock, active RS256,
/// ES256 and EdDSA keys in a KeyRingHolder, a cheap SecretHasher, and an
/// EventBus whose published events are collected (from any thread).
/// serve() mounts endpoints on a Router and serves them with HttpService on
/// 127.0.0.1, port 0, for real HTTP. Create and destroy on the test thread.
///
///     ProviderServicesFixture f;
///     QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
///     QVERIFY2(f.serve({std::make_shared<TokenEndpoint>(f.services)}).isEmpty(), ...);
class ProviderServicesFixture
{
public:
    /// The issuer every request sees (RequestContext::baseUrl()).
    static QUrl issuer();

    ProviderServicesFixture();
    ~ProviderServicesFixture();
    ProviderServicesFixture(const ProviderServicesFixture &) = delete;
    ProviderServicesFixture &operator=(const ProviderServicesFixture &) = delete;

    /// Empty when construction succeeded.
    QString error;

    std::shared_ptr<MockClock> clock;
    std::unique_ptr<TestDatabase> database;
    /// Mutable until serve(): tests may change config or swap a service.
    std::shared_ptr<ProviderServices> services;
    std::unique_ptr<EventBus> events;
    /// Fired by services->sessionTerminator (a SessionTerminator over these
    /// stores and events) for every ended session.
    std::unique_ptr<SessionEndNotifier> sessionEnds;

    std::shared_ptr<const KeyRing> keyRing() const;

    /// Events published so far, in order. Any thread.
    QList<Event> publishedEvents() const;
    /// Published events of one type.
    QList<Event> publishedEvents(const QString &type) const;
    void clearEvents();

    /// Starts HttpService (`threads` workers) with a Router holding
    /// `endpoints`; returns an error message or an empty string.
    QString serve(const QList<std::shared_ptr<Endpoint>> &endpoints, int threads = 2);
    void stop();
    quint16 port() const;
    std::shared_ptr<const Router> router() const { return m_router; }

    /// An HTTP/1.1 request with Host, Content-Length (when `body` or POST)
    /// and `Connection: close`.
    static QByteArray request(const QByteArray &method, const QByteArray &target,
                              const QList<QPair<QByteArray, QByteArray>> &headers = {},
                              const QByteArray &body = {});

private:
    mutable QMutex m_mutex;
    QList<Event> m_events;
    std::unique_ptr<HttpService> m_http;
    std::shared_ptr<const Router> m_router;
};

} // namespace lanyard::test
