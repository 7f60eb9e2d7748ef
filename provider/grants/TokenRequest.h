// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/ParameterList.h"
#include "model/Client.h"

#include <QDateTime>
#include <QString>

namespace lanyard {

/// A token request after the endpoint's checks (form body, no duplicate
/// parameters, grant_type known) and client authentication: what a Grant
/// validates. Plain value; any thread. The parameters hold codes and
/// tokens: never log them.
struct TokenRequest
{
    /// The form parameters of the request body.
    ParameterList parameters;
    /// The authenticated client.
    Client client;
    /// How it authenticated (client_secret_basic, client_secret_post, none).
    QString authMethod;
    /// The issuer URL exactly as discovery publishes it (`iss`, JWT `aud`).
    QString issuer;
    /// The one "now" of this request: expiry checks and issued-at times.
    QDateTime now;
    /// RequestContext::remoteAddress(), for events.
    QString sourceAddress;
};

} // namespace lanyard
