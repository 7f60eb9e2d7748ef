// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace lanyard::ui {

/// Shows a client secret once, right after it was generated: read-only,
/// with a Copy button and a warning that it cannot be shown again (Lanyard
/// keeps only its hash). The text is wiped when the dialog closes. Deletes
/// itself on close. GUI thread.
class SecretDialog : public QDialog
{
    Q_OBJECT

public:
    SecretDialog(const QString &clientId, const QString &secret, QWidget *parent = nullptr);
    ~SecretDialog() override;

    /// The secret shown (empty once closed).
    QString secret() const;

protected:
    void done(int result) override;

private:
    void copy();

    QLineEdit *m_secret;
    QPushButton *m_copy;
    QLabel *m_copied;
};

} // namespace lanyard::ui
