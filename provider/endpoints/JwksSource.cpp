// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoints/JwksSource.h"

#include "http/ResponseWriter.h"

namespace lanyard {

void JwksSource::publish(QByteArray jwksJson, QStringList signingAlgorithms)
{
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->entityTag = ResponseWriter::entityTag(jwksJson);
    snapshot->jwksJson = std::move(jwksJson);
    snapshot->signingAlgorithms = std::move(signingAlgorithms);
    m_current.store(std::move(snapshot));
}

std::shared_ptr<const JwksSource::Snapshot> JwksSource::current() const
{
    return m_current.load();
}

} // namespace lanyard
