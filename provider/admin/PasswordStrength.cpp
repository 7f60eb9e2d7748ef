// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/PasswordStrength.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

/// A few of the most used passwords of public breach lists (lower case).
const QStringList &commonPasswords()
{
    static const QStringList list{
        u"password"_s,      u"passw0rd"_s,   u"p@ssw0rd"_s, u"123456"_s,     u"12345678"_s,
        u"123456789"_s,     u"1234567890"_s, u"qwerty"_s,   u"qwertyuiop"_s, u"azerty"_s,
        u"abc123"_s,        u"111111"_s,     u"letmein"_s,  u"welcome"_s,    u"admin"_s,
        u"administrator"_s, u"iloveyou"_s,   u"monkey"_s,   u"dragon"_s,     u"football"_s,
        u"baseball"_s,      u"sunshine"_s,   u"princess"_s, u"trustno1"_s,   u"master"_s,
        u"shadow"_s,        u"superman"_s,   u"michael"_s,  u"secret"_s,     u"changeme"_s,
        u"default"_s,       u"login"_s,      u"qazwsx"_s,   u"zaq12wsx"_s,   u"starwars"_s,
        u"whatever"_s,      u"freedom"_s,    u"hello"_s,    u"charlie"_s,    u"lanyard"_s,
    };
    return list;
}

/// The common password `lower` is, once digits and symbols around it are
/// stripped ("Password1!" is still "password").
bool isCommon(const QString &lower)
{
    if (commonPasswords().contains(lower))
        return true;
    static const QRegularExpression around(u"^[^a-z]*([a-z@0]+?)[^a-z]*$"_s);
    const auto match = around.match(lower);
    if (match.hasMatch() && commonPasswords().contains(match.captured(1)))
        return true;
    return lower.contains(u"password"_s);
}

/// Which character classes a password uses and the size of their union.
struct Alphabet
{
    int classes = 0;
    double size = 0;
};

Alphabet alphabetOf(const QString &password)
{
    bool lower = false, upper = false, digit = false, symbol = false, other = false;
    for (const QChar c : password) {
        const char16_t u = c.unicode();
        if (u >= u'a' && u <= u'z')
            lower = true;
        else if (u >= u'A' && u <= u'Z')
            upper = true;
        else if (u >= u'0' && u <= u'9')
            digit = true;
        else if (u >= 0x20 && u < 0x7f)
            symbol = true;
        else
            other = true;
    }
    Alphabet alphabet;
    alphabet.classes = int(lower) + int(upper) + int(digit) + int(symbol) + int(other);
    alphabet.size = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) +
                    (other ? 100 : 0);
    return alphabet;
}

} // namespace

PasswordStrength::Estimate PasswordStrength::estimate(const QString &password,
                                                      const QStringList &personal)
{
    Estimate result;
    if (password.isEmpty())
        return result;
    const QString lower = password.toLower();

    // Characters that add little: a repeat of the one before, or the next
    // step of a run (abc, 321), count a quarter.
    double effective = 0;
    int predictable = 0;
    for (qsizetype i = 0; i < password.size(); ++i) {
        bool cheap = false;
        if (i > 0) {
            const int step = lower.at(i).unicode() - lower.at(i - 1).unicode();
            if (step == 0)
                cheap = true;
            else if (i > 1 && (step == 1 || step == -1) &&
                     lower.at(i - 1).unicode() - lower.at(i - 2).unicode() == step)
                cheap = true;
        }
        effective += cheap ? 0.25 : 1.0;
        predictable += cheap ? 1 : 0;
    }

    // A personal word counts as a single character.
    bool hasPersonal = false;
    for (const QString &word : personal) {
        const QStringList parts =
            word.toLower().split(QRegularExpression(u"[^\\p{L}\\p{N}]+"_s), Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            if (part.size() >= 3 && lower.contains(part)) {
                hasPersonal = true;
                effective -= static_cast<double>(part.size()) - 1;
            }
        }
    }
    effective = std::max(effective, 1.0);

    const bool common = isCommon(lower);
    const Alphabet alphabet = alphabetOf(password);
    result.bits = effective * std::log2(alphabet.size);
    if (common)
        result.bits = std::min(result.bits, 10.0);

    const bool tooShort = password.size() < MinimumLength;
    if (tooShort || common || result.bits < FairBits)
        result.level = Level::Weak;
    else if (result.bits < StrongBits)
        result.level = Level::Fair;
    else
        result.level = Level::Strong;
    result.score = static_cast<int>(std::clamp(result.bits * 100 / StrongBits, 1.0, 100.0));
    if (result.level == Level::Weak)
        result.score = std::min(result.score, 33);

    if (tooShort)
        result.hint = Hint::TooShort;
    else if (common)
        result.hint = Hint::Common;
    else if (hasPersonal)
        result.hint = Hint::Personal;
    else if (predictable * 3 >= password.size())
        result.hint = Hint::Repetitive;
    else if (result.level != Level::Strong && alphabet.classes == 1)
        result.hint = Hint::Variety;
    else if (result.level != Level::Strong)
        result.hint = Hint::Longer;
    return result;
}

} // namespace lanyard
