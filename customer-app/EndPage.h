#pragma once

#include "client/ClientConnection.h"
#include "protocol/consult.pb.h"
#include "transcript/Transcript.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QTextDocument;
class QTextEdit;

namespace consult::customer {

// After the consultation (seed 000 step 5, lesson 3): how it ended, said clearly, and the
// transcript to print (Qt print dialog) or save as PDF. The transcript lives only in this page's
// memory until the customer saves it (C4); leaving the page forgets it.
class EndPage final : public QWidget
{
    Q_OBJECT
public:
    explicit EndPage(QWidget *parent = nullptr);
    ~EndPage() override;

    void showEnded(wire::EndReason reason, std::optional<TranscriptContent> transcript);
    void showLeftQueue();
    void showLost(ClientConnection::Failure failure, std::optional<TranscriptContent> transcript);
    // Forgets the transcript.
    void clear();
    // The video consultation's permission for camera and microphone has ended with it (seed 001
    // step 5): the page says so. Reset by clear().
    void setDeviceAccessEnded(bool ended);

    QTextDocument *transcriptDocument() const { return m_document.get(); }
    // The customer saved or printed the transcript.
    bool transcriptKept() const { return m_kept; }
    QLabel *headingLabel() const { return m_heading; }
    QLabel *deviceAccessLabel() const { return m_deviceAccess; }
    QPushButton *printButton() const { return m_print; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *homeButton() const { return m_home; }
    QLabel *saveStatusLabel() const { return m_saveStatus; }

Q_SIGNALS:
    void homeRequested();
    void quitRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Kind
    {
        Ended,
        LeftQueue,
        Lost,
    };
    void setTranscript(std::optional<TranscriptContent> transcript);
    void rebuildDocument();
    void retranslate();
    void print();
    void save();

    Kind m_kind = Kind::Ended;
    wire::EndReason m_reason = wire::END_REASON_UNSPECIFIED;
    ClientConnection::Failure m_failure = ClientConnection::Failure::None;
    std::optional<TranscriptContent> m_content;
    std::unique_ptr<QTextDocument> m_document;
    QString m_savedTo;
    bool m_kept = false;
    bool m_deviceAccessEnded = false;
    QString m_saveError;

    QLabel *m_heading = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_deviceAccess = nullptr;
    QWidget *m_transcriptBox = nullptr;
    QLabel *m_transcriptHeading = nullptr;
    QLabel *m_transcriptNote = nullptr;
    QTextEdit *m_preview = nullptr;
    QPushButton *m_print = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_saveStatus = nullptr;
    QPushButton *m_home = nullptr;
    QPushButton *m_quit = nullptr;
};

} // namespace consult::customer
