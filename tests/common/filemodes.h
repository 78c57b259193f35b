#pragma once

#include <QFile>
#include <QString>
#include <QTest>

#include <sys/stat.h>
#include <sys/types.h>

// File modes whatever the umask (additions-2.md section 4): the umask set for a test, the rows
// that run a test under umask 000 and 022, and the modes read back with stat(2).
namespace FileModes {

// The permission bits of path (e.g. 0600), or -1 when it is missing.
inline int modeOf(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

// The umask of the whole process set for as long as it lives, the previous one put back after
// (so a failing check cannot leave it set for the tests that follow).
class ScopedUmask
{
    Q_DISABLE_COPY_MOVE(ScopedUmask)

public:
    explicit ScopedUmask(int mask)
        : m_before(::umask(mode_t(mask)))
    { }
    ~ScopedUmask() { ::umask(m_before); }

private:
    mode_t m_before;
};

// A _data() table's "umask" column with its two rows: 000 (nothing taken away, the umask
// cannot be what keeps a file private) and 022 (the usual one, group and others can read).
inline void addUmaskRows()
{
    QTest::addColumn<int>("umask");
    QTest::newRow("umask 000") << 0000;
    QTest::newRow("umask 022") << 0022;
}

} // namespace FileModes
