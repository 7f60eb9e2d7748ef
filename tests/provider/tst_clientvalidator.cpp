// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/ClientValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

namespace {

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QStringList problemsOf(const QJsonObject &json)
{
    ValidationProblems problems;
    ValidationProblems warnings;
    const ClientInput input =
        ClientValidator::fromJson(json, u"clients[0]"_s, &problems, &warnings);
    ClientValidator::validate(input.client, input.secret || input.secretHash, u"clients[0]"_s,
                              &problems);
    QStringList out;
    for (const auto &p : problems)
        out.append(p.toString());
    return out;
}

} // namespace

class TestClientValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contractExampleIsValid();
    void rules_data();
    void rules();
    void shortSecretWarnsOnly();
    void jsonRoundTrip();
};

void TestClientValidator::contractExampleIsValid()
{
    const auto json = parse(R"({
      "client_id": "app1", "client_secret": "s3cret", "client_name": "Intranet",
      "redirect_uris": ["https://app1.example/callback"],
      "post_logout_redirect_uris": ["https://app1.example/"],
      "grant_types": ["authorization_code", "refresh_token"],
      "response_types": ["code"],
      "token_endpoint_auth_method": "client_secret_basic",
      "scope": "openid profile email offline_access"})");
    QCOMPARE(problemsOf(json), QStringList());
}

void TestClientValidator::rules_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    auto row = [](const char *name, const char *json, const char *expected) {
        QTest::newRow(name) << QByteArray(json) << QString::fromUtf8(expected);
    };
    row("missing client_id", R"({"client_secret":"x","redirect_uris":["https://a.example/cb"]})",
        "clients[0].client_id: required");
    row("fragment",
        R"({"client_id":"a","client_secret":"x","redirect_uris":["https://a.example/cb#f"]})",
        "clients[0].redirect_uris[0]: fragment not allowed");
    row("http remote",
        R"({"client_id":"a","client_secret":"x","redirect_uris":["http://a.example/cb"]})",
        "clients[0].redirect_uris[0]: http is allowed only for loopback addresses; use https");
    row("duplicate uri",
        R"({"client_id":"a","client_secret":"x","redirect_uris":["https://a.example/cb","https://a.example/cb"]})",
        "clients[0].redirect_uris[1]: listed twice");
    row("secret missing", R"({"client_id":"a","redirect_uris":["https://a.example/cb"]})",
        "clients[0].client_secret: required for client_secret_basic");
    row("public with secret",
        R"({"client_id":"a","client_secret":"x","token_endpoint_auth_method":"none","redirect_uris":["https://a.example/cb"]})",
        "clients[0].client_secret: a public client (token_endpoint_auth_method \"none\") has no "
        "secret");
    row("unknown auth method",
        R"({"client_id":"a","client_secret":"x","token_endpoint_auth_method":"client_secret_jwt","redirect_uris":["https://a.example/cb"]})",
        "clients[0].token_endpoint_auth_method: must be one of client_secret_basic, "
        "client_secret_post, none");
    row("code without grant",
        R"({"client_id":"a","client_secret":"x","grant_types":["client_credentials"],"response_types":["code"]})",
        "clients[0].grant_types: must contain authorization_code when response_types has \"code\"");
    row("grant without code",
        R"({"client_id":"a","client_secret":"x","grant_types":["authorization_code"],"response_types":[],"redirect_uris":["https://a.example/cb"]})",
        "clients[0].response_types: must contain \"code\" when grant_types has authorization_code");
    row("implicit",
        R"({"client_id":"a","client_secret":"x","response_types":["code","token"],"redirect_uris":["https://a.example/cb"]})",
        "clients[0].response_types[1]: unsupported response type \"token\"; only \"code\" is "
        "supported");
    row("unknown grant",
        R"({"client_id":"a","client_secret":"x","grant_types":["password"],"response_types":[]})",
        "clients[0].grant_types[0]: unsupported grant type \"password\"");
    row("no redirect for code", R"({"client_id":"a","client_secret":"x"})",
        "clients[0].redirect_uris: required for the authorization_code grant");
    row("misspelt member",
        R"({"client_id":"a","client_secret":"x","redirect_uri":["https://a.example/cb"],"redirect_uris":["https://a.example/cb"]})",
        "clients[0].redirect_uri: unknown field");
    row("wrong type",
        R"({"client_id":"a","client_secret":"x","redirect_uris":"https://a.example/cb"})",
        "clients[0].redirect_uris: must be an array of strings");
    row("non-string element", R"({"client_id":"a","client_secret":"x","redirect_uris":[42]})",
        "clients[0].redirect_uris[0]: must be a string");
    row("client_id with space",
        R"({"client_id":"a b","client_secret":"x","redirect_uris":["https://a.example/cb"]})",
        "clients[0].client_id: must be 1-255 printable ASCII characters without spaces");
    row("public without pkce",
        R"({"client_id":"a","token_endpoint_auth_method":"none","require_pkce":false,"redirect_uris":["https://a.example/cb"]})",
        "clients[0].require_pkce: a public client must use PKCE");
    row("public client_credentials",
        R"({"client_id":"a","token_endpoint_auth_method":"none","grant_types":["client_credentials"],"response_types":[]})",
        "clients[0].grant_types: client_credentials needs a confidential client");
    row("bad alg",
        R"({"client_id":"a","client_secret":"x","id_token_signed_response_alg":"none","redirect_uris":["https://a.example/cb"]})",
        "clients[0].id_token_signed_response_alg: must be one of RS256, PS256, ES256, EdDSA");
    row("bad scope",
        R"({"client_id":"a","client_secret":"x","scope":"openid pro\"file","redirect_uris":["https://a.example/cb"]})",
        "clients[0].scope: \"pro\"file\" is not a valid scope token");
    row("empty secret",
        R"({"client_id":"a","client_secret":"","redirect_uris":["https://a.example/cb"]})",
        "clients[0].client_secret: must not be empty");
    row("lifetime out of range",
        R"({"client_id":"a","client_secret":"x","access_token_lifetime":-5,"redirect_uris":["https://a.example/cb"]})",
        "clients[0].access_token_lifetime: must be a whole number from 0 to 31536000");
    // Back-Channel Logout 1.0 §2.2.
    row("backchannel uri with fragment",
        R"({"client_id":"a","client_secret":"x","redirect_uris":["https://a.example/cb"],"backchannel_logout_uri":"https://a.example/bcl#x"})",
        "clients[0].backchannel_logout_uri: fragment not allowed");
    row("backchannel uri over http to a remote host",
        R"({"client_id":"a","client_secret":"x","redirect_uris":["https://a.example/cb"],"backchannel_logout_uri":"http://a.example/bcl"})",
        "clients[0].backchannel_logout_uri: http is allowed only for loopback addresses; use "
        "https");
    row("backchannel uri with a private-use scheme",
        R"({"client_id":"a","client_secret":"x","redirect_uris":["https://a.example/cb"],"backchannel_logout_uri":"com.example.app:/bcl"})",
        "clients[0].backchannel_logout_uri: must be an https URL");
    row("backchannel uri relative",
        R"({"client_id":"a","client_secret":"x","redirect_uris":["https://a.example/cb"],"backchannel_logout_uri":"/bcl"})",
        "clients[0].backchannel_logout_uri: must be an absolute URI");
    row("backchannel uri not a string",
        R"({"client_id":"a","client_secret":"x","redirect_uris":["https://a.example/cb"],"backchannel_logout_uri":["https://a.example/bcl"]})",
        "clients[0].backchannel_logout_uri: must be a string");
    row("backchannel session flag not a boolean",
        R"({"client_id":"a","client_secret":"x","redirect_uris":["https://a.example/cb"],"backchannel_logout_session_required":"yes"})",
        "clients[0].backchannel_logout_session_required: must be true or false");
    // RFC 7662 §2.1: introspection needs an authenticated client.
    row("public resource server",
        R"({"client_id":"a","token_endpoint_auth_method":"none","resource_server":true,"redirect_uris":["https://a.example/cb"]})",
        "clients[0].resource_server: a resource server must be a confidential client");
    row("resource server flag not a boolean",
        R"({"client_id":"a","client_secret":"x","resource_server":"yes","redirect_uris":["https://a.example/cb"]})",
        "clients[0].resource_server: must be true or false");
    row("refresh without code",
        R"({"client_id":"a","client_secret":"x","grant_types":["client_credentials","refresh_token"],"response_types":[]})",
        "clients[0].grant_types: refresh_token needs authorization_code");
}

void TestClientValidator::rules()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const QStringList problems = problemsOf(QJsonDocument::fromJson(json).object());
    QVERIFY2(problems.contains(expected), qPrintable(problems.join(u" | "_s)));
}

void TestClientValidator::shortSecretWarnsOnly()
{
    ValidationProblems problems;
    ValidationProblems warnings;
    ClientValidator::fromJson(
        parse(
            R"({"client_id":"svc","client_secret":"abc","grant_types":["client_credentials"],"response_types":[]})"),
        u"clients[0]"_s, &problems, &warnings);
    QCOMPARE(problems.size(), 0);
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.first().path, u"clients[0].client_secret"_s);
}

void TestClientValidator::jsonRoundTrip()
{
    Client c;
    c.clientId = u"app"_s;
    c.clientName = u"App"_s;
    c.secretHash = u"$lanyard-hs256$x$y"_s;
    c.redirectUris = {u"https://app.example/cb"_s};
    c.postLogoutRedirectUris = {u"https://app.example/"_s};
    c.grantTypes = {u"authorization_code"_s, u"refresh_token"_s};
    c.scopes = {u"openid"_s, u"offline_access"_s};
    c.requireConsent = true;
    c.idTokenSignedResponseAlg = u"ES256"_s;
    c.opaqueAccessTokens = true;
    c.accessTokenLifetimeSecs = 600;
    c.backchannelLogoutUri = u"https://app.example/bcl"_s;
    c.resourceServer = true;

    QVERIFY(!ClientValidator::toJson(c, false).contains(u"client_secret_hash"_s));
    // Left out when false, like the other optional members.
    Client plain = c;
    plain.resourceServer = false;
    QVERIFY(!ClientValidator::toJson(plain, false).contains(u"resource_server"_s));
    const QJsonObject json = ClientValidator::toJson(c, true);
    ValidationProblems problems;
    ValidationProblems warnings;
    const ClientInput back = ClientValidator::fromJson(json, {}, &problems, &warnings);
    QCOMPARE(problems.size(), 0);
    QCOMPARE(back.secretHash.value_or(QString()), c.secretHash);
    QCOMPARE(back.client.clientId, c.clientId);
    QCOMPARE(back.client.clientName, c.clientName);
    QCOMPARE(back.client.redirectUris, c.redirectUris);
    QCOMPARE(back.client.postLogoutRedirectUris, c.postLogoutRedirectUris);
    QCOMPARE(back.client.grantTypes, c.grantTypes);
    QCOMPARE(back.client.scopes, c.scopes);
    QCOMPARE(back.client.requireConsent, true);
    QCOMPARE(back.client.idTokenSignedResponseAlg, u"ES256"_s);
    QCOMPARE(back.client.opaqueAccessTokens, true);
    QCOMPARE(back.client.accessTokenLifetimeSecs, 600);
    QCOMPARE(back.client.backchannelLogoutUri, c.backchannelLogoutUri);
    QCOMPARE(back.client.resourceServer, true);
}

QTEST_GUILESS_MAIN(TestClientValidator)
#include "tst_clientvalidator.moc"
