// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/AuthorizationRequest.h"

#include "core/Protocol.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

namespace param = proto::param;

// Not a wire parameter: the verified subject of the id_token_hint.
constexpr QLatin1StringView IdTokenHintSub{"id_token_hint_sub"};

void insertIfSet(QJsonObject &json, QLatin1StringView name, const QString &value)
{
    if (!value.isEmpty())
        json.insert(name, value);
}

QStringList splitSpaces(const QString &value)
{
    return value.split(u' ', Qt::SkipEmptyParts);
}

} // namespace

QJsonObject AuthorizationRequest::toJson() const
{
    QJsonObject json;
    insertIfSet(json, param::ClientId, clientId);
    insertIfSet(json, param::RedirectUri, redirectUri);
    insertIfSet(json, param::ResponseMode, responseMode);
    insertIfSet(json, param::State, state);
    insertIfSet(json, param::Nonce, nonce);
    insertIfSet(json, param::Scope, scopes.join(u' '));
    insertIfSet(json, param::CodeChallenge, codeChallenge);
    insertIfSet(json, param::CodeChallengeMethod, codeChallengeMethod);
    insertIfSet(json, param::Prompt, prompts.join(u' '));
    if (maxAge >= 0)
        json.insert(param::MaxAge, maxAge);
    insertIfSet(json, IdTokenHintSub, idTokenHintSubject);
    insertIfSet(json, param::LoginHint, loginHint);
    insertIfSet(json, param::UiLocales, uiLocales);
    insertIfSet(json, param::ClaimsLocales, claimsLocales);
    insertIfSet(json, param::AcrValues, acrValues);
    return json;
}

AuthorizationRequest AuthorizationRequest::fromJson(const QJsonObject &json)
{
    AuthorizationRequest request;
    request.clientId = json.value(param::ClientId).toString();
    request.redirectUri = json.value(param::RedirectUri).toString();
    request.responseMode = json.value(param::ResponseMode).toString();
    request.state = json.value(param::State).toString();
    request.nonce = json.value(param::Nonce).toString();
    request.scopes = splitSpaces(json.value(param::Scope).toString());
    request.codeChallenge = json.value(param::CodeChallenge).toString();
    request.codeChallengeMethod = json.value(param::CodeChallengeMethod).toString();
    request.prompts = splitSpaces(json.value(param::Prompt).toString());
    const QJsonValue maxAge = json.value(param::MaxAge);
    request.maxAge = maxAge.isDouble() ? maxAge.toInteger(-1) : -1;
    request.idTokenHintSubject = json.value(IdTokenHintSub).toString();
    request.loginHint = json.value(param::LoginHint).toString();
    request.uiLocales = json.value(param::UiLocales).toString();
    request.claimsLocales = json.value(param::ClaimsLocales).toString();
    request.acrValues = json.value(param::AcrValues).toString();
    return request;
}

} // namespace lanyard
