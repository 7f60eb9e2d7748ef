// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/AccountValidator.h"

#include "admin/JsonFieldReader.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

const QStringList &stringClaims()
{
    static const QStringList list{
        u"name"_s,        u"given_name"_s, u"family_name"_s,
        u"middle_name"_s, u"nickname"_s,   u"preferred_username"_s,
        u"profile"_s,     u"picture"_s,    u"website"_s,
        u"email"_s,       u"gender"_s,     u"birthdate"_s,
        u"zoneinfo"_s,    u"locale"_s,     u"phone_number"_s,
    };
    return list;
}

const QStringList &booleanClaims()
{
    static const QStringList list{u"email_verified"_s, u"phone_number_verified"_s};
    return list;
}

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

} // namespace

const QStringList &AccountValidator::claimNames()
{
    static const QStringList list =
        stringClaims() + booleanClaims() + QStringList{u"address"_s, u"groups"_s};
    return list;
}

AccountInput AccountValidator::fromJson(const QJsonObject &json, const QString &path,
                                        ValidationProblems *problems)
{
    AccountInput input;
    Account &a = input.account;
    JsonFieldReader r(json, path, problems);

    if (const auto v = r.string(u"username"_s))
        a.username = *v;
    else if (!r.has(u"username"_s))
        r.problem(u"username"_s, u"required"_s);
    if (const auto v = r.string(u"sub"_s))
        a.subject = *v;
    input.password = r.string(u"password"_s);
    input.passwordHash = r.string(u"password_hash"_s);
    if (const auto v = r.boolean(u"disabled"_s))
        a.disabled = *v;

    for (const QString &key : stringClaims()) {
        if (const auto v = r.string(key))
            a.claims.insert(key, *v);
    }
    for (const QString &key : booleanClaims()) {
        if (const auto v = r.boolean(key))
            a.claims.insert(key, *v);
    }
    if (const auto v = r.value(u"address"_s)) {
        if (v->isObject())
            a.claims.insert(u"address"_s, *v);
        else
            r.problem(u"address"_s, u"must be an object (OpenID Connect Core §5.1.1)"_s);
    }
    if (const auto v = r.stringList(u"groups"_s))
        a.claims.insert(u"groups"_s, QJsonArray::fromStringList(*v));
    r.reportUnknown();

    if (input.password && input.passwordHash)
        r.problem(u"password_hash"_s, u"give password or password_hash, not both"_s);
    if (input.password && input.password->isEmpty())
        r.problem(u"password"_s, u"must not be empty"_s);
    if (input.passwordHash && !input.passwordHash->startsWith(u"$argon2id$"_s))
        r.problem(u"password_hash"_s, u"must be an Argon2id hash in PHC format"_s);
    return input;
}

void AccountValidator::validate(const Account &a, const QString &path, ValidationProblems *problems)
{
    auto add = [&](const QString &key, const QString &message) {
        problems->append({join(path, key), message});
    };
    if (a.username.isEmpty())
        add(u"username"_s, u"must not be empty"_s);
    else if (a.username.size() > 255)
        add(u"username"_s, u"must be at most 255 characters"_s);
    else if (a.username.trimmed() != a.username)
        add(u"username"_s, u"must not start or end with white space"_s);
    else if (hasControlCharacters(a.username))
        add(u"username"_s, u"must not contain control characters"_s);

    if (!a.subject.isEmpty()) {
        static const QRegularExpression subjectPattern(u"^[A-Za-z0-9._~-]{1,255}$"_s);
        if (!subjectPattern.match(a.subject).hasMatch())
            add(u"sub"_s, u"must be 1-255 characters of A-Z a-z 0-9 . _ ~ -"_s);
    }

    const QString email = a.claims.value(u"email"_s).toString();
    if (a.claims.contains(u"email"_s)) {
        static const QRegularExpression emailPattern(u"^[^@\\s]+@[^@\\s]+$"_s);
        if (!emailPattern.match(email).hasMatch())
            add(u"email"_s, u"is not an e-mail address"_s);
    }
    const QJsonArray groups = a.claims.value(u"groups"_s).toArray();
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const QString group = groups.at(i).toString();
        if (group.trimmed().isEmpty())
            add(u"groups[%1]"_s.arg(i), u"must not be empty"_s);
    }
}

QJsonObject AccountValidator::toJson(const Account &a, bool withPasswordHash)
{
    QJsonObject json = a.claims;
    json.insert(u"username"_s, a.username);
    json.insert(u"sub"_s, a.subject);
    if (a.disabled)
        json.insert(u"disabled"_s, true);
    if (withPasswordHash && !a.passwordHash.isEmpty())
        json.insert(u"password_hash"_s, a.passwordHash);
    return json;
}

} // namespace lanyard
