// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/AboutDialog.h"

#include "shell/IconProvider.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

#include <openssl/crypto.h>

namespace lanyard::ui {

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Lanyard"));

    auto *icon = new QLabel;
    const int side = fontMetrics().height() * 4;
    icon->setPixmap(IconProvider::applicationIcon().pixmap(QSize(side, side)));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    icon->setAccessibleName(tr("Lanyard logo"));

    auto *text = new QLabel(aboutText());
    text->setObjectName(QStringLiteral("aboutText"));
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    text->setOpenExternalLinks(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setMinimumWidth(fontMetrics().averageCharWidth() * 50);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *row = new QHBoxLayout;
    row->setSpacing(fontMetrics().height());
    row->addWidget(icon);
    row->addWidget(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
}

QString AboutDialog::aboutText()
{
    const QString openSsl = QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
    return tr("<h3>Lanyard %1</h3>"
              "<p>Identity administration for the office, with an embedded OpenID Provider "
              "(OAuth 2.0 and OpenID Connect).</p>"
              "<p>Free software under the GNU General Public License, version 3 or later "
              "(GPL-3.0-or-later). It comes with no warranty.</p>"
              "<p>Built with Qt %2, running on Qt %3.<br>%4</p>")
        .arg(QApplication::applicationVersion().isEmpty() ? QStringLiteral(LANYARD_VERSION)
                                                          : QApplication::applicationVersion(),
             QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()),
             openSsl.toHtmlEscaped());
}

} // namespace lanyard::ui
