#pragma once

#include <QApplication>
#include <QIcon>
#include <QStyle>

// The desktop theme's icon called name, else the style's standard pixmap fallback (themes
// without it, e.g. on a bare X server).
inline QIcon themeIcon(const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(name),
                            QApplication::style()->standardIcon(fallback));
}
