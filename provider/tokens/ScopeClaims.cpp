// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokens/ScopeClaims.h"

#include "core/Protocol.h"
#include "model/Account.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

const QString PreferredUsername = u"preferred_username"_s;
const QString UpdatedAt = u"updated_at"_s;

} // namespace

QStringList ScopeClaims::claimsFor(const QString &scope)
{
    namespace s = proto::scope;
    // OpenID Connect Core §5.4: "profile OPTIONAL. This scope value requests
    // access to the End-User's default profile Claims, which are: name,
    // family_name, given_name, middle_name, nickname, preferred_username,
    // profile, picture, website, gender, birthdate, zoneinfo, locale, and
    // updated_at."
    if (scope == s::Profile) {
        return {u"name"_s,     u"family_name"_s,  u"given_name"_s, u"middle_name"_s,
                u"nickname"_s, PreferredUsername, u"profile"_s,    u"picture"_s,
                u"website"_s,  u"gender"_s,       u"birthdate"_s,  u"zoneinfo"_s,
                u"locale"_s,   UpdatedAt};
    }
    // "email OPTIONAL. This scope value requests access to the email and
    // email_verified Claims."
    if (scope == s::Email)
        return {u"email"_s, u"email_verified"_s};
    // "address OPTIONAL. This scope value requests access to the address Claim."
    if (scope == s::Address)
        return {u"address"_s};
    // "phone OPTIONAL. This scope value requests access to the phone_number
    // and phone_number_verified Claims."
    if (scope == s::Phone)
        return {u"phone_number"_s, u"phone_number_verified"_s};
    if (scope == s::Groups)
        return {u"groups"_s};
    return {};
}

QStringList ScopeClaims::supportedClaims()
{
    namespace s = proto::scope;
    QStringList claims{u"sub"_s};
    for (const QLatin1StringView scope : {s::Profile, s::Email, s::Address, s::Phone, s::Groups})
        claims.append(claimsFor(scope));
    return claims;
}

QJsonObject ScopeClaims::release(const Account &account, const QStringList &scopes)
{
    QJsonObject released;
    for (const QString &scope : scopes) {
        for (const QString &name : claimsFor(scope)) {
            const QJsonValue value = account.claims.value(name);
            if (!value.isUndefined() && !value.isNull()) {
                released.insert(name, value);
            } else if (name == PreferredUsername && !account.username.isEmpty()) {
                released.insert(name, account.username);
            } else if (name == UpdatedAt && account.updatedAt.isValid()) {
                // §5.1: "updated_at ... number of seconds from
                // 1970-01-01T00:00:00Z as measured in UTC".
                released.insert(name, account.updatedAt.toSecsSinceEpoch());
            }
        }
    }
    // §5.3.2: "The sub (subject) Claim MUST always be returned in the
    // UserInfo Response."
    released.insert(u"sub"_s, account.subject);
    return released;
}

} // namespace lanyard
