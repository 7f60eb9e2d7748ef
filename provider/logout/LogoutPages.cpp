// SPDX-License-Identifier: GPL-3.0-or-later
#include "logout/LogoutPages.h"

#include "auth/SignInLog.h"
#include "endpoints/PageRenderer.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

struct Templates
{
    QString confirmation;
    QString done;
    QString error;
};

QString readTemplate(const QString &name)
{
    QFile file(u":/lanyard/pages/"_s + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcSignIn) << "page template missing from the resources:" << name;
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

const Templates &templates()
{
    // Loaded once; C++ guarantees a thread-safe initialisation.
    static const Templates loaded{readTemplate(u"logout.html"_s),
                                  readTemplate(u"logged_out.html"_s),
                                  readTemplate(u"error.html"_s)};
    return loaded;
}

PageRenderer::Values baseValues(const QUrl &issuer, const PageLanguage &language)
{
    QString prefix = issuer.path(QUrl::FullyEncoded);
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    PageRenderer::Values values;
    values.text.insert(u"stylesheet"_s, prefix + PageRenderer::stylesheetPath());
    values.text.insert(u"lang"_s, language.tag());
    return values;
}

/// A translated sentence as markup: escaped, its %1 replaced by `value`
/// escaped in `<strong>`.
QString sentence(const QString &translated, const QString &value)
{
    return PageRenderer::escape(translated)
        .arg(u"<strong>"_s + PageRenderer::escape(value) + u"</strong>"_s);
}

QByteArray render(const QString &templateText, const PageRenderer::Values &values)
{
    return PageRenderer::render(templateText, values).toUtf8();
}

} // namespace

QByteArray LogoutPages::confirmationPage(const PageLanguage &language, const QUrl &issuer,
                                         const Confirmation &confirmation)
{
    PageRenderer::Values values = baseValues(issuer, language);
    values.text.insert(u"page_title"_s, language.translate("LogoutPage", "Sign out"));
    values.text.insert(u"heading"_s, language.translate("LogoutPage", "Sign out?"));
    //: %1 is the username of the signed-in account.
    values.html.insert(u"lead"_s,
                       sentence(language.translate("LogoutPage", "You are signed in as %1."),
                                confirmation.username));
    if (!confirmation.clientName.isEmpty()) {
        //: %1 is the name of the application that sent the user here.
        values.html.insert(u"requester"_s,
                           sentence(language.translate("LogoutPage", "%1 asks to sign you out."),
                                    confirmation.clientName));
    }
    values.text.insert(u"explanation"_s,
                       language.translate("LogoutPage",
                                          "Signing out ends your session on this server and in "
                                          "the applications you signed in to with it."));
    values.text.insert(u"csrf_token"_s, confirmation.csrfToken);
    values.text.insert(u"client_id"_s, confirmation.clientId);
    values.text.insert(u"post_logout_redirect_uri"_s, confirmation.postLogoutRedirectUri);
    values.text.insert(u"state"_s, confirmation.state);
    values.text.insert(u"ui_locales"_s, confirmation.uiLocales);
    values.text.insert(u"confirm_label"_s, language.translate("LogoutPage", "Sign out"));
    values.text.insert(u"cancel_label"_s, language.translate("LogoutPage", "Stay signed in"));
    return render(templates().confirmation, values);
}

QByteArray LogoutPages::donePage(const PageLanguage &language, const QUrl &issuer, bool signedOut)
{
    PageRenderer::Values values = baseValues(issuer, language);
    if (signedOut) {
        values.text.insert(u"title"_s, language.translate("LogoutPage", "You are signed out"));
        values.text.insert(u"message"_s,
                           language.translate("LogoutPage", "You can close this window."));
    } else {
        values.text.insert(u"title"_s, language.translate("LogoutPage", "You are still signed in"));
        values.text.insert(u"message"_s, language.translate("LogoutPage", "Nothing was changed. "
                                                                          "You can close this "
                                                                          "window."));
    }
    return render(templates().done, values);
}

QByteArray LogoutPages::errorPage(const PageLanguage &language, const QUrl &issuer, ErrorKind kind,
                                  const OAuthError &error)
{
    PageRenderer::Values values = baseValues(issuer, language);
    QString title;
    QString message;
    switch (kind) {
    case ErrorKind::InvalidRequest:
        title = language.translate("LogoutPage", "This sign-out request cannot be completed");
        message = language.translate("LogoutPage",
                                     "The application sent a sign-out request this server cannot "
                                     "accept. Please tell the application's administrator.");
        values.text.insert(u"description"_s, error.description());
        if (!error.code().isEmpty()) {
            //: %1 is an OAuth error code such as invalid_request, shown as code.
            values.html.insert(
                u"error_code"_s,
                PageRenderer::escape(language.translate("LogoutPage", "Error code: %1"))
                    .arg(u"<code>"_s + PageRenderer::escape(error.code()) + u"</code>"_s));
        }
        break;
    case ErrorKind::Forbidden:
        title = language.translate("LogoutPage", "This form cannot be accepted");
        message = language.translate("LogoutPage",
                                     "It was not sent from the sign-out page that belongs to it. "
                                     "Sign out again from the application.");
        break;
    case ErrorKind::ServerError:
        title = language.translate("LogoutPage", "Something went wrong");
        message = language.translate(
            "LogoutPage", "The server could not complete the request. Please try again later.");
        break;
    }
    values.text.insert(u"title"_s, title);
    values.text.insert(u"message"_s, message);
    return render(templates().error, values);
}

} // namespace lanyard
