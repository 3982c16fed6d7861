#pragma once

#include "protocol/consult.pb.h"

#include <QDialog>
#include <QList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace consult::advisor {

// "Formular senden …": the server's form library (AdvisorClient::formLibrary()) to pick one from,
// each with its title and description; with more than eight forms a search field filters by title
// and description as the advisor types. Enter or a double click picks. Shown modally by the
// FormsPanel, which sends the picked form; knows nothing of the consultation.
class FormPicker final : public QDialog
{
    Q_OBJECT
public:
    // Above this many forms the search field is shown.
    static constexpr int kSearchAbove = 8;

    FormPicker(const QList<wire::FormSummary> &library, const QString &customerName, QWidget *parent = nullptr);

    // The picked form's id; empty when none is chosen.
    QString selectedFormId() const;
    // The description shown under the title in `row`.
    QString descriptionAt(int row) const;
    // Selects the form with this id (for the keyboard and tests); false when it is not listed.
    bool selectForm(const QString &formId);

    QLineEdit *searchField() const { return m_search; }
    QListWidget *list() const { return m_list; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void filter(const QString &text);
    void updateButtons();

    QList<wire::FormSummary> m_library;
    QLabel *m_intro;
    QLineEdit *m_search;
    QListWidget *m_list;
    QLabel *m_empty;
    QDialogButtonBox *m_buttons;
};

} // namespace consult::advisor
