#pragma once

#include <QByteArray>
#include <QString>

// Files and folders that hold what people wrote (the store, session records, exports): private
// to the account that runs wsroom from the moment they exist, whatever the umask. Created with
// their final mode, never written first and made private after (additions-2.md section 4).
namespace PrivateFiles {

// The mode of a file wsroom creates: read and write for its owner only.
constexpr int FileMode = 0600;
// The mode of a folder wsroom creates: its owner only.
constexpr int FolderMode = 0700;

// Makes the folder path and every missing folder above it, each mode FolderMode; folders that
// exist are left as they are. True when path is a folder afterwards.
bool makeFolder(const QString &path);

// Replaces fileName with bytes at once (written to a new file in the same folder, synced, then
// renamed over it): the new file is mode FileMode from its creation, whatever fileName's mode
// was. False, with error set, when it cannot; fileName is then as it was.
bool write(const QString &fileName, const QByteArray &bytes, QString *error);

// Makes a file that this process has just created (open as fd) exactly FileMode, in case the
// umask took owner bits away; the umask never adds any, so it was never more open than that.
void setCreatedFileMode(int fd);

// The permission bits of the file open as fd (e.g. 0644), or -1 when they cannot be read.
int modeOf(int fd);

// True when mode (permission bits) lets the file's group or other users read it.
constexpr bool readableByOthers(int mode)
{
    return mode >= 0 && (mode & 0044) != 0;
}

} // namespace PrivateFiles
