// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

namespace lanyard::ui {

/// Help → About Lanyard: the version, the licence and the versions of the
/// libraries the provider runs on (Qt, OpenSSL). GUI thread.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /// The dialog's text (rich text): version, licence, Qt and OpenSSL.
    static QString aboutText();
};

} // namespace lanyard::ui
