// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokens/TokenResponse.h"

#include "core/JsonWriter.h"
#include "core/Protocol.h"

namespace lanyard {

QJsonObject TokenResponse::toJson() const
{
    namespace tp = proto::token_param;
    // RFC 6749 §5.1: access_token and token_type REQUIRED, expires_in
    // RECOMMENDED, refresh_token and scope OPTIONAL; OpenID Connect Core
    // §3.1.3.3 adds id_token.
    QJsonObject json{
        {tp::AccessToken, accessToken},
        {tp::TokenType, QString(proto::token_type::Bearer)},
        {tp::ExpiresIn, expiresIn},
    };
    if (!scopes.isEmpty())
        json.insert(proto::param::Scope, scopes.join(u' '));
    if (!idToken.isEmpty())
        json.insert(tp::IdToken, idToken);
    if (!refreshToken.isEmpty())
        json.insert(tp::RefreshToken, refreshToken);
    return json;
}

QByteArray TokenResponse::toJsonBytes() const
{
    namespace tp = proto::token_param;
    // toJson()'s members in name order, as its QJsonObject holds them.
    JsonWriter json(accessToken.size() + idToken.size() + refreshToken.size() + 128);
    json.beginObject();
    json.name(tp::AccessToken).string(accessToken);
    json.name(tp::ExpiresIn).integer(expiresIn);
    if (!idToken.isEmpty())
        json.name(tp::IdToken).string(idToken);
    if (!refreshToken.isEmpty())
        json.name(tp::RefreshToken).string(refreshToken);
    if (!scopes.isEmpty())
        json.name(proto::param::Scope).string(scopes.join(u' '));
    json.name(tp::TokenType).string(proto::token_type::Bearer);
    json.endObject();
    return json.take();
}

} // namespace lanyard
