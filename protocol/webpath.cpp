#include "webpath.h"

#include <algorithm>

namespace WebPath {

static bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
        || c == '_' || c == '.';
}

QString resourceName(const QByteArray &path)
{
    if (path == "/")
        return QStringLiteral("index.html");
    if (!path.startsWith('/'))
        return QString();
    // An allow-list, not a deny-list: no "..", no ".", no second segment, however encoded.
    const QByteArray name = QByteArray::fromPercentEncoding(path.mid(1));
    if (name.isEmpty() || name.size() > 64 || name.startsWith('.')
        || !std::all_of(name.begin(), name.end(), isNameChar)) {
        return QString();
    }
    return QString::fromLatin1(name);
}

} // namespace WebPath
