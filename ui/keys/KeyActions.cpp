// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/KeyActions.h"

#include "admin/KeyService.h"
#include "core/Protocol.h"
#include "keys/KeyPhase.h"

#include <algorithm>

namespace lanyard::ui {

KeyActions::KeyActions(QList<KeyRow> keys, QDateTime now, qint64 rotationDelaySecs)
    : m_keys(std::move(keys)), m_now(std::move(now)), m_rotationDelaySecs(rotationDelaySecs)
{}

QStringList KeyActions::rotatableAlgorithms() const
{
    QStringList algorithms;
    for (const QString &alg : KeyService::supportedAlgorithms()) {
        if (KeyPhase::signer(m_keys, alg))
            algorithms.append(alg);
    }
    return algorithms;
}

QString KeyActions::waitingReason(const KeyRow &pending) const
{
    if (pending.signsFrom.isValid() && m_now < pending.signsFrom)
        return tr("A rotation is in progress: %1 key %2 starts signing at %3 (in %4). Rotate "
                  "again after that.")
            .arg(pending.alg, pending.kid, KeyPhase::timeText(pending.signsFrom, m_now),
                 KeyPhase::durationText(m_now.secsTo(pending.signsFrom)));
    return tr("A rotation is in progress: %1 key %2 starts signing at the next maintenance run. "
              "Rotate again after that.")
        .arg(pending.alg, pending.kid);
}

KeyActions::Availability KeyActions::rotateAll() const
{
    const QStringList algorithms = rotatableAlgorithms();
    if (algorithms.isEmpty())
        return {false, tr("No algorithm has an active key to rotate.")};
    for (const QString &alg : algorithms) {
        if (const KeyRow *pending = KeyPhase::successor(m_keys, alg))
            return {false, waitingReason(*pending)};
    }
    return {true, tr("Publish a new key for %1 now. It starts signing in %2, once relying parties "
                     "have refreshed their copy of the JWKS, and the current key then retires.")
                      .arg(algorithms.join(QStringLiteral(", ")),
                           KeyPhase::durationText(m_rotationDelaySecs))};
}

KeyActions::Availability KeyActions::rotate(const QString &alg) const
{
    if (!KeyService::supportedAlgorithms().contains(alg))
        return {false, tr("%1 is not a supported signing algorithm.").arg(alg)};
    if (const KeyRow *pending = KeyPhase::successor(m_keys, alg))
        return {false, waitingReason(*pending)};
    if (!KeyPhase::signer(m_keys, alg))
        return {true, tr("Publish a first %1 key now. It starts signing in %2.")
                          .arg(alg, KeyPhase::durationText(m_rotationDelaySecs))};
    return {true, tr("Publish a new %1 key now. It starts signing in %2, and the current %1 key "
                     "then retires.")
                      .arg(alg, KeyPhase::durationText(m_rotationDelaySecs))};
}

KeyActions::Availability KeyActions::retire(const QString &kid) const
{
    if (kid.isEmpty())
        return {false, tr("Select a key to retire.")};
    const auto found = std::find_if(m_keys.cbegin(), m_keys.cend(),
                                    [&](const KeyRow &key) { return key.kid == kid; });
    if (found == m_keys.cend())
        return {false, tr("Key %1 no longer exists.").arg(kid)};
    const KeyRow &key = *found;
    switch (key.state) {
    case KeyState::Retired:
        return {false, tr("Key %1 is already retired; it stays published until %2.")
                           .arg(kid, KeyPhase::timeText(key.publishedUntil, m_now))};
    case KeyState::Next:
        return {true, tr("Cancel this rotation: key %1 has not signed anything, so it leaves the "
                         "JWKS at once.")
                          .arg(kid)};
    case KeyState::Active:
        break;
    }
    const bool anotherActive = std::any_of(m_keys.cbegin(), m_keys.cend(), [&](const KeyRow &k) {
        return k.alg == key.alg && k.state == KeyState::Active && k.kid != kid;
    });
    if (anotherActive)
        return {true, tr("Stop signing with key %1 now. It stays published until the tokens it "
                         "signed have expired.")
                          .arg(kid)};
    QString why = key.alg == proto::alg::RS256
                      ? tr("Key %1 is the only active RS256 key, and RS256 must always be able to "
                           "sign (OpenID Connect requires it).")
                            .arg(kid)
                      : tr("Key %1 is the only active %2 key: clients whose ID tokens use %2 "
                           "would get no tokens.")
                            .arg(kid, key.alg);
    if (const KeyRow *next = KeyPhase::successor(m_keys, key.alg)) {
        if (next->signsFrom.isValid() && m_now < next->signsFrom)
            why += u' ' + tr("Its successor %1 takes over at %2 (in %3), and it retires then.")
                              .arg(next->kid, KeyPhase::timeText(next->signsFrom, m_now),
                                   KeyPhase::durationText(m_now.secsTo(next->signsFrom)));
        else
            why += u' ' + tr("Its successor %1 takes over at the next maintenance run, and it "
                             "retires then.")
                              .arg(next->kid);
    } else {
        why += u' ' + tr("Rotate it instead: it retires once the new key signs.");
    }
    return {false, why};
}

} // namespace lanyard::ui
