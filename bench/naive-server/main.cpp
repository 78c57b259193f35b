// naive-server: the way Qt's simplechat example fans out, for comparison with wsroom. Speaks
// the chat dialect on /ws/{id}: every text frame goes to every client as
// {"client_id": id, "message": text, "timestamp": ISO time}, with one sendTextMessage each.
// Usage: naive-server [PORT]; prints "listening on port N" (PORT 0 picks a free one).

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketServer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    bool ok = true;
    const quint16 port = args.size() > 1 ? args[1].toUShort(&ok) : 8104;
    if (!ok) {
        std::fprintf(stderr, "naive-server: the port must be a number\n");
        return 2;
    }

    QWebSocketServer server(QStringLiteral("naive"), QWebSocketServer::NonSecureMode);
    server.setMaxPendingConnections(1 << 20);
    if (!server.listen(QHostAddress::LocalHost, port)) {
        std::fprintf(stderr, "naive-server: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::printf("listening on port %d\n", server.serverPort());
    std::fflush(stdout);

    QList<QWebSocket *> clients;
    QObject::connect(&server, &QWebSocketServer::newConnection, &server, [&] {
        while (QWebSocket *socket = server.nextPendingConnection()) {
            const QString id = socket->requestUrl().path().section(QLatin1Char('/'), -1);
            clients.append(socket);
            QObject::connect(socket, &QWebSocket::textMessageReceived, socket,
                             [&clients, id](const QString &text) {
                                 const QJsonObject line {
                                     {QStringLiteral("client_id"), id},
                                     {QStringLiteral("message"), text},
                                     {QStringLiteral("timestamp"),
                                      QDateTime::currentDateTime().toString(Qt::ISODateWithMs)}};
                                 const QString out = QString::fromUtf8(
                                     QJsonDocument(line).toJson(QJsonDocument::Compact));
                                 for (QWebSocket *client : std::as_const(clients))
                                     client->sendTextMessage(out);
                             });
            QObject::connect(socket, &QWebSocket::disconnected, socket, [&clients, socket] {
                clients.removeOne(socket);
                socket->deleteLater();
            });
        }
    });
    return QCoreApplication::exec();
}
