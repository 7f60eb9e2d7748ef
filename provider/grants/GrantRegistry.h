// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace lanyard {

class Grant;
struct ProviderServices;

/// The grants of the token endpoint keyed by `grant_type`
/// (node-oidc-provider's grant map). Build it on one thread with add(),
/// then share it read-only: find() and grantTypes() are then safe from any
/// number of threads.
class GrantRegistry
{
public:
    GrantRegistry() = default;

    /// Registers `grant` under its grantType(), replacing any earlier one.
    void add(std::shared_ptr<const Grant> grant);
    /// The grant for `grantType`, or null.
    std::shared_ptr<const Grant> find(const QString &grantType) const;
    /// Registered grant types in registration order: discovery's
    /// grant_types_supported.
    QStringList grantTypes() const;

    /// authorization_code, refresh_token and client_credentials over `services`.
    static GrantRegistry standard(const std::shared_ptr<const ProviderServices> &services);

private:
    QStringList m_order;
    QHash<QString, std::shared_ptr<const Grant>> m_grants;
};

} // namespace lanyard
