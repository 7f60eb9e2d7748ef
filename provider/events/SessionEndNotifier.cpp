// SPDX-License-Identifier: GPL-3.0-or-later
#include "events/SessionEndNotifier.h"

namespace lanyard {

SessionEndNotifier::SessionEndNotifier(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<lanyard::Session>();
}

void SessionEndNotifier::notify(const lanyard::Session &session, const QString &reason)
{
    Q_EMIT sessionEnded(session, reason);
}

} // namespace lanyard
