// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/AccountInfo.h"
#include "admin/ValidationProblem.h"

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QDialogButtonBox;
class QLineEdit;

namespace lanyard::ui {

class InlineMessage;
class PasswordStrengthBar;

/// Creates an account or edits its standard claims: username (on create
/// only), name, given and family name, e-mail and whether it is verified,
/// groups (comma-separated); on create also an optional first password,
/// twice, with a strength meter. It does not save: OK emits submitted() and
/// the dialog stays open until the page calls accept() after AccountService
/// stored the account, or showProblems() with what the service refused (the
/// import's messages, inline, the first field focused). GUI thread.
class AccountDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Create, Edit };

    explicit AccountDialog(Mode mode, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    /// Fills the form (Edit).
    void setAccount(const AccountInfo &account);
    QString username() const;
    /// The edited claims by wire name; a claim left empty is null (the
    /// service removes it). Only the claims this dialog edits.
    QJsonObject claims() const;
    /// The claims that are set, for creating an account.
    QJsonObject presentClaims() const;
    /// The first password (Create; may be empty).
    QString password() const;

    void showProblems(const ValidationProblems &problems);
    void showError(const QString &message);
    QString messageText() const;
    void setBusy(bool busy);

Q_SIGNALS:
    /// OK was pressed (and, on create, the passwords match).
    void submitted();

protected:
    void done(int result) override;

private:
    void updatePassword();
    QWidget *widgetFor(const QString &path) const;

    const Mode m_mode;
    QLineEdit *m_username;
    QLineEdit *m_name;
    QLineEdit *m_givenName;
    QLineEdit *m_familyName;
    QLineEdit *m_email;
    QCheckBox *m_emailVerified;
    QLineEdit *m_groups;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_confirm = nullptr;
    PasswordStrengthBar *m_strength = nullptr;
    InlineMessage *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace lanyard::ui
