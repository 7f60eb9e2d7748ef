// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend/ServerStatus.h"

#include <QWidget>

namespace lanyard::ui {

/// A small filled circle showing the server state at a glance: green
/// running, amber opening/starting/stopping, grey stopped, red failed
/// (StatusColors). Carries the state in words as its accessible name, so
/// the colour is never the only signal. GUI thread.
class StatusDot : public QWidget
{
    Q_OBJECT

public:
    explicit StatusDot(QWidget *parent = nullptr);

    void setState(ServerStatus::State state);
    ServerStatus::State state() const { return m_state; }
    /// The colour drawn for `state` with `palette`.
    static QColor colorFor(ServerStatus::State state, const QPalette &palette);
    /// The state in a word or two ("Running", "Stopped", ...).
    static QString describe(ServerStatus::State state);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    ServerStatus::State m_state = ServerStatus::State::Opening;
};

} // namespace lanyard::ui
