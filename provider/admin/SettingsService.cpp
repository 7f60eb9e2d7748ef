// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/SettingsService.h"

#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "store/Database.h"
#include "store/SettingsApplier.h"
#include "store/SettingsKeys.h"
#include "store/SettingsStore.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

/// SettingsApplier's messages start with the key ("listen_port: ..."):
/// located by it, without repeating it.
ValidationProblem problemFrom(const QString &key, const QString &message)
{
    const QString prefix = key + u": "_s;
    return {key, message.startsWith(prefix) ? message.mid(prefix.size()) : message};
}

/// `message` of SettingsApplier::apply() located by the key it starts with.
ValidationProblem problemFrom(const QString &message)
{
    const QStringList keys = SettingsKeys::all();
    for (const QString &key : keys) {
        if (message.startsWith(key + u": "_s))
            return problemFrom(key, message);
    }
    return {QString(), message};
}

} // namespace

SettingsService::SettingsService(Dependencies dependencies) : m_deps(std::move(dependencies)) {}

Result<QMap<QString, QString>, Error> SettingsService::stored() const
{
    auto all = m_deps.settings->all();
    if (!all)
        return all.error();
    QMap<QString, QString> known;
    const QStringList keys = SettingsKeys::all();
    for (const QString &key : keys) {
        const auto it = all->constFind(key);
        if (it != all->constEnd())
            known.insert(key, it.value());
    }
    return known;
}

Result<ProviderConfig, Error> SettingsService::effective() const
{
    auto all = m_deps.settings->all();
    if (!all)
        return all.error();
    return SettingsApplier::apply(*all, ProviderConfig{});
}

ValidationProblems SettingsService::check(const Changes &changes)
{
    ValidationProblems problems;
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        if (!SettingsKeys::all().contains(it.key())) {
            problems.append({it.key(), u"unknown setting"_s});
            continue;
        }
        if (!it.value())
            continue;
        if (auto valid = SettingsApplier::validate(it.key(), *it.value()); !valid)
            problems.append(problemFrom(it.key(), valid.error().message));
    }
    return problems;
}

bool SettingsService::takesEffectOnRestart(const QString &key)
{
    // Provider::start() copies the whole configuration into what serves
    // (issuer and endpoints, listener and TLS, lifetimes in the grants, the
    // JWKS max-age, the maintenance job's retention and rotation schedule);
    // nothing re-reads the settings while the server runs.
    return SettingsKeys::all().contains(key);
}

Result<SettingsService::Updated, AdminError> SettingsService::update(const Changes &changes,
                                                                     const QString &actor) const
{
    if (ValidationProblems problems = check(changes); !problems.isEmpty())
        return AdminError(problems);

    Updated updated;
    QJsonObject values;
    {
        Database::Transaction transaction(*m_deps.database);
        if (!transaction.isActive())
            return AdminError(transaction.error());
        auto current = m_deps.settings->all();
        if (!current)
            return AdminError(current.error());

        QMap<QString, QString> next = *current;
        for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
            if (it.value())
                next.insert(it.key(), *it.value());
            else
                next.remove(it.key());
        }
        // The combination, as the next start will read it.
        if (auto config = SettingsApplier::apply(next, ProviderConfig{}); !config)
            return AdminError(ValidationProblems{problemFrom(config.error().message)});

        const QStringList keys = SettingsKeys::all();
        for (const QString &key : keys) {
            const auto change = changes.constFind(key);
            if (change == changes.constEnd())
                continue;
            const std::optional<QString> before =
                current->contains(key) ? std::optional<QString>(current->value(key)) : std::nullopt;
            if (before == change.value())
                continue;
            if (change.value()) {
                if (auto saved = m_deps.settings->set(key, *change.value()); !saved)
                    return AdminError(saved.error());
                values.insert(key, *change.value());
            } else {
                if (auto removed = m_deps.settings->unset(key); !removed)
                    return AdminError(removed.error());
                values.insert(key, QJsonValue::Null);
            }
            updated.changed.append(key);
            updated.restartNeeded = updated.restartNeeded || takesEffectOnRestart(key);
        }
        if (updated.changed.isEmpty())
            return updated;
        if (auto committed = transaction.commit(); !committed)
            return AdminError(committed.error());
    }

    if (m_deps.events) {
        Event event;
        event.type = event_type::AdminChanged;
        event.details = {
            {u"actor"_s, actor},
            {u"entity"_s, QString(EntitySettings)},
            {u"action"_s, QString(ActionUpdated)},
            {u"fields"_s, QJsonArray::fromStringList(updated.changed)},
            // Paths and numbers only: no setting holds a secret.
            {u"values"_s, values},
        };
        m_deps.events->publish(event);
    }
    return updated;
}

} // namespace lanyard
