// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackendFixture.h"

#include "admin/SettingsService.h"
#include "crypto/OpenSslHandles.h"
#include "events/EventTypes.h"
#include "runtime/Provider.h"
#include "settings/LanguageChoice.h"
#include "settings/SettingsPage.h"
#include "store/EventStore.h"
#include "widgets/InlineMessage.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/pem.h>
#include <openssl/x509.h>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::ui::SettingsPage;

namespace {

using X509Handle = std::unique_ptr<X509, ossl::Deleter<&X509_free>>;

ossl::PKey makeKey()
{
    return ossl::PKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
}

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

/// A self-signed certificate for `commonName` over `key`, valid from
/// `validFromSecs` to `validUntilSecs` relative to now, as PEM.
QByteArray makeCertificate(EVP_PKEY *key, const char *commonName, long validFromSecs,
                           long validUntilSecs)
{
    const X509Handle certificate(X509_new());
    X509_set_version(certificate.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), 1);
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), validFromSecs);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), validUntilSecs);
    X509_set_pubkey(certificate.get(), key);
    X509_NAME *name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>(commonName), -1, -1, 0);
    X509_set_issuer_name(certificate.get(), name);
    X509_sign(certificate.get(), key, EVP_sha256());
    const ossl::Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), certificate.get());
    return drain(bio.get());
}

QByteArray keyPem(EVP_PKEY *key)
{
    const ossl::Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return drain(bio.get());
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestSettingsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void changedLifetimeIsStoredAndRestartOffered();
    void invalidValueShowsTheErrorAndSavesNothing_data();
    void invalidValueShowsTheErrorAndSavesNothing();
    void emptyFieldReturnsToTheDefault();
    void tlsCertificateAndKeyGoTogether();
    void tlsFilesAreDescribed();
    void languageAppliesAtNextStart();
    void changesMadeElsewhereAreShown();

private:
    QMap<QString, QString> stored() const;
    QList<Event> adminChanges() const;
    QPushButton *button(const QString &name) const;
    bool saveAndWait(bool expectOk);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<test::BackendFixture> m_fixture;
    std::unique_ptr<SettingsPage> m_page;
};

void TestSettingsPage::initTestCase()
{
    // The language choice goes to QSettings: keep it out of the user's files.
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(u"lanyard-tests"_s);
    QCoreApplication::setApplicationName(u"tst_settingspage"_s);
}

void TestSettingsPage::init()
{
    ui::LanguageChoice::store({});
    m_fixture = std::make_unique<test::BackendFixture>();
    QVERIFY(m_fixture->start());
    m_page = std::make_unique<SettingsPage>(m_fixture->backend());
    m_page->resize(900, 800);
    m_page->show();
    QTRY_VERIFY(m_page->isLoaded());
}

void TestSettingsPage::cleanup()
{
    m_page.reset();
    m_fixture.reset();
}

QMap<QString, QString> TestSettingsPage::stored() const
{
    ui::Backend *backend = m_fixture->backend();
    const auto values = test::BackendFixture::wait(backend->run(
        [service = backend->provider()->settingsService()] { return service.stored(); }));
    return values.valueOr({});
}

QList<Event> TestSettingsPage::adminChanges() const
{
    ui::Backend *backend = m_fixture->backend();
    EventQuery query;
    query.types = {QString(event_type::AdminChanged)};
    return test::BackendFixture::wait(
               backend->run([store = backend->eventStore(), query] { return store->query(query); }))
        .valueOr({});
}

QPushButton *TestSettingsPage::button(const QString &name) const
{
    return m_page->findChild<QPushButton *>(name);
}

bool TestSettingsPage::saveAndWait(bool expectOk)
{
    QSignalSpy finished(m_page.get(), &SettingsPage::saveFinished);
    QPushButton *save = button(u"saveButton"_s);
    if (!save || !save->isEnabled()) {
        qWarning("the Save button is not enabled");
        return false;
    }
    save->click();
    if (!QTest::qWaitFor([&finished] { return finished.count() == 1; }, 10'000))
        return false;
    return finished.first().first().toBool() == expectOk;
}

void TestSettingsPage::changedLifetimeIsStoredAndRestartOffered()
{
    QLineEdit *lifetime = m_page->field(u"access_token_lifetime"_s);
    QVERIFY(lifetime);
    QVERIFY(lifetime->text().isEmpty());
    QCOMPARE(lifetime->placeholderText(), u"3600"_s);
    QVERIFY(!button(u"saveButton"_s)->isEnabled());
    QVERIFY(!m_page->isRestartOffered());

    lifetime->setText(u"120"_s);
    QVERIFY(m_page->hasUnsavedChanges());
    QVERIFY(saveAndWait(true));
    QVERIFY(!m_page->hasUnsavedChanges());
    QCOMPARE(stored().value(u"access_token_lifetime"_s), u"120"_s);
    QVERIFY(m_page->isRestartOffered());
    QVERIFY(button(u"restartButton"_s)->isVisible());

    // Announced as the command line would, by the desktop.
    ui::Backend *backend = m_fixture->backend();
    QTRY_VERIFY_WITH_TIMEOUT(!adminChanges().isEmpty(), 10'000);
    const QList<Event> changes = adminChanges();
    QCOMPARE(changes.size(), 1);
    const QJsonObject details = changes.first().details;
    QCOMPARE(details.value(u"actor"_s).toString(), u"desktop"_s);
    QCOMPARE(details.value(u"entity"_s).toString(), u"settings"_s);
    QCOMPARE(details.value(u"fields"_s).toArray(), QJsonArray{u"access_token_lifetime"_s});
    QCOMPARE(details.value(u"values"_s).toObject().value(u"access_token_lifetime"_s).toString(),
             u"120"_s);

    // The running server still has the old lifetime until the restart.
    QCOMPARE(backend->config().accessTokenLifetimeSecs, 3600);
    QTest::mouseClick(button(u"restartButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        backend->status().isRunning() && backend->config().accessTokenLifetimeSecs == 120, 20'000);
    QTRY_VERIFY(!m_page->isRestartOffered());
}

void TestSettingsPage::invalidValueShowsTheErrorAndSavesNothing_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("port too big") << u"listen_port"_s << u"70000"_s;
    QTest::newRow("port negative") << u"listen_port"_s << u"-1"_s;
    QTest::newRow("port text") << u"listen_port"_s << u"https"_s;
    QTest::newRow("address name") << u"listen_address"_s << u"my-server"_s;
    QTest::newRow("issuer with query") << u"issuer"_s << u"https://id.example/?a=b"_s;
    QTest::newRow("issuer scheme") << u"issuer"_s << u"ftp://id.example"_s;
    QTest::newRow("code too long") << u"code_lifetime"_s << u"601"_s;
    QTest::newRow("session too short") << u"session_lifetime"_s << u"30"_s;
    QTest::newRow("retention zero") << u"event_retention_days"_s << u"0"_s;
    QTest::newRow("interval text") << u"key_rotation_interval_days"_s << u"weekly"_s;
}

void TestSettingsPage::invalidValueShowsTheErrorAndSavesNothing()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    const QMap<QString, QString> before = stored();

    // A valid change next to it is not saved either.
    m_page->field(u"id_token_lifetime"_s)->setText(u"600"_s);
    m_page->field(key)->setText(value);
    QVERIFY(saveAndWait(false));
    const QString error = m_page->fieldError(key);
    QVERIFY2(error.contains(value), qPrintable(error));
    QVERIFY(m_page->fieldError(u"id_token_lifetime"_s).isEmpty());
    auto *label = m_page->findChild<QLabel *>(key + u"Error"_s);
    QVERIFY(label && label->isVisible());
    auto *message = m_page->findChild<ui::InlineMessage *>(u"settingsMessage"_s);
    QVERIFY(message && message->isVisible());
    QCOMPARE(stored(), before);
    QVERIFY(!m_page->isRestartOffered());
    QVERIFY(m_page->hasUnsavedChanges());

    // Corrected, it saves and the error goes.
    m_page->field(key)->clear();
    QVERIFY(saveAndWait(true));
    QVERIFY(m_page->fieldError(key).isEmpty());
    QCOMPARE(stored().value(u"id_token_lifetime"_s), u"600"_s);
}

void TestSettingsPage::emptyFieldReturnsToTheDefault()
{
    m_page->field(u"jwks_max_age"_s)->setText(u"60"_s);
    QVERIFY(saveAndWait(true));
    QCOMPARE(stored().value(u"jwks_max_age"_s), u"60"_s);
    m_page->field(u"jwks_max_age"_s)->clear();
    QVERIFY(saveAndWait(true));
    QVERIFY(!stored().contains(u"jwks_max_age"_s));
    // The stored port (port 0 for tests) stayed as it was.
    QCOMPARE(stored().value(u"listen_port"_s), u"0"_s);
}

void TestSettingsPage::tlsCertificateAndKeyGoTogether()
{
    m_page->field(u"tls_cert"_s)->setText(u"/etc/lanyard/cert.pem"_s);
    QVERIFY(saveAndWait(false));
    QVERIFY2(m_page->fieldError(u"tls_key"_s).contains(u"together"_s),
             qPrintable(m_page->fieldError(u"tls_key"_s)));
    QVERIFY(!stored().contains(u"tls_cert"_s));
}

void TestSettingsPage::tlsFilesAreDescribed()
{
    QTemporaryDir dir;
    const ossl::PKey key = makeKey();
    const ossl::PKey otherKey = makeKey();
    QVERIFY(key && otherKey);
    const QString certificate = dir.filePath(u"cert.pem"_s);
    const QString expired = dir.filePath(u"expired.pem"_s);
    const QString keyFile = dir.filePath(u"key.pem"_s);
    const QString otherKeyFile = dir.filePath(u"other-key.pem"_s);
    QVERIFY(writeFile(certificate,
                      makeCertificate(key.get(), "id.office.example", -3600, 30L * 86'400)));
    QVERIFY(writeFile(expired, makeCertificate(key.get(), "old.office.example", -7200, -3600)));
    QVERIFY(writeFile(keyFile, keyPem(key.get())));
    QVERIFY(writeFile(otherKeyFile, keyPem(otherKey.get())));

    QString next;
    m_page->setFileChooser([&next](const QString &, const QString &) { return next; });
    auto *info = m_page->findChild<QLabel *>(u"tlsInfo"_s);
    auto *warning = m_page->findChild<ui::InlineMessage *>(u"tlsWarning"_s);
    QVERIFY(info && warning);

    // Through the Browse… buttons.
    QSignalSpy checked(m_page.get(), &SettingsPage::tlsChecked);
    next = certificate;
    button(u"browseCertificateButton"_s)->click();
    QTRY_VERIFY(!checked.isEmpty());
    QCOMPARE(m_page->field(u"tls_cert"_s)->text(), certificate);
    QVERIFY2(info->text().contains(u"id.office.example"_s), qPrintable(info->text()));
    QVERIFY2(warning->text().contains(u"both"_s), qPrintable(warning->text()));

    checked.clear();
    next = keyFile;
    button(u"browseKeyButton"_s)->click();
    QTRY_VERIFY(!checked.isEmpty());
    QVERIFY2(info->text().contains(u"belongs"_s), qPrintable(info->text()));
    QVERIFY2(warning->isHidden(), qPrintable(warning->text()));

    // Another key: the server would refuse it.
    checked.clear();
    next = otherKeyFile;
    button(u"browseKeyButton"_s)->click();
    QTRY_VERIFY(!checked.isEmpty());
    QVERIFY(!info->text().contains(u"belongs"_s));
    QVERIFY2(warning->text().contains(u"does not belong"_s), qPrintable(warning->text()));

    // Expired.
    checked.clear();
    next = expired;
    button(u"browseCertificateButton"_s)->click();
    QTRY_VERIFY(!checked.isEmpty());
    QVERIFY2(warning->text().contains(u"expired"_s), qPrintable(warning->text()));

    // Unreadable.
    checked.clear();
    m_page->field(u"tls_cert"_s)->setText(dir.filePath(u"missing.pem"_s));
    Q_EMIT m_page->field(u"tls_cert"_s)->editingFinished();
    QTRY_VERIFY(!checked.isEmpty());
    QVERIFY2(warning->text().contains(u"cannot be read"_s), qPrintable(warning->text()));

    // A good pair saves; the restart would serve HTTPS.
    next = certificate;
    button(u"browseCertificateButton"_s)->click();
    next = keyFile;
    button(u"browseKeyButton"_s)->click();
    QVERIFY(saveAndWait(true));
    QCOMPARE(stored().value(u"tls_cert"_s), certificate);
    QCOMPARE(stored().value(u"tls_key"_s), keyFile);
    QVERIFY(m_page->isRestartOffered());
}

void TestSettingsPage::languageAppliesAtNextStart()
{
    auto *language = m_page->findChild<QComboBox *>(u"languageCombo"_s);
    QVERIFY(language);
    QCOMPARE(language->currentIndex(), 0); // the system's
    language->setCurrentIndex(language->findData(u"zh_CN"_s));
    QVERIFY(m_page->hasUnsavedChanges());
    QVERIFY(saveAndWait(true));
    QCOMPARE(QSettings().value(u"ui/language"_s).toString(), u"zh_CN"_s);
    auto *message = m_page->findChild<ui::InlineMessage *>(u"settingsMessage"_s);
    QVERIFY2(message->text().contains(u"next time"_s), qPrintable(message->text()));
    // Nothing of the server changed: no restart.
    QVERIFY(!m_page->isRestartOffered());

    language->setCurrentIndex(0);
    QVERIFY(saveAndWait(true));
    QVERIFY(!QSettings().contains(u"ui/language"_s));
}

void TestSettingsPage::changesMadeElsewhereAreShown()
{
    ui::Backend *backend = m_fixture->backend();
    const auto updated =
        test::BackendFixture::wait(backend->run([service = backend->provider()->settingsService()] {
            return service.update({{u"event_retention_days"_s, u"30"_s}}, u"lanyard config"_s);
        }));
    QVERIFY(updated);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->field(u"event_retention_days"_s)->text(), u"30"_s, 10'000);
    QVERIFY(!m_page->hasUnsavedChanges());
}

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
