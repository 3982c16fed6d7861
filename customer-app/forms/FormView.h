#pragma once

#include "FormFieldEditor.h"
#include "protocol/consult.pb.h"

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;

namespace consult::customer {

// One form the advisor sent, as the customer fills it in (seed 002): the title, the notice shown
// prominently (e.g. "unverbindlich"), the description, one FormFieldEditor per field, and
// "Formular senden", enabled only while every field passes the shared FormRules. After the server
// confirms the submission it is read-only with "Gesendet am …"; sensitive fields offer "Freigeben".
// "Als PDF speichern …" for the form as it stands. Owned by the FormsPanel, which talks to the
// client's forms part; this view only shows and asks.
class FormView final : public QWidget
{
    Q_OBJECT
public:
    FormView(const wire::FormInstance &form, const QString &advisorName, QWidget *parent = nullptr);

    QString instanceId() const { return QString::fromStdString(m_form.instance_id()); }
    const wire::FormInstance &form() const { return m_form; }
    // The server's newer state of this form (submitted, released).
    void update(const wire::FormInstance &form);
    // What the customer entered, one value per field in the definition's order.
    QList<wire::FormValue> values() const;
    // The local check refused the submission: shows every field's problem, focuses the first.
    void showProblems(const QString &firstProblemKey);
    // Sent, waiting for the server; or the server refused (`text` in words, empty: none).
    void setSubmitting(bool submitting);
    void setProblem(const QString &text);
    void setSaveStatus(const QString &text, bool error);
    // The customer asked to release `key`; the next update of the form confirms it.
    void setReleasing(const QString &key);
    void releaseRefused();

    FormFieldEditor *editor(const QString &key) const;
    QList<FormFieldEditor *> editors() const { return m_editors; }
    QPushButton *submitButton() const { return m_submit; }
    QPushButton *savePdfButton() const { return m_savePdf; }
    QLabel *stateLabel() const { return m_state; }
    QLabel *noticeLabel() const { return m_notice; }
    QLabel *problemLabel() const { return m_problem; }
    QLabel *saveStatusLabel() const { return m_saveStatus; }

Q_SIGNALS:
    void submitRequested(const QString &instanceId);
    void releaseRequested(const QString &instanceId, const QString &key);
    void savePdfRequested(const QString &instanceId);

protected:
    void changeEvent(QEvent *event) override;

private:
    bool submitted() const { return m_form.state() == wire::FORM_STATE_SUBMITTED; }
    void onEdited();
    void retranslate();

    wire::FormInstance m_form;
    QString m_advisor;
    bool m_submitting = false;
    bool m_anyRequired = false;
    QString m_problemText;
    QString m_saveStatusText;
    bool m_saveFailed = false;
    QStringList m_releasing; // keys asked for, not yet confirmed

    QLabel *m_title = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_required = nullptr;
    QList<FormFieldEditor *> m_editors;
    QLabel *m_hint = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_state = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_savePdf = nullptr;
    QLabel *m_saveStatus = nullptr;
};

} // namespace consult::customer
