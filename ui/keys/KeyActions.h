// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keys/KeyRow.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace lanyard::ui {

/// Which key actions of the Keys page are safe right now, and why not: the
/// refusal rules of KeyService (rotate, rotateAll, retire) applied to the
/// keys the page shows, so a button the service would refuse is disabled
/// with the service's reason in its tooltip instead of failing after a
/// click. KeyService stays the authority (it checks again in a
/// transaction); this is its mirror for the window. Plain value; any thread.
class KeyActions
{
    Q_DECLARE_TR_FUNCTIONS(KeyActions)

public:
    /// Whether an action is safe, and a sentence for its tooltip: why it is
    /// disabled, or what it will do.
    struct Availability
    {
        bool enabled = false;
        QString reason;
    };

    /// `keys` as listed (KeyService::list), `now` for countdowns,
    /// `rotationDelaySecs` the wait before a new key signs (KeyService::
    /// rotationDelaySecs() + PublicationAllowanceSecs).
    KeyActions(QList<KeyRow> keys, QDateTime now, qint64 rotationDelaySecs);

    /// Algorithms rotateAll() would rotate: those with an active key, in
    /// KeyService::supportedAlgorithms() order.
    QStringList rotatableAlgorithms() const;

    /// KeyService::rotateAll: refused when no algorithm has an active key
    /// or when any of them already has a next key waiting.
    Availability rotateAll() const;
    /// KeyService::rotate(alg): refused for an unsupported algorithm and
    /// while `alg` has a next key waiting.
    Availability rotate(const QString &alg) const;
    /// KeyService::retire(kid): refused for no or an unknown kid, a retired
    /// key, and the only active key of its algorithm.
    Availability retire(const QString &kid) const;

private:
    QString waitingReason(const KeyRow &pending) const;

    QList<KeyRow> m_keys;
    QDateTime m_now;
    qint64 m_rotationDelaySecs;
};

} // namespace lanyard::ui
