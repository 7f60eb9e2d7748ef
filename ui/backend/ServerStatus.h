// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QUrl>

namespace lanyard::ui {

/// Where the embedded provider is, as the window shows it. Plain value.
struct ServerStatus
{
    enum class State {
        Opening,  ///< the database is being opened (first start: created, keys generated)
        Stopped,  ///< open, not serving
        Starting, ///< start() is running on the provider thread
        Running,  ///< serving at `url`
        Stopping, ///< stop() is running on the provider thread
        Failed,   ///< opening or starting failed; `error` says why
    };
    State state = State::Opening;
    /// Where the server listens (Running only).
    QUrl url;
    /// The issuer in effect (Running only).
    QUrl issuer;
    /// Why opening or starting failed (Failed only); safe to show.
    QString error;

    bool isRunning() const { return state == State::Running; }
};

} // namespace lanyard::ui

Q_DECLARE_METATYPE(lanyard::ui::ServerStatus)
