// SPDX-License-Identifier: GPL-3.0-or-later
#include "http/ListenSocket.h"

#include <QNetworkInterface>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <utility>

using namespace Qt::StringLiterals;

namespace lanyard {

namespace {

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString describe(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u"[%1]"_s.arg(address.toString())
                             : address.toString();
    return u"%1:%2"_s.arg(host).arg(port);
}

} // namespace

ListenSocket::~ListenSocket()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

ListenSocket::ListenSocket(ListenSocket &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

ListenSocket &ListenSocket::operator=(ListenSocket &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

int ListenSocket::release()
{
    return std::exchange(m_fd, -1);
}

quint16 ListenSocket::port() const
{
    sockaddr_storage storage{};
    socklen_t length = sizeof(storage);
    if (m_fd < 0 || ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return 0;
    if (storage.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in *>(&storage)->sin_port);
    if (storage.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 *>(&storage)->sin6_port);
    return 0;
}

Result<ListenSocket, Error> ListenSocket::open(const QHostAddress &address, quint16 port,
                                               bool reusePort)
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    int family = AF_INET;
    int v6Only = 1;
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv6) {
        family = AF_INET6;
        v6Only = address == QHostAddress::AnyIPv6 ? 1 : 0;
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_addr = in6addr_any;
        in6->sin6_port = htons(port);
        length = sizeof(sockaddr_in6);
    } else if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
        in4->sin_port = htons(port);
        length = sizeof(sockaddr_in);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        family = AF_INET6;
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &bytes, sizeof(bytes));
        in6->sin6_port = htons(port);
        const QString scope = address.scopeId();
        if (!scope.isEmpty()) {
            bool numeric = false;
            const uint index = scope.toUInt(&numeric);
            in6->sin6_scope_id =
                numeric ? index
                        : static_cast<uint32_t>(QNetworkInterface::interfaceIndexFromName(scope));
        }
        length = sizeof(sockaddr_in6);
    } else {
        return Error::invalid(u"Cannot listen on %1: not an IP address."_s.arg(address.toString()));
    }

    ListenSocket socket(::socket(family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    // A host without IPv6 still serves "any address" on IPv4.
    if (!socket.isValid() && errno == EAFNOSUPPORT && address == QHostAddress::Any)
        return open(QHostAddress::AnyIPv4, port, reusePort);
    if (!socket.isValid())
        return Error::io(u"Cannot create a socket: %1."_s.arg(systemError(errno)));
    const int on = 1;
    if (::setsockopt(socket.m_fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) != 0 ||
        (reusePort && ::setsockopt(socket.m_fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof(on)) != 0) ||
        (family == AF_INET6 &&
         ::setsockopt(socket.m_fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6Only, sizeof(v6Only)) != 0)) {
        return Error::io(u"Cannot set socket options: %1."_s.arg(systemError(errno)));
    }
    if (::bind(socket.m_fd, reinterpret_cast<const sockaddr *>(&storage), length) != 0) {
        const int error = errno;
        if (error == EADDRINUSE) {
            return Error::conflict(
                u"Cannot listen on %1: the address is in use."_s.arg(describe(address, port)));
        }
        return Error::io(
            u"Cannot listen on %1: %2."_s.arg(describe(address, port), systemError(error)));
    }
    if (::listen(socket.m_fd, SOMAXCONN) != 0) {
        return Error::io(
            u"Cannot listen on %1: %2."_s.arg(describe(address, port), systemError(errno)));
    }
    return socket;
}

} // namespace lanyard
