// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

class QTranslator;

namespace lanyard {

class RequestContext;

/// The language of one browser page (login, consent, logout, error),
/// chosen per request. English is the source language; every other language
/// is a catalog translations/lanyard_pages_<locale>.ts, built into the
/// provider as :/lanyard/i18n/lanyard_pages_<locale>.qm and loaded once per
/// process. No translator is installed in the application: translate() asks
/// this language's catalog directly, so worker threads serve pages in
/// different languages at the same time.
///
/// Choice (negotiate()): the first supported tag of `ui_locales`
/// (OpenID Connect Core §3.1.2.1), then the Accept-Language ranges by
/// weight (RFC 9110 §12.5.4), then English. A tag is served by a catalog
/// of the same language and script, so `zh`, `zh-CN`, `zh-SG` and
/// `zh-Hans-*` get Simplified Chinese while `zh-TW` and `zh-Hant` do not.
///
/// Plain value, cheap to copy; any thread.
class PageLanguage
{
public:
    /// English, the source language.
    PageLanguage() = default;

    /// The BCP 47 tag of the language, for `<html lang>`: "en", "zh-CN".
    QString tag() const { return m_tag; }
    /// True for English (no catalog: the source texts are shown).
    bool isSource() const { return m_translator == nullptr; }

    /// `sourceText` of `context` in this language, like
    /// QCoreApplication::translate(): with `n` >= 0 the plural form for `n`
    /// is chosen and %n (%Ln: in this language's digits) replaced. The
    /// source text when the catalog has no translation. lupdate finds the
    /// calls (`language.translate("LoginPage", "Sign in")`). Any thread.
    QString translate(const char *context, const char *sourceText,
                      const char *disambiguation = nullptr, int n = -1) const;

    /// The languages pages are available in, as BCP 47 tags, "en" first.
    /// Any thread.
    static QStringList supportedTags();
    /// The supported language that serves `tag` (a BCP 47 language tag;
    /// `_` is accepted for `-`), or nullopt. Any thread.
    static std::optional<PageLanguage> match(QStringView tag);
    /// The language for a page: the first supported tag of `uiLocales`
    /// (space-separated, in order of preference), else the first supported
    /// range of the Accept-Language value `acceptLanguage`, else English.
    /// Malformed tags and ranges are skipped. Any thread.
    static PageLanguage negotiate(QStringView uiLocales, QByteArrayView acceptLanguage);
    /// negotiate() with every Accept-Language header of `request`. Any thread.
    static PageLanguage forRequest(const RequestContext &request, QStringView uiLocales);
    /// The language ranges of an Accept-Language value, highest weight
    /// first (equal weights keep their order); ranges weighted q=0 and
    /// malformed ones are left out. Any thread.
    static QStringList acceptLanguageRanges(QByteArrayView acceptLanguage);

private:
    PageLanguage(QString tag, const QTranslator *translator)
        : m_tag(std::move(tag)), m_translator(translator)
    {}

    QString m_tag = QStringLiteral("en");
    /// Owned by the process-wide catalog list; never destroyed.
    const QTranslator *m_translator = nullptr;
};

} // namespace lanyard
