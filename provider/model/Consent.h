// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace lanyard {

/// What an account has allowed a client: remembered so consent is asked
/// only for scopes not yet granted. Plain value.
struct Consent
{
    QString subject;
    QString clientId;
    QStringList scopes;
    QDateTime grantedAt;
};

} // namespace lanyard
