// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace lanyard::ui {

/// A User-Agent header in a few words for the sessions table ("Firefox 128
/// on Linux", "Safari 17 on iOS", "curl 8"); the full header goes into the
/// tooltip. Pure function; any thread.
class UserAgentSummary
{
    Q_DECLARE_TR_FUNCTIONS(UserAgentSummary)

public:
    /// Longest summary of a header it does not recognise (then elided).
    static constexpr int MaxLength = 40;

    /// Browser (or tool) and major version, and the operating system, when
    /// recognised; otherwise the header elided to MaxLength characters.
    /// Empty for an empty header.
    static QString summarize(const QString &userAgent);
};

} // namespace lanyard::ui
