#include "websocketaccept.h"

#include <QCryptographicHash>

namespace WebSocketAccept {

QByteArray concatenated(const QByteArray &key)
{
    return key.trimmed() + QByteArray(Guid);
}

QByteArray sha1(const QByteArray &key)
{
    return QCryptographicHash::hash(concatenated(key), QCryptographicHash::Sha1);
}

QByteArray compute(const QByteArray &key)
{
    return sha1(key).toBase64();
}

} // namespace WebSocketAccept
