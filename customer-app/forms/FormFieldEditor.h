#pragma once

#include "forms/FormRules.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace consult::customer {

// One field of a form the customer fills in, built from its definition: the label (with "*" when
// required), the input for its type (TEXT, EMAIL, PHONE, NUMBER, DATE and IBAN a line edit with an
// example, MULTILINE a text box, CHOICE a list to pick from, CHECKBOX a tick box), the help text,
// and under it the problem the shared FormRules find, in words, as the customer types. After the
// form is submitted it shows the value read-only; a sensitive field then says whether the advisor
// sees it, with "Freigeben". Owned by its FormView.
class FormFieldEditor final : public QWidget
{
    Q_OBJECT
public:
    enum class Release
    {
        NotSensitive,
        Hidden,    // the advisor sees it masked; "Freigeben" offered
        Releasing, // asked the server
        Released,  // the advisor sees it
    };

    FormFieldEditor(const wire::FormField &field, QWidget *parent = nullptr);

    const wire::FormField &field() const { return m_field; }
    QString key() const { return QString::fromStdString(m_field.key()); }
    // What the customer entered, as FormRules reads it ("" = not filled; a tick box "true"/"false").
    QString rawValue() const;
    forms::CheckedValue check() const;
    // Shows the problem under the field: always for a wrong value, a missing one only once the
    // customer has been in the field or tried to send (`insist`).
    void showCheck(bool insist);
    // After submission: the server's (normalised) value, read-only.
    void showSubmitted(const QString &wireValue);
    void setRelease(Release release);
    Release release() const { return m_release; }

    QWidget *input() const { return m_input; }
    QLabel *problemLabel() const { return m_problem; }
    QLabel *releaseLabel() const { return m_releaseLabel; }
    QPushButton *releaseButton() const { return m_releaseButton; }

Q_SIGNALS:
    void edited();
    void releaseRequested(const QString &key);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildInput();
    void retranslate();

    wire::FormField m_field;
    bool m_touched = false;
    bool m_readOnly = false;
    Release m_release = Release::NotSensitive;
    QString m_submitted;

    QLabel *m_label = nullptr;
    QWidget *m_input = nullptr;
    QLineEdit *m_line = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QComboBox *m_choice = nullptr;
    QCheckBox *m_check = nullptr;
    QLabel *m_help = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_value = nullptr; // read-only value after submission
    QLabel *m_releaseLabel = nullptr;
    QPushButton *m_releaseButton = nullptr;
};

} // namespace consult::customer
