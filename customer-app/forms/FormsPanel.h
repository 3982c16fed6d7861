#pragma once

#include "client/forms/ConsultationForms.h"
#include "widgets/FileChooser.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QScrollArea;
class QVBoxLayout;

namespace consult {
class Consultation;
} // namespace consult

namespace consult::customer {

class FormView;

// The forms of the customer's consultation (seed 002, issue 12): hidden until the advisor sends
// one; then the line "<Berater> hat Ihnen ein Formular geschickt: <Titel>" (also announced, without
// taking the focus from the chat) and the forms, newest last, each a FormView to fill in and send.
// Submitting goes through the client's forms part (the shared FormRules check first), releasing a
// sensitive field asks first (it cannot be taken back), and "Als PDF speichern …" writes
// forms::FormPdf to a file the customer chose. The server's refusals are shown at their form.
//
// Binds to the forms part of the customer's Consultation (the client adds it when the consultation
// begins). Owned by the ConsultationPage, which places it beside the chat.
class FormsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit FormsPanel(QWidget *parent = nullptr);
    ~FormsPanel() override;

    void setConsultation(Consultation *consultation);
    ConsultationForms *forms() const { return m_forms; }
    // At least one form: the page shows the panel.
    bool available() const { return !m_views.isEmpty(); }

    FormView *view(const QString &instanceId) const { return m_views.value(instanceId); }
    QList<FormView *> views() const;
    QLabel *arrivalLabel() const { return m_arrival; }
    // Seam for tests: the file dialog's answer.
    FileChooser &fileChooser() { return m_fileChooser; }

    void submit(const QString &instanceId);
    // Asks (cannot be taken back), then releases the field to the advisor.
    void askAndRelease(const QString &instanceId, const QString &key);
    void savePdf(const QString &instanceId);

Q_SIGNALS:
    void availabilityChanged(bool available);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onFormChanged(const QString &instanceId);
    void onRefused(ConsultationForms::Refusal refusal, const QString &detail);
    void clearViews();
    void retranslate();

    QPointer<Consultation> m_consultation;
    QPointer<ConsultationForms> m_forms;
    FileChooser m_fileChooser;
    QHash<QString, FormView *> m_views;
    QString m_lastArrived;   // the newest form's instance id, for the line at the top
    QString m_pendingSubmit; // waiting for the server's answer
    QString m_pendingRelease;

    QLabel *m_heading = nullptr;
    QLabel *m_arrival = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_list = nullptr;
    QVBoxLayout *m_listLayout = nullptr;
};

} // namespace consult::customer
