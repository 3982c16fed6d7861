#pragma once

#include "whiteboard/BoardModel.h"
#include "widgets/BoardCanvas.h"
#include "widgets/FileChooser.h"

#include <QPointer>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QPushButton;
class QToolButton;

namespace consult {
class Consultation;
class ConsultationWhiteboard;
} // namespace consult

namespace consult::customer {

// The whiteboard in the customer's consultation screen (seed 001 step 7), for the video
// consultation and the text chat alike: the document's title and "Seite X von Y" of the page the
// advisor shows, the BoardCanvas following that page with the advisor's pointer, zoom to fit, in and
// out, "Als PDF speichern" for the marked-up pages, and, only while the advisor allows it, the line
// "Sie dürfen jetzt mitzeichnen" with the drawing tools. A document appearing and the permission
// coming and going are announced in words (Announcer).
//
// Binds to the whiteboard part of the customer's Consultation; hidden until the advisor opens a
// document (available()). Owned by the ConsultationPage, which places it beside the video and chat.
class WhiteboardPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit WhiteboardPanel(QWidget *parent = nullptr);
    ~WhiteboardPanel() override;

    // The consultation whose board is shown; nullptr: none. Looks for its whiteboard part again
    // each time it is called (the client adds it when the consultation begins).
    void setConsultation(Consultation *consultation);
    ConsultationWhiteboard *whiteboard() const { return m_whiteboard; }
    // The advisor has opened a document: the panel has something to show.
    bool available() const;

    BoardCanvas *canvas() const { return m_canvas; }
    QLabel *titleLabel() const { return m_title; }
    QLabel *pageLabel() const { return m_page; }
    QLabel *permissionLabel() const { return m_permission; }
    QWidget *toolBox() const { return m_tools; }
    QToolButton *toolButton(BoardCanvas::Tool tool) const;
    QPushButton *undoButton() const { return m_undo; }
    QPushButton *zoomFitButton() const { return m_zoomFit; }
    QPushButton *zoomInButton() const { return m_zoomIn; }
    QPushButton *zoomOutButton() const { return m_zoomOut; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *saveStatusLabel() const { return m_saveStatus; }
    // How "Als PDF speichern" asks where (a test injects its answer).
    FileChooser &fileChooser() { return m_fileChooser; }

Q_SIGNALS:
    // available() changed: the page shows or hides the panel and rearranges video and chat.
    void availabilityChanged(bool available);

protected:
    void changeEvent(QEvent *event) override;

private:
    void bindModel();
    void onDocumentAdded(quint32 documentId);
    void onPermissionChanged(bool allowed);
    void setAvailable(bool available);
    void save();
    void retranslate();

    QPointer<Consultation> m_consultation;
    QPointer<ConsultationWhiteboard> m_whiteboard;
    bool m_available = false;
    bool m_mayDraw = false;
    QString m_saveStatusText;
    bool m_saveFailed = false;
    FileChooser m_fileChooser;

    QLabel *m_title = nullptr;
    QLabel *m_page = nullptr;
    QLabel *m_permission = nullptr;
    BoardCanvas *m_canvas = nullptr;
    QPushButton *m_zoomFit = nullptr;
    QPushButton *m_zoomIn = nullptr;
    QPushButton *m_zoomOut = nullptr;
    QWidget *m_tools = nullptr;
    QButtonGroup *m_toolGroup = nullptr;
    QPushButton *m_undo = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_saveStatus = nullptr;
};

} // namespace consult::customer
