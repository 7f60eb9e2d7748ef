// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <memory>

namespace lanyard {

class KeyRing;

/// The KeyRing in force, swapped atomically on rotation while worker
/// threads keep signing with the snapshot they loaded. Any thread.
class KeyRingHolder
{
public:
    std::shared_ptr<const KeyRing> current() const { return m_ring.load(); }
    void replace(std::shared_ptr<const KeyRing> ring) { m_ring.store(std::move(ring)); }

private:
    std::atomic<std::shared_ptr<const KeyRing>> m_ring;
};

} // namespace lanyard
