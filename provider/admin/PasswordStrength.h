// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace lanyard {

/// A quick estimate of how hard a password is to guess, for the strength
/// meter of the password dialog. Not a policy: the provider accepts any
/// non-empty password (the administrator decides), and Argon2id protects
/// the stored hash either way.
///
/// The estimate counts bits as length × log2(alphabet size), where the
/// alphabet is the union of the character classes used (lower case, upper
/// case, digits, other ASCII, anything else), after discounting repeated
/// characters (`aaaa`), runs (`abcd`, `4321`) and any personal word given
/// (username, names, e-mail); a well-known password scores almost nothing.
/// Long passphrases of plain words therefore score well, as they should.
///
/// Stateless; any thread.
class PasswordStrength
{
public:
    enum class Level { Empty, Weak, Fair, Strong };

    /// What would help most, in this order of priority. The UI words it.
    enum class Hint {
        None,
        /// Shorter than MinimumLength.
        TooShort,
        /// A well-known password (or one with digits or symbols added).
        Common,
        /// Contains the username, a name or the e-mail's local part.
        Personal,
        /// Repeated characters or runs like abcd / 1234 make up much of it.
        Repetitive,
        /// One kind of character only: mix in others, or make it longer.
        Variety,
        /// Make it longer (a few words make a good passphrase).
        Longer,
    };

    struct Estimate
    {
        Level level = Level::Empty;
        Hint hint = Hint::None;
        /// Estimated entropy in bits.
        double bits = 0;
        /// 0-100, for a meter: bits relative to StrongBits (capped).
        int score = 0;
    };

    /// Passwords shorter than this are Weak whatever their characters.
    static constexpr int MinimumLength = 8;
    /// From this many bits a password is Fair, and from StrongBits Strong.
    static constexpr double FairBits = 40;
    static constexpr double StrongBits = 64;

    /// Estimates `password`. `personal`: words an attacker would try first
    /// (username, name, e-mail); parts shorter than 3 characters are ignored.
    static Estimate estimate(const QString &password, const QStringList &personal = {});
};

} // namespace lanyard
