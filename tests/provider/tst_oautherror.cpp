// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/OAuthError.h"
#include "core/Result.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lanyard;

class TestOAuthError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusAndCode_data();
    void statusAndCode();
    void serverErrorHidesDetail();
    void resultHoldsValueOrError();
};

void TestOAuthError::statusAndCode_data()
{
    QTest::addColumn<OAuthError>("error");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("status");
    QTest::newRow("invalid_request")
        << OAuthError::invalidRequest(u"x"_s) << u"invalid_request"_s << 400;
    QTest::newRow("invalid_client")
        << OAuthError::invalidClient(u"x"_s) << u"invalid_client"_s << 401;
    QTest::newRow("invalid_grant") << OAuthError::invalidGrant(u"x"_s) << u"invalid_grant"_s << 400;
    QTest::newRow("invalid_token") << OAuthError::invalidToken(u"x"_s) << u"invalid_token"_s << 401;
    QTest::newRow("not found") << OAuthError::notFound() << u"not_found"_s << 404;
    QTest::newRow("405") << OAuthError::methodNotAllowed() << u"method_not_allowed"_s << 405;
    QTest::newRow("413") << OAuthError::payloadTooLarge() << u"payload_too_large"_s << 413;
    QTest::newRow("431") << OAuthError::headersTooLarge() << u"request_header_fields_too_large"_s
                         << 431;
}

void TestOAuthError::statusAndCode()
{
    QFETCH(OAuthError, error);
    QFETCH(QString, code);
    QFETCH(int, status);
    QCOMPARE(error.code(), code);
    QCOMPARE(error.httpStatus(), status);
    QCOMPARE(error.toJson().value(u"error"_s).toString(), code);
}

void TestOAuthError::serverErrorHidesDetail()
{
    const auto error = OAuthError::serverError(u"SQLITE_BUSY on table codes"_s);
    QCOMPARE(error.httpStatus(), 500);
    QCOMPARE(error.detail(), u"SQLITE_BUSY on table codes"_s);
    const QByteArray wire = QJsonDocument(error.toJson()).toJson();
    QVERIFY(!wire.contains("SQLITE"));
}

void TestOAuthError::resultHoldsValueOrError()
{
    Result<int> good(42);
    QVERIFY(good.ok());
    QCOMPARE(good.value(), 42);
    Result<int> bad(OAuthError::invalidGrant(u"expired"_s));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code(), u"invalid_grant"_s);
    QCOMPARE(bad.valueOr(7), 7);
    Result<void> fine;
    QVERIFY(fine.ok());
    Result<void> failed(OAuthError::accessDenied(u"no"_s));
    QVERIFY(!failed);
}

QTEST_GUILESS_MAIN(TestOAuthError)
#include "tst_oautherror.moc"
