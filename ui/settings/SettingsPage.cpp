// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/SettingsPage.h"

#include "admin/SettingsService.h"
#include "backend/Backend.h"
#include "core/ProviderConfig.h"
#include "events/EventTypes.h"
#include "i18n/TranslationLoader.h"
#include "runtime/Provider.h"
#include "settings/LanguageChoice.h"
#include "settings/TlsFileCheck.h"
#include "shell/StatusColors.h"
#include "store/SettingsKeys.h"
#include "widgets/InlineMessage.h"
#include "widgets/PageHeader.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lanyard::ui {

namespace {

/// A whole number of seconds in the largest unit that divides it ("2 h",
/// "14 d"); empty when it is not a number or no unit divides it.
QString describeSeconds(const QString &text)
{
    bool ok = false;
    const int seconds = text.toInt(&ok);
    if (!ok || seconds <= 0)
        return {};
    if (seconds % 86'400 == 0)
        return SettingsPage::tr("%1 d", "days").arg(seconds / 86'400);
    if (seconds % 3600 == 0)
        return SettingsPage::tr("%1 h", "hours").arg(seconds / 3600);
    if (seconds % 60 == 0)
        return SettingsPage::tr("%1 min", "minutes").arg(seconds / 60);
    return {};
}

/// Fields holding a URL or a file path take the width there is; numbers
/// and addresses a width that fits them.
bool isWide(const QString &key)
{
    return key == SettingsKeys::Issuer || key == SettingsKeys::TlsCertificate ||
           key == SettingsKeys::TlsKey;
}

bool isSecondsKey(const QString &key)
{
    static const QStringList keys{
        QString(SettingsKeys::CodeLifetime),     QString(SettingsKeys::AccessTokenLifetime),
        QString(SettingsKeys::IdTokenLifetime),  QString(SettingsKeys::RefreshTokenLifetime),
        QString(SettingsKeys::SessionLifetime),  QString(SettingsKeys::JwksMaxAge),
        QString(SettingsKeys::KeyRotationDelay),
    };
    return keys.contains(key);
}

} // namespace

SettingsPage::SettingsPage(Backend *backend, QWidget *parent)
    : QWidget(parent), m_backend(backend), m_language(new QComboBox), m_tlsInfo(new QLabel),
      m_tlsWarning(new InlineMessage), m_message(new InlineMessage),
      m_restart(new QPushButton(tr("&Restart server now"))), m_save(new QPushButton(tr("&Save"))),
      m_discard(new QPushButton(tr("Discard &changes")))
{
    auto *header = new PageHeader(
        tr("Settings"),
        tr("How the provider is reached and how long what it issues stays valid. Empty fields "
           "use the default shown in grey."));
    m_save->setObjectName(u"saveButton"_s);
    m_save->setDefault(true);
    m_discard->setObjectName(u"discardButton"_s);
    header->addAction(m_discard);
    header->addAction(m_save);
    connect(m_save, &QPushButton::clicked, this, &SettingsPage::save);
    connect(m_discard, &QPushButton::clicked, this, &SettingsPage::discard);

    m_message->setObjectName(u"settingsMessage"_s);
    m_restart->setObjectName(u"restartButton"_s);
    m_restart->hide();
    connect(m_restart, &QPushButton::clicked, this, [this] {
        m_restart->setEnabled(false);
        m_backend->restartServer();
    });
    auto *messageRow = new QHBoxLayout;
    messageRow->addWidget(m_message, 1);
    messageRow->addWidget(m_restart, 0, Qt::AlignTop);

    const ProviderConfig defaults;
    const auto seconds = [](int value) {
        return QString::number(value);
    };

    // Server
    auto *server = new QGroupBox(tr("Server"));
    auto *serverForm = new QFormLayout(server);
    addField(serverForm, QString(SettingsKeys::Issuer), tr("&Issuer URL:"), QString(), QString(),
             tr("Exactly as relying parties are configured with it: no slash is added or "
                "removed. Empty: http(s)://address:port of the listener."));
    addField(serverForm, QString(SettingsKeys::ListenAddress), tr("Listen &address:"), QString(),
             defaults.listenAddress.toString(),
             tr("127.0.0.1 serves this computer only; 0.0.0.0 or :: every network."));
    addField(serverForm, QString(SettingsKeys::ListenPort), tr("&Port:"), QString(),
             QString::number(defaults.listenPort), QString());

    // TLS
    auto *tls = new QGroupBox(tr("HTTPS"));
    auto *tlsForm = new QFormLayout(tls);
    auto *tlsHelp = new QLabel(tr("A certificate and its private key (PEM files) make the server "
                                  "speak HTTPS. Leave both empty for plain HTTP on this computer "
                                  "or behind a reverse proxy."));
    tlsHelp->setWordWrap(true);
    tlsHelp->setForegroundRole(QPalette::PlaceholderText);
    tlsForm->addRow(tlsHelp);
    auto *browseCertificate = new QPushButton(tr("Bro&wse…"));
    browseCertificate->setObjectName(u"browseCertificateButton"_s);
    browseCertificate->setAccessibleName(tr("Choose the certificate file"));
    addField(tlsForm, QString(SettingsKeys::TlsCertificate), tr("C&ertificate:"), QString(),
             tr("No certificate"), QString(), browseCertificate);
    auto *browseKey = new QPushButton(tr("Browse…"));
    browseKey->setObjectName(u"browseKeyButton"_s);
    browseKey->setAccessibleName(tr("Choose the private key file"));
    addField(tlsForm, QString(SettingsKeys::TlsKey), tr("Private &key:"), QString(), tr("No key"),
             QString(), browseKey);
    connect(browseCertificate, &QPushButton::clicked, this, [this] {
        chooseFile(QString(SettingsKeys::TlsCertificate), tr("Choose the TLS certificate"));
    });
    connect(browseKey, &QPushButton::clicked, this, [this] {
        chooseFile(QString(SettingsKeys::TlsKey), tr("Choose the TLS private key"));
    });
    m_tlsInfo->setObjectName(u"tlsInfo"_s);
    m_tlsInfo->setTextFormat(Qt::PlainText);
    m_tlsInfo->setWordWrap(true);
    m_tlsInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tlsInfo->hide();
    m_tlsWarning->setObjectName(u"tlsWarning"_s);
    tlsForm->addRow(QString(), m_tlsInfo);
    tlsForm->addRow(QString(), m_tlsWarning);

    // Lifetimes
    auto *lifetimes = new QGroupBox(tr("Lifetimes"));
    auto *lifetimeForm = new QFormLayout(lifetimes);
    const QString secondsUnit = tr("seconds");
    addField(lifetimeForm, QString(SettingsKeys::CodeLifetime), tr("Authori&zation code:"),
             secondsUnit, seconds(defaults.authorizationCodeLifetimeSecs),
             tr("1 to 600 seconds. Codes are single use; keep this short."));
    addField(lifetimeForm, QString(SettingsKeys::AccessTokenLifetime), tr("Access &token:"),
             secondsUnit, seconds(defaults.accessTokenLifetimeSecs),
             tr("1 to 86400 seconds. Clients may set their own."));
    addField(lifetimeForm, QString(SettingsKeys::IdTokenLifetime), tr("I&D token:"), secondsUnit,
             seconds(defaults.idTokenLifetimeSecs),
             tr("1 to 86400 seconds. Clients may set their own."));
    addField(lifetimeForm, QString(SettingsKeys::RefreshTokenLifetime), tr("Re&fresh token:"),
             secondsUnit, seconds(defaults.refreshTokenLifetimeSecs),
             tr("1 second to 365 days. Clients may set their own."));
    addField(lifetimeForm, QString(SettingsKeys::SessionLifetime), tr("&Browser session:"),
             secondsUnit, seconds(defaults.sessionLifetimeSecs),
             tr("60 seconds to 365 days without activity before a browser must sign in again."));

    // Keys and events
    auto *upkeep = new QGroupBox(tr("Keys and events"));
    auto *upkeepForm = new QFormLayout(upkeep);
    addField(upkeepForm, QString(SettingsKeys::JwksMaxAge), tr("JWKS cache &max-age:"), secondsUnit,
             seconds(defaults.jwksMaxAgeSecs),
             tr("0 to 86400 seconds relying parties may cache the discovery document and keys."));
    addField(upkeepForm, QString(SettingsKeys::KeyRotationDelay), tr("Rotation dela&y:"),
             secondsUnit, seconds(defaults.jwksMaxAgeSecs),
             tr("0 to 604800 seconds a new key is published before it signs; empty: the "
                "max-age. Shorter than the max-age risks relying parties meeting a key they "
                "have not fetched."));
    addField(upkeepForm, QString(SettingsKeys::KeyRotationIntervalDays),
             tr("Automatic r&otation every:"), tr("days"),
             QString::number(defaults.keyRotationIntervalDays),
             tr("0 to 3650 days; 0 turns automatic rotation off."));
    addField(upkeepForm, QString(SettingsKeys::EventRetentionDays), tr("Keep e&vents for:"),
             tr("days"), QString::number(defaults.eventRetentionDays),
             tr("1 to 36500 days; older events are deleted."));

    // Language
    auto *appearance = new QGroupBox(tr("Window"));
    auto *appearanceForm = new QFormLayout(appearance);
    m_language->setObjectName(u"languageCombo"_s);
    m_language->addItem(tr("System language"), QString());
    // Each language in its own name, so it can be found whatever is shown.
    for (const TranslationLoader::Language &language : TranslationLoader::availableLanguages())
        m_language->addItem(language.nativeName, language.code);
    auto *languageLabel = new QLabel(tr("&Language:"));
    languageLabel->setBuddy(m_language);
    auto *languageHelp = new QLabel(tr("Applies the next time Lanyard starts."));
    languageHelp->setForegroundRole(QPalette::PlaceholderText);
    auto *languageBox = new QVBoxLayout;
    languageBox->setContentsMargins(0, 0, 0, 0);
    languageBox->addWidget(m_language, 0, Qt::AlignLeft);
    languageBox->addWidget(languageHelp);
    appearanceForm->addRow(languageLabel, languageBox);
    m_labels.append(languageLabel);
    // One label column for every group, so the fields line up.
    int labelWidth = 0;
    for (const QLabel *label : std::as_const(m_labels))
        labelWidth = std::max(labelWidth, label->sizeHint().width());
    for (QLabel *label : std::as_const(m_labels))
        label->setMinimumWidth(labelWidth);
    const int language = m_language->findData(storedLanguage());
    m_language->setCurrentIndex(language < 0 ? 0 : language);
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsPage::updateButtons);

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    for (QGroupBox *group : {server, tls, lifetimes, upkeep, appearance})
        contentLayout->addWidget(group);
    contentLayout->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setObjectName(u"settingsScroll"_s);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addLayout(messageRow);
    layout->addWidget(scroll, 1);

    for (const Field &f : std::as_const(m_fields)) {
        connect(f.edit, &QLineEdit::textChanged, this, [this] {
            updateButtons();
            updateUnits();
            updateIssuerPlaceholder();
        });
        connect(f.edit, &QLineEdit::editingFinished, this, [this, key = f.key] {
            // Check as soon as the field is left, not at every key.
            const QString text = field(key)->text().trimmed();
            SettingsService::Changes change;
            change.insert(key, text.isEmpty() ? std::nullopt : std::optional<QString>(text));
            const ValidationProblems problems = SettingsService::check(change);
            showProblem(key, problems.isEmpty() ? QString() : problems.constFirst().message);
        });
    }
    for (const QString &key :
         {QString(SettingsKeys::TlsCertificate), QString(SettingsKeys::TlsKey)})
        connect(field(key), &QLineEdit::editingFinished, this, &SettingsPage::checkTls);

    m_chooseFile = [this](const QString &title, const QString &current) {
        return QFileDialog::getOpenFileName(
            this, title, current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath(),
            tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)"));
    };

    connect(m_backend, &Backend::statusChanged, this, &SettingsPage::onStatusChanged);
    connect(m_backend, &Backend::eventsRecorded, this, &SettingsPage::onEventsRecorded);
    if (m_backend->isReady())
        load();
    else
        connect(m_backend, &Backend::ready, this, &SettingsPage::load);
    updateButtons();
    updateUnits();
    updateIssuerPlaceholder();
}

SettingsPage::~SettingsPage()
{
    // Closing takes the focus from a field, whose editingFinished would
    // check it against members already gone.
    for (const Field &f : std::as_const(m_fields))
        f.edit->disconnect(this);
    m_language->disconnect(this);
}

void SettingsPage::addField(QFormLayout *form, const QString &key, const QString &label,
                            const QString &unit, const QString &placeholder, const QString &help,
                            QPushButton *browse)
{
    Field f;
    f.key = key;
    f.edit = new QLineEdit;
    f.edit->setObjectName(key + u"Edit"_s);
    f.edit->setPlaceholderText(placeholder);
    f.edit->setAccessibleName(QString(label).remove(u'&').remove(u':'));
    f.edit->setClearButtonEnabled(true);
    if (!help.isEmpty())
        f.edit->setToolTip(help);
    f.unit = new QLabel(unit);
    f.unit->setObjectName(key + u"Unit"_s);
    f.error = new QLabel;
    f.error->setObjectName(key + u"Error"_s);
    f.error->setTextFormat(Qt::PlainText);
    f.error->setWordWrap(true);
    QPalette palette = f.error->palette();
    palette.setColor(QPalette::WindowText, StatusColors::failure(palette));
    f.error->setPalette(palette);
    f.error->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    if (isWide(key)) {
        row->addWidget(f.edit, 1);
    } else {
        const int em = fontMetrics().averageCharWidth();
        f.edit->setMaximumWidth(em * (key == SettingsKeys::ListenAddress ? 32 : 14));
        row->addWidget(f.edit);
    }
    if (!unit.isEmpty())
        row->addWidget(f.unit);
    if (browse)
        row->addWidget(browse);
    if (!isWide(key))
        row->addStretch(1);
    auto *box = new QVBoxLayout;
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(2);
    box->addLayout(row);
    box->addWidget(f.error);
    if (!help.isEmpty()) {
        auto *hint = new QLabel(help);
        hint->setWordWrap(true);
        hint->setForegroundRole(QPalette::PlaceholderText);
        box->addWidget(hint);
    }
    auto *labelWidget = new QLabel(label);
    labelWidget->setBuddy(f.edit);
    m_labels.append(labelWidget);
    form->addRow(labelWidget, box);
    m_fields.append(f);
}

QLineEdit *SettingsPage::field(const QString &key) const
{
    for (const Field &f : m_fields) {
        if (f.key == key)
            return f.edit;
    }
    return nullptr;
}

QString SettingsPage::fieldError(const QString &key) const
{
    for (const Field &f : m_fields) {
        if (f.key == key)
            return f.error->isHidden() ? QString() : f.error->text();
    }
    return {};
}

QString SettingsPage::storedLanguage() const
{
    return LanguageChoice::stored();
}

bool SettingsPage::hasUnsavedChanges() const
{
    for (const Field &f : m_fields) {
        if (f.edit->text().trimmed() != m_stored.value(f.key))
            return true;
    }
    return m_language->currentData().toString() != storedLanguage();
}

bool SettingsPage::isRestartOffered() const
{
    return !m_restart->isHidden();
}

void SettingsPage::load()
{
    if (!m_backend->isReady())
        return;
    m_backend
        ->run([service = m_backend->provider()->settingsService()] { return service.stored(); })
        .then(this, [this](const Result<QMap<QString, QString>, Error> &stored) {
            if (!stored) {
                m_message->showMessage(
                    tr("The settings could not be read: %1").arg(stored.error().message));
                return;
            }
            fill(*stored);
            m_loaded = true;
            updateButtons();
            checkTls();
            Q_EMIT loaded();
        });
}

void SettingsPage::fill(const QMap<QString, QString> &stored)
{
    m_stored = stored;
    for (const Field &f : std::as_const(m_fields)) {
        const QSignalBlocker blocker(f.edit);
        f.edit->setText(stored.value(f.key));
    }
    clearErrors();
    updateUnits();
    updateIssuerPlaceholder();
    updateButtons();
}

void SettingsPage::discard()
{
    fill(m_stored);
    const int language = m_language->findData(storedLanguage());
    m_language->setCurrentIndex(language < 0 ? 0 : language);
    checkTls();
}

void SettingsPage::updateButtons()
{
    const bool dirty = hasUnsavedChanges();
    m_save->setEnabled(m_loaded && !m_saving && dirty);
    m_discard->setEnabled(m_loaded && !m_saving && dirty);
}

void SettingsPage::updateUnits()
{
    // An empty rotation delay means the max-age: show that one.
    QLineEdit *maxAge = field(QString(SettingsKeys::JwksMaxAge));
    const QString maxAgeText = maxAge->text().trimmed();
    field(QString(SettingsKeys::KeyRotationDelay))
        ->setPlaceholderText(maxAgeText.isEmpty() ? maxAge->placeholderText() : maxAgeText);
    for (const Field &f : std::as_const(m_fields)) {
        if (!isSecondsKey(f.key))
            continue;
        const QString text = f.edit->text().trimmed();
        const QString described =
            describeSeconds(text.isEmpty() ? f.edit->placeholderText() : text);
        f.unit->setText(described.isEmpty() ? tr("seconds") : tr("seconds (%1)").arg(described));
    }
}

void SettingsPage::updateIssuerPlaceholder()
{
    QLineEdit *issuer = field(QString(SettingsKeys::Issuer));
    const QString address = field(QString(SettingsKeys::ListenAddress))->text().trimmed();
    const QString port = field(QString(SettingsKeys::ListenPort))->text().trimmed();
    ProviderConfig config;
    QHostAddress host;
    if (!address.isEmpty() && host.setAddress(address))
        config.listenAddress = host;
    bool ok = false;
    const int number = port.toInt(&ok);
    if (ok && number > 0 && number <= 65535)
        config.listenPort = static_cast<quint16>(number);
    config.tlsCertificateFile = field(QString(SettingsKeys::TlsCertificate))->text().trimmed();
    config.tlsKeyFile = field(QString(SettingsKeys::TlsKey))->text().trimmed();
    issuer->setPlaceholderText(config.effectiveIssuer().toString());
}

void SettingsPage::clearErrors()
{
    for (const Field &f : std::as_const(m_fields))
        showProblem(f.key, QString());
}

void SettingsPage::showProblem(const QString &key, const QString &message)
{
    for (const Field &f : std::as_const(m_fields)) {
        if (f.key != key)
            continue;
        f.error->setText(message);
        f.error->setVisible(!message.isEmpty());
        f.edit->setAccessibleDescription(message);
        return;
    }
}

void SettingsPage::save()
{
    if (!m_loaded || m_saving)
        return;
    clearErrors();
    m_message->clear();

    SettingsService::Changes changes;
    for (const Field &f : std::as_const(m_fields)) {
        const QString text = f.edit->text().trimmed();
        if (text == m_stored.value(f.key))
            continue;
        changes.insert(f.key, text.isEmpty() ? std::nullopt : std::optional<QString>(text));
    }
    const ValidationProblems problems = SettingsService::check(changes);
    if (!problems.isEmpty()) {
        for (const ValidationProblem &problem : problems)
            showProblem(problem.path, problem.message);
        if (QLineEdit *first = field(problems.constFirst().path))
            first->setFocus(Qt::OtherFocusReason);
        m_message->showMessage(tr("Nothing was saved: correct the values marked below."));
        Q_EMIT saveFinished(false, {});
        return;
    }

    const QString language = m_language->currentData().toString();
    const bool languageChanged = language != storedLanguage();
    if (languageChanged)
        LanguageChoice::store(language);
    if (changes.isEmpty()) {
        if (languageChanged)
            m_message->showMessage(tr("The language changes the next time Lanyard starts."),
                                   InlineMessage::Kind::Information);
        updateButtons();
        Q_EMIT saveFinished(true, {});
        return;
    }

    m_saving = true;
    updateButtons();
    m_backend
        ->run([service = m_backend->provider()->settingsService(), changes,
               actor = Backend::actor()] { return service.update(changes, actor); })
        .then(this, [this,
                     languageChanged](const Result<SettingsService::Updated, AdminError> &updated) {
            m_saving = false;
            if (!updated) {
                const AdminError &error = updated.error();
                QStringList unplaced;
                for (const ValidationProblem &problem : error.problems) {
                    if (field(problem.path))
                        showProblem(problem.path, problem.message);
                    else
                        unplaced.append(problem.toString());
                }
                if (error.problems.isEmpty())
                    m_message->showMessage(tr("Nothing was saved: %1").arg(error.message()));
                else if (!unplaced.isEmpty())
                    m_message->showMessage(tr("Nothing was saved: %1").arg(unplaced.join(u'\n')));
                else
                    m_message->showMessage(
                        tr("Nothing was saved: correct the values marked below."));
                updateButtons();
                Q_EMIT saveFinished(false, {});
                return;
            }
            // What was stored is now what the fields show.
            QMap<QString, QString> stored = m_stored;
            for (const Field &f : std::as_const(m_fields)) {
                const QString text = f.edit->text().trimmed();
                if (text.isEmpty())
                    stored.remove(f.key);
                else
                    stored.insert(f.key, text);
            }
            fill(stored);
            QStringList lines;
            if (updated->restartNeeded && m_backend->isManageOnly() &&
                !m_backend->status().isRunning()) {
                // The service serves this database: it is the one to restart.
                lines.append(tr("Saved. The service uses the new settings after it restarts "
                                "(sudo systemctl restart lanyard)."));
            } else if (updated->restartNeeded) {
                lines.append(tr("Saved. The server uses the new settings after a restart."));
                m_restart->setEnabled(true);
                m_restart->show();
            } else {
                lines.append(tr("Saved."));
            }
            if (languageChanged)
                lines.append(tr("The language changes the next time Lanyard starts."));
            m_message->showMessage(lines.join(u'\n'), InlineMessage::Kind::Information);
            Q_EMIT saveFinished(true, updated->changed);
        });
}

void SettingsPage::chooseFile(const QString &key, const QString &title)
{
    QLineEdit *edit = field(key);
    const QString path = m_chooseFile(title, edit->text().trimmed());
    if (path.isEmpty())
        return;
    edit->setText(QDir::toNativeSeparators(path));
    checkTls();
}

void SettingsPage::checkTls()
{
    const QString certificate = field(QString(SettingsKeys::TlsCertificate))->text().trimmed();
    const QString key = field(QString(SettingsKeys::TlsKey))->text().trimmed();
    const quint64 generation = ++m_tlsGeneration;
    if (certificate.isEmpty() && key.isEmpty()) {
        m_tlsInfo->hide();
        m_tlsWarning->clear();
        Q_EMIT tlsChecked();
        return;
    }
    m_backend
        ->run([certificate, key] {
            return TlsFileCheck::inspect(certificate, key, QDateTime::currentDateTimeUtc());
        })
        .then(this, [this, generation](const TlsFileCheck &check) {
            if (generation != m_tlsGeneration)
                return; // the paths changed meanwhile
            showTls(check);
            Q_EMIT tlsChecked();
        });
}

void SettingsPage::showTls(const TlsFileCheck &check)
{
    const QString certificate = field(QString(SettingsKeys::TlsCertificate))->text().trimmed();
    const QString key = field(QString(SettingsKeys::TlsKey))->text().trimmed();
    const QLocale locale;
    QStringList info;
    if (check.certificateRead) {
        info.append(tr("Subject: %1").arg(check.subject));
        info.append(tr("Issued by: %1").arg(check.issuer));
        info.append(tr("Valid from %1 until %2")
                        .arg(locale.toString(check.effective.toLocalTime(), QLocale::ShortFormat),
                             locale.toString(check.expires.toLocalTime(), QLocale::ShortFormat)));
        if (check.keyMatches)
            info.append(tr("The private key belongs to this certificate."));
    }
    m_tlsInfo->setText(info.join(u'\n'));
    m_tlsInfo->setVisible(!info.isEmpty());

    QStringList warnings;
    if (!certificate.isEmpty() && !check.certificateRead)
        warnings.append(tr("The certificate cannot be read: %1").arg(check.certificateError));
    if (check.certificateRead && check.outsideValidity) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        warnings.append(
            check.expires < now
                ? tr("This certificate expired on %1: browsers and relying parties will refuse "
                     "it.")
                      .arg(locale.toString(check.expires.toLocalTime(), QLocale::ShortFormat))
                : tr("This certificate is not valid before %1.")
                      .arg(locale.toString(check.effective.toLocalTime(), QLocale::ShortFormat)));
    }
    if (check.certificateRead && !key.isEmpty() && !check.keyMatches)
        warnings.append(tr("The server would refuse this key: %1").arg(check.keyError));
    if (certificate.isEmpty() != key.isEmpty())
        warnings.append(tr("Give both the certificate and its key, or neither."));
    m_tlsWarning->showMessage(warnings.join(u'\n'));
}

void SettingsPage::onStatusChanged(const ServerStatus &status)
{
    // A start reads the stored settings: what was saved is in use now.
    if (status.state == ServerStatus::State::Starting && isRestartOffered()) {
        m_restart->hide();
        m_message->clear();
    }
    if (status.state == ServerStatus::State::Failed)
        m_restart->setEnabled(true);
}

void SettingsPage::onEventsRecorded(const QList<Event> &events)
{
    // Settings changed elsewhere (the command line, another window): show
    // them, unless that would throw away edits in progress.
    const bool settingsChanged = std::any_of(events.cbegin(), events.cend(), [](const Event &e) {
        return e.type == event_type::AdminChanged &&
               e.details.value(u"entity"_s).toString() == SettingsService::EntitySettings;
    });
    if (settingsChanged && m_loaded && !m_saving && !hasUnsavedChanges())
        load();
}

} // namespace lanyard::ui
