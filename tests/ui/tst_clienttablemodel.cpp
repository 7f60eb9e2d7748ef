// SPDX-License-Identifier: GPL-3.0-or-later
#include "clients/ClientTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::ui::ClientTableModel;

namespace {

const QDateTime T0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);

Client makeClient(const QString &id, const QString &name, int uris, qint64 createdOffset,
                  bool isPublic = false)
{
    Client client;
    client.clientId = id;
    client.clientName = name;
    for (int i = 0; i < uris; ++i)
        client.redirectUris.append(u"https://%1.example/cb%2"_s.arg(id).arg(i));
    if (isPublic)
        client.tokenEndpointAuthMethod = u"none"_s;
    client.createdAt = T0.addSecs(createdOffset);
    client.updatedAt = client.createdAt;
    return client;
}

QStringList column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, column).data(role).toString());
    return out;
}

} // namespace

class TestClientTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesModelTester();
    void updatesRowByRowNotByReset();
    void showsColumns();
    void sortsByTypedValues_data();
    void sortsByTypedValues();
    void filtersOnEveryField_data();
    void filtersOnEveryField();
};

void TestClientTableModel::passesModelTester()
{
    ClientTableModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClients({makeClient(u"a"_s, u"A"_s, 1, 0), makeClient(u"b"_s, u"B"_s, 2, 10)});
    model.setClients({makeClient(u"b"_s, u"B2"_s, 2, 10), makeClient(u"c"_s, u"C"_s, 0, 20)});
    model.setClients({});
    model.setClients({makeClient(u"d"_s, u"D"_s, 3, 30, true)});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(ClientTableModel::ColumnCount));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QVERIFY(!model.data(model.index(5, 0)).isValid());
}

void TestClientTableModel::updatesRowByRowNotByReset()
{
    ClientTableModel model;
    model.setClients({makeClient(u"a"_s, u"A"_s, 1, 0), makeClient(u"b"_s, u"B"_s, 1, 0),
                      makeClient(u"c"_s, u"C"_s, 1, 0)});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    Client renamed = makeClient(u"c"_s, u"C renamed"_s, 1, 0);
    renamed.updatedAt = T0.addSecs(5);
    model.setClients({makeClient(u"a"_s, u"A"_s, 1, 0), renamed, makeClient(u"d"_s, u"D"_s, 1, 0)});

    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 1); // b
    QCOMPARE(removed.first().at(1).toInt(), 1);
    QCOMPARE(changed.size(), 1); // c, now at row 1
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(inserted.size(), 1); // d, at the end
    QCOMPARE(inserted.first().at(1).toInt(), 2);
    QCOMPARE(column(model, ClientTableModel::ClientId), (QStringList{u"a"_s, u"c"_s, u"d"_s}));
    QCOMPARE(model.rowOf(u"c"_s), 1);
    QCOMPARE(model.rowOf(u"b"_s), -1);
    QCOMPARE(model.clientAt(1).clientName, u"C renamed"_s);

    // The same listing again changes nothing.
    changed.clear();
    model.setClients({makeClient(u"a"_s, u"A"_s, 1, 0), renamed, makeClient(u"d"_s, u"D"_s, 1, 0)});
    QCOMPARE(changed.size(), 0);
}

void TestClientTableModel::showsColumns()
{
    ClientTableModel model;
    Client confidential = makeClient(u"web"_s, u"Intranet"_s, 3, 0);
    confidential.grantTypes = {u"authorization_code"_s, u"refresh_token"_s};
    model.setClients({confidential, makeClient(u"spa"_s, u"SPA"_s, 1, 0, true),
                      makeClient(u"svc"_s, QString(), 0, 0)});
    QCOMPARE(model.index(0, ClientTableModel::Type).data().toString(),
             u"Confidential (client_secret_basic)"_s);
    QCOMPARE(model.index(1, ClientTableModel::Type).data().toString(), u"Public"_s);
    QCOMPARE(model.index(0, ClientTableModel::GrantTypes).data().toString(),
             u"authorization_code, refresh_token"_s);
    QCOMPARE(model.index(0, ClientTableModel::RedirectUris).data().toString(),
             u"https://web.example/cb0 (+2 more)"_s);
    QCOMPARE(model.index(0, ClientTableModel::RedirectUris).data(Qt::ToolTipRole).toString(),
             u"https://web.example/cb0\nhttps://web.example/cb1\nhttps://web.example/cb2"_s);
    QCOMPARE(model.index(1, ClientTableModel::RedirectUris).data().toString(),
             u"https://spa.example/cb0"_s);
    QCOMPARE(model.index(2, ClientTableModel::RedirectUris).data().toString(), u"None"_s);
    QCOMPARE(model.index(2, ClientTableModel::Name).data(ClientTableModel::ClientIdRole).toString(),
             u"svc"_s);
    QVERIFY(!model.index(0, ClientTableModel::Created).data().toString().isEmpty());
    QCOMPARE(model.headerData(ClientTableModel::ClientId, Qt::Horizontal).toString(),
             u"Client ID"_s);
    QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
}

void TestClientTableModel::sortsByTypedValues_data()
{
    QTest::addColumn<int>("sortColumn");
    QTest::addColumn<QStringList>("ascending");
    QTest::newRow("client id") << int(ClientTableModel::ClientId)
                               << QStringList{u"alpha"_s, u"beta"_s, u"gamma"_s};
    QTest::newRow("name, case-insensitively")
        << int(ClientTableModel::Name) << QStringList{u"gamma"_s, u"beta"_s, u"alpha"_s};
    // 10 URIs sort after 2 (numbers, not text).
    QTest::newRow("redirect URI count")
        << int(ClientTableModel::RedirectUris) << QStringList{u"beta"_s, u"gamma"_s, u"alpha"_s};
    // By time, not by the formatted text.
    QTest::newRow("created") << int(ClientTableModel::Created)
                             << QStringList{u"gamma"_s, u"alpha"_s, u"beta"_s};
}

void TestClientTableModel::sortsByTypedValues()
{
    QFETCH(int, sortColumn);
    QFETCH(QStringList, ascending);
    ClientTableModel model;
    model.setClients({makeClient(u"alpha"_s, u"zulu"_s, 10, 3600),
                      makeClient(u"beta"_s, u"Mike"_s, 1, 86'400 * 400),
                      makeClient(u"gamma"_s, u"alpha"_s, 2, 0)});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ClientTableModel::SortRole);
    proxy.setSortCaseSensitivity(Qt::CaseInsensitive);
    proxy.sort(sortColumn, Qt::AscendingOrder);
    QCOMPARE(column(proxy, ClientTableModel::ClientId), ascending);
    proxy.sort(sortColumn, Qt::DescendingOrder);
    QStringList descending = ascending;
    std::reverse(descending.begin(), descending.end());
    QCOMPARE(column(proxy, ClientTableModel::ClientId), descending);
}

void TestClientTableModel::filtersOnEveryField_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("shown");
    QTest::newRow("nothing") << QString() << QStringList{u"web"_s, u"spa"_s, u"svc"_s};
    QTest::newRow("id") << u"sv"_s << QStringList{u"svc"_s};
    QTest::newRow("name, any case") << u"INTRA"_s << QStringList{u"web"_s};
    QTest::newRow("a later redirect URI") << u"web.example/cb2"_s << QStringList{u"web"_s};
    QTest::newRow("type") << u"public"_s << QStringList{u"spa"_s};
    QTest::newRow("grant type") << u"client_credentials"_s << QStringList{u"svc"_s};
    QTest::newRow("no match") << u"nothing like it"_s << QStringList{};
}

void TestClientTableModel::filtersOnEveryField()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, shown);
    ClientTableModel model;
    Client service = makeClient(u"svc"_s, u"Backup job"_s, 0, 0);
    service.grantTypes = {u"client_credentials"_s};
    model.setClients({makeClient(u"web"_s, u"Intranet"_s, 3, 0),
                      makeClient(u"spa"_s, u"Single page"_s, 1, 0, true), service});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterRole(ClientTableModel::FilterRole);
    proxy.setFilterKeyColumn(ClientTableModel::ClientId);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setFilterFixedString(filter);
    QCOMPARE(column(proxy, ClientTableModel::ClientId), shown);
}

QTEST_MAIN(TestClientTableModel)
#include "tst_clienttablemodel.moc"
