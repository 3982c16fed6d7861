#pragma once

#include "client/forms/ConsultationForms.h"
#include "protocol/consult.pb.h"
#include "widgets/FileChooser.h"

#include <QList>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <functional>

class QLabel;
class QListWidget;
class QPushButton;

namespace consult {
class Consultation;
}

namespace consult::advisor {

class FormView;

// The forms of one consultation in the advisor workstation (seed 002, issue 12): "Formular senden …"
// (the FormPicker over the server's library, then ConsultationForms::send), the consultation's forms
// with their state ("gesendet", "ausgefüllt am …"), the chosen one read-only in a FormView (masked
// values until the customer releases them, P1), "Als PDF speichern …" (FormPdf, to a file the advisor
// chose, C4), and the server's refusals in words. Binds to its Consultation's ConsultationForms;
// owned by the ConsultationPanel.
class FormsPanel final : public QWidget
{
    Q_OBJECT
public:
    // The advisor's form library as the session knows it (AdvisorClient::formLibrary()).
    using Library = std::function<QList<wire::FormSummary>()>;

    FormsPanel(Consultation &consultation, Library library, QWidget *parent = nullptr);
    ~FormsPanel() override;

    // Opens the FormPicker (modal, named "formPicker"), then sendForm() with the picked one.
    void chooseAndSend();
    void sendForm(const QString &formId);
    // Asks where (a modal dialog named "saveFormPdfDialog"), then savePdfTo().
    void chooseAndSavePdf();
    // Writes the chosen form as PDF to `path`; false (and the reason shown) when it could not.
    bool savePdfTo(const QString &instanceId, const QString &path);
    // Shows this form in the view below the list.
    void showForm(const QString &instanceId);

    ConsultationForms *forms() const { return m_forms.data(); }
    QListWidget *list() const { return m_list; }
    FormView *view() const { return m_view; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *pdfButton() const { return m_pdf; }
    // How "Als PDF speichern …" asks where (a test injects its answer).
    FileChooser &fileChooser() { return m_fileChooser; }
    QLabel *messageLabel() const { return m_message; }
    int rowOf(const QString &instanceId) const;
    QString shownInstance() const { return m_shown; }

Q_SIGNALS:
    // The customer submitted a form (for the badge on the area's button).
    void formSubmitted();

protected:
    void changeEvent(QEvent *event) override;

private:
    using MessageText = std::function<QString()>;

    void retranslate();
    void rebuildList();
    void updateControls();
    void onFormChanged(const QString &instanceId);
    void showMessage(MessageText text, bool problem);
    static QString refusalText(ConsultationForms::Refusal refusal);
    static QString stateText(const wire::FormInstance &form);

    QPointer<Consultation> m_consultation;
    QPointer<ConsultationForms> m_forms;
    Library m_library;
    QLabel *m_title;
    QPushButton *m_send;
    QListWidget *m_list;
    FormView *m_view;
    QPushButton *m_pdf;
    QLabel *m_message;
    QString m_shown; // the instance in the view
    QSet<QString> m_submitted;
    FileChooser m_fileChooser;
    MessageText m_messageText;
};

} // namespace consult::advisor
