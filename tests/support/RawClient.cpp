#include "RawClient.h"

#include "protocol/EnvelopeCodec.h"
#include "tls/TlsProfile.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QNetworkRequest>

namespace consult::testing {

bool spinUntil(const std::function<bool()> &condition, int timeoutMs)
{
    if (condition())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(1);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (condition())
            loop.quit();
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    poll.start();
    deadline.start(timeoutMs);
    loop.exec();
    return condition();
}

RawClient::RawClient(QString origin, QObject *parent)
    : QObject(parent)
    , m_origin(std::move(origin))
{
    m_acknowledgementTimer.setSingleShot(true);
    m_acknowledgementTimer.setInterval(0);
    connect(&m_acknowledgementTimer, &QTimer::timeout, this, [this] {
        if (m_channel.acknowledgementPending() && isConnected()) {
            wire::Envelope envelope;
            envelope.mutable_acknowledge();
            sendUnsequenced(std::move(envelope));
        }
    });
}

RawClient::~RawClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void RawClient::startOpen(const ServerEndpoint &endpoint, const QUrl &url)
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_closed = false;
    m_closeCode = QWebSocketProtocol::CloseCodeNormal;
    m_closeReason.clear();
    auto *socket = new QWebSocket(m_origin, QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    connect(socket, &QWebSocket::binaryMessageReceived, this, &RawClient::onBinaryMessage);
    connect(socket, &QWebSocket::textMessageReceived, this, [this] { ++m_textFrames; });
    connect(socket, &QWebSocket::disconnected, this, &RawClient::onDisconnected);
    socket->setSslConfiguration(tls::clientConfiguration(endpoint.extraCaCertificates));
    socket->open(QNetworkRequest(url.isEmpty() ? endpoint.url : url));
}

bool RawClient::open(const ServerEndpoint &endpoint, const QUrl &url, int timeoutMs)
{
    startOpen(endpoint, url);
    spinUntil([this] { return isConnected() || m_closed; }, timeoutMs);
    return isConnected();
}

bool RawClient::isConnected() const
{
    return m_socket && !m_closed && m_socket->state() == QAbstractSocket::ConnectedState;
}

bool RawClient::waitForClosed(int timeoutMs)
{
    return spinUntil([this] { return m_closed; }, timeoutMs);
}

void RawClient::abort()
{
    if (m_socket)
        m_socket->abort();
}

void RawClient::closeNormally(int timeoutMs)
{
    if (!m_socket || m_closed)
        return;
    m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    waitForClosed(timeoutMs);
}

void RawClient::onDisconnected()
{
    if (m_socket) {
        m_closeCode = m_socket->closeCode();
        m_closeReason = m_socket->closeReason();
    }
    m_closed = true;
}

void RawClient::sendBytes(const QByteArray &bytes)
{
    if (m_socket)
        m_socket->sendBinaryMessage(bytes);
}

void RawClient::sendText(const QString &text)
{
    if (m_socket)
        m_socket->sendTextMessage(text);
}

quint64 RawClient::sendReliable(wire::Envelope envelope)
{
    const auto bytes = m_channel.stampReliable(envelope);
    if (!bytes)
        return 0;
    sendBytes(*bytes);
    return envelope.seq();
}

void RawClient::sendUnsequenced(wire::Envelope envelope)
{
    sendBytes(m_channel.stampUnsequenced(envelope));
}

void RawClient::onBinaryMessage(const QByteArray &bytes)
{
    m_frames.append(bytes);
    auto decoded = protocol::decode(bytes);
    if (std::holds_alternative<protocol::DecodeError>(decoded)) {
        ++m_undecodable;
        return;
    }
    const wire::Envelope envelope = std::get<wire::Envelope>(std::move(decoded));
    // The raw client keeps the server's numbering so that it can acknowledge and resume; it does
    // not judge the server (a gap or a duplicate is recorded like anything else).
    if (m_channel.receive(envelope.seq()) == ReliableChannel::Receipt::Deliver && envelope.seq() > 0 &&
        m_autoAcknowledge && !m_acknowledgementTimer.isActive())
        m_acknowledgementTimer.start();
    (void)m_channel.acknowledge(envelope.ack());

    switch (envelope.body_case()) {
    case wire::Envelope::kWelcome:
        m_welcome = envelope.welcome();
        m_resumeToken = QByteArray::fromStdString(m_welcome.resume_token());
        break;
    case wire::Envelope::kResumed:
        m_resumeToken = QByteArray::fromStdString(envelope.resumed().resume_token());
        break;
    case wire::Envelope::kResumeTokenRenewed:
        m_resumeToken = QByteArray::fromStdString(envelope.resume_token_renewed().resume_token());
        break;
    case wire::Envelope::kConsultationStarted:
        m_consultationId = QString::fromStdString(envelope.consultation_started().consultation_id());
        break;
    case wire::Envelope::kPing:
        if (m_answerPings) {
            wire::Envelope pong;
            pong.mutable_pong()->set_nonce(envelope.ping().nonce());
            pong.mutable_pong()->set_sent_at(envelope.ping().sent_at());
            sendUnsequenced(std::move(pong));
        }
        break;
    default:
        break;
    }
    m_received.append(envelope);
    Q_EMIT envelopeReceived(envelope);
}

std::optional<wire::Envelope> RawClient::waitFor(const std::function<bool(const wire::Envelope &)> &matches, int from,
                                                 int timeoutMs)
{
    std::optional<wire::Envelope> found;
    int looked = from;
    spinUntil(
        [&] {
            for (; looked < m_received.size(); ++looked) {
                if (matches(m_received.at(looked))) {
                    found = m_received.at(looked);
                    return true;
                }
            }
            return m_closed;
        },
        timeoutMs);
    if (!found) {
        // The socket may have closed with the answer still unread by the loop above.
        for (; looked < m_received.size(); ++looked) {
            if (matches(m_received.at(looked)))
                return m_received.at(looked);
        }
    }
    return found;
}

std::optional<wire::Envelope> RawClient::waitForBody(wire::Envelope::BodyCase body, int from, int timeoutMs)
{
    return waitFor([body](const wire::Envelope &envelope) { return envelope.body_case() == body; }, from, timeoutMs);
}

std::optional<wire::Error> RawClient::waitForError(int from, int timeoutMs)
{
    const auto envelope = waitForBody(wire::Envelope::kError, from, timeoutMs);
    if (!envelope)
        return std::nullopt;
    return envelope->error();
}

bool RawClient::sync(int timeoutMs)
{
    if (!isConnected())
        return false;
    const quint64 nonce = 0x5eed0000'00000000ULL + m_nextPingNonce++;
    const int from = mark();
    wire::Envelope ping;
    ping.mutable_ping()->set_nonce(nonce);
    ping.mutable_ping()->set_sent_at(1);
    sendUnsequenced(std::move(ping));
    return waitFor(
               [nonce](const wire::Envelope &envelope) {
                   return envelope.body_case() == wire::Envelope::kPong && envelope.pong().nonce() == nonce;
               },
               from, timeoutMs)
        .has_value();
}

bool RawClient::hello(wire::ClientKind kind, quint32 protocolVersion, int timeoutMs)
{
    const int from = mark();
    wire::Envelope envelope;
    auto *body = envelope.mutable_hello();
    body->set_protocol_version(protocolVersion);
    body->set_client_kind(kind);
    body->set_client_version("consult-raw-test 1");
    body->set_language("de");
    sendUnsequenced(std::move(envelope));
    const auto answer = waitFor(
        [](const wire::Envelope &e) {
            return e.body_case() == wire::Envelope::kWelcome || e.body_case() == wire::Envelope::kError;
        },
        from, timeoutMs);
    return answer && answer->body_case() == wire::Envelope::kWelcome;
}

bool RawClient::customerLogin(const QString &name, const QString &phone, int timeoutMs, wire::ConsultationMode mode)
{
    const int from = mark();
    wire::Envelope envelope;
    auto *login = envelope.mutable_customer_login();
    login->set_request_id(1);
    login->set_name(name.toStdString());
    login->set_phone(phone.toStdString());
    login->set_mode(mode);
    for (const wire::Notice &notice : m_welcome.notices()) {
        auto *accepted = login->add_accepted_notices();
        accepted->set_kind(notice.kind());
        accepted->set_version(notice.version());
    }
    sendReliable(std::move(envelope));
    const auto answer = waitFor(
        [](const wire::Envelope &e) {
            return e.body_case() == wire::Envelope::kQueueStatus || e.body_case() == wire::Envelope::kError;
        },
        from, timeoutMs);
    return answer && answer->body_case() == wire::Envelope::kQueueStatus;
}

bool RawClient::advisorLogin(const QString &username, const QString &password, int timeoutMs)
{
    const int from = mark();
    wire::Envelope envelope;
    auto *login = envelope.mutable_advisor_login();
    login->set_request_id(1);
    login->set_username(username.toStdString());
    login->set_password(password.toStdString());
    sendReliable(std::move(envelope));
    const auto answer = waitFor(
        [](const wire::Envelope &e) {
            return e.body_case() == wire::Envelope::kAdvisorLoginAccepted || e.body_case() == wire::Envelope::kError;
        },
        from, timeoutMs);
    return answer && answer->body_case() == wire::Envelope::kAdvisorLoginAccepted;
}

void RawClient::sendResume(const QByteArray &token)
{
    wire::Envelope envelope;
    auto *resume = envelope.mutable_resume();
    resume->set_protocol_version(protocol::kCurrent);
    resume->set_resume_token(token.constData(), static_cast<size_t>(token.size()));
    resume->set_last_received_seq(m_channel.lastReceived());
    sendUnsequenced(std::move(envelope));
}

std::optional<wire::Resumed> RawClient::resume(const QByteArray &token, int timeoutMs)
{
    const int from = mark();
    sendResume(token);
    const auto answer = waitFor(
        [](const wire::Envelope &e) {
            return e.body_case() == wire::Envelope::kResumed || e.body_case() == wire::Envelope::kError;
        },
        from, timeoutMs);
    if (!answer || answer->body_case() != wire::Envelope::kResumed)
        return std::nullopt;
    return answer->resumed();
}

wire::Envelope envelopeWithEmptyBody(wire::Envelope::BodyCase body)
{
    wire::Envelope envelope;
    const google::protobuf::FieldDescriptor *field = wire::Envelope::descriptor()->FindFieldByNumber(body);
    if (field)
        envelope.GetReflection()->MutableMessage(&envelope, field);
    return envelope;
}

} // namespace consult::testing
