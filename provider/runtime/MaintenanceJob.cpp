// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtime/MaintenanceJob.h"

#include "endpoints/JwksSource.h"
#include "jose/KeyRing.h"
#include "jose/KeyRingHolder.h"
#include "logout/SessionTerminator.h"
#include "store/CodeStore.h"
#include "store/EventStore.h"
#include "store/InteractionStore.h"
#include "store/SessionStore.h"
#include "store/ThrottleStore.h"
#include "store/TokenStore.h"

#include <QLoggingCategory>
#include <QMutexLocker>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

Q_LOGGING_CATEGORY(lcMaintenance, "lanyard.maintenance")

/// What the published KeyRing depends on: every stored key's kid, state,
/// times, and whether it is published at `now`.
QByteArray fingerprint(const QList<SigningKey> &keys, const QDateTime &now)
{
    QByteArray text;
    for (const SigningKey &key : keys) {
        const bool published = key.state != KeyState::Retired ||
                               (key.publishedUntil.isValid() && now < key.publishedUntil);
        text += key.kid.toUtf8() + ' ' + keyStateName(key.state).toUtf8() + ' ' +
                QByteArray::number(key.activatedAt.isValid() ? key.activatedAt.toMSecsSinceEpoch()
                                                             : -1) +
                ' ' +
                QByteArray::number(
                    key.publishedUntil.isValid() ? key.publishedUntil.toMSecsSinceEpoch() : -1) +
                (published ? " p\n" : " -\n");
    }
    return text;
}

} // namespace

MaintenanceJob::MaintenanceJob(Dependencies dependencies, Options options, QObject *parent)
    : QObject(parent), m_deps(std::move(dependencies)), m_options(options)
{}

MaintenanceJob::~MaintenanceJob()
{
    stop();
}

void MaintenanceJob::start()
{
    if (m_thread)
        return;
    m_stopping = false;
    m_thread = new QThread(this);
    m_thread->setObjectName(u"lanyard-maintenance"_s);
    auto *timer = new QTimer;
    timer->setInterval(m_options.intervalMs);
    timer->moveToThread(m_thread);
    connect(m_thread, &QThread::started, timer, [this, timer] {
        (void)runOnce();
        timer->start();
    });
    connect(timer, &QTimer::timeout, timer, [this] { (void)runOnce(); });
    connect(m_thread, &QThread::finished, timer, &QObject::deleteLater);
    m_thread->start();
}

void MaintenanceJob::stop()
{
    if (!m_thread)
        return;
    m_stopping = true;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

int MaintenanceJob::purge(const QString &what, const std::function<Result<int, Error>(int)> &step,
                          QStringList &errors)
{
    const int batch = std::max(1, m_options.batchSize);
    int total = 0;
    for (int i = 0; i < m_options.maxBatchesPerRun && !m_stopping; ++i) {
        if (i > 0 && m_options.pauseBetweenBatchesMs > 0)
            QThread::msleep(static_cast<unsigned long>(m_options.pauseBetweenBatchesMs));
        auto deleted = step(batch);
        if (!deleted) {
            errors.append(u"purging %1: %2"_s.arg(what, deleted.error().message));
            break;
        }
        total += *deleted;
        if (*deleted < batch)
            break;
    }
    return total;
}

void MaintenanceJob::reloadKeyRing(Report &report)
{
    const QDateTime now = m_deps.clock->now();
    auto keys = m_deps.keys->list();
    if (!keys) {
        report.errors.append(u"reading signing keys: "_s + keys.error().message);
        return;
    }
    const QByteArray current = fingerprint(*keys, now);
    if (current == m_keyFingerprint)
        return;
    auto ring = KeyRing::fromKeys(*keys, now);
    if (!ring) {
        // Keep serving with the ring in force rather than with none.
        report.errors.append(u"loading signing keys: "_s + ring.error().message);
        return;
    }
    if (m_deps.keyRing)
        m_deps.keyRing->replace(*ring);
    if (m_deps.jwks)
        m_deps.jwks->publish((*ring)->jwksJson(), (*ring)->signingAlgorithms());
    m_keyFingerprint = current;
    report.keyRingReloaded = true;
    Q_EMIT keyRingReloaded((*ring)->publishedKids());
}

MaintenanceJob::Report MaintenanceJob::runOnce()
{
    QMutexLocker lock(&m_runMutex);
    Report report;

    if (auto changes = m_deps.keys->maintain(); changes)
        report.keys = std::move(changes).value();
    else
        report.errors.append(u"signing keys: "_s + changes.error().message);
    reloadKeyRing(report);

    const QDateTime now = m_deps.clock->now();
    if (m_deps.codes)
        report.codes = purge(
            u"authorization codes"_s,
            [&](int batch) { return m_deps.codes->purgeExpired(now, batch); }, report.errors);
    if (m_deps.tokens)
        report.tokens = purge(
            u"tokens"_s, [&](int batch) { return m_deps.tokens->purgeExpired(now, batch); },
            report.errors);
    if (m_deps.sessionEnds)
        report.sessions = purge(
            u"sessions"_s, [&](int batch) { return m_deps.sessionEnds->purgeExpired(batch); },
            report.errors);
    else if (m_deps.sessions)
        report.sessions = purge(
            u"sessions"_s, [&](int batch) { return m_deps.sessions->purgeExpired(now, batch); },
            report.errors);
    if (m_deps.interactions)
        report.interactions = purge(
            u"interactions"_s,
            [&](int batch) { return m_deps.interactions->purgeExpired(now, batch); },
            report.errors);
    if (m_deps.throttle) {
        const QDateTime cutoff = now.addSecs(-qint64(m_options.loginFailureWindowSecs));
        report.loginFailures = purge(
            u"login failures"_s,
            [&](int batch) { return m_deps.throttle->purgeOlderThan(cutoff, batch); },
            report.errors);
    }
    if (m_deps.eventLog) {
        const QDateTime cutoff = now.addDays(-qint64(m_options.eventRetentionDays));
        report.events = purge(
            u"events"_s, [&](int batch) { return m_deps.eventLog->purgeOlderThan(cutoff, batch); },
            report.errors);
    }

    for (const QString &error : std::as_const(report.errors)) {
        qCWarning(lcMaintenance).noquote() << error;
        Q_EMIT failed(error);
    }
    return report;
}

} // namespace lanyard
