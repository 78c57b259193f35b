#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int Timeout = 20000;

// The arguments every run starts with: headless, any port, no store, no settings touched.
QStringList base()
{
    return {u"--headless"_s, u"--port"_s, u"0"_s, u"--store"_s, u"none"_s};
}

} // namespace

class tst_CommandLine : public QObject
{
    Q_OBJECT

private slots:
    void refused_data();
    void refused();
    void accepted_data();
    void accepted();
};

void tst_CommandLine::refused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error"); // the one line on standard error

    const QString code = u"wsroom: --join-code wants 4 to 32 characters"_s;
    QTest::newRow("join code of 3") << QStringList {u"--join-code"_s, u"123"_s} << code;
    QTest::newRow("join code of 33") << QStringList {u"--join-code"_s, QString(33, u'x')} << code;
    QTest::newRow("join code empty") << QStringList {u"--join-code"_s, QString()} << code;
}

void tst_CommandLine::refused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    QProcess wsroom;
    wsroom.start(QStringLiteral(WSROOM_BINARY), base() + arguments);
    QVERIFY(wsroom.waitForFinished(Timeout));
    QCOMPARE(wsroom.exitStatus(), QProcess::NormalExit);
    QCOMPARE(wsroom.exitCode(), 2);
    QCOMPARE(QString::fromUtf8(wsroom.readAllStandardError()), error + u'\n');
    QVERIFY(wsroom.readAllStandardOutput().isEmpty());
}

void tst_CommandLine::accepted_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("join code of 4") << QStringList {u"--join-code"_s, u"4821"_s};
    QTest::newRow("join code of 32") << QStringList {u"--join-code"_s, QString(32, u'x')};
}

void tst_CommandLine::accepted()
{
    QFETCH(QStringList, arguments);
    QProcess wsroom;
    wsroom.setProcessChannelMode(QProcess::MergedChannels);
    wsroom.start(QStringLiteral(WSROOM_BINARY), base() + arguments);
    QVERIFY(wsroom.waitForStarted(Timeout));
    static const QRegularExpression listening(u"wsroom: listening on ws://"_s);
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT(
        (output += wsroom.readAll(), listening.match(QString::fromUtf8(output)).hasMatch())
            || wsroom.state() == QProcess::NotRunning,
        Timeout);
    QVERIFY2(wsroom.state() == QProcess::Running, output.constData());
    wsroom.terminate();
    QVERIFY(wsroom.waitForFinished(Timeout));
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
