#include "tcplistener.h"

#include <QTcpSocket>

#include <utility>

TcpListener::TcpListener(SocketFactory factory, QObject *parent)
    : QTcpServer(parent)
    , m_factory(std::move(factory))
{ }

void TcpListener::incomingConnection(qintptr descriptor)
{
    if (QTcpSocket *socket = m_factory(descriptor))
        addPendingConnection(socket);
}
