// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/PasswordStrength.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace lanyard::ui {

/// The strength meter under a password field: a bar reading "Weak", "Fair"
/// or "Strong" (PasswordStrength's estimate) and a hint on what would help.
/// Advice only; any non-empty password is accepted. GUI thread (the
/// estimate is cheap).
class PasswordStrengthBar : public QWidget
{
    Q_OBJECT

public:
    explicit PasswordStrengthBar(QWidget *parent = nullptr);

    /// Words an attacker would try first (username, names, e-mail).
    void setPersonalWords(const QStringList &words);
    /// Estimates `password` and shows the result.
    void setPassword(const QString &password);

    PasswordStrength::Level level() const { return m_estimate.level; }
    /// "Weak", "Fair", "Strong" (translated), empty for an empty password.
    QString levelText() const;
    QString hintText() const;

    static QString levelText(PasswordStrength::Level level);
    static QString hintText(PasswordStrength::Hint hint);

private:
    QProgressBar *m_bar;
    QLabel *m_hint;
    QStringList m_personal;
    PasswordStrength::Estimate m_estimate;
};

} // namespace lanyard::ui
