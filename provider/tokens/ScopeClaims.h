// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace lanyard {

struct Account;

/// Which account claims a set of granted scopes releases (OpenID Connect
/// Core §5.4), for the userinfo endpoint:
///
/// - `profile`: name, family_name, given_name, middle_name, nickname,
///   preferred_username, profile, picture, website, gender, birthdate,
///   zoneinfo, locale, updated_at;
/// - `email`: email, email_verified;
/// - `address`: address; `phone`: phone_number, phone_number_verified;
/// - `groups` (Lanyard's own scope, listed in discovery): groups. Group
///   membership is released only when `groups` itself was granted, never as
///   part of `profile`: it is authorization data the user did not consent
///   to by allowing "profile", and relying parties that map groups to roles
///   (Grafana, Gitea, Nextcloud) ask for the scope explicitly.
///
/// `sub` is always released. Pure functions; any thread.
class ScopeClaims
{
public:
    /// The claim names `scope` releases; empty for scopes without claims
    /// (openid, offline_access, unknown ones).
    static QStringList claimsFor(const QString &scope);
    /// `sub` and every claim some scope releases, in scope order (profile,
    /// email, address, phone, groups): discovery's claims_supported.
    static QStringList supportedClaims();

    /// `sub` plus every claim of `account` released by `scopes` that the
    /// account has. preferred_username falls back to the login name and
    /// updated_at to the account's last change (as NumericDate).
    static QJsonObject release(const Account &account, const QStringList &scopes);
};

} // namespace lanyard
