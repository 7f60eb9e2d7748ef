// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/PasswordDialog.h"

#include "accounts/PasswordStrengthBar.h"
#include "widgets/InlineMessage.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanyard::ui {

PasswordDialog::PasswordDialog(const QString &username, const QStringList &personal,
                               QWidget *parent)
    : QDialog(parent), m_username(username), m_password(new QLineEdit), m_confirm(new QLineEdit),
      m_strength(new PasswordStrengthBar), m_message(new InlineMessage),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("passwordDialog"));
    setWindowTitle(tr("Set password of %1").arg(username));

    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setObjectName(QStringLiteral("confirmEdit"));
    m_confirm->setEchoMode(QLineEdit::Password);
    m_strength->setPersonalWords(QStringList{username} + personal);
    m_message->setObjectName(QStringLiteral("problemsMessage"));
    connect(m_password, &QLineEdit::textChanged, this, &PasswordDialog::update);
    connect(m_confirm, &QLineEdit::textChanged, this, &PasswordDialog::update);

    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("okButton"));
    ok->setText(tr("Set password"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isAcceptable() && !m_busy)
            Q_EMIT submitted();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *intro = new QLabel(tr("The new password takes effect at once; %1 stays signed in "
                                "where already signed in.")
                                 .arg(username));
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_strength);
    form->addRow(tr("&Confirm:"), m_confirm);

    // Room for the hints and messages to wrap into a few lines, not many.
    setMinimumWidth(fontMetrics().averageCharWidth() * 56);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    update();
}

QString PasswordDialog::password() const
{
    return m_password->text();
}

bool PasswordDialog::isAcceptable() const
{
    return !m_password->text().isEmpty() && m_password->text() == m_confirm->text();
}

void PasswordDialog::update()
{
    m_strength->setPassword(m_password->text());
    const bool mismatch = !m_confirm->text().isEmpty() && m_confirm->text() != m_password->text();
    if (mismatch)
        m_message->showMessage(tr("The two passwords do not match."));
    else
        m_message->clear();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isAcceptable() && !m_busy);
}

void PasswordDialog::showError(const QString &message)
{
    m_message->showMessage(message);
}

QString PasswordDialog::messageText() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

void PasswordDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_password->setEnabled(!busy);
    m_confirm->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isAcceptable() && !busy);
}

void PasswordDialog::done(int result)
{
    m_password->clear();
    m_confirm->clear();
    QDialog::done(result);
}

} // namespace lanyard::ui
