// SPDX-License-Identifier: GPL-3.0-or-later
#include "grants/GrantRegistry.h"

#include "grants/AuthorizationCodeGrant.h"
#include "grants/ClientCredentialsGrant.h"
#include "grants/Grant.h"
#include "grants/RefreshTokenGrant.h"

namespace lanyard {

void GrantRegistry::add(std::shared_ptr<const Grant> grant)
{
    if (!grant)
        return;
    const QString type = grant->grantType();
    if (!m_grants.contains(type))
        m_order.append(type);
    m_grants.insert(type, std::move(grant));
}

std::shared_ptr<const Grant> GrantRegistry::find(const QString &grantType) const
{
    return m_grants.value(grantType);
}

QStringList GrantRegistry::grantTypes() const
{
    return m_order;
}

GrantRegistry GrantRegistry::standard(const std::shared_ptr<const ProviderServices> &services)
{
    GrantRegistry registry;
    registry.add(std::make_shared<AuthorizationCodeGrant>(services));
    registry.add(std::make_shared<RefreshTokenGrant>(services));
    registry.add(std::make_shared<ClientCredentialsGrant>(services));
    return registry;
}

} // namespace lanyard
