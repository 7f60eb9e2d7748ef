// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackendFixture.h"

#include "HttpTestClient.h"
#include "admin/KeyService.h"
#include "events/EventTypes.h"
#include "keys/KeyTableModel.h"
#include "keys/KeysPage.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::test::BackendFixture;
using lanyard::ui::KeysPage;
using lanyard::ui::KeyTableModel;

class tst_KeysPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void showsTheKeys();
    void rotateNowPublishesNextKeys();
    void retireIsRefusedForTheOnlyActiveKey();
    void retireCancelsARotation();
    void cancellingTheConfirmationKeepsTheKey();
    void rotateOneAlgorithmFromTheMenu();
    void exportWritesWhatTheServerServes();
    void exportToAnUnwritablePlaceFails();

private:
    QList<SigningKey> storedKeys() const;
    bool recorded(QLatin1StringView type, const QString &kid) const;
    /// Selects the row of `kid` in the page's table.
    bool select(const QString &kid);
    QByteArray servedJwks() const;

    std::unique_ptr<BackendFixture> m_fixture;
    std::unique_ptr<KeysPage> m_page;
    QList<Event> m_events;
};

void tst_KeysPage::init()
{
    m_fixture = std::make_unique<BackendFixture>();
    m_events.clear();
    connect(m_fixture->backend(), &ui::Backend::eventsRecorded, this,
            [this](const QList<Event> &events) { m_events += events; });
    QVERIFY(m_fixture->start());
    m_page = std::make_unique<KeysPage>(m_fixture->backend());
    m_page->show();
    // The first start made an RS256 and an ES256 key.
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model()->rowCount(), 2, 10'000);
}

void tst_KeysPage::cleanup()
{
    m_page.reset();
    m_fixture.reset();
}

QList<SigningKey> tst_KeysPage::storedKeys() const
{
    auto keys = BackendFixture::wait(m_fixture->backend()->run(
        [service = m_fixture->backend()->keyService()] { return service.list(); }));
    if (!keys)
        qWarning("cannot list the keys: %s", qPrintable(keys.error().message));
    return keys.valueOr({});
}

bool tst_KeysPage::recorded(QLatin1StringView type, const QString &kid) const
{
    return std::any_of(m_events.cbegin(), m_events.cend(), [&](const Event &event) {
        return event.type == type && event.details.value(u"kid"_s).toString() == kid;
    });
}

bool tst_KeysPage::select(const QString &kid)
{
    auto *table = m_page->findChild<QTableView *>(u"keysTable"_s);
    if (!table)
        return false;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data(KeyTableModel::KidRole).toString() == kid) {
            table->selectRow(row);
            return m_page->selectedKid() == kid;
        }
    }
    return false;
}

QByteArray tst_KeysPage::servedJwks() const
{
    const auto response = test::HttpTestClient::exchange(
        static_cast<quint16>(m_fixture->backend()->status().url.port()),
        "GET /jwks HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    if (!response || response->status != 200)
        return {};
    return response->body;
}

void tst_KeysPage::showsTheKeys()
{
    const QList<SigningKey> keys = storedKeys();
    QCOMPARE(keys.size(), 2);
    auto *table = m_page->findChild<QTableView *>(u"keysTable"_s);
    QVERIFY(table);
    QVERIFY(table->isVisible());
    for (const SigningKey &key : keys) {
        const int row = m_page->model()->rowOf(key.kid);
        QVERIFY(row >= 0);
        const QModelIndex state = m_page->model()->index(row, KeyTableModel::State);
        QCOMPARE(state.data().toString(), u"Active"_s);
        QVERIFY(m_page->model()
                    ->index(row, KeyTableModel::Phase)
                    .data()
                    .toString()
                    .startsWith(u"Signing since"_s));
    }
    auto *rotate = m_page->findChild<QPushButton *>(u"rotateButton"_s);
    QVERIFY(rotate->isEnabled());
    QVERIFY2(rotate->toolTip().contains(u"RS256, ES256"_s), qPrintable(rotate->toolTip()));
    // Nothing selected: nothing to retire, and the tooltip says so.
    auto *retire = m_page->findChild<QPushButton *>(u"retireButton"_s);
    QVERIFY(!retire->isEnabled());
    QVERIFY(!retire->toolTip().isEmpty());
    QVERIFY(!m_page->findChild<QLabel *>(u"cycleLabel"_s)->text().isEmpty());
}

void tst_KeysPage::rotateNowPublishesNextKeys()
{
    QSignalSpy finished(m_page.get(), &KeysPage::finished);
    auto *rotate = m_page->findChild<QPushButton *>(u"rotateButton"_s);
    QVERIFY(rotate->isEnabled());
    QTest::mouseClick(rotate, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));

    // In the store: a next key for each algorithm, published, not signing.
    QList<SigningKey> next;
    for (const SigningKey &key : storedKeys()) {
        if (key.state == KeyState::Next)
            next.append(key);
    }
    QCOMPARE(next.size(), 2);

    // In the table, with where each is in the cycle; and in the events.
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model()->rowCount(), 4, 10'000);
    for (const SigningKey &key : std::as_const(next)) {
        const int row = m_page->model()->rowOf(key.kid);
        QVERIFY(row >= 0);
        QCOMPARE(m_page->model()->index(row, KeyTableModel::State).data().toString(), u"Next"_s);
        const QString phase = m_page->model()->index(row, KeyTableModel::Phase).data().toString();
        QVERIFY2(phase.startsWith(u"Published, signs from"_s), qPrintable(phase));
        QTRY_VERIFY_WITH_TIMEOUT(recorded(event_type::KeyGenerated, key.kid), 10'000);
    }

    // A rotation waits: rotating again is unsafe, and the tooltip says why.
    QTRY_VERIFY_WITH_TIMEOUT(!rotate->isEnabled(), 5'000);
    QVERIFY2(rotate->toolTip().contains(u"A rotation is in progress"_s),
             qPrintable(rotate->toolTip()));
    QVERIFY(rotate->toolTip().contains(next.first().kid) ||
            rotate->toolTip().contains(next.last().kid));
    // Clicking it anyway (a disabled button) generates nothing.
    QTest::mouseClick(rotate, Qt::LeftButton);
    QCOMPARE(storedKeys().size(), 4);
}

void tst_KeysPage::retireIsRefusedForTheOnlyActiveKey()
{
    QString rs256;
    for (const SigningKey &key : storedKeys()) {
        if (key.alg == u"RS256"_s)
            rs256 = key.kid;
    }
    QVERIFY(select(rs256));
    auto *retire = m_page->findChild<QPushButton *>(u"retireButton"_s);
    QVERIFY(!retire->isEnabled());
    QVERIFY2(retire->toolTip().contains(u"only active RS256 key"_s), qPrintable(retire->toolTip()));
    // Asking anyway opens no confirmation.
    QVERIFY(!m_page->confirmRetire(rs256));
    QVERIFY(!m_page->findChild<QMessageBox *>(u"retireConfirmation"_s));
}

void tst_KeysPage::retireCancelsARotation()
{
    QSignalSpy finished(m_page.get(), &KeysPage::finished);
    QTest::mouseClick(m_page->findChild<QPushButton *>(u"rotateButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model()->rowCount(), 4, 10'000);
    QString waiting;
    for (const SigningKey &key : storedKeys()) {
        if (key.state == KeyState::Next && key.alg == u"ES256"_s)
            waiting = key.kid;
    }
    QVERIFY(!waiting.isEmpty());

    QVERIFY(select(waiting));
    auto *retire = m_page->findChild<QPushButton *>(u"retireButton"_s);
    QVERIFY(retire->isEnabled());
    QVERIFY2(retire->toolTip().contains(u"Cancel this rotation"_s), qPrintable(retire->toolTip()));
    finished.clear();
    QTest::mouseClick(retire, Qt::LeftButton);
    auto *box = m_page->findChild<QMessageBox *>(u"retireConfirmation"_s);
    QVERIFY(box);
    QVERIFY(box->text().contains(waiting));
    QTest::mouseClick(box->findChild<QPushButton *>(u"confirmButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));

    bool retired = false;
    for (const SigningKey &key : storedKeys()) {
        if (key.kid == waiting)
            retired = key.state == KeyState::Retired;
    }
    QVERIFY(retired);
    QTRY_VERIFY_WITH_TIMEOUT(recorded(event_type::KeyRetired, waiting), 10'000);
    // Retired, until the maintenance job removes it (a cancelled key is
    // unpublished at once).
    const auto retiredOrGone = [&] {
        const int row = m_page->model()->rowOf(waiting);
        return row < 0 ||
               m_page->model()->index(row, KeyTableModel::State).data().toString() == u"Retired"_s;
    };
    QTRY_VERIFY_WITH_TIMEOUT(retiredOrGone(), 10'000);
    // ES256 can rotate again; RS256 still waits, so "Rotate now" stays off.
    auto *es256 = m_page->findChild<QAction *>(u"rotate_ES256"_s);
    QVERIFY(es256);
    QTRY_VERIFY_WITH_TIMEOUT(es256->isEnabled(), 5'000);
    QVERIFY(!m_page->findChild<QAction *>(u"rotate_RS256"_s)->isEnabled());
    QVERIFY(!m_page->findChild<QPushButton *>(u"rotateButton"_s)->isEnabled());
}

void tst_KeysPage::cancellingTheConfirmationKeepsTheKey()
{
    QSignalSpy finished(m_page.get(), &KeysPage::finished);
    m_page->rotate(u"ES256"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->model()->rowCount(), 3, 10'000);
    QString waiting;
    for (const SigningKey &key : storedKeys()) {
        if (key.state == KeyState::Next)
            waiting = key.kid;
    }
    QVERIFY(select(waiting));
    QMessageBox *box = m_page->confirmRetire(waiting);
    QVERIFY(box);
    QTest::mouseClick(box->findChild<QPushButton *>(u"cancelButton"_s), Qt::LeftButton);
    finished.clear();
    QTest::qWait(500);
    QVERIFY(finished.isEmpty());
    for (const SigningKey &key : storedKeys()) {
        if (key.kid == waiting)
            QCOMPARE(key.state, KeyState::Next);
    }
}

void tst_KeysPage::rotateOneAlgorithmFromTheMenu()
{
    QAction *ps256 = m_page->findChild<QAction *>(u"rotate_PS256"_s);
    QVERIFY(ps256);
    // PS256 has no key yet: the menu offers to add one.
    QVERIFY(ps256->isEnabled());
    QVERIFY2(ps256->text().contains(u"Add"_s), qPrintable(ps256->text()));
    QVERIFY(ps256->toolTip().contains(u"first PS256 key"_s));
    QSignalSpy finished(m_page.get(), &KeysPage::finished);
    ps256->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QString kid;
    for (const SigningKey &key : storedKeys()) {
        if (key.alg == u"PS256"_s) {
            QCOMPARE(key.state, KeyState::Next);
            kid = key.kid;
        }
    }
    QVERIFY(!kid.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(recorded(event_type::KeyGenerated, kid), 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(!ps256->isEnabled(), 5'000);
    QVERIFY(ps256->toolTip().contains(kid));
    // The others are not held up by a first PS256 key.
    QVERIFY(m_page->findChild<QPushButton *>(u"rotateButton"_s)->isEnabled());
}

void tst_KeysPage::exportWritesWhatTheServerServes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"exported-jwks.json"_s);
    int asked = 0;
    m_page->setExportPathChooser([&asked, path](QWidget *) {
        ++asked;
        return path;
    });
    // A rotation first, so the JWKS holds more than the first keys.
    QSignalSpy finished(m_page.get(), &KeysPage::finished);
    m_page->rotateAll();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30'000);
    finished.clear();

    QTest::mouseClick(m_page->findChild<QPushButton *>(u"exportJwksButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30'000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QCOMPARE(asked, 1);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray exported = file.readAll();
    const QByteArray served = servedJwks();
    QVERIFY(!served.isEmpty());
    QCOMPARE(exported, served);
    // Four public keys: two signing, two next.
    QCOMPARE(QJsonDocument::fromJson(exported).object().value(u"keys"_s).toArray().size(), 4);
    QVERIFY(!exported.contains("\"d\""));
}

void tst_KeysPage::exportToAnUnwritablePlaceFails()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(u"file"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    m_page->setExportPathChooser([&dir](QWidget *) { return dir.filePath(u"file/jwks.json"_s); });
    QSignalSpy finished(m_page.get(), &KeysPage::finished);
    m_page->exportJwks();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30'000);
    QCOMPARE(finished.first().at(0).toBool(), false);
    auto *message = m_page->findChild<QLabel *>(u"messageLabel"_s);
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(u"not exported"_s));
    // Cancelling the file dialog exports nothing.
    m_page->setExportPathChooser([](QWidget *) { return QString(); });
    finished.clear();
    m_page->exportJwks();
    QTest::qWait(300);
    QVERIFY(finished.isEmpty());
}

QTEST_MAIN(tst_KeysPage)
#include "tst_keyspage.moc"
