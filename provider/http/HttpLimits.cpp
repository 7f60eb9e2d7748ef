// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/HttpLimits.h"

#include "core/ProviderConfig.h"

namespace lanyard {

HttpLimits HttpLimits::fromConfig(const ProviderConfig &config)
{
    HttpLimits limits;
    limits.maxHeaderBytes = config.maxHeaderBytes;
    limits.maxBodyBytes = config.maxBodyBytes;
    limits.idleTimeoutMs = config.idleTimeoutMs;
    return limits;
}

} // namespace lanyard
