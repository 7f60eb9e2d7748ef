// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/UserAgentSummary.h"

#include <QRegularExpression>

#include <array>

namespace lanyard::ui {

namespace {

struct Product
{
    /// The token as it appears before the slash.
    QLatin1StringView token;
    QLatin1StringView name;
};

/// Order matters: Edge and Opera also say Chrome and Safari; Chrome also
/// says Safari.
constexpr std::array<Product, 11> Products{{
    {QLatin1StringView("Edg"), QLatin1StringView("Edge")},
    {QLatin1StringView("OPR"), QLatin1StringView("Opera")},
    {QLatin1StringView("SamsungBrowser"), QLatin1StringView("Samsung Internet")},
    {QLatin1StringView("Firefox"), QLatin1StringView("Firefox")},
    {QLatin1StringView("Chromium"), QLatin1StringView("Chromium")},
    {QLatin1StringView("Chrome"), QLatin1StringView("Chrome")},
    {QLatin1StringView("CriOS"), QLatin1StringView("Chrome")},
    {QLatin1StringView("FxiOS"), QLatin1StringView("Firefox")},
    {QLatin1StringView("curl"), QLatin1StringView("curl")},
    {QLatin1StringView("Wget"), QLatin1StringView("Wget")},
    {QLatin1StringView("python-requests"), QLatin1StringView("Python requests")},
}};

/// "Name/1.2.3" → major version "1", or empty when `token` is absent.
QString majorVersion(const QString &userAgent, QLatin1StringView token, bool *found)
{
    const QRegularExpression re(QStringLiteral("(?:^|[\\s;(])%1/([0-9A-Za-z]+)")
                                    .arg(QRegularExpression::escape(QString(token))));
    const QRegularExpressionMatch match = re.match(userAgent);
    *found = match.hasMatch();
    return match.captured(1);
}

QString browserOf(const QString &userAgent)
{
    for (const Product &product : Products) {
        bool found = false;
        const QString version = majorVersion(userAgent, product.token, &found);
        if (found)
            return QStringLiteral("%1 %2").arg(QString(product.name), version);
    }
    // Safari names its version in "Version/17.1 ... Safari/605".
    bool safari = false;
    majorVersion(userAgent, QLatin1StringView("Safari"), &safari);
    if (safari) {
        bool hasVersion = false;
        const QString version = majorVersion(userAgent, QLatin1StringView("Version"), &hasVersion);
        return hasVersion ? QStringLiteral("Safari %1").arg(version) : QStringLiteral("Safari");
    }
    // A tool that names itself first: "Name/1.2 (...)".
    static const QRegularExpression first(QStringLiteral("^([A-Za-z][\\w.-]*)/([0-9]+)"));
    const QRegularExpressionMatch match = first.match(userAgent);
    if (match.hasMatch() && match.captured(1) != QLatin1StringView("Mozilla"))
        return QStringLiteral("%1 %2").arg(match.captured(1), match.captured(2));
    return {};
}

QString systemOf(const QString &userAgent)
{
    if (userAgent.contains(QLatin1StringView("Windows")))
        return QStringLiteral("Windows");
    if (userAgent.contains(QLatin1StringView("Android")))
        return QStringLiteral("Android");
    if (userAgent.contains(QLatin1StringView("iPhone")) ||
        userAgent.contains(QLatin1StringView("iPad")))
        return QStringLiteral("iOS");
    if (userAgent.contains(QLatin1StringView("CrOS")))
        return QStringLiteral("ChromeOS");
    if (userAgent.contains(QLatin1StringView("Macintosh")) ||
        userAgent.contains(QLatin1StringView("Mac OS X")))
        return QStringLiteral("macOS");
    if (userAgent.contains(QLatin1StringView("Linux")) ||
        userAgent.contains(QLatin1StringView("X11")))
        return QStringLiteral("Linux");
    return {};
}

} // namespace

QString UserAgentSummary::summarize(const QString &userAgent)
{
    const QString trimmed = userAgent.simplified();
    if (trimmed.isEmpty())
        return {};
    const QString browser = browserOf(trimmed);
    const QString system = systemOf(trimmed);
    if (!browser.isEmpty() && !system.isEmpty())
        return tr("%1 on %2").arg(browser, system);
    if (!browser.isEmpty())
        return browser;
    if (!system.isEmpty())
        return tr("A browser on %1").arg(system);
    if (trimmed.size() <= MaxLength)
        return trimmed;
    return trimmed.left(MaxLength - 1) + QChar(0x2026);
}

} // namespace lanyard::ui
