// SPDX-License-Identifier: GPL-3.0-or-later
#include "clients/ClientDialog.h"

#include "core/Protocol.h"
#include "widgets/InlineMessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace lanyard::ui {

namespace {

/// The longest lifetime the validator accepts (a year).
constexpr int MaxLifetimeSecs = 365 * 24 * 3600;

QStringList linesOf(const QPlainTextEdit *edit)
{
    QStringList lines;
    const QStringList raw = edit->toPlainText().split(u'\n');
    for (const QString &line : raw) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            lines.append(trimmed);
    }
    return lines;
}

QPlainTextEdit *uriList(const QString &objectName, const QString &placeholder)
{
    auto *edit = new QPlainTextEdit;
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    const int lineHeight = edit->fontMetrics().lineSpacing();
    edit->setMinimumHeight(lineHeight * 4);
    return edit;
}

void selectData(QComboBox *combo, const QString &value)
{
    const int index = combo->findData(value);
    if (index >= 0)
        combo->setCurrentIndex(index);
}

} // namespace

ClientDialog::ClientDialog(Mode mode, const ProviderConfig &defaults, QWidget *parent)
    : QDialog(parent), m_mode(mode), m_defaults(defaults)
{
    setObjectName(QStringLiteral("clientDialog"));
    setWindowTitle(mode == Mode::Create ? tr("Add client") : tr("Edit client"));

    m_message = new InlineMessage;
    m_message->setObjectName(QStringLiteral("problemsMessage"));

    m_tabs = new QTabWidget;
    m_tabs->addTab(buildApplicationTab(), tr("&Application"));
    m_tabs->addTab(buildSignInTab(), tr("&Sign-in"));
    m_tabs->addTab(buildTokensTab(), tr("&Tokens"));
    m_tabs->addTab(buildLogoutTab(), tr("&Logout"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("okButton"));
    ok->setText(mode == Mode::Create ? tr("Add client") : tr("Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    // OK does not close: the page closes the dialog once the client is stored.
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ClientDialog::submitted);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Room for the hints and messages to wrap into a few lines, not many.
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_buttons);

    setClient(Client{});
}

QWidget *ClientDialog::buildApplicationTab()
{
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("Shown on the sign-in and consent pages"));

    m_clientId = new QLineEdit;
    m_clientId->setObjectName(QStringLiteral("clientIdEdit"));
    if (m_mode == Mode::Edit) {
        m_clientId->setReadOnly(true);
        m_clientId->setToolTip(tr("The client ID cannot change: the application is configured "
                                  "with it."));
    } else {
        m_clientId->setToolTip(tr("A random suggestion; you may type your own (printable ASCII, "
                                  "no spaces)."));
    }

    m_type = new QComboBox;
    m_type->setObjectName(QStringLiteral("typeCombo"));
    m_type->addItem(tr("Confidential (runs on a server, keeps a secret)"), false);
    m_type->addItem(tr("Public (browser or native app, no secret)"), true);
    connect(m_type, &QComboBox::currentIndexChanged, this, &ClientDialog::onTypeChanged);

    m_authMethod = new QComboBox;
    m_authMethod->setObjectName(QStringLiteral("authMethodCombo"));
    m_authMethod->addItem(tr("HTTP Basic (client_secret_basic)"),
                          QString(proto::auth_method::ClientSecretBasic));
    m_authMethod->addItem(tr("Form parameter (client_secret_post)"),
                          QString(proto::auth_method::ClientSecretPost));
    m_authMethod->addItem(tr("None (public client)"), QString(proto::auth_method::None));
    connect(m_authMethod, &QComboBox::currentIndexChanged, this,
            &ClientDialog::onAuthMethodChanged);

    m_redirectUris = uriList(QStringLiteral("redirectUrisEdit"),
                             tr("https://app.example/callback (one per line)"));
    m_postLogoutUris = uriList(QStringLiteral("postLogoutUrisEdit"),
                               tr("https://app.example/ (one per line, optional)"));

    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Client &ID:"), m_clientId);
    form->addRow(tr("T&ype:"), m_type);
    form->addRow(tr("A&uthentication:"), m_authMethod);
    form->addRow(tr("&Redirect URIs:"), m_redirectUris);
    form->addRow(tr("&Post-logout redirect URIs:"), m_postLogoutUris);
    return page;
}

QWidget *ClientDialog::buildSignInTab()
{
    m_grantCode = new QCheckBox(tr("Authorization &code (users sign in)"));
    m_grantCode->setObjectName(QStringLiteral("grantAuthorizationCode"));
    m_grantRefresh = new QCheckBox(tr("&Refresh tokens"));
    m_grantRefresh->setObjectName(QStringLiteral("grantRefreshToken"));
    m_grantClientCredentials = new QCheckBox(tr("Client c&redentials (service to service)"));
    m_grantClientCredentials->setObjectName(QStringLiteral("grantClientCredentials"));
    connect(m_grantCode, &QCheckBox::toggled, this, &ClientDialog::updateDependentWidgets);
    auto *grants = new QGroupBox(tr("Grant types"));
    auto *grantsLayout = new QVBoxLayout(grants);
    grantsLayout->addWidget(m_grantCode);
    grantsLayout->addWidget(m_grantRefresh);
    grantsLayout->addWidget(m_grantClientCredentials);

    m_scopes = new QLineEdit;
    m_scopes->setObjectName(QStringLiteral("scopesEdit"));
    m_scopes->setPlaceholderText(tr("openid profile email (separated by spaces)"));

    m_requirePkce = new QCheckBox(tr("Require &PKCE (S256) on every authorization request"));
    m_requirePkce->setObjectName(QStringLiteral("requirePkceCheck"));
    m_requireConsent = new QCheckBox(tr("Ask users for &consent before the first sign-in"));
    m_requireConsent->setObjectName(QStringLiteral("requireConsentCheck"));

    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    form->addRow(grants);
    form->addRow(tr("&Scopes:"), m_scopes);
    form->addRow(m_requirePkce);
    form->addRow(m_requireConsent);
    return page;
}

QSpinBox *ClientDialog::lifetimeSpin(const QString &objectName, int defaultSecs)
{
    auto *spin = new QSpinBox;
    spin->setObjectName(objectName);
    spin->setRange(0, MaxLifetimeSecs);
    spin->setSingleStep(60);
    spin->setSuffix(tr(" s"));
    spin->setSpecialValueText(tr("Default (%1)").arg(durationText(defaultSecs)));
    spin->setAccelerated(true);
    return spin;
}

QWidget *ClientDialog::buildTokensTab()
{
    m_accessLifetime =
        lifetimeSpin(QStringLiteral("accessLifetimeSpin"), m_defaults.accessTokenLifetimeSecs);
    m_idLifetime = lifetimeSpin(QStringLiteral("idLifetimeSpin"), m_defaults.idTokenLifetimeSecs);
    m_refreshLifetime =
        lifetimeSpin(QStringLiteral("refreshLifetimeSpin"), m_defaults.refreshTokenLifetimeSecs);

    m_idTokenAlg = new QComboBox;
    m_idTokenAlg->setObjectName(QStringLiteral("idTokenAlgCombo"));
    for (const QLatin1StringView alg :
         {proto::alg::RS256, proto::alg::PS256, proto::alg::ES256, proto::alg::EdDSA})
        m_idTokenAlg->addItem(QString(alg), QString(alg));

    m_opaqueTokens = new QCheckBox(tr("Issue &opaque access tokens instead of JWTs"));
    m_opaqueTokens->setObjectName(QStringLiteral("opaqueTokensCheck"));
    m_rotateRefresh = new QCheckBox(tr("Rotate refresh tokens on &use"));
    m_rotateRefresh->setObjectName(QStringLiteral("rotateRefreshCheck"));
    m_resourceServer =
        new QCheckBox(tr("Resource ser&ver: may introspect the access tokens of every client"));
    m_resourceServer->setObjectName(QStringLiteral("resourceServerCheck"));

    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    form->addRow(tr("&Access token lifetime:"), m_accessLifetime);
    form->addRow(tr("&ID token lifetime:"), m_idLifetime);
    form->addRow(tr("&Refresh token lifetime:"), m_refreshLifetime);
    form->addRow(tr("ID token &signature:"), m_idTokenAlg);
    form->addRow(m_opaqueTokens);
    form->addRow(m_rotateRefresh);
    form->addRow(m_resourceServer);
    return page;
}

QWidget *ClientDialog::buildLogoutTab()
{
    m_backchannelUri = new QLineEdit;
    m_backchannelUri->setObjectName(QStringLiteral("backchannelUriEdit"));
    m_backchannelUri->setPlaceholderText(tr("https://app.example/backchannel-logout (optional)"));
    connect(m_backchannelUri, &QLineEdit::textChanged, this, &ClientDialog::updateDependentWidgets);
    m_backchannelSession = new QCheckBox(tr("Include the session ID (&sid) in logout tokens"));
    m_backchannelSession->setObjectName(QStringLiteral("backchannelSessionCheck"));

    auto *explanation = new QLabel(tr("When a session ends (logout, an administrator, expiry), "
                                      "Lanyard tells the application at this URL so it can sign "
                                      "the user out too (OpenID Connect Back-Channel Logout)."));
    explanation->setWordWrap(true);

    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    form->addRow(explanation);
    form->addRow(tr("&Back-channel logout URI:"), m_backchannelUri);
    form->addRow(m_backchannelSession);
    return page;
}

QString ClientDialog::durationText(int seconds)
{
    if (seconds > 0 && seconds % 86400 == 0)
        return tr("%n day(s)", nullptr, seconds / 86400);
    if (seconds > 0 && seconds % 3600 == 0)
        return tr("%n h", nullptr, seconds / 3600);
    if (seconds > 0 && seconds % 60 == 0)
        return tr("%n min", nullptr, seconds / 60);
    return tr("%n s", nullptr, seconds);
}

void ClientDialog::setClient(const Client &client)
{
    m_loaded = client;
    m_name->setText(client.clientName);
    m_clientId->setText(client.clientId);
    {
        const QSignalBlocker typeBlocker(m_type);
        const QSignalBlocker authBlocker(m_authMethod);
        m_type->setCurrentIndex(client.isPublic() ? 1 : 0);
        selectData(m_authMethod, client.tokenEndpointAuthMethod);
    }
    m_redirectUris->setPlainText(client.redirectUris.join(u'\n'));
    m_postLogoutUris->setPlainText(client.postLogoutRedirectUris.join(u'\n'));

    m_grantCode->setChecked(client.grantTypes.contains(proto::grant::AuthorizationCode));
    m_grantRefresh->setChecked(client.grantTypes.contains(proto::grant::RefreshToken));
    m_grantClientCredentials->setChecked(
        client.grantTypes.contains(proto::grant::ClientCredentials));
    m_scopes->setText(client.scopes.join(u' '));
    m_requirePkce->setChecked(client.requirePkce);
    m_requireConsent->setChecked(client.requireConsent);

    m_accessLifetime->setValue(client.accessTokenLifetimeSecs);
    m_idLifetime->setValue(client.idTokenLifetimeSecs);
    m_refreshLifetime->setValue(client.refreshTokenLifetimeSecs);
    selectData(m_idTokenAlg, client.idTokenSignedResponseAlg);
    m_opaqueTokens->setChecked(client.opaqueAccessTokens);
    m_rotateRefresh->setChecked(client.rotateRefreshTokens);
    m_resourceServer->setChecked(client.resourceServer);

    m_backchannelUri->setText(client.backchannelLogoutUri);
    m_backchannelSession->setChecked(client.backchannelLogoutSessionRequired);
    updateDependentWidgets();
}

Client ClientDialog::client() const
{
    // Start from the loaded client: createdAt and anything the form does
    // not show stay as they were.
    Client c = m_loaded;
    c.clientName = m_name->text().trimmed();
    c.clientId = m_clientId->text().trimmed();
    c.tokenEndpointAuthMethod = m_authMethod->currentData().toString();
    c.redirectUris = linesOf(m_redirectUris);
    c.postLogoutRedirectUris = linesOf(m_postLogoutUris);

    c.grantTypes.clear();
    if (m_grantCode->isChecked())
        c.grantTypes.append(QString(proto::grant::AuthorizationCode));
    if (m_grantRefresh->isChecked())
        c.grantTypes.append(QString(proto::grant::RefreshToken));
    if (m_grantClientCredentials->isChecked())
        c.grantTypes.append(QString(proto::grant::ClientCredentials));
    // RFC 7591 §2.1: response type "code" goes with authorization_code.
    c.responseTypes =
        m_grantCode->isChecked() ? QStringList{QString(proto::response_type::Code)} : QStringList{};
    c.scopes = m_scopes->text().split(u' ', Qt::SkipEmptyParts);
    c.requirePkce = m_requirePkce->isChecked();
    c.requireConsent = m_requireConsent->isChecked();

    c.accessTokenLifetimeSecs = m_accessLifetime->value();
    c.idTokenLifetimeSecs = m_idLifetime->value();
    c.refreshTokenLifetimeSecs = m_refreshLifetime->value();
    c.idTokenSignedResponseAlg = m_idTokenAlg->currentData().toString();
    c.opaqueAccessTokens = m_opaqueTokens->isChecked();
    c.rotateRefreshTokens = m_rotateRefresh->isChecked();
    c.resourceServer = m_resourceServer->isChecked();

    c.backchannelLogoutUri = m_backchannelUri->text().trimmed();
    c.backchannelLogoutSessionRequired = m_backchannelSession->isChecked();
    return c;
}

void ClientDialog::onTypeChanged()
{
    const bool isPublic = m_type->currentData().toBool();
    const QString method = m_authMethod->currentData().toString();
    const QSignalBlocker blocker(m_authMethod);
    if (isPublic)
        selectData(m_authMethod, QString(proto::auth_method::None));
    else if (method == proto::auth_method::None)
        selectData(m_authMethod, QString(proto::auth_method::ClientSecretBasic));
    updateDependentWidgets();
}

void ClientDialog::onAuthMethodChanged()
{
    const bool isPublic = m_authMethod->currentData().toString() == proto::auth_method::None;
    const QSignalBlocker blocker(m_type);
    m_type->setCurrentIndex(isPublic ? 1 : 0);
    updateDependentWidgets();
}

void ClientDialog::updateDependentWidgets()
{
    const bool isPublic = m_type->currentData().toBool();
    // Only a confidential client may turn PKCE off.
    if (isPublic) {
        m_requirePkce->setChecked(true);
        m_requirePkce->setEnabled(false);
        m_requirePkce->setToolTip(tr("A public client must use PKCE."));
    } else {
        m_requirePkce->setEnabled(true);
        m_requirePkce->setToolTip(tr("Turn off only for a legacy server-side application that "
                                     "cannot send a code challenge."));
    }
    m_grantClientCredentials->setToolTip(
        isPublic ? tr("Client credentials need a confidential client.") : QString());
    // RFC 7662 §2.1: introspection needs client authentication.
    m_resourceServer->setToolTip(isPublic ? tr("A resource server must be a confidential client.")
                                          : tr("For an API that checks access tokens at the "
                                               "introspection endpoint."));
    m_backchannelSession->setEnabled(!m_backchannelUri->text().trimmed().isEmpty());
}

QWidget *ClientDialog::widgetFor(const QString &path) const
{
    const QString key = path.section(u'[', 0, 0);
    if (key == u"client_id")
        return m_clientId;
    if (key == u"client_name")
        return m_name;
    if (key == u"token_endpoint_auth_method" || key == u"client_secret")
        return m_authMethod;
    if (key == u"redirect_uris")
        return m_redirectUris;
    if (key == u"post_logout_redirect_uris")
        return m_postLogoutUris;
    if (key == u"grant_types" || key == u"response_types")
        return m_grantCode;
    if (key == u"scope")
        return m_scopes;
    if (key == u"require_pkce")
        return m_requirePkce;
    if (key == u"access_token_lifetime")
        return m_accessLifetime;
    if (key == u"id_token_lifetime")
        return m_idLifetime;
    if (key == u"refresh_token_lifetime")
        return m_refreshLifetime;
    if (key == u"id_token_signed_response_alg")
        return m_idTokenAlg;
    if (key == u"resource_server")
        return m_resourceServer;
    if (key == u"backchannel_logout_uri" || key == u"backchannel_logout_session_required")
        return m_backchannelUri;
    return nullptr;
}

void ClientDialog::revealAndFocus(QWidget *widget)
{
    for (int tab = 0; tab < m_tabs->count(); ++tab) {
        if (m_tabs->widget(tab)->isAncestorOf(widget)) {
            m_tabs->setCurrentIndex(tab);
            break;
        }
    }
    widget->setFocus(Qt::OtherFocusReason);
}

void ClientDialog::showProblems(const ValidationProblems &problems)
{
    QStringList lines;
    for (const ValidationProblem &problem : problems)
        lines.append(problem.toString());
    m_message->showMessage(lines.join(u'\n'));
    for (const ValidationProblem &problem : problems) {
        if (QWidget *widget = widgetFor(problem.path)) {
            revealAndFocus(widget);
            break;
        }
    }
}

void ClientDialog::showError(const QString &message)
{
    m_message->showMessage(message);
}

QString ClientDialog::messageText() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}

void ClientDialog::setBusy(bool busy)
{
    m_tabs->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

} // namespace lanyard::ui
