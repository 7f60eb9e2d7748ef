// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

namespace lanyard::ui {

class InlineMessage;
class PasswordStrengthBar;

/// Sets or resets an account's password: the password twice (the second
/// must match) and a strength meter. It does not save: OK emits submitted()
/// and the dialog stays open until the page calls accept() after
/// AccountService stored the Argon2id hash off the GUI thread, or
/// showError(). The fields are wiped when the dialog closes. GUI thread.
class PasswordDialog : public QDialog
{
    Q_OBJECT

public:
    /// `personal`: the account's username, names and e-mail, for the meter.
    PasswordDialog(const QString &username, const QStringList &personal, QWidget *parent = nullptr);

    QString username() const { return m_username; }
    QString password() const;
    /// True when the password is not empty and the confirmation matches.
    bool isAcceptable() const;

    void showError(const QString &message);
    QString messageText() const;
    void setBusy(bool busy);

    PasswordStrengthBar *strengthBar() const { return m_strength; }

Q_SIGNALS:
    /// OK was pressed with an acceptable password.
    void submitted();

protected:
    void done(int result) override;

private:
    void update();

    const QString m_username;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    PasswordStrengthBar *m_strength;
    InlineMessage *m_message;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace lanyard::ui
