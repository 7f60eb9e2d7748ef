// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackendFixture.h"

#include "runtime/Provider.h"
#include "store/SettingsKeys.h"
#include "store/SettingsStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace lanyard::test {

BackendFixture::BackendFixture() : m_backend(std::make_unique<ui::Backend>()) {}

BackendFixture::~BackendFixture()
{
    m_backend.reset();
}

QString BackendFixture::databasePath() const
{
    return m_dir.filePath(u"lanyard.db"_s);
}

bool BackendFixture::start()
{
    {
        // Port 0: the server takes a free port at every start.
        auto provider = Provider::open(databasePath());
        if (!provider) {
            qWarning("cannot create the test database: %s", qPrintable(provider.error().message));
            return false;
        }
        if (!(*provider)->settings()->set(QString(SettingsKeys::ListenPort), u"0"_s)) {
            qWarning("cannot store listen_port");
            return false;
        }
    }
    m_backend->open(databasePath());
    const bool running = QTest::qWaitFor(
        [this] {
            const auto state = m_backend->status().state;
            return state == ui::ServerStatus::State::Running ||
                   state == ui::ServerStatus::State::Failed;
        },
        30'000);
    if (!running || !m_backend->status().isRunning()) {
        qWarning("the backend did not start: %s", qPrintable(m_backend->status().error));
        return false;
    }
    return true;
}

} // namespace lanyard::test
