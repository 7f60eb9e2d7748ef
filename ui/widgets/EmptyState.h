// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace lanyard::ui {

/// What a page shows instead of an empty table: a sentence saying what is
/// missing and a button that does the first step ("No clients yet" / "Add
/// client"). GUI thread.
class EmptyState : public QWidget
{
    Q_OBJECT

public:
    /// `actionText` empty: no button.
    EmptyState(const QString &message, const QString &actionText, QWidget *parent = nullptr);

    void setMessage(const QString &message);
    QPushButton *actionButton() const { return m_action; }

Q_SIGNALS:
    void actionTriggered();

private:
    QLabel *m_message;
    QPushButton *m_action;
};

} // namespace lanyard::ui
