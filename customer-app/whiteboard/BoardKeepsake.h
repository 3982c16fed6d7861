#pragma once

#include "whiteboard/BoardModel.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

namespace consult {
class Consultation;
} // namespace consult

namespace consult::customer {

// The whiteboard's pages for the end screen (seed 001 step 7: "the end screen offers them too").
// The consultation's own board forgets everything the moment the consultation ends (P1, in
// ConsultationWhiteboard::consultationEnded), before any view hears of the end, so this follows the
// board while the consultation runs and keeps what the export needs: the documents, the images of
// the pages shown, the visible annotations per page (page images are implicitly shared with the
// board, so following costs no second copy of the pixels). Changes after the end (the board
// clearing itself) are ignored. take() turns it into a BoardModel of its own, which the end page
// owns in RAM until the customer leaves that page or closes the app (C4). Pending own operations
// the server never confirmed are left out, as the transcript leaves out lines never sent.
// Owned by the customer window, one consultation at a time; lives in the GUI thread.
class BoardKeepsake final : public QObject
{
    Q_OBJECT
public:
    explicit BoardKeepsake(QObject *parent = nullptr);
    ~BoardKeepsake() override;

    // Follows `model`, the board of `consultation`, from now on (both nullptr: forgets and stops).
    void follow(board::BoardModel *model, Consultation *consultation);
    // The pages shown so far with their annotations, as a board of its own; nullptr when no page
    // was shown. Forgets and stops following.
    std::unique_ptr<board::BoardModel> take();

private:
    bool frozen() const;
    void refreshAll();
    void refreshDocuments();
    void refreshPage(board::PageKey page);
    void noteShown(board::PageKey page);
    void forget();

    QPointer<board::BoardModel> m_model;
    QPointer<Consultation> m_consultation;
    QList<board::Document> m_documents;
    QHash<board::PageKey, QImage> m_images;
    QHash<board::PageKey, QList<board::Annotation>> m_annotations;
    QList<board::PageKey> m_shown; // in the order first shown
    board::PageKey m_lastShown;
};

} // namespace consult::customer
