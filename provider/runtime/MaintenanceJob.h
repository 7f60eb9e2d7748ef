// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/KeyService.h"
#include "auth/SignInPolicy.h"
#include "core/Clock.h"

#include <QByteArray>
#include <QMutex>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace lanyard {

class CodeStore;
class EventStore;
class InteractionStore;
class JwksSource;
class KeyRingHolder;
class SessionStore;
class SessionTerminator;
class ThrottleStore;
class TokenStore;

/// The server's housekeeping, run on its own thread every Options::intervalMs
/// while the server runs (Provider::start()/stop()), and once per call of
/// runOnce() (tests, tools):
///
///  1. signing keys: KeyService::maintain() (promotions, retirements,
///     removals, automatic rotation);
///  2. the KeyRing: reloaded from the database when the stored keys changed
///     (here, or in another process such as `lanyard keys rotate` or another
///     instance), then swapped into the KeyRingHolder and published to the
///     JwksSource, so signing, the JWKS and discovery follow;
///  3. expired authorization codes, tokens (and family records), sessions,
///     interactions and login failures, and events older than the retention
///     period, deleted in batches of Options::batchSize rows, pausing between
///     batches so requests waiting for the database get their turn. Expired
///     sessions end through the SessionTerminator when one is given, so
///     their clients get back-channel logout tokens.
///
/// A failure in one step is reported (Report::errors, failed()) and the
/// other steps still run; the next run tries again.
class MaintenanceJob : public QObject
{
    Q_OBJECT

public:
    struct Dependencies
    {
        std::shared_ptr<const Clock> clock;
        /// Not null: the key lifecycle rules.
        std::shared_ptr<const KeyService> keys;
        /// Where the reloaded KeyRing goes; either may be null.
        std::shared_ptr<KeyRingHolder> keyRing;
        std::shared_ptr<JwksSource> jwks;
        /// Stores purged; a null store is skipped.
        std::shared_ptr<CodeStore> codes;
        std::shared_ptr<TokenStore> tokens;
        std::shared_ptr<SessionStore> sessions;
        std::shared_ptr<InteractionStore> interactions;
        std::shared_ptr<ThrottleStore> throttle;
        std::shared_ptr<EventStore> eventLog;
        /// When set, expired sessions are ended through it (their tokens
        /// revoked, session.ended "expired" announced, back-channel logout
        /// notified) instead of deleted from `sessions` silently.
        std::shared_ptr<const SessionTerminator> sessionEnds;
    };

    struct Options
    {
        /// Time between runs on the job's thread.
        int intervalMs = 30'000;
        /// Rows per purge statement: small, so no transaction holds the
        /// database long.
        int batchSize = 500;
        /// Pause between two batches of one purge.
        int pauseBetweenBatchesMs = 20;
        /// At most this many batches per purge and run; the rest waits for the
        /// next run, so one run never takes long.
        int maxBatchesPerRun = 200;
        /// Events older than this many days are deleted
        /// (ProviderConfig::eventRetentionDays).
        int eventRetentionDays = 90;
        /// Login failures older than this no longer count
        /// (SignInPolicy::FailureWindowSecs) and are deleted.
        int loginFailureWindowSecs = SignInPolicy::FailureWindowSecs;
    };

    /// What one run did.
    struct Report
    {
        KeyService::Changes keys;
        /// True when the KeyRing was (re)loaded and published.
        bool keyRingReloaded = false;
        /// Rows deleted per kind.
        int codes = 0;
        int tokens = 0;
        int sessions = 0;
        int interactions = 0;
        int loginFailures = 0;
        int events = 0;
        /// One line per failed step; empty when everything worked.
        QStringList errors;
    };

    MaintenanceJob(Dependencies dependencies, Options options, QObject *parent = nullptr);
    /// Stops the thread (waiting for a run in progress to finish its batch).
    ~MaintenanceJob() override;

    /// Runs every step once, on the calling thread, as of the clock's now.
    /// Any thread; runs never overlap (a second caller waits).
    Report runOnce();

    /// Starts the job's thread: a first run at once, then one every
    /// intervalMs. Idempotent. Call from the thread that owns the job.
    void start();
    /// Stops the thread after the batch in progress. Idempotent. Call from
    /// the thread that owns the job.
    void stop();
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    /// Emitted in the running thread after the KeyRing was swapped; carries
    /// the kids now published.
    void keyRingReloaded(const QStringList &publishedKids);
    /// Emitted in the running thread when a step failed.
    void failed(const QString &message);

private:
    /// Calls `step(batch)` until it deletes less than a batch, maxBatchesPerRun
    /// is reached or the job stops; returns the rows deleted.
    int purge(const QString &what, const std::function<Result<int, Error>(int)> &step,
              QStringList &errors);
    void reloadKeyRing(Report &report);

    Dependencies m_deps;
    Options m_options;
    QMutex m_runMutex;
    /// The stored key set the published KeyRing was built from.
    QByteArray m_keyFingerprint;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_stopping{false};
};

} // namespace lanyard
