// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/ClientValidator.h"

#include "admin/JsonFieldReader.h"
#include "auth/RedirectUriPolicy.h"
#include "core/Protocol.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

constexpr int MaxLifetimeSecs = 365 * 24 * 3600;

const QStringList &supportedGrantTypes()
{
    static const QStringList list{proto::grant::AuthorizationCode, proto::grant::RefreshToken,
                                  proto::grant::ClientCredentials};
    return list;
}

const QStringList &supportedAuthMethods()
{
    static const QStringList list{proto::auth_method::ClientSecretBasic,
                                  proto::auth_method::ClientSecretPost, proto::auth_method::None};
    return list;
}

const QStringList &supportedSigningAlgs()
{
    static const QStringList list{proto::alg::RS256, proto::alg::PS256, proto::alg::ES256,
                                  proto::alg::EdDSA};
    return list;
}

// RFC 6749 Appendix A.1: client_id = *VSCHAR (%x20-7E). We also refuse
// spaces so ids survive being pasted into configuration files.
bool isValidClientId(const QString &id)
{
    if (id.isEmpty() || id.size() > 255)
        return false;
    for (const QChar c : id) {
        if (c.unicode() <= 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

// RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
bool isValidScopeToken(const QString &token)
{
    if (token.isEmpty())
        return false;
    for (const QChar c : token) {
        const char16_t u = c.unicode();
        if (u < 0x21 || u > 0x7e || u == 0x22 || u == 0x5c)
            return false;
    }
    return true;
}

void checkUris(const QStringList &uris, const QString &path, ValidationProblems *problems)
{
    for (qsizetype i = 0; i < uris.size(); ++i) {
        const QString reason = RedirectUriPolicy::registrationProblem(uris.at(i));
        if (!reason.isEmpty())
            problems->append({u"%1[%2]"_s.arg(path).arg(i), reason});
        else if (uris.indexOf(uris.at(i)) < i)
            problems->append({u"%1[%2]"_s.arg(path).arg(i), u"listed twice"_s});
    }
}

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

} // namespace

ClientInput ClientValidator::fromJson(const QJsonObject &json, const QString &path,
                                      ValidationProblems *problems, ValidationProblems *warnings)
{
    ClientInput input;
    Client &c = input.client;
    JsonFieldReader r(json, path, problems);

    if (const auto id = r.string(u"client_id"_s))
        c.clientId = *id;
    if (const auto name = r.string(u"client_name"_s))
        c.clientName = *name;
    input.secret = r.string(u"client_secret"_s);
    input.secretHash = r.string(u"client_secret_hash"_s);
    if (const auto v = r.stringList(u"redirect_uris"_s))
        c.redirectUris = *v;
    else
        c.redirectUris.clear();
    if (const auto v = r.stringList(u"post_logout_redirect_uris"_s))
        c.postLogoutRedirectUris = *v;
    // RFC 7591 §2: grant_types defaults to authorization_code, response_types to code.
    if (const auto v = r.stringList(u"grant_types"_s))
        c.grantTypes = *v;
    if (const auto v = r.stringList(u"response_types"_s))
        c.responseTypes = *v;
    // RFC 7591 §2: "If unspecified or omitted, the default is client_secret_basic".
    if (const auto v = r.string(u"token_endpoint_auth_method"_s))
        c.tokenEndpointAuthMethod = *v;
    if (const auto v = r.string(u"scope"_s))
        c.scopes = v->split(u' ', Qt::SkipEmptyParts);
    if (const auto v = r.boolean(u"require_pkce"_s))
        c.requirePkce = *v;
    if (const auto v = r.boolean(u"require_consent"_s))
        c.requireConsent = *v;
    if (const auto v = r.string(u"id_token_signed_response_alg"_s))
        c.idTokenSignedResponseAlg = *v;
    if (const auto v = r.string(u"access_token_format"_s)) {
        if (*v == u"jwt"_s || *v == u"opaque"_s)
            c.opaqueAccessTokens = (*v == u"opaque"_s);
        else
            r.problem(u"access_token_format"_s, u"must be \"jwt\" or \"opaque\""_s);
    }
    if (const auto v = r.boolean(u"rotate_refresh_tokens"_s))
        c.rotateRefreshTokens = *v;
    if (const auto v = r.integer(u"access_token_lifetime"_s, 0, MaxLifetimeSecs))
        c.accessTokenLifetimeSecs = *v;
    if (const auto v = r.integer(u"id_token_lifetime"_s, 0, MaxLifetimeSecs))
        c.idTokenLifetimeSecs = *v;
    if (const auto v = r.integer(u"refresh_token_lifetime"_s, 0, MaxLifetimeSecs))
        c.refreshTokenLifetimeSecs = *v;
    if (const auto v = r.string(u"backchannel_logout_uri"_s))
        c.backchannelLogoutUri = *v;
    if (const auto v = r.boolean(u"backchannel_logout_session_required"_s))
        c.backchannelLogoutSessionRequired = *v;
    if (const auto v = r.boolean(u"resource_server"_s))
        c.resourceServer = *v;
    r.reportUnknown();

    if (!r.has(u"client_id"_s))
        r.problem(u"client_id"_s, u"required"_s);
    if (input.secret && input.secretHash)
        r.problem(u"client_secret_hash"_s, u"give client_secret or client_secret_hash, not both"_s);
    if (input.secret && input.secret->isEmpty())
        r.problem(u"client_secret"_s, u"must not be empty"_s);
    else if (input.secret && input.secret->size() < RecommendedSecretLength)
        warnings->append(
            {r.pathOf(u"client_secret"_s),
             u"shorter than %1 characters; consider rotating it"_s.arg(RecommendedSecretLength)});
    return input;
}

void ClientValidator::validate(const Client &c, bool hasSecret, const QString &path,
                               ValidationProblems *problems)
{
    auto add = [&](const QString &key, const QString &message) {
        problems->append({join(path, key), message});
    };

    if (!c.clientId.isEmpty() && !isValidClientId(c.clientId))
        add(u"client_id"_s, u"must be 1-255 printable ASCII characters without spaces"_s);

    if (!supportedAuthMethods().contains(c.tokenEndpointAuthMethod))
        add(u"token_endpoint_auth_method"_s,
            u"must be one of %1"_s.arg(supportedAuthMethods().join(u", "_s)));
    else if (c.isPublic() && hasSecret)
        add(u"client_secret"_s,
            u"a public client (token_endpoint_auth_method \"none\") has no secret"_s);
    else if (!c.isPublic() && !hasSecret)
        add(u"client_secret"_s, u"required for %1"_s.arg(c.tokenEndpointAuthMethod));

    for (qsizetype i = 0; i < c.grantTypes.size(); ++i) {
        if (!supportedGrantTypes().contains(c.grantTypes.at(i)))
            add(u"grant_types[%1]"_s.arg(i),
                u"unsupported grant type \"%1\""_s.arg(c.grantTypes.at(i)));
    }
    for (qsizetype i = 0; i < c.responseTypes.size(); ++i) {
        if (c.responseTypes.at(i) != proto::response_type::Code)
            add(u"response_types[%1]"_s.arg(i),
                u"unsupported response type \"%1\"; only \"code\" is supported"_s.arg(
                    c.responseTypes.at(i)));
    }

    const bool codeGrant = c.grantTypes.contains(proto::grant::AuthorizationCode);
    const bool codeResponse = c.responseTypes.contains(proto::response_type::Code);
    // RFC 7591 §2.1: response type "code" goes with grant type authorization_code.
    if (codeGrant && !codeResponse)
        add(u"response_types"_s,
            u"must contain \"code\" when grant_types has authorization_code"_s);
    if (codeResponse && !codeGrant)
        add(u"grant_types"_s,
            u"must contain authorization_code when response_types has \"code\""_s);
    if (c.grantTypes.contains(proto::grant::RefreshToken) && !codeGrant)
        add(u"grant_types"_s, u"refresh_token needs authorization_code"_s);
    if (c.grantTypes.isEmpty())
        add(u"grant_types"_s, u"must not be empty"_s);
    if (c.grantTypes.contains(proto::grant::ClientCredentials) && c.isPublic())
        add(u"grant_types"_s, u"client_credentials needs a confidential client"_s);

    checkUris(c.redirectUris, join(path, u"redirect_uris"_s), problems);
    if (codeGrant && c.redirectUris.isEmpty())
        add(u"redirect_uris"_s, u"required for the authorization_code grant"_s);
    checkUris(c.postLogoutRedirectUris, join(path, u"post_logout_redirect_uris"_s), problems);

    for (const QString &scope : c.scopes) {
        if (!isValidScopeToken(scope)) {
            add(u"scope"_s, u"\"%1\" is not a valid scope token"_s.arg(scope));
            break;
        }
    }
    if (!c.requirePkce && c.isPublic())
        add(u"require_pkce"_s, u"a public client must use PKCE"_s);
    // RFC 7662 §2.1: the introspection endpoint requires client
    // authentication; a public client has nothing to authenticate with.
    if (c.resourceServer && c.isPublic())
        add(u"resource_server"_s, u"a resource server must be a confidential client"_s);
    if (!supportedSigningAlgs().contains(c.idTokenSignedResponseAlg))
        add(u"id_token_signed_response_alg"_s,
            u"must be one of %1"_s.arg(supportedSigningAlgs().join(u", "_s)));
    if (!c.backchannelLogoutUri.isEmpty()) {
        // Back-Channel Logout 1.0 §2.2: an absolute URL, https or (RFC 8252
        // §8.3) http on loopback, that "MUST NOT include a fragment".
        const QString reason = RedirectUriPolicy::registrationProblem(c.backchannelLogoutUri);
        const QString scheme = QUrl(c.backchannelLogoutUri).scheme().toLower();
        if (!reason.isEmpty())
            add(u"backchannel_logout_uri"_s, reason);
        else if (scheme != u"https"_s && scheme != u"http"_s)
            add(u"backchannel_logout_uri"_s, u"must be an https URL"_s);
    }
}

QJsonObject ClientValidator::toJson(const Client &c, bool withSecretHash)
{
    QJsonObject json{
        {u"client_id"_s, c.clientId},
        {u"redirect_uris"_s, QJsonArray::fromStringList(c.redirectUris)},
        {u"grant_types"_s, QJsonArray::fromStringList(c.grantTypes)},
        {u"response_types"_s, QJsonArray::fromStringList(c.responseTypes)},
        {u"token_endpoint_auth_method"_s, c.tokenEndpointAuthMethod},
        {u"scope"_s, c.scopes.join(u' ')},
        {u"require_pkce"_s, c.requirePkce},
        {u"require_consent"_s, c.requireConsent},
        {u"id_token_signed_response_alg"_s, c.idTokenSignedResponseAlg},
        {u"access_token_format"_s, c.opaqueAccessTokens ? u"opaque"_s : u"jwt"_s},
        {u"rotate_refresh_tokens"_s, c.rotateRefreshTokens},
    };
    if (!c.clientName.isEmpty())
        json.insert(u"client_name"_s, c.clientName);
    if (!c.postLogoutRedirectUris.isEmpty())
        json.insert(u"post_logout_redirect_uris"_s,
                    QJsonArray::fromStringList(c.postLogoutRedirectUris));
    if (c.accessTokenLifetimeSecs > 0)
        json.insert(u"access_token_lifetime"_s, c.accessTokenLifetimeSecs);
    if (c.idTokenLifetimeSecs > 0)
        json.insert(u"id_token_lifetime"_s, c.idTokenLifetimeSecs);
    if (c.refreshTokenLifetimeSecs > 0)
        json.insert(u"refresh_token_lifetime"_s, c.refreshTokenLifetimeSecs);
    if (!c.backchannelLogoutUri.isEmpty()) {
        json.insert(u"backchannel_logout_uri"_s, c.backchannelLogoutUri);
        json.insert(u"backchannel_logout_session_required"_s, c.backchannelLogoutSessionRequired);
    }
    if (c.resourceServer)
        json.insert(u"resource_server"_s, true);
    if (withSecretHash && !c.secretHash.isEmpty())
        json.insert(u"client_secret_hash"_s, c.secretHash);
    return json;
}

} // namespace lanyard
