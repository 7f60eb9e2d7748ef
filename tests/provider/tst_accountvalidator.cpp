// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/AccountValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

namespace {

QStringList problemsOf(const QByteArray &json)
{
    ValidationProblems problems;
    const AccountInput input = AccountValidator::fromJson(QJsonDocument::fromJson(json).object(),
                                                          u"accounts[1]"_s, &problems);
    AccountValidator::validate(input.account, u"accounts[1]"_s, &problems);
    QStringList out;
    for (const auto &p : problems)
        out.append(p.toString());
    return out;
}

} // namespace

class TestAccountValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contractExampleIsValid();
    void rules_data();
    void rules();
    void claimsAndRoundTrip();
};

void TestAccountValidator::contractExampleIsValid()
{
    QCOMPARE(problemsOf(R"({"username":"alice","password":"correct horse battery staple",
        "email":"alice@example.com","email_verified":true,"name":"Alice Example"})"),
             QStringList());
}

void TestAccountValidator::rules_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *name, const char *json, const char *expected) {
        QTest::newRow(name) << QByteArray(json) << QString::fromUtf8(expected);
    };
    row("missing username", R"({"password":"x"})", "accounts[1].username: required");
    row("empty username", R"({"username":""})", "accounts[1].username: must not be empty");
    row("padded username", R"({"username":" bob"})",
        "accounts[1].username: must not start or end with white space");
    row("control char", "{\"username\":\"bo\\u0007b\"}",
        "accounts[1].username: must not contain control characters");
    row("username not string", R"({"username":7})", "accounts[1].username: must be a string");
    row("empty password", R"({"username":"bob","password":""})",
        "accounts[1].password: must not be empty");
    row("both password forms",
        R"({"username":"bob","password":"x","password_hash":"$argon2id$v=19$m=1,t=1,p=1$a$b"})",
        "accounts[1].password_hash: give password or password_hash, not both");
    row("foreign hash", R"({"username":"bob","password_hash":"$2y$10$abcdefghijk"})",
        "accounts[1].password_hash: must be an Argon2id hash in PHC format");
    row("email_verified string", R"({"username":"bob","email_verified":"yes"})",
        "accounts[1].email_verified: must be true or false");
    row("bad email", R"({"username":"bob","email":"not-an-address"})",
        "accounts[1].email: is not an e-mail address");
    row("groups not array", R"({"username":"bob","groups":"admins"})",
        "accounts[1].groups: must be an array of strings");
    row("group not string", R"({"username":"bob","groups":["a",1]})",
        "accounts[1].groups[1]: must be a string");
    row("unknown", R"({"username":"bob","emial":"b@example.com"})",
        "accounts[1].emial: unknown field");
    row("address not object", R"({"username":"bob","address":"Main St"})",
        "accounts[1].address: must be an object (OpenID Connect Core §5.1.1)");
    row("bad sub", R"({"username":"bob","sub":"has space"})",
        "accounts[1].sub: must be 1-255 characters of A-Z a-z 0-9 . _ ~ -");
}

void TestAccountValidator::rules()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const QStringList problems = problemsOf(json);
    QVERIFY2(problems.contains(expected), qPrintable(problems.join(u" | "_s)));
}

void TestAccountValidator::claimsAndRoundTrip()
{
    ValidationProblems problems;
    const AccountInput in = AccountValidator::fromJson(
        QJsonDocument::fromJson(R"({"username":"carol","sub":"abc-123","name":"Carol",
            "given_name":"Carol","family_name":"Doe","email":"c@example.com",
            "email_verified":false,"groups":["staff","admins"],"disabled":true})")
            .object(),
        {}, &problems);
    QCOMPARE(problems.size(), 0);
    QCOMPARE(in.account.username, u"carol"_s);
    QCOMPARE(in.account.subject, u"abc-123"_s);
    QVERIFY(in.account.disabled);
    QCOMPARE(in.account.claims.value(u"family_name"_s).toString(), u"Doe"_s);
    QCOMPARE(in.account.claims.value(u"groups"_s).toArray().size(), 2);
    QVERIFY(!in.account.claims.contains(u"username"_s));

    Account a = in.account;
    a.passwordHash = u"$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"_s;
    QVERIFY(!AccountValidator::toJson(a, false).contains(u"password_hash"_s));
    const QJsonObject out = AccountValidator::toJson(a, true);
    QCOMPARE(out.value(u"password_hash"_s).toString(), a.passwordHash);
    ValidationProblems again;
    const AccountInput back = AccountValidator::fromJson(out, {}, &again);
    QCOMPARE(again.size(), 0);
    QCOMPARE(back.account.claims, a.claims);
    QCOMPARE(back.account.subject, a.subject);
    QCOMPARE(back.passwordHash.value_or(QString()), a.passwordHash);
}

QTEST_GUILESS_MAIN(TestAccountValidator)
#include "tst_accountvalidator.moc"
