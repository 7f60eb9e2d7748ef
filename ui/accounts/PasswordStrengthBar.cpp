// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/PasswordStrengthBar.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace lanyard::ui {

PasswordStrengthBar::PasswordStrengthBar(QWidget *parent)
    : QWidget(parent), m_bar(new QProgressBar), m_hint(new QLabel)
{
    m_bar->setObjectName(QStringLiteral("strengthBar"));
    m_bar->setRange(0, 100);
    m_bar->setTextVisible(true);
    m_bar->setAccessibleName(tr("Password strength"));
    m_hint->setObjectName(QStringLiteral("strengthHint"));
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    // Room for a two-line hint from the start: the form does not jump while typing.
    m_hint->setMinimumHeight(m_hint->fontMetrics().lineSpacing() * 2);
    m_hint->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_hint);
    setPassword(QString());
}

void PasswordStrengthBar::setPersonalWords(const QStringList &words)
{
    m_personal = words;
}

void PasswordStrengthBar::setPassword(const QString &password)
{
    m_estimate = PasswordStrength::estimate(password, m_personal);
    m_bar->setValue(m_estimate.score);
    const QString level = levelText(m_estimate.level);
    m_bar->setFormat(level.isEmpty() ? QString() : level);
    m_bar->setAccessibleDescription(level);
    m_hint->setText(hintText(m_estimate.hint));
}

QString PasswordStrengthBar::levelText() const
{
    return levelText(m_estimate.level);
}

QString PasswordStrengthBar::hintText() const
{
    return m_hint->text();
}

QString PasswordStrengthBar::levelText(PasswordStrength::Level level)
{
    switch (level) {
    case PasswordStrength::Level::Empty:
        return {};
    case PasswordStrength::Level::Weak:
        return tr("Weak");
    case PasswordStrength::Level::Fair:
        return tr("Fair");
    case PasswordStrength::Level::Strong:
        return tr("Strong");
    }
    return {};
}

QString PasswordStrengthBar::hintText(PasswordStrength::Hint hint)
{
    switch (hint) {
    case PasswordStrength::Hint::None:
        return {};
    case PasswordStrength::Hint::TooShort:
        return tr("Use at least %1 characters.").arg(PasswordStrength::MinimumLength);
    case PasswordStrength::Hint::Common:
        return tr("This is one of the most used passwords: it is guessed first.");
    case PasswordStrength::Hint::Personal:
        return tr("Leave the user's name and e-mail out of the password.");
    case PasswordStrength::Hint::Repetitive:
        return tr("Avoid repeated characters and runs like abc or 123.");
    case PasswordStrength::Hint::Variety:
        return tr("Mix in capitals, digits or symbols, or make it longer.");
    case PasswordStrength::Hint::Longer:
        return tr("Longer is stronger: a few unrelated words make a good passphrase.");
    }
    return {};
}

} // namespace lanyard::ui
