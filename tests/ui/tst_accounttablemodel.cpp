// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/AccountTableModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;
using lanyard::ui::AccountTableModel;

namespace {

const QDateTime T0 = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);

AccountInfo makeAccount(const QString &username, const QJsonObject &claims = {},
                        const QDateTime &lastLogin = {}, bool disabled = false)
{
    AccountInfo account;
    account.subject = u"sub-"_s + username;
    account.username = username;
    account.claims = claims;
    account.disabled = disabled;
    account.hasPassword = true;
    account.createdAt = T0;
    account.updatedAt = T0;
    account.lastLoginAt = lastLogin;
    return account;
}

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, column).data().toString());
    return out;
}

QList<AccountInfo> sample()
{
    return {
        makeAccount(u"alice"_s,
                    {{u"name"_s, u"Alice Liddell"_s},
                     {u"email"_s, u"alice@example.com"_s},
                     {u"email_verified"_s, true},
                     {u"groups"_s, QJsonArray{u"staff"_s, u"admins"_s}}},
                    T0.addSecs(7200)),
        makeAccount(u"bob"_s, {{u"name"_s, u"bob Builder"_s}, {u"given_name"_s, u"Robert"_s}},
                    T0.addDays(-30)),
        makeAccount(u"carol"_s, {{u"email"_s, u"carol@example.org"_s}}, {}, true),
    };
}

} // namespace

class TestAccountTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesModelTester();
    void updatesRowByRowNotByReset();
    void showsColumns();
    void sortsByTypedValues_data();
    void sortsByTypedValues();
    void searchesEveryField_data();
    void searchesEveryField();
};

void TestAccountTableModel::passesModelTester()
{
    AccountTableModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAccounts(sample());
    model.setAccounts({sample().at(2), makeAccount(u"dave"_s)});
    model.setAccounts({});
    model.setAccounts(sample());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(AccountTableModel::ColumnCount));
    QVERIFY(!model.data(model.index(9, 0)).isValid());
}

void TestAccountTableModel::updatesRowByRowNotByReset()
{
    AccountTableModel model;
    model.setAccounts(sample());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QList<AccountInfo> next = sample();
    next.removeAt(1);                    // bob
    next[1].disabled = false;            // carol enabled
    next.append(makeAccount(u"dave"_s)); // dave added
    model.setAccounts(next);

    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(column(model, AccountTableModel::Username),
             (QStringList{u"alice"_s, u"carol"_s, u"dave"_s}));
    QCOMPARE(model.index(1, AccountTableModel::Status).data().toString(), u"Enabled"_s);
    QCOMPARE(model.rowOf(u"dave"_s), 2);
    QCOMPARE(model.rowOf(u"bob"_s), -1);
}

void TestAccountTableModel::showsColumns()
{
    AccountTableModel model;
    QList<AccountInfo> accounts = sample();
    accounts.append(makeAccount(u"erin"_s));
    accounts.last().hasPassword = false;
    model.setAccounts(accounts);
    QCOMPARE(column(model, AccountTableModel::Name),
             (QStringList{u"Alice Liddell"_s, u"bob Builder"_s, QString(), QString()}));
    QCOMPARE(column(model, AccountTableModel::Email),
             (QStringList{u"alice@example.com"_s, QString(), u"carol@example.org"_s, QString()}));
    QCOMPARE(model.index(0, AccountTableModel::Groups).data().toString(), u"staff, admins"_s);
    QCOMPARE(column(model, AccountTableModel::Status),
             (QStringList{u"Enabled"_s, u"Enabled"_s, u"Disabled"_s, u"No password"_s}));
    QCOMPARE(model.index(2, AccountTableModel::LastSignIn).data().toString(), u"Never"_s);
    QVERIFY(model.index(0, AccountTableModel::LastSignIn).data().toString() != u"Never"_s);
    QCOMPARE(model.index(0, AccountTableModel::Email).data(Qt::ToolTipRole).toString(),
             u"Verified"_s);
    QCOMPARE(
        model.index(0, AccountTableModel::Name).data(AccountTableModel::SubjectRole).toString(),
        u"sub-alice"_s);
    QCOMPARE(model.headerData(AccountTableModel::LastSignIn, Qt::Horizontal).toString(),
             u"Last sign-in"_s);
}

void TestAccountTableModel::sortsByTypedValues_data()
{
    QTest::addColumn<int>("sortColumn");
    QTest::addColumn<QStringList>("ascending");
    QTest::newRow("username") << int(AccountTableModel::Username)
                              << QStringList{u"alice"_s, u"bob"_s, u"carol"_s};
    QTest::newRow("name, case-insensitively")
        << int(AccountTableModel::Name) << QStringList{u"carol"_s, u"alice"_s, u"bob"_s};
    // By time; never signed in first.
    QTest::newRow("last sign-in") << int(AccountTableModel::LastSignIn)
                                  << QStringList{u"carol"_s, u"bob"_s, u"alice"_s};
    QTest::newRow("status") << int(AccountTableModel::Status)
                            << QStringList{u"carol"_s, u"alice"_s, u"bob"_s};
}

void TestAccountTableModel::sortsByTypedValues()
{
    QFETCH(int, sortColumn);
    QFETCH(QStringList, ascending);
    AccountTableModel model;
    model.setAccounts(sample());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(AccountTableModel::SortRole);
    proxy.setSortCaseSensitivity(Qt::CaseInsensitive);
    proxy.sort(sortColumn, Qt::AscendingOrder);
    QCOMPARE(column(proxy, AccountTableModel::Username), ascending);
}

void TestAccountTableModel::searchesEveryField_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("shown");
    QTest::newRow("nothing") << QString() << QStringList{u"alice"_s, u"bob"_s, u"carol"_s};
    QTest::newRow("username") << u"car"_s << QStringList{u"carol"_s};
    QTest::newRow("name, any case") << u"LIDDELL"_s << QStringList{u"alice"_s};
    QTest::newRow("given name not shown") << u"robert"_s << QStringList{u"bob"_s};
    QTest::newRow("e-mail domain") << u"example.org"_s << QStringList{u"carol"_s};
    QTest::newRow("group") << u"admins"_s << QStringList{u"alice"_s};
    QTest::newRow("subject") << u"sub-bob"_s << QStringList{u"bob"_s};
    QTest::newRow("no match") << u"zzz"_s << QStringList{};
}

void TestAccountTableModel::searchesEveryField()
{
    QFETCH(QString, search);
    QFETCH(QStringList, shown);
    AccountTableModel model;
    model.setAccounts(sample());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterRole(AccountTableModel::FilterRole);
    proxy.setFilterKeyColumn(AccountTableModel::Username);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setFilterFixedString(search);
    QCOMPARE(column(proxy, AccountTableModel::Username), shown);
}

QTEST_MAIN(TestAccountTableModel)
#include "tst_accounttablemodel.moc"
