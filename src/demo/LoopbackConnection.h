#pragma once

#include "demo/LoopbackServerState.h"

#include <QByteArray>
#include <QObject>
#include <memory>

class QTcpSocket;

namespace cockpit {

// One client connection of LoopbackHttpServer: parses requests from the byte stream and answers them one
// at a time, in order (a delayed answer holds back later pipelined requests, as HTTP/1.1 requires). Lives
// on the server's thread and deletes itself when the client leaves.
class LoopbackConnection : public QObject
{
public:
    LoopbackConnection(std::shared_ptr<LoopbackHttpServer::State> state, QTcpSocket *socket, QObject *parent);
    ~LoopbackConnection() override { leave(); }

private:
    enum class Parse { NeedMore, Done, Bad };

    void onReadyRead();
    void processBuffer();
    static bool wantsKeepAlive(const LoopbackRequest &r);
    void handle(const LoopbackRequest &request);
    void enter();
    void leave();
    void startEndless(const LoopbackResponse &r);
    // Keeps a little queued in the socket, so what the server sends is what the client reads.
    void feedEndless();
    void send(const LoopbackResponse &r, bool keepAlive);
    void closeConnection();
    // Tries to parse one complete request at the start of m_buffer.
    Parse parse(LoopbackRequest &req, qsizetype &consumed, QByteArray &problem);
    Parse needMoreBody(const LoopbackRequest &req);
    std::shared_ptr<LoopbackHttpServer::State> m_state;
    QTcpSocket *m_socket;
    QByteArray m_buffer;
    bool m_busy = false; // an answer is pending (delay or hang)
    bool m_closing = false;
    bool m_sentContinue = false;
    bool m_inFlight = false; // counted in State::inFlight
    bool m_endless = false;
    QByteArray m_endlessPiece;
};

} // namespace cockpit
