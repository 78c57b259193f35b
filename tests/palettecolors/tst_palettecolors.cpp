#include "console/palettecolors.h"
#include "tests/common/testwindow.h"
#include "ui/apptheme.h"
#include "ui/mainwindow.h"
#include "ui/themeicon_p.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QScopeGuard>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>
#include <QToolBar>

#include <algorithm>
#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

// A palette with this Base and Window, text in the opposite lightness.
QPalette paletteOf(const QColor &base, const QColor &window)
{
    QPalette palette;
    const QColor text
        = base.lightness() < 128 ? QColor(0xee, 0xee, 0xee) : QColor(0x11, 0x11, 0x11);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::WindowText, text);
    return palette;
}

// The visible pixels' mean lightness (0 to 255) of icon drawn at size; -1 when none is visible.
int meanLightness(const QIcon &icon, int size)
{
    const QImage image = icon.pixmap(size).toImage().convertToFormat(QImage::Format_ARGB32);
    qint64 sum = 0;
    qint64 count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (pixel.alpha() < 128)
                continue;
            sum += pixel.lightness();
            ++count;
        }
    }
    return count ? int(sum / count) : -1;
}

// The share of icon's visible pixels (drawn at size) that are grey, 0 to 1.
double greyShare(const QIcon &icon, int size)
{
    const QImage image = icon.pixmap(size).toImage().convertToFormat(QImage::Format_ARGB32);
    int grey = 0;
    int visible = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (pixel.alpha() < 128)
                continue;
            ++visible;
            const int high = std::max({pixel.red(), pixel.green(), pixel.blue()});
            const int low = std::min({pixel.red(), pixel.green(), pixel.blue()});
            grey += high - low <= 40 ? 1 : 0;
        }
    }
    return visible ? double(grey) / visible : 0;
}

// A black glyph (a filled triangle) on transparency, as monochrome toolbar icons are drawn.
QIcon blackGlyph()
{
    QPixmap pixmap(24, 24);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(Qt::black);
    painter.setPen(Qt::NoPen);
    painter.drawPolygon(QPolygon({QPoint(6, 4), QPoint(20, 12), QPoint(6, 20)}));
    painter.end();
    return QIcon(pixmap);
}

} // namespace

class tst_PaletteColors : public QObject
{
    Q_OBJECT

private slots:
    void contrast_data();
    void contrast();
    void variantsFollowThePalette();
    void luminance_data();
    void luminance();
    void iconsFollowThePalette_data();
    void iconsFollowThePalette();
    void colouredIconsStay();
    void toolbarIconsReadOnDark_data();
    void toolbarIconsReadOnDark();
};

void tst_PaletteColors::contrast_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<QString>("tone");
    QPalette fusionLight;
    if (QStyle *fusion = QStyleFactory::create(u"Fusion"_s)) {
        fusionLight = fusion->standardPalette();
        delete fusion;
    }
    const QList<std::pair<const char *, QPalette>> palettes {
        {"Fusion light", fusionLight},
        {"wsroom dark (--theme dark)", AppTheme::darkPalette()},
        {"white", paletteOf(Qt::white, QColor(0xef, 0xef, 0xef))},
        {"black", paletteOf(Qt::black, QColor(0x10, 0x10, 0x10))},
        {"Breeze dark", paletteOf(QColor(0x23, 0x26, 0x29), QColor(0x31, 0x36, 0x3b))},
        {"Adwaita dark", paletteOf(QColor(0x2d, 0x2d, 0x2d), QColor(0x35, 0x35, 0x35))},
        {"presenter navy", paletteOf(QColor(0x17, 0x24, 0x3a), QColor(0x10, 0x1a, 0x2b))},
        {"mid grey", paletteOf(QColor(0x80, 0x80, 0x80), QColor(0x80, 0x80, 0x80))},
        {"solarized light", paletteOf(QColor(0xfd, 0xf6, 0xe3), QColor(0xee, 0xe8, 0xd5))},
    };
    for (const auto &[name, palette] : palettes) {
        for (const QString &tone : {u"error"_s, u"ok"_s, u"warning"_s, u"muted"_s})
            QTest::addRow("%s, %s", name, qPrintable(tone)) << palette << tone;
    }
}

void tst_PaletteColors::contrast()
{
    // Every colour the helper gives reads (WCAG 2 AA, 4.5:1) on Base and on Window.
    QFETCH(QPalette, palette);
    QFETCH(QString, tone);
    const QHash<QString, std::function<QColor(const QPalette &)>> tones {
        {u"error"_s,
         [](const QPalette &p) {
             return PaletteColors::error(p);
         }},
        {u"ok"_s,
         [](const QPalette &p) {
             return PaletteColors::ok(p);
         }},
        {u"warning"_s,
         [](const QPalette &p) {
             return PaletteColors::warning(p);
         }},
        {u"muted"_s,
         [](const QPalette &p) {
             return PaletteColors::muted(p);
         }},
    };
    const QColor color = tones.value(tone)(palette);
    for (const QPalette::ColorRole role : {QPalette::Base, QPalette::Window}) {
        const double ratio = PaletteColors::contrast(color, palette.color(role));
        QVERIFY2(ratio >= 4.5,
                 qPrintable(u"%1 on %2: %3:1"_s.arg(color.name(), palette.color(role).name())
                                .arg(ratio, 0, 'f', 2)));
    }
}

void tst_PaletteColors::variantsFollowThePalette()
{
    // A dark palette gets the light variants: not the same colours as on a light one.
    const QPalette light = paletteOf(Qt::white, Qt::white);
    const QPalette dark = AppTheme::darkPalette();
    QVERIFY(!PaletteColors::isDark(light));
    QVERIFY(PaletteColors::isDark(dark));
    QVERIFY(PaletteColors::error(dark).lightness() > PaletteColors::error(light).lightness());
    QVERIFY(PaletteColors::muted(dark).lightness() > 128);
    QVERIFY(PaletteColors::muted(light).lightness() < 128);
    // The activity log's muted grey on a light palette is the one it always had.
    QCOMPARE(PaletteColors::muted(light), QColor(0x60, 0x60, 0x60));
}

void tst_PaletteColors::luminance_data()
{
    QTest::addColumn<QColor>("a");
    QTest::addColumn<QColor>("b");
    QTest::addColumn<double>("ratio");
    // WCAG 2's examples and bounds.
    QTest::newRow("black on white") << QColor(Qt::black) << QColor(Qt::white) << 21.0;
    QTest::newRow("same colour") << QColor(0x33, 0x66, 0x99) << QColor(0x33, 0x66, 0x99) << 1.0;
    QTest::newRow("#777 on white") << QColor(0x77, 0x77, 0x77) << QColor(Qt::white) << 4.48;
    QTest::newRow("#606060 on white") << QColor(0x60, 0x60, 0x60) << QColor(Qt::white) << 6.29;
}

void tst_PaletteColors::luminance()
{
    QFETCH(QColor, a);
    QFETCH(QColor, b);
    QFETCH(double, ratio);
    QVERIFY(qAbs(PaletteColors::contrast(a, b) - ratio) < 0.01);
    QVERIFY(qAbs(PaletteColors::contrast(b, a) - ratio) < 0.01);
}

void tst_PaletteColors::iconsFollowThePalette_data()
{
    QTest::addColumn<QIcon>("icon");
    QTest::newRow("black glyph") << blackGlyph();
    // The toolbar's icons without a desktop theme (a bare X server): the style's fallbacks.
    for (const auto &[name, pixmap] : QList<std::pair<const char *, QStyle::StandardPixmap>> {
             {"settings (SP_FileDialogDetailedView)", QStyle::SP_FileDialogDetailedView},
             {"inspector (SP_FileDialogContentsView)", QStyle::SP_FileDialogContentsView},
             {"history (SP_FileDialogInfoView)", QStyle::SP_FileDialogInfoView},
             {"new chat (SP_FileIcon)", QStyle::SP_FileIcon}}) {
        const QIcon icon = QApplication::style()->standardIcon(pixmap);
        // Only the dark monochrome ones need a light copy; the test is about those (clearly
        // dark and grey: followPalette's own measure counts fainter pixels too).
        if (meanLightness(icon, 24) >= 0 && meanLightness(icon, 24) < 120
            && greyShare(icon, 24) >= 0.9)
            QTest::newRow(name) << icon;
    }
}

void tst_PaletteColors::iconsFollowThePalette()
{
    QFETCH(QIcon, icon);
    QVERIFY(meanLightness(icon, 24) < 128); // dark, as drawn for a light palette
    QCOMPARE(followPalette(icon, paletteOf(Qt::white, Qt::white)).cacheKey(), icon.cacheKey());
    const QIcon onDark = followPalette(icon, AppTheme::darkPalette());
    QVERIFY2(meanLightness(onDark, 24) > 145,
             qPrintable(QString::number(meanLightness(onDark, 24))));
    QVERIFY2(meanLightness(onDark, 16) > 145,
             qPrintable(QString::number(meanLightness(onDark, 16))));
}

void tst_PaletteColors::colouredIconsStay()
{
    // A coloured icon reads on both: it is not inverted.
    QPixmap pixmap(24, 24);
    pixmap.fill(QColor(0x1e, 0x6f, 0xd9));
    const QIcon blue(pixmap);
    QCOMPARE(followPalette(blue, AppTheme::darkPalette()).cacheKey(), blue.cacheKey());
}

void tst_PaletteColors::toolbarIconsReadOnDark_data()
{
    QTest::addColumn<QString>("iconTheme");
    QTest::newRow("no icon theme: the style's icons") << u"hicolor"_s;
    if (QFile::exists(u"/usr/share/icons/Adwaita/index.theme"_s))
        QTest::newRow("Adwaita (GNOME's)") << u"Adwaita"_s;
}

void tst_PaletteColors::toolbarIconsReadOnDark()
{
    // Under --theme dark, no icon of the main window's toolbar is a dark monochrome glyph: each
    // is coloured, or light.
    QFETCH(QString, iconTheme);
    TestWindow::isolateSettings(u"tst_palettecolors"_s);
    const QString themeBefore = QIcon::themeName();
    const QPalette paletteBefore = QApplication::palette();
    QIcon::setThemeName(iconTheme);
    QApplication::setPalette(AppTheme::darkPalette());
    auto restore = qScopeGuard([&] {
        QApplication::setPalette(paletteBefore);
        QIcon::setThemeName(themeBefore);
        TestWindow::clearSettings();
    });
    MainWindow window(TestWindow::config());
    auto *toolBar = window.findChild<QToolBar *>(u"hostToolBar"_s);
    QVERIFY(toolBar);
    int icons = 0;
    for (const QAction *action : toolBar->actions()) {
        if (action->icon().isNull())
            continue;
        ++icons;
        const int lightness = meanLightness(action->icon(), 24);
        if (greyShare(action->icon(), 24) >= 0.8) {
            QVERIFY2(lightness > 145,
                     qPrintable(u"%1: mean lightness %2"_s.arg(action->text()).arg(lightness)));
        }
    }
    QVERIFY(icons >= 3);
}

QTEST_MAIN(tst_PaletteColors)
#include "tst_palettecolors.moc"
