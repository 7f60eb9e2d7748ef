// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "admin/ValidationProblem.h"
#include "core/ProviderConfig.h"
#include "model/Client.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;

namespace lanyard::ui {

class InlineMessage;

/// Creates or edits one client: every setting the provider supports, on
/// four tabs (Application, Sign-in, Tokens, Logout). It does not save:
/// OK emits submitted() and the dialog stays open until the page calls
/// accept() after ClientService stored the client, or showProblems() with
/// what the service refused (the import's messages, shown inline, the first
/// field focused). GUI thread.
class ClientDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Create, Edit };

    /// `defaults`: the provider's token lifetimes, shown for "0 = default".
    ClientDialog(Mode mode, const ProviderConfig &defaults, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    /// Fills the form from `client` (Edit: the stored one; Create: a
    /// template with a suggested client_id).
    void setClient(const Client &client);
    /// The client as the form describes it now.
    Client client() const;

    /// Shows `problems` (one per line, as `lanyard import` words them,
    /// without its path prefix) and focuses the first field named.
    void showProblems(const ValidationProblems &problems);
    /// Shows a failure that is not about a field.
    void showError(const QString &message);
    /// The text shown by showProblems()/showError(), empty when none.
    QString messageText() const;
    /// While the page saves: the form is read-only and OK disabled.
    void setBusy(bool busy);

    /// "1 h", "14 days", "90 s": a lifetime in words.
    static QString durationText(int seconds);

Q_SIGNALS:
    /// OK was pressed; read client() and save it.
    void submitted();

private:
    QWidget *buildApplicationTab();
    QWidget *buildSignInTab();
    QWidget *buildTokensTab();
    QWidget *buildLogoutTab();
    QSpinBox *lifetimeSpin(const QString &objectName, int defaultSecs);
    void onTypeChanged();
    void onAuthMethodChanged();
    void updateDependentWidgets();
    /// The widget a problem's path points at, or null.
    QWidget *widgetFor(const QString &path) const;
    void revealAndFocus(QWidget *widget);

    const Mode m_mode;
    const ProviderConfig m_defaults;
    /// The loaded client (Edit): fields the form does not show come from it.
    Client m_loaded;

    QTabWidget *m_tabs = nullptr;
    InlineMessage *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;

    QLineEdit *m_name = nullptr;
    QLineEdit *m_clientId = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_authMethod = nullptr;
    QPlainTextEdit *m_redirectUris = nullptr;
    QPlainTextEdit *m_postLogoutUris = nullptr;

    QCheckBox *m_grantCode = nullptr;
    QCheckBox *m_grantRefresh = nullptr;
    QCheckBox *m_grantClientCredentials = nullptr;
    QLineEdit *m_scopes = nullptr;
    QCheckBox *m_requirePkce = nullptr;
    QCheckBox *m_requireConsent = nullptr;

    QSpinBox *m_accessLifetime = nullptr;
    QSpinBox *m_idLifetime = nullptr;
    QSpinBox *m_refreshLifetime = nullptr;
    QComboBox *m_idTokenAlg = nullptr;
    QCheckBox *m_opaqueTokens = nullptr;
    QCheckBox *m_rotateRefresh = nullptr;
    QCheckBox *m_resourceServer = nullptr;

    QLineEdit *m_backchannelUri = nullptr;
    QCheckBox *m_backchannelSession = nullptr;
};

} // namespace lanyard::ui
