#pragma once

#include "client/whiteboard/ConsultationWhiteboard.h"
#include "whiteboard/DocumentImport.h"
#include "widgets/FileChooser.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace consult {
class BoardCanvas;
class BoardToolBar;
class Consultation;
} // namespace consult

namespace consult::advisor {

class DocumentUpload;
class PageList;

// The advisor's whiteboard in one consultation (seed 001 step 7), beside the video and the chat:
// "Dokument öffnen …" (PDF, PNG, JPEG; a second file adds a document), the import's progress and a
// refused file's reason in words, the page thumbnails per document (shown, delivered), previous /
// next page, "Kunde darf zeichnen", the tool bar with "Seite leeren" (after a confirmation) and
// undo / redo, and the canvas following the shown page. The server's refusals appear in words
// (which limit was reached). Keyboard: Ctrl+O opens, Page Up / Page Down turn pages, the tool bar's
// shortcuts, Tab through everything. Binds to its Consultation's ConsultationWhiteboard; owned by
// the ConsultationPanel.
class WhiteboardPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit WhiteboardPanel(Consultation &consultation, QWidget *parent = nullptr);
    ~WhiteboardPanel() override;

    // Opens this file on the board (what "Dokument öffnen …" does after the dialog).
    void openFile(const QString &path);
    // Asks for a file (a modal dialog named "openDocumentDialog"), then openFile().
    void chooseFile();
    void showPreviousPage();
    void showNextPage();
    // Asks, then hides every annotation of the shown page.
    void clearShownPage();

    // The import's own bounds (file bytes, pixels); the server's [whiteboard] limits come from the
    // whiteboard (ConsultationWhiteboard::limits()) and are applied on top.
    void setImportSettings(const board::DocumentImport::Settings &settings) { m_importSettings = settings; }

    ConsultationWhiteboard *whiteboard() const { return m_whiteboard.data(); }
    BoardCanvas *canvas() const { return m_canvas; }
    BoardToolBar *toolBar() const { return m_toolBar; }
    PageList *pageList() const { return m_pages; }
    QPushButton *openButton() const { return m_open; }
    // How "Dokument öffnen …" asks for the file (a test injects its answer).
    FileChooser &fileChooser() { return m_fileChooser; }
    QCheckBox *customerMayDrawBox() const { return m_customerMayDraw; }
    QToolButton *previousButton() const { return m_previous; }
    QToolButton *nextButton() const { return m_next; }
    QLabel *pageLabel() const { return m_pageLabel; }
    QLabel *messageLabel() const { return m_message; }
    QProgressBar *progressBar() const { return m_progress; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateControls();
    void updateProgress();
    // The message line's text is kept as a function of the codes it says (a refusal's reason, the
    // file's name, counts), not as text, so a language switch says it again in the new language.
    using MessageText = std::function<QString()>;
    void showMessage(MessageText text, bool problem);
    void showRefusal(ConsultationWhiteboard::Refusal refusal, const QString &detail);
    static QString importRefusalText(const QString &title, board::DocumentImport::Refusal refusal);
    static QString serverRefusalText(ConsultationWhiteboard::Refusal refusal, const QString &detail);
    void showPage(board::PageKey page);

    QPointer<Consultation> m_consultation;
    QPointer<ConsultationWhiteboard> m_whiteboard;
    board::DocumentImport::Settings m_importSettings;
    QList<DocumentUpload *> m_uploads; // running ones; each deletes itself when done
    QPushButton *m_open;
    QCheckBox *m_customerMayDraw;
    QToolButton *m_previous;
    QToolButton *m_next;
    QLabel *m_pageLabel;
    BoardToolBar *m_toolBar;
    PageList *m_pages;
    BoardCanvas *m_canvas;
    QLabel *m_message;
    QProgressBar *m_progress;
    FileChooser m_fileChooser;
    MessageText m_messageText;
    bool m_messageIsProblem = false;
    qint64 m_uploadSent = 0;
    qint64 m_uploadTotal = 0;
};

} // namespace consult::advisor
