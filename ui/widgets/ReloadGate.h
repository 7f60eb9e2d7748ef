// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <utility>

namespace lanyard::ui {

/// One load at a time, and none lost: a page asks begin() before it starts
/// loading its table off the GUI thread; while a load runs, further asks
/// are folded into one that finish() reports when the running load ends.
/// GUI thread.
class ReloadGate
{
public:
    /// True when the caller should start loading now; false when a load
    /// runs already (one more is then owed).
    bool begin()
    {
        if (m_loading) {
            m_owed = true;
            return false;
        }
        m_loading = true;
        return true;
    }
    /// Ends the running load; true when another was asked for meanwhile
    /// (the caller loads again).
    bool finish()
    {
        m_loading = false;
        return std::exchange(m_owed, false);
    }

private:
    bool m_loading = false;
    bool m_owed = false;
};

} // namespace lanyard::ui
