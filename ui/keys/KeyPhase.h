// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keys/KeyRow.h"

#include <QCoreApplication>
#include <QList>

namespace lanyard::ui {

/// Words for where a key is in the publish → promote → retire cycle, for
/// the Keys page's table and tooltips: state names, times, countdowns and
/// the per-row phase ("Published, signs from 10:42 (in 9 min)"). Pure
/// functions of their arguments (now included), so they are testable; any
/// thread.
class KeyPhase
{
    Q_DECLARE_TR_FUNCTIONS(KeyPhase)

public:
    /// "Next", "Active", "Retired".
    static QString stateName(KeyState state);
    /// `time` in local time: the time alone when it falls on the same day as
    /// `now`, otherwise the locale's short date and time. Empty when invalid.
    static QString timeText(const QDateTime &time, const QDateTime &now);
    /// The locale's short date and time in local time; empty when invalid.
    static QString dateTimeText(const QDateTime &time);
    /// A countdown or a span: "less than a minute", "9 min", "2 h 5 min",
    /// "3 days". Rounds up to the minute below two days.
    static QString durationText(qint64 seconds);
    /// The first characters of a kid (RFC 7638 thumbprints are 43 long),
    /// with an ellipsis.
    static QString shortKid(const QString &kid);

    /// The active key that signs for `alg` (the most recently activated, as
    /// the KeyRing picks it), or nullptr.
    static const KeyRow *signer(const QList<KeyRow> &keys, const QString &alg);
    /// The newest next key waiting for `alg`, or nullptr.
    static const KeyRow *successor(const QList<KeyRow> &keys, const QString &alg);

    /// Where `key` (one of `keys`) is in its life as of `now`:
    /// - next: "Published, signs from 10:42 (in 9 min)", or "Published,
    ///   starts signing at the next maintenance run" once due;
    /// - active: "Signing since …", "Signing until … (in …), then retires"
    ///   while a successor waits, or "Published, not signing" when a newer
    ///   key of its algorithm signs;
    /// - retired: "Retired, published until … (… more)", or "Retired,
    ///   leaves the JWKS at the next maintenance run".
    static QString describe(const KeyRow &key, const QList<KeyRow> &keys, const QDateTime &now);
};

} // namespace lanyard::ui
