#include "privatefiles.h"

#include "hosttext.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace PrivateFiles {

bool makeFolder(const QString &path)
{
    if (path.isEmpty())
        return false;
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    if (QFileInfo(absolute).isDir())
        return true;
#ifdef Q_OS_UNIX
    // Made from the top down, so that each folder is private before anything goes into it.
    const QString parent = QFileInfo(absolute).path();
    if (parent != absolute && !makeFolder(parent))
        return false;
    const QByteArray native = QFile::encodeName(absolute);
    if (::mkdir(native.constData(), FolderMode) != 0)
        return errno == EEXIST && QFileInfo(absolute).isDir(); // made meanwhile by someone else
    // The umask only takes bits away: the folder was never more open than 0700, and is made
    // exactly that (a umask such as 0277 would leave its owner unable to write in it).
    ::chmod(native.constData(), FolderMode);
    return true;
#else
    return QDir().mkpath(absolute);
#endif
}

bool write(const QString &fileName, const QByteArray &bytes, QString *error)
{
#ifdef Q_OS_UNIX
    // Written through a symbolic link, as QSaveFile does, rather than replacing the link.
    const QFileInfo info(fileName);
    const QString target = info.isSymLink() ? info.symLinkTarget() : fileName;
    const QFileInfo targetInfo(target);
    // QTemporaryFile creates its file mode 0600 (O_CREAT | O_EXCL); QSaveFile would create it
    // 0666 less the umask and only then could it be made private.
    QTemporaryFile file(targetInfo.absolutePath() + QStringLiteral("/.") + targetInfo.fileName()
                        + QStringLiteral(".XXXXXX"));
    const auto fail = [&](const QString &why) {
        if (error)
            *error = HostText::english(HostText::CannotWrite).arg(fileName, why);
        return false;
    };
    if (!file.open())
        return fail(file.errorString());
    setCreatedFileMode(file.handle());
    if (file.write(bytes) != bytes.size() || !file.flush())
        return fail(file.errorString());
    if (::fsync(file.handle()) != 0)
        return fail(QString::fromLocal8Bit(std::strerror(errno)));
    if (::rename(QFile::encodeName(file.fileName()).constData(),
                 QFile::encodeName(targetInfo.absoluteFilePath()).constData())
        != 0) {
        return fail(QString::fromLocal8Bit(std::strerror(errno)));
    }
    file.setAutoRemove(false); // it is fileName now
    return true;
#else
    QSaveFile file(fileName);
    const bool ok
        = file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
    if (!ok && error)
        *error = HostText::english(HostText::CannotWrite).arg(fileName, file.errorString());
    return ok;
#endif
}

void setCreatedFileMode(int fd)
{
#ifdef Q_OS_UNIX
    if (fd >= 0 && modeOf(fd) != FileMode)
        ::fchmod(fd, FileMode);
#else
    Q_UNUSED(fd);
#endif
}

int modeOf(int fd)
{
#ifdef Q_OS_UNIX
    struct stat st;
    if (fd < 0 || ::fstat(fd, &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
#else
    Q_UNUSED(fd);
    return -1;
#endif
}

} // namespace PrivateFiles
