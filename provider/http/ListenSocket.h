// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "core/Result.h"

#include <QHostAddress>

namespace lanyard {

/// An owned, listening TCP socket descriptor, made with the system calls so
/// that SO_REUSEPORT can be set before bind() (QTcpServer cannot do that),
/// then handed to a QTcpServer with setSocketDescriptor(). Move-only; closes
/// the descriptor unless release()d. Any thread.
class ListenSocket
{
public:
    ListenSocket() = default;
    ~ListenSocket();
    ListenSocket(ListenSocket &&other) noexcept;
    ListenSocket &operator=(ListenSocket &&other) noexcept;
    ListenSocket(const ListenSocket &) = delete;
    ListenSocket &operator=(const ListenSocket &) = delete;

    /// A socket bound to `address`:`port` and listening. SO_REUSEADDR is
    /// always set (restart while old connections are in TIME_WAIT); with
    /// `reusePort`, SO_REUSEPORT too, so several sockets of this process can
    /// listen on the same address and port and the kernel spreads incoming
    /// connections over them. QHostAddress::Any is dual-stack (IPv6 socket
    /// accepting IPv4-mapped peers); AnyIPv4, AnyIPv6 and explicit addresses
    /// are single-stack. Port 0 picks a free port (see port()).
    static Result<ListenSocket, Error> open(const QHostAddress &address, quint16 port,
                                            bool reusePort);

    bool isValid() const { return m_fd >= 0; }
    int descriptor() const { return m_fd; }
    /// The bound port (the kernel's choice when 0 was asked for).
    quint16 port() const;
    /// Gives up ownership of the descriptor and returns it.
    int release();

private:
    explicit ListenSocket(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

} // namespace lanyard
