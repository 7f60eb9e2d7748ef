// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace lanyard {

/// The rules for redirect URIs: which may be registered, and whether a
/// requested one matches a registered one. Stateless; any thread.
class RedirectUriPolicy
{
public:
    /// Checks a URI offered for registration (import, admin dialog).
    /// Returns an empty string when acceptable, otherwise a short reason
    /// ("fragment not allowed").
    static QString registrationProblem(const QString &uri);

    /// True when `requested` matches one of `registered`: exact string
    /// comparison, except that for http loopback IP literals the port may
    /// differ (RFC 8252 §7.3).
    static bool matches(const QString &requested, const QStringList &registered);

    /// True for http://127.0.0.1, http://[::1] and http://localhost URIs.
    static bool isLoopback(const QString &uri);
};

} // namespace lanyard
