// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/KeyPhase.h"

#include <QLocale>

namespace lanyard::ui {

QString KeyPhase::stateName(KeyState state)
{
    switch (state) {
    case KeyState::Next:
        return tr("Next");
    case KeyState::Active:
        return tr("Active");
    case KeyState::Retired:
        return tr("Retired");
    }
    return {};
}

QString KeyPhase::timeText(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return {};
    const QDateTime local = time.toLocalTime();
    if (now.isValid() && local.date() == now.toLocalTime().date())
        return QLocale().toString(local.time(), QLocale::ShortFormat);
    return QLocale().toString(local, QLocale::ShortFormat);
}

QString KeyPhase::dateTimeText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString KeyPhase::durationText(qint64 seconds)
{
    if (seconds < 60)
        return tr("less than a minute");
    const qint64 minutes = (seconds + 59) / 60;
    if (minutes < 120)
        return tr("%n min", nullptr, int(minutes));
    if (minutes < 48 * 60) {
        const int hours = int(minutes / 60);
        const int rest = int(minutes % 60);
        if (rest == 0)
            return tr("%n h", nullptr, hours);
        return tr("%1 h %2 min").arg(hours).arg(rest);
    }
    return tr("%n day(s)", nullptr, int(seconds / 86400));
}

QString KeyPhase::shortKid(const QString &kid)
{
    constexpr int Shown = 10;
    if (kid.size() <= Shown + 1)
        return kid;
    return kid.left(Shown) + QChar(0x2026);
}

const KeyRow *KeyPhase::signer(const QList<KeyRow> &keys, const QString &alg)
{
    const KeyRow *found = nullptr;
    for (const KeyRow &key : keys) {
        if (key.alg != alg || key.state != KeyState::Active)
            continue;
        if (!found || !(key.activatedAt < found->activatedAt))
            found = &key;
    }
    return found;
}

const KeyRow *KeyPhase::successor(const QList<KeyRow> &keys, const QString &alg)
{
    const KeyRow *found = nullptr;
    for (const KeyRow &key : keys) {
        if (key.alg == alg && key.state == KeyState::Next &&
            (!found || !(key.createdAt < found->createdAt)))
            found = &key;
    }
    return found;
}

QString KeyPhase::describe(const KeyRow &key, const QList<KeyRow> &keys, const QDateTime &now)
{
    switch (key.state) {
    case KeyState::Next:
        if (key.signsFrom.isValid() && now < key.signsFrom)
            return tr("Published, signs from %1 (in %2)")
                .arg(timeText(key.signsFrom, now), durationText(now.secsTo(key.signsFrom)));
        return tr("Published, starts signing at the next maintenance run");
    case KeyState::Active: {
        const KeyRow *current = signer(keys, key.alg);
        if (current && current->kid != key.kid)
            return tr("Published, not signing: the newer %1 key %2 signs")
                .arg(key.alg, shortKid(current->kid));
        if (const KeyRow *next = successor(keys, key.alg)) {
            if (next->signsFrom.isValid() && now < next->signsFrom)
                return tr("Signing until %1 (in %2), then retires")
                    .arg(timeText(next->signsFrom, now), durationText(now.secsTo(next->signsFrom)));
            return tr("Signing until the next maintenance run, then retires");
        }
        if (key.signsFrom.isValid())
            return tr("Signing since %1").arg(timeText(key.signsFrom, now));
        return tr("Signing");
    }
    case KeyState::Retired:
        if (key.publishedUntil.isValid() && now < key.publishedUntil)
            return tr("Retired, published until %1 (%2 more)")
                .arg(timeText(key.publishedUntil, now),
                     durationText(now.secsTo(key.publishedUntil)));
        return tr("Retired, leaves the JWKS at the next maintenance run");
    }
    return {};
}

} // namespace lanyard::ui
