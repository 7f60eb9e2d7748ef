// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/ImportService.h"

#include "admin/AccountValidator.h"
#include "admin/ClientValidator.h"
#include "admin/JsonFieldReader.h"
#include "crypto/PasswordHasher.h"
#include "crypto/RandomSource.h"
#include "crypto/SecretHasher.h"
#include "events/EventBus.h"
#include "events/EventTypes.h"
#include "store/AccountStore.h"
#include "store/ClientStore.h"
#include "store/Database.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QtConcurrent/QtConcurrentMap>

#include <functional>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

struct PlannedClient
{
    QString path;
    ClientInput input;
    std::optional<Client> existing;
    QString newSecretHash; ///< filled when a clear-text secret must be hashed
};

struct PlannedAccount
{
    QString path;
    AccountInput input;
    std::optional<Account> existing;
    QString newPasswordHash;
};

/// Names of the members whose values differ between two JSON objects.
QStringList changedMembers(const QJsonObject &before, const QJsonObject &after)
{
    QStringList keys = before.keys() + after.keys();
    keys.removeDuplicates();
    keys.sort();
    QStringList changed;
    for (const QString &key : keys) {
        if (before.value(key) != after.value(key))
            changed.append(key);
    }
    return changed;
}

ValidationProblems storageProblem(const Error &error)
{
    return {{QString(), u"database error: %1"_s.arg(error.message)}};
}

bool isKnownSecretHashFormat(const QString &hash)
{
    return SecretHasher::isFastFormat(hash) || hash.startsWith(u"$argon2id$"_s);
}

} // namespace

ImportService::ImportService(Dependencies dependencies) : m_deps(std::move(dependencies)) {}

Result<ImportReport, ValidationProblems> ImportService::importJson(const QByteArray &json,
                                                                   const QString &actor) const
{
    ValidationProblems problems;
    ImportReport report;

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ValidationProblems{
            {QString(), u"not valid JSON: %1 at offset %2"_s.arg(parseError.errorString())
                            .arg(parseError.offset)}};
    if (!doc.isObject())
        return ValidationProblems{
            {QString(), u"the top level must be an object with \"clients\" and/or \"accounts\""_s}};

    const QJsonObject root = doc.object();
    JsonFieldReader top(root, QString(), &problems);
    const auto clientsValue = top.value(u"clients"_s);
    const auto accountsValue = top.value(u"accounts"_s);
    top.reportUnknown();
    if (clientsValue && !clientsValue->isArray())
        top.problem(u"clients"_s, u"must be an array"_s);
    if (accountsValue && !accountsValue->isArray())
        top.problem(u"accounts"_s, u"must be an array"_s);

    // 1. Read and check every client.
    QList<PlannedClient> clients;
    QHash<QString, QString> clientPaths;
    const QJsonArray clientArray = clientsValue ? clientsValue->toArray() : QJsonArray();
    for (qsizetype i = 0; i < clientArray.size(); ++i) {
        PlannedClient plan;
        plan.path = u"clients[%1]"_s.arg(i);
        if (!clientArray.at(i).isObject()) {
            problems.append({plan.path, u"must be an object"_s});
            continue;
        }
        plan.input = ClientValidator::fromJson(clientArray.at(i).toObject(), plan.path, &problems,
                                               &report.warnings);
        const QString id = plan.input.client.clientId;
        if (!id.isEmpty()) {
            if (clientPaths.contains(id)) {
                problems.append(
                    {plan.path + u".client_id"_s, u"duplicate of %1"_s.arg(clientPaths.value(id))});
            }
            clientPaths.insert(id, plan.path);
            auto found = m_deps.clients->find(id);
            if (!found)
                return storageProblem(found.error());
            plan.existing = *found;
        }
        if (plan.input.secretHash && !isKnownSecretHashFormat(*plan.input.secretHash))
            problems.append(
                {plan.path + u".client_secret_hash"_s, u"not a secret hash exported by Lanyard"_s});
        const bool keepsStoredSecret =
            plan.existing && !plan.existing->secretHash.isEmpty() && !plan.input.client.isPublic();
        const bool hasSecret = plan.input.secret || plan.input.secretHash || keepsStoredSecret;
        ClientValidator::validate(plan.input.client, hasSecret, plan.path, &problems);
        clients.append(plan);
    }

    // 2. Read and check every account.
    QList<PlannedAccount> accounts;
    QHash<QString, QString> usernamePaths;
    QHash<QString, QString> subjectPaths;
    const QJsonArray accountArray = accountsValue ? accountsValue->toArray() : QJsonArray();
    for (qsizetype i = 0; i < accountArray.size(); ++i) {
        PlannedAccount plan;
        plan.path = u"accounts[%1]"_s.arg(i);
        if (!accountArray.at(i).isObject()) {
            problems.append({plan.path, u"must be an object"_s});
            continue;
        }
        plan.input =
            AccountValidator::fromJson(accountArray.at(i).toObject(), plan.path, &problems);
        AccountValidator::validate(plan.input.account, plan.path, &problems);
        const Account &a = plan.input.account;
        if (!a.username.isEmpty()) {
            if (usernamePaths.contains(a.username))
                problems.append({plan.path + u".username"_s,
                                 u"duplicate of %1"_s.arg(usernamePaths.value(a.username))});
            usernamePaths.insert(a.username, plan.path);
        }
        if (!a.subject.isEmpty()) {
            if (subjectPaths.contains(a.subject))
                problems.append({plan.path + u".sub"_s,
                                 u"duplicate of %1"_s.arg(subjectPaths.value(a.subject))});
            subjectPaths.insert(a.subject, plan.path);
        }
        if (a.username.isEmpty()) {
            accounts.append(plan);
            continue;
        }
        auto byName = m_deps.accounts->findByUsername(a.username);
        if (!byName)
            return storageProblem(byName.error());
        if (!a.subject.isEmpty()) {
            auto bySubject = m_deps.accounts->findBySubject(a.subject);
            if (!bySubject)
                return storageProblem(bySubject.error());
            plan.existing = *bySubject;
            if (*byName && (*byName)->subject != a.subject)
                problems.append(
                    {plan.path + u".username"_s,
                     u"already used by another account (sub %1)"_s.arg((*byName)->subject)});
        } else {
            plan.existing = *byName;
        }
        accounts.append(plan);
    }

    if (!problems.isEmpty())
        return problems;

    // 3. Hash what must be hashed, in parallel and outside the transaction:
    //    Argon2id is deliberately slow.
    QList<std::function<void()>> hashJobs;
    QMutex hashProblemsMutex;
    for (PlannedClient &plan : clients) {
        if (!plan.input.secret)
            continue;
        hashJobs.append([this, &plan, &problems, &hashProblemsMutex] {
            // The same secret again keeps its hash, so re-importing a file is a no-op.
            if (plan.existing &&
                m_deps.secretHasher->verify(*plan.input.secret, plan.existing->secretHash)) {
                plan.newSecretHash = plan.existing->secretHash;
                return;
            }
            auto hashed = m_deps.secretHasher->hash(*plan.input.secret);
            QMutexLocker lock(&hashProblemsMutex);
            if (hashed)
                plan.newSecretHash = *hashed;
            else
                problems.append({plan.path + u".client_secret"_s, hashed.error().message});
        });
    }
    for (PlannedAccount &plan : accounts) {
        if (!plan.input.password)
            continue;
        hashJobs.append([this, &plan, &problems, &hashProblemsMutex] {
            if (plan.existing &&
                m_deps.passwordHasher->verify(*plan.input.password, plan.existing->passwordHash)) {
                plan.newPasswordHash = plan.existing->passwordHash;
                return;
            }
            auto hashed = m_deps.passwordHasher->hash(*plan.input.password);
            QMutexLocker lock(&hashProblemsMutex);
            if (hashed)
                plan.newPasswordHash = *hashed;
            else
                problems.append({plan.path + u".password"_s, hashed.error().message});
        });
    }
    QtConcurrent::blockingMap(hashJobs, [](const std::function<void()> &job) { job(); });
    if (!problems.isEmpty())
        return problems;

    // 4. Apply everything in one transaction.
    Database::Transaction transaction(*m_deps.database);
    if (!transaction.isActive())
        return storageProblem(transaction.error());

    for (PlannedClient &plan : clients) {
        Client next = plan.input.client;
        if (plan.input.secretHash)
            next.secretHash = *plan.input.secretHash;
        else if (plan.input.secret)
            next.secretHash = plan.newSecretHash;
        else if (plan.existing && !next.isPublic())
            next.secretHash = plan.existing->secretHash;
        ImportChange change{
            ImportChange::Entity::Client, ImportChange::Action::Created, next.clientId, {}};
        if (plan.existing) {
            next.createdAt = plan.existing->createdAt;
            change.fields = changedMembers(ClientValidator::toJson(*plan.existing, true),
                                           ClientValidator::toJson(next, true));
            change.fields.replaceInStrings(u"client_secret_hash"_s, u"client_secret"_s);
            change.action = change.fields.isEmpty() ? ImportChange::Action::Unchanged
                                                    : ImportChange::Action::Updated;
        }
        if (change.action != ImportChange::Action::Unchanged) {
            if (auto saved = m_deps.clients->save(next); !saved)
                return storageProblem(saved.error());
        }
        report.changes.append(change);
    }

    for (PlannedAccount &plan : accounts) {
        Account next = plan.input.account;
        if (plan.input.passwordHash)
            next.passwordHash = *plan.input.passwordHash;
        else if (plan.input.password)
            next.passwordHash = plan.newPasswordHash;
        else if (plan.existing)
            next.passwordHash = plan.existing->passwordHash;
        if (next.subject.isEmpty())
            next.subject = plan.existing ? plan.existing->subject : m_deps.random->token(16);
        ImportChange change{
            ImportChange::Entity::Account, ImportChange::Action::Created, next.username, {}};
        if (plan.existing) {
            next.createdAt = plan.existing->createdAt;
            next.lastLoginAt = plan.existing->lastLoginAt;
            change.fields = changedMembers(AccountValidator::toJson(*plan.existing, true),
                                           AccountValidator::toJson(next, true));
            change.fields.replaceInStrings(u"password_hash"_s, u"password"_s);
            change.action = change.fields.isEmpty() ? ImportChange::Action::Unchanged
                                                    : ImportChange::Action::Updated;
        }
        if (change.action != ImportChange::Action::Unchanged) {
            if (auto saved = m_deps.accounts->save(next); !saved)
                return storageProblem(saved.error());
        }
        report.changes.append(change);
    }

    if (auto committed = transaction.commit(); !committed)
        return storageProblem(committed.error());

    // 5. Announce what changed, now that it is true.
    if (m_deps.events) {
        for (const ImportChange &change : std::as_const(report.changes)) {
            if (change.action == ImportChange::Action::Unchanged)
                continue;
            Event event;
            event.type = event_type::AdminChanged;
            const bool isClient = change.entity == ImportChange::Entity::Client;
            if (isClient)
                event.clientId = change.id;
            else
                event.username = change.id;
            event.details = {
                {u"actor"_s, actor},
                {u"entity"_s, isClient ? u"client"_s : u"account"_s},
                {u"action"_s,
                 change.action == ImportChange::Action::Created ? u"created"_s : u"updated"_s},
                {u"fields"_s, QJsonArray::fromStringList(change.fields)},
            };
            m_deps.events->publish(event);
        }
    }
    return report;
}

} // namespace lanyard
