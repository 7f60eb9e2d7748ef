// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend/ServerStatus.h"
#include "model/Event.h"

#include <QMap>
#include <QWidget>

#include <functional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace lanyard::ui {

class Backend;
class InlineMessage;
struct TlsFileCheck;

/// The Settings page: the provider's stored settings (issuer, listen
/// address and port, TLS certificate and key, token and session lifetimes,
/// event retention, JWKS max-age and key rotation) and the window's
/// language.
///
/// Each setting is a text field holding the stored value; an empty field
/// means the documented default, shown as its placeholder. Values are
/// checked as the server checks them (SettingsService::check, i.e.
/// SettingsApplier) with the problem shown under the field, and saved
/// together through SettingsService::update (one transaction, one
/// admin.changed event with the actor "desktop"). The server reads its
/// settings when it starts, so after a save the page says so and offers
/// "Restart server now". The TLS files are read off the GUI thread to show
/// the certificate's subject, issuer and validity and whether the key
/// belongs to it. The language choice is stored with LanguageChoice and
/// applies at the next start. GUI thread.
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    /// Asks for a PEM file: returns the path, or empty to cancel.
    using FileChooser = std::function<QString(const QString &title, const QString &current)>;

    explicit SettingsPage(Backend *backend, QWidget *parent = nullptr);
    ~SettingsPage() override;

    /// The field of a setting (a SettingsKeys key), or null.
    QLineEdit *field(const QString &key) const;
    /// The problem shown under a setting's field; empty when none.
    QString fieldError(const QString &key) const;
    /// The stored values were read and the fields filled.
    bool isLoaded() const { return m_loaded; }
    /// Some field differs from what is stored.
    bool hasUnsavedChanges() const;
    /// A save ended with settings the running server does not use yet.
    bool isRestartOffered() const;

    /// Replaces the file dialog of the "Browse…" buttons (tests).
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

    /// Checks and saves the changed fields (the Save button).
    void save();
    /// Puts the stored values back into the fields (the Discard button).
    void discard();

Q_SIGNALS:
    /// The stored values were (re)loaded into the fields.
    void loaded();
    /// A save finished: `changed` lists the keys stored (may be empty), or
    /// `ok` is false and the problems are shown.
    void saveFinished(bool ok, const QStringList &changed);
    /// The TLS files were checked and the result is shown.
    void tlsChecked();

private:
    struct Field
    {
        QString key;
        QLineEdit *edit = nullptr;
        QLabel *unit = nullptr;
        QLabel *error = nullptr;
    };

    void addField(QFormLayout *form, const QString &key, const QString &label, const QString &unit,
                  const QString &placeholder, const QString &help, QPushButton *browse = nullptr);
    void load();
    void fill(const QMap<QString, QString> &stored);
    void updateButtons();
    void updateUnits();
    void updateIssuerPlaceholder();
    void clearErrors();
    void showProblem(const QString &key, const QString &message);
    void checkTls();
    void showTls(const TlsFileCheck &check);
    void chooseFile(const QString &key, const QString &title);
    void onStatusChanged(const ServerStatus &status);
    void onEventsRecorded(const QList<lanyard::Event> &events);
    QString storedLanguage() const;

    Backend *m_backend;
    QList<Field> m_fields;
    /// The form labels of every group (one width for all).
    QList<QLabel *> m_labels;
    QMap<QString, QString> m_stored;
    QComboBox *m_language;
    QLabel *m_tlsInfo;
    InlineMessage *m_tlsWarning;
    InlineMessage *m_message;
    QPushButton *m_restart;
    QPushButton *m_save;
    QPushButton *m_discard;
    FileChooser m_chooseFile;
    bool m_loaded = false;
    bool m_saving = false;
    quint64 m_tlsGeneration = 0;
};

} // namespace lanyard::ui
