// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Clock.h"
#include "core/ProviderConfig.h"

#include <memory>

namespace lanyard {

class AccountStore;
class ClientStore;
class CodeStore;
class ConsentStore;
class Database;
class EventBus;
class InteractionStore;
class KeyRingHolder;
class PasswordHasher;
class RandomSource;
class SecretHasher;
class SessionStore;
class SessionTerminator;
class ThrottleStore;
class TokenStore;

/// Everything an endpoint may use, assembled once by Provider and shared
/// read-only by every HTTP worker thread. Every member is thread-safe.
/// `config` is fixed for the life of a server run (a restart applies
/// changes); `issuer` is the effective issuer of that run.
struct ProviderServices
{
    ProviderConfig config;
    QUrl issuer;
    std::shared_ptr<const Clock> clock;
    std::shared_ptr<RandomSource> random;
    /// The database under the stores: for Database::Transaction around steps
    /// that write more than once (a grant's code redemption, family and
    /// tokens). Null only in tests that use no Sql store; steps then run
    /// without a transaction.
    std::shared_ptr<Database> database;
    std::shared_ptr<ClientStore> clients;
    std::shared_ptr<AccountStore> accounts;
    std::shared_ptr<SessionStore> sessions;
    std::shared_ptr<InteractionStore> interactions;
    std::shared_ptr<CodeStore> codes;
    std::shared_ptr<TokenStore> tokens;
    std::shared_ptr<ConsentStore> consents;
    std::shared_ptr<ThrottleStore> throttle;
    std::shared_ptr<KeyRingHolder> keys;
    std::shared_ptr<const SecretHasher> secretHasher;
    std::shared_ptr<const PasswordHasher> passwordHasher;
    /// Publishing is thread-safe; never null while serving.
    EventBus *events = nullptr;
    /// Ends OP sessions (logout, a new account on the browser): revokes
    /// their tokens, announces them, notifies back-channel logout. May be
    /// null (endpoints then only delete the session).
    std::shared_ptr<const SessionTerminator> sessionTerminator;
};

} // namespace lanyard
