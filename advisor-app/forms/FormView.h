#pragma once

#include "protocol/consult.pb.h"

#include <QWidget>

class QVBoxLayout;
class QLabel;

namespace consult::advisor {

// A submitted (or only sent) form as the advisor reads it, read-only: title, notice, when it was
// sent and filled in, then every field as "label: value". A sensitive value the customer has not
// released shows as "●●●● (nicht freigegeben)" (the server sent it masked), then the value once
// released. Values are plain text (I3). Owned by the FormsPanel, which hands it the instance.
class FormView final : public QWidget
{
    Q_OBJECT
public:
    explicit FormView(QWidget *parent = nullptr);

    void showForm(const wire::FormInstance &form);
    void clear();
    // The value shown for `key`; empty when there is no such field.
    QString valueText(const QString &key) const;
    // How a value reads: "●●●● (nicht freigegeben)" for a masked one, otherwise as the PDF says it
    // (FormPdf::displayValue: a date in the local format, an IBAN in groups of four, "Ja"/"Nein").
    static QString displayValue(const wire::FormField &field, const wire::FormValue *value);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    wire::FormInstance m_form;
    bool m_shown = false;
    QLabel *m_title;
    QLabel *m_notice;
    QLabel *m_state;
    QVBoxLayout *m_layout;
    QWidget *m_fields = nullptr; // rebuilt with every change: label above value, one pair per field
};

} // namespace consult::advisor
