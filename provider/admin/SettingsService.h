// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/AdminError.h"
#include "core/Error.h"
#include "core/ProviderConfig.h"
#include "core/Result.h"

#include <QLatin1StringView>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace lanyard {

class Database;
class EventBus;
class SettingsStore;

/// The provider's stored settings (store/SettingsKeys.h) as administrator
/// operations, for the Settings page and the command line: read them, and
/// change several in one transaction after checking each with
/// SettingsApplier (the rules a server start applies), announcing the change
/// as one admin.changed event (entity "settings", action "updated", fields:
/// the changed keys, values: their new values, null for a key returned to
/// its default). No setting is a secret (TLS key *paths* are stored, never
/// key material), so every value goes into the event.
///
/// When changes apply: every setting is read when the server starts
/// (Provider::start() builds the endpoints' ProviderServices, the HTTP
/// listener and the maintenance job from the configuration of that moment),
/// so a change reaches a running server only through a restart;
/// takesEffectOnRestart() says so per key.
///
/// A plain value holding shared, thread-safe services: copy it freely; every
/// function may be called from any thread, but reads and writes block on the
/// database, so the GUI calls them through Backend::run().
class SettingsService
{
public:
    struct Dependencies
    {
        /// For the transaction over several keys.
        std::shared_ptr<Database> database;
        std::shared_ptr<SettingsStore> settings;
        /// May be null (no events).
        EventBus *events = nullptr;
    };

    /// Keys to change: a value to store, or std::nullopt to remove the key
    /// (back to ProviderConfig's default).
    using Changes = QMap<QString, std::optional<QString>>;

    /// What update() did.
    struct Updated
    {
        /// The keys whose stored value changed, in SettingsKeys::all()
        /// order; empty when nothing did (then nothing was written or
        /// published).
        QStringList changed;
        /// True when a key of `changed` reaches a running server only
        /// through a restart.
        bool restartNeeded = false;
    };

    /// `action` of the admin.changed event.
    static constexpr QLatin1StringView ActionUpdated{"updated"};
    /// `entity` of the admin.changed event.
    static constexpr QLatin1StringView EntitySettings{"settings"};

    explicit SettingsService(Dependencies dependencies);

    /// The stored value of every known key (SettingsKeys::all()) that is
    /// set; keys other parts keep in the table are left out. Any thread.
    Result<QMap<QString, QString>, Error> stored() const;

    /// ProviderConfig's defaults with the stored settings applied: what the
    /// next server start uses (before command-line overrides). Any thread.
    Result<ProviderConfig, Error> effective() const;

    /// The problems SettingsApplier::validate() finds in the values of
    /// `changes` (removals are always fine; unknown keys are problems), each
    /// located by its key. Stateless; any thread (the GUI checks a form
    /// with it before saving).
    static ValidationProblems check(const Changes &changes);

    /// True when a change of `key` reaches a running server only through a
    /// restart (today: every known key, see the class comment).
    static bool takesEffectOnRestart(const QString &key);

    /// Applies `changes` in one transaction: every value checked as check()
    /// does, then the settings as they would be stored checked together by
    /// SettingsApplier::apply() (tls_cert and tls_key are set together or
    /// not at all). Invalid with every problem (located by key) and nothing
    /// written when a check fails. Values equal to the stored ones and
    /// removals of unset keys change nothing. Publishes one admin.changed
    /// event with `actor` when something changed. Any thread.
    Result<Updated, AdminError> update(const Changes &changes, const QString &actor) const;

private:
    Dependencies m_deps;
};

} // namespace lanyard
