// SPDX-License-Identifier: GPL-3.0-or-later
#include "grants/GrantSupport.h"

#include "events/EventBus.h"
#include "grants/TokenRequest.h"
#include "model/Client.h"
#include "store/AccountStore.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

// RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ).
bool isScopeChar(QChar c)
{
    const char16_t u = c.unicode();
    return u == 0x21 || (u >= 0x23 && u <= 0x5B) || (u >= 0x5D && u <= 0x7E);
}

} // namespace

Result<QStringList, OAuthError> GrantSupport::parseScope(const QString &value)
{
    QStringList scopes;
    // RFC 6749 §3.3: "The value of the scope parameter is expressed as a
    // list of space-delimited, case-sensitive strings."
    for (const QString &token : value.split(u' ', Qt::SkipEmptyParts)) {
        if (!std::all_of(token.begin(), token.end(), isScopeChar)) {
            return OAuthError::invalidScope(u"The scope parameter is malformed."_s,
                                            u"scope token with characters outside RFC 6749 §3.3"_s);
        }
        if (!scopes.contains(token))
            scopes.append(token);
    }
    return scopes;
}

Result<void, OAuthError> GrantSupport::requireGrantType(const Client &client,
                                                        QLatin1StringView grantType)
{
    if (!client.grantTypes.contains(grantType)) {
        return OAuthError::unauthorizedClient(
            u"The client is not allowed to use the %1 grant."_s.arg(grantType),
            u"client %1 is not registered for %2"_s.arg(client.clientId, grantType));
    }
    return {};
}

Result<Account, OAuthError> GrantSupport::activeAccount(const AccountStore &accounts,
                                                        const QString &subject)
{
    const auto found = accounts.findBySubject(subject);
    if (!found)
        return storeFailed(u"account look-up failed"_s, found.error());
    if (!found->has_value())
        return OAuthError::invalidGrant(u"The grant is no longer valid."_s, u"account deleted"_s);
    if ((*found)->disabled)
        return OAuthError::invalidGrant(u"The grant is no longer valid."_s, u"account disabled"_s);
    return **found;
}

void GrantSupport::publish(EventBus *events, QLatin1StringView type, const TokenRequest &request,
                           const QString &subject, const QJsonObject &details, bool success,
                           const QString &username)
{
    if (!events)
        return;
    Event event;
    event.type = type;
    event.success = success;
    event.clientId = request.client.clientId;
    event.subject = subject;
    event.username = username;
    event.sourceAddress = request.sourceAddress;
    event.details = details;
    events->publish(event);
}

OAuthError GrantSupport::storeFailed(const QString &what, const Error &error)
{
    return OAuthError::serverError(what + u": "_s + error.message);
}

} // namespace lanyard
