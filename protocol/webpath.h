#pragma once

#include <QByteArray>
#include <QString>

// Which of the browser client's compiled-in files (":/web/<name>") an HTTP path asks for.
namespace WebPath {

// "/" is "index.html"; otherwise the path, percent-decoded, must be one segment of letters,
// digits, '-', '_' and '.' that does not start with '.'. Anything else ("/.", "/..",
// "/a/b", "/%2e%2e") gives an empty string: no file, 404.
QString resourceName(const QByteArray &path);

} // namespace WebPath
