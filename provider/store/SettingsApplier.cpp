// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SettingsApplier.h"

#include "store/SettingsKeys.h"

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

Error bad(const QString &key, const QString &value, const QString &expected)
{
    return Error::invalid(u"%1: \"%2\" is not %3"_s.arg(key, value, expected));
}

/// A decimal integer in [min, max], written without spaces.
Result<int, Error> integer(const QString &key, const QString &value, int min, int max,
                           const QString &kind)
{
    bool ok = false;
    const int number = value.toInt(&ok, 10);
    if (!ok || value != value.trimmed() || number < min || number > max)
        return bad(key, value, u"%1 from %2 to %3"_s.arg(kind).arg(min).arg(max));
    return number;
}

Result<QUrl, Error> issuer(const QString &key, const QString &value)
{
    if (value.isEmpty())
        return QUrl();
    const QUrl url(value, QUrl::StrictMode);
    const QString scheme = url.scheme();
    // OpenID Connect Discovery §3: the issuer is a URL with a scheme and host
    // and no query or fragment components.
    if (!url.isValid() || (scheme != u"https"_s && scheme != u"http"_s) || url.host().isEmpty() ||
        url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return bad(key, value, u"an http(s) URL with a host and no query or fragment"_s);
    return url;
}

/// Applies one known key to `config`; false for an unknown key.
Result<bool, Error> applyOne(ProviderConfig &config, const QString &key, const QString &value)
{
    const auto seconds = [&](int min, int max, int &field) -> Result<bool, Error> {
        auto number = integer(key, value, min, max, u"a whole number of seconds"_s);
        if (!number)
            return number.error();
        field = *number;
        return true;
    };

    if (key == SettingsKeys::Issuer) {
        auto url = issuer(key, value);
        if (!url)
            return url.error();
        config.issuer = *url;
        return true;
    }
    if (key == SettingsKeys::ListenAddress) {
        QHostAddress address;
        if (value != value.trimmed() || !address.setAddress(value))
            return bad(key, value, u"an IPv4 or IPv6 address"_s);
        config.listenAddress = address;
        return true;
    }
    if (key == SettingsKeys::ListenPort) {
        auto port = integer(key, value, 0, 65535, u"a port number"_s);
        if (!port)
            return port.error();
        config.listenPort = static_cast<quint16>(*port);
        return true;
    }
    if (key == SettingsKeys::TlsCertificate) {
        config.tlsCertificateFile = value;
        return true;
    }
    if (key == SettingsKeys::TlsKey) {
        config.tlsKeyFile = value;
        return true;
    }
    if (key == SettingsKeys::CodeLifetime)
        return seconds(1, 600, config.authorizationCodeLifetimeSecs);
    if (key == SettingsKeys::AccessTokenLifetime)
        return seconds(1, 86'400, config.accessTokenLifetimeSecs);
    if (key == SettingsKeys::IdTokenLifetime)
        return seconds(1, 86'400, config.idTokenLifetimeSecs);
    if (key == SettingsKeys::RefreshTokenLifetime)
        return seconds(1, 365 * 86'400, config.refreshTokenLifetimeSecs);
    if (key == SettingsKeys::SessionLifetime)
        return seconds(60, 365 * 86'400, config.sessionLifetimeSecs);
    if (key == SettingsKeys::JwksMaxAge)
        return seconds(0, 86'400, config.jwksMaxAgeSecs);
    if (key == SettingsKeys::KeyRotationDelay) {
        int delay = 0;
        if (auto applied = seconds(0, 7 * 86'400, delay); !applied)
            return applied;
        config.keyRotationDelaySecs = delay;
        return true;
    }
    if (key == SettingsKeys::KeyRotationIntervalDays) {
        auto days = integer(key, value, 0, 3650, u"a whole number of days"_s);
        if (!days)
            return days.error();
        config.keyRotationIntervalDays = *days;
        return true;
    }
    if (key == SettingsKeys::EventRetentionDays) {
        auto days = integer(key, value, 1, 36'500, u"a whole number of days"_s);
        if (!days)
            return days.error();
        config.eventRetentionDays = *days;
        return true;
    }
    return false;
}

} // namespace

Result<ProviderConfig, Error> SettingsApplier::apply(const QMap<QString, QString> &settings,
                                                     ProviderConfig base)
{
    const QStringList keys = SettingsKeys::all();
    for (const QString &key : keys) {
        const auto it = settings.constFind(key);
        if (it == settings.constEnd())
            continue;
        if (auto applied = applyOne(base, key, it.value()); !applied)
            return applied.error();
    }
    const bool tlsConfigured = settings.contains(QString(SettingsKeys::TlsCertificate)) ||
                               settings.contains(QString(SettingsKeys::TlsKey));
    if (tlsConfigured && base.tlsCertificateFile.isEmpty() != base.tlsKeyFile.isEmpty()) {
        const QString missing = base.tlsKeyFile.isEmpty() ? QString(SettingsKeys::TlsKey)
                                                          : QString(SettingsKeys::TlsCertificate);
        return Error::invalid(u"%1: must be set together with %2"_s.arg(
            missing, missing == SettingsKeys::TlsKey ? QString(SettingsKeys::TlsCertificate)
                                                     : QString(SettingsKeys::TlsKey)));
    }
    return base;
}

Result<void, Error> SettingsApplier::validate(const QString &key, const QString &value)
{
    ProviderConfig scratch;
    auto applied = applyOne(scratch, key, value);
    if (!applied)
        return applied.error();
    if (!*applied)
        return Error::invalid(u"%1: unknown setting"_s.arg(key));
    return {};
}

} // namespace lanyard
