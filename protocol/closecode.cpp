#include "closecode.h"

namespace CloseCode {

QString name(int code)
{
    switch (code) {
    case 1000:
        return QStringLiteral("Normal closure");
    case 1001:
        return QStringLiteral("Going away");
    case 1002:
        return QStringLiteral("Protocol error");
    case 1003:
        return QStringLiteral("Unsupported data");
    case 1005:
        return QStringLiteral("No status received");
    case 1006:
        return QStringLiteral("Abnormal closure");
    case 1007:
        return QStringLiteral("Invalid payload data");
    case 1008:
        return QStringLiteral("Policy violation");
    case 1009:
        return QStringLiteral("Message too big");
    case 1010:
        return QStringLiteral("Mandatory extension");
    case 1011:
        return QStringLiteral("Internal error");
    case 1012:
        return QStringLiteral("Service restart");
    case 1013:
        return QStringLiteral("Try again later");
    case 1014:
        return QStringLiteral("Bad gateway");
    case 1015:
        return QStringLiteral("TLS handshake failure");
    case Kicked:
        return QStringLiteral("Kicked by the host");
    case SlowConsumer:
        return QStringLiteral("Slow consumer");
    default:
        break;
    }
    if (code >= 4000 && code <= 4999)
        return QStringLiteral("Private use %1").arg(code);
    if (code >= 3000 && code <= 3999)
        return QStringLiteral("Registered use %1").arg(code);
    return QStringLiteral("Unknown code %1").arg(code);
}

} // namespace CloseCode
