// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/AccountDialog.h"

#include "accounts/AccountTableModel.h"
#include "accounts/PasswordStrengthBar.h"
#include "widgets/InlineMessage.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace lanyard::ui {

namespace {

QJsonValue textOrNull(const QLineEdit *edit)
{
    const QString text = edit->text().trimmed();
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

AccountDialog::AccountDialog(Mode mode, QWidget *parent)
    : QDialog(parent), m_mode(mode), m_username(new QLineEdit), m_name(new QLineEdit),
      m_givenName(new QLineEdit), m_familyName(new QLineEdit), m_email(new QLineEdit),
      m_emailVerified(new QCheckBox(tr("The e-mail address is &verified"))),
      m_groups(new QLineEdit), m_message(new InlineMessage),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("accountDialog"));
    setWindowTitle(mode == Mode::Create ? tr("Add account") : tr("Edit account"));

    m_username->setObjectName(QStringLiteral("usernameEdit"));
    if (mode == Mode::Edit) {
        m_username->setReadOnly(true);
        m_username->setToolTip(tr("The username cannot be changed here."));
    } else {
        m_username->setPlaceholderText(tr("What the user types to sign in"));
    }
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("Full name, as applications show it"));
    m_givenName->setObjectName(QStringLiteral("givenNameEdit"));
    m_familyName->setObjectName(QStringLiteral("familyNameEdit"));
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_emailVerified->setObjectName(QStringLiteral("emailVerifiedCheck"));
    m_groups->setObjectName(QStringLiteral("groupsEdit"));
    m_groups->setPlaceholderText(tr("staff, admins (separated by commas)"));
    m_message->setObjectName(QStringLiteral("problemsMessage"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Given name:"), m_givenName);
    form->addRow(tr("&Family name:"), m_familyName);
    form->addRow(tr("&E-mail:"), m_email);
    form->addRow(QString(), m_emailVerified);
    form->addRow(tr("G&roups:"), m_groups);
    if (mode == Mode::Create) {
        m_password = new QLineEdit;
        m_password->setObjectName(QStringLiteral("passwordEdit"));
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setPlaceholderText(tr("Optional: set it later with Set password"));
        m_confirm = new QLineEdit;
        m_confirm->setObjectName(QStringLiteral("confirmEdit"));
        m_confirm->setEchoMode(QLineEdit::Password);
        m_strength = new PasswordStrengthBar;
        connect(m_password, &QLineEdit::textChanged, this, &AccountDialog::updatePassword);
        connect(m_confirm, &QLineEdit::textChanged, this, &AccountDialog::updatePassword);
        connect(m_username, &QLineEdit::textChanged, this, &AccountDialog::updatePassword);
        form->addRow(tr("&Password:"), m_password);
        form->addRow(QString(), m_strength);
        form->addRow(tr("&Confirm:"), m_confirm);
    }

    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("okButton"));
    ok->setText(mode == Mode::Create ? tr("Add account") : tr("Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_password && m_password->text() != m_confirm->text()) {
            m_message->showMessage(tr("The two passwords do not match."));
            m_confirm->setFocus(Qt::OtherFocusReason);
            return;
        }
        Q_EMIT submitted();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Room for the hints and messages to wrap into a few lines, not many.
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
}

void AccountDialog::setAccount(const AccountInfo &account)
{
    const auto text = [&account](const char *name) {
        return account.claims.value(QLatin1StringView(name)).toString();
    };
    m_username->setText(account.username);
    m_name->setText(text("name"));
    m_givenName->setText(text("given_name"));
    m_familyName->setText(text("family_name"));
    m_email->setText(text("email"));
    m_emailVerified->setChecked(account.claims.value(QStringLiteral("email_verified")).toBool());
    m_groups->setText(AccountTableModel::groupsOf(account).join(QStringLiteral(", ")));
}

QString AccountDialog::username() const
{
    return m_username->text();
}

QJsonObject AccountDialog::claims() const
{
    QJsonObject claims{
        {QStringLiteral("name"), textOrNull(m_name)},
        {QStringLiteral("given_name"), textOrNull(m_givenName)},
        {QStringLiteral("family_name"), textOrNull(m_familyName)},
        {QStringLiteral("email"), textOrNull(m_email)},
    };
    // email_verified says something only about an address.
    if (m_emailVerified->isChecked())
        claims.insert(QStringLiteral("email_verified"), true);
    else if (m_email->text().trimmed().isEmpty())
        claims.insert(QStringLiteral("email_verified"), QJsonValue::Null);
    else
        claims.insert(QStringLiteral("email_verified"), false);
    QJsonArray groups;
    // ASCII comma, and the full-width comma and enumeration comma a Chinese
    // keyboard types ("员工，管理员", "员工、管理员").
    static const QRegularExpression separators(QStringLiteral("[,\\x{FF0C}\\x{3001}]"));
    const QStringList parts = m_groups->text().split(separators);
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty())
            groups.append(part.trimmed());
    }
    claims.insert(QStringLiteral("groups"),
                  groups.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(groups));
    return claims;
}

QJsonObject AccountDialog::presentClaims() const
{
    QJsonObject present;
    const QJsonObject all = claims();
    for (auto it = all.begin(); it != all.end(); ++it) {
        if (!it.value().isNull())
            present.insert(it.key(), it.value());
    }
    return present;
}

QString AccountDialog::password() const
{
    return m_password ? m_password->text() : QString();
}

void AccountDialog::updatePassword()
{
    m_strength->setPersonalWords({m_username->text(), m_name->text(), m_email->text()});
    m_strength->setPassword(m_password->text());
    if (!m_confirm->text().isEmpty() && m_confirm->text() != m_password->text())
        m_message->showMessage(tr("The two passwords do not match."));
    else
        m_message->clear();
}

QWidget *AccountDialog::widgetFor(const QString &path) const
{
    const QString key = path.section(u'[', 0, 0);
    if (key == u"username")
        return m_username;
    if (key == u"name")
        return m_name;
    if (key == u"given_name")
        return m_givenName;
    if (key == u"family_name")
        return m_familyName;
    if (key == u"email")
        return m_email;
    if (key == u"email_verified")
        return m_emailVerified;
    if (key == u"groups")
        return m_groups;
    if (key == u"password")
        return m_password;
    return nullptr;
}

void AccountDialog::showProblems(const ValidationProblems &problems)
{
    QStringList lines;
    for (const ValidationProblem &problem : problems)
        lines.append(problem.toString());
    m_message->showMessage(lines.join(u'\n'));
    for (const ValidationProblem &problem : problems) {
        if (QWidget *widget = widgetFor(problem.path)) {
            widget->setFocus(Qt::OtherFocusReason);
            break;
        }
    }
}

void AccountDialog::showError(const QString &message)
{
    m_message->showMessage(message);
}

QString AccountDialog::messageText() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

void AccountDialog::setBusy(bool busy)
{
    for (QWidget *widget :
         {static_cast<QWidget *>(m_username), static_cast<QWidget *>(m_name),
          static_cast<QWidget *>(m_givenName), static_cast<QWidget *>(m_familyName),
          static_cast<QWidget *>(m_email), static_cast<QWidget *>(m_emailVerified),
          static_cast<QWidget *>(m_groups)})
        widget->setEnabled(!busy);
    if (m_password) {
        m_password->setEnabled(!busy);
        m_confirm->setEnabled(!busy);
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

void AccountDialog::done(int result)
{
    if (m_password) {
        m_password->clear();
        m_confirm->clear();
    }
    QDialog::done(result);
}

} // namespace lanyard::ui
