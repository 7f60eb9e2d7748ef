// SPDX-License-Identifier: GPL-3.0-or-later
#include "clients/SecretDialog.h"

#include "widgets/InlineMessage.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lanyard::ui {

SecretDialog::SecretDialog(const QString &clientId, const QString &secret, QWidget *parent)
    : QDialog(parent), m_secret(new QLineEdit(secret)), m_copy(new QPushButton(tr("&Copy"))),
      m_copied(new QLabel)
{
    setObjectName(QStringLiteral("secretDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Client secret of %1").arg(clientId));

    auto *intro = new QLabel(tr("The new secret of <b>%1</b>:").arg(clientId.toHtmlEscaped()));
    intro->setTextFormat(Qt::RichText);

    m_secret->setObjectName(QStringLiteral("secretEdit"));
    m_secret->setReadOnly(true);
    m_secret->setAccessibleName(tr("Client secret"));
    m_secret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_secret->setMinimumWidth(m_secret->fontMetrics().horizontalAdvance(secret) +
                              8 * m_secret->fontMetrics().averageCharWidth());
    m_secret->selectAll();

    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_copy->setToolTip(tr("Copy the secret to the clipboard"));
    connect(m_copy, &QPushButton::clicked, this, &SecretDialog::copy);
    m_copied->setObjectName(QStringLiteral("copiedLabel"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_secret, 1);
    row->addWidget(m_copy);

    auto *warning = new InlineMessage;
    warning->setObjectName(QStringLiteral("secretWarning"));
    warning->showMessage(tr("Copy it now into the application's configuration. It will not be "
                            "shown again: Lanyard keeps only a hash of it. If it is lost, rotate "
                            "the secret."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(row);
    layout->addWidget(m_copied);
    layout->addWidget(warning);
    layout->addWidget(buttons);
    m_copy->setFocus();
}

SecretDialog::~SecretDialog()
{
    m_secret->clear();
}

QString SecretDialog::secret() const
{
    return m_secret->text();
}

void SecretDialog::copy()
{
    QGuiApplication::clipboard()->setText(m_secret->text());
    m_copied->setText(tr("Copied to the clipboard."));
}

void SecretDialog::done(int result)
{
    m_secret->clear();
    QDialog::done(result);
}

} // namespace lanyard::ui
