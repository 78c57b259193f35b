// LinkDelegate in the activity log's table: a click on an http(s) link opens it; other text, and
// a javascript: "link", open nothing.
#include "console/activitylogmodel.h"
#include "ui/linkdelegate.h"

#include <QDesktopServices>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_LinkDelegate final : public QObject
{
    Q_OBJECT

public slots:
    // QDesktopServices' handler for http(s) here: records instead of opening.
    void recordOpened(const QUrl &url) { m_opened.append(url); }

private slots:
    void init();
    void cleanup();
    void clickOpensOnlyWebLinks_data();
    void clickOpensOnlyWebLinks();

private:
    QList<QUrl> m_opened;
};

void tst_LinkDelegate::init()
{
    m_opened.clear();
    QDesktopServices::setUrlHandler(u"http"_s, this, "recordOpened");
    QDesktopServices::setUrlHandler(u"https"_s, this, "recordOpened");
}

void tst_LinkDelegate::cleanup()
{
    QDesktopServices::unsetUrlHandler(u"http"_s);
    QDesktopServices::unsetUrlHandler(u"https"_s);
}

void tst_LinkDelegate::clickOpensOnlyWebLinks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("opened"); // empty: a click anywhere on the text opens nothing
    QTest::newRow("https") << u"look https://example.com/x?y=1 now"_s
                           << u"https://example.com/x?y=1"_s;
    QTest::newRow("http") << u"http://a.org"_s << u"http://a.org"_s;
    QTest::newRow("javascript:") << u"javascript:alert(1) click me"_s << QString();
    QTest::newRow("plain") << u"no link at all"_s << QString();
}

void tst_LinkDelegate::clickOpensOnlyWebLinks()
{
    QFETCH(QString, text);
    QFETCH(QString, opened);
    ActivityLogModel model;
    ServerEvent event;
    event.payload
        = ServerEvent::Message {MemberIdentity {u"m1"_s, u"alice"_s}, u"lobby"_s, text, 1};
    model.appendEvents({event});
    QTableView view;
    view.setModel(&model);
    auto *delegate = new LinkDelegate(ActivityLogModel::LinksRole, &view);
    view.setItemDelegateForColumn(ActivityLogModel::TextColumn, delegate);
    view.horizontalHeader()->setStretchLastSection(true);
    view.resize(900, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(delegate, &LinkDelegate::linkOpened);

    // Click along the cell, a few pixels apart, as a person would somewhere on the text.
    const QModelIndex cell = model.index(0, ActivityLogModel::TextColumn);
    const QRect rect = view.visualRect(cell);
    for (int x = rect.left() + 2; x < rect.right() && m_opened.isEmpty(); x += 6)
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(x, rect.center().y()));
    if (opened.isEmpty()) {
        QVERIFY(m_opened.isEmpty());
        QCOMPARE(spy.count(), 0);
    } else {
        QCOMPARE(m_opened, QList<QUrl> {QUrl(opened)});
        QCOMPARE(spy.count(), 1);
    }
}

QTEST_MAIN(tst_LinkDelegate)
#include "tst_linkdelegate.moc"
