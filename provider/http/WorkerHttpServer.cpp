// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/WorkerHttpServer.h"

#include "core/OAuthError.h"
#include "http/ConnectionGuard.h"
#include "http/HttpLog.h"
#include "http/RequestContext.h"
#include "http/ResponseWriter.h"
#include "http/Router.h"

#include <QHttpServerRequest>
#include <QSslSocket>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace lanyard {

WorkerHttpServer::WorkerHttpServer(std::shared_ptr<const Router> router, ConnectionInfo connection,
                                   QObject *parent)
    : QAbstractHttpServer(parent), m_router(std::move(router)), m_connection(std::move(connection))
{}

WorkerHttpServer::~WorkerHttpServer() = default;

bool WorkerHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ConnectionGuard *guard = ConnectionGuard::of(socket);
    if (!guard || guard->isClosing())
        return true;
    const std::optional<RequestHead> head = guard->takeCompletedRequest();
    const QByteArray body = request.body();
    if (!head || head->bodyBytes != body.size()) {
        // Qt and the framer disagree about this request: never guess.
        qCWarning(lcHttp) << "request framing disagreement with" << socket->peerAddress().toString()
                          << "- refusing";
        guard->refuse(ResponseWriter::error(OAuthError::invalidRequest(u"Malformed request."_s)));
        return true;
    }

    ConnectionInfo connection = m_connection;
    connection.peerAddress = socket->peerAddress();
    const auto *tls = qobject_cast<const QSslSocket *>(socket);
    connection.tls = tls && tls->isEncrypted();
    const RequestContext context = RequestContext::create(*head, body, connection);

    HttpResponse response = m_router->route(context);
    const bool close = !head->keepAlive;
    if (close)
        response.setHeader("Connection"_ba, "close"_ba);
    response.setHeader("Date"_ba, HttpResponse::currentDate());
    socket->write(response.serialize(context.method() != QHttpServerRequest::Method::Head));
    // Path only: query strings and bodies carry codes and tokens.
    qCDebug(lcHttp).noquote() << context.remoteAddress().toString() << context.methodName()
                              << context.path() << response.status();
    guard->responseWritten(close);
    return true;
}

void WorkerHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers everything; kept for the interface.
    Q_UNUSED(request);
    if (ConnectionGuard *guard = ConnectionGuard::of(socket))
        guard->refuse(ResponseWriter::error(OAuthError::notFound()));
}

} // namespace lanyard
