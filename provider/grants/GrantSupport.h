// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/OAuthError.h"
#include "core/Result.h"
#include "model/Account.h"

#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

namespace lanyard {

class AccountStore;
class EventBus;
struct Client;
struct TokenRequest;

/// Checks and chores every grant shares. Stateless; any thread.
class GrantSupport
{
public:
    /// RFC 6749 §3.3 `scope`: space-delimited scope-tokens of
    /// %x21 / %x23-5B / %x5D-7E, repeats dropped, order kept. invalid_scope
    /// for a token with other characters. Empty value: empty list.
    static Result<QStringList, OAuthError> parseScope(const QString &value);

    /// unauthorized_client unless `client` is registered for `grantType`
    /// (RFC 6749 §5.2: "The authenticated client is not authorized to use
    /// this authorization grant type.").
    static Result<void, OAuthError> requireGrantType(const Client &client,
                                                     QLatin1StringView grantType);

    /// The account the grant is about, if it still exists and is enabled;
    /// invalid_grant otherwise (its tokens must stop working with it).
    static Result<Account, OAuthError> activeAccount(const AccountStore &accounts,
                                                     const QString &subject);

    /// Publishes an event of `type` stamped with the request's client and
    /// source address. Never pass a token or code in `details`.
    static void publish(EventBus *events, QLatin1StringView type, const TokenRequest &request,
                        const QString &subject, const QJsonObject &details, bool success,
                        const QString &username = {});

    /// server_error carrying `what` and the store's message (log only).
    static OAuthError storeFailed(const QString &what, const Error &error);
};

} // namespace lanyard
