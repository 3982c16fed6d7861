#include "SendGuardDialog.h"

#include <QMessageBox>
#include <QPushButton>

namespace consult {

namespace {

// A warning whose default and Escape action is "Bearbeiten".
SendGuard::Decision askOne(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
                           const QString &details, const QString &sendLabel, const QString &editLabel)
{
    QMessageBox box(icon, title, text, QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("sendGuard"));
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(details);
    QPushButton *edit = box.addButton(editLabel, QMessageBox::RejectRole);
    edit->setObjectName(QStringLiteral("edit"));
    QPushButton *send = box.addButton(sendLabel, QMessageBox::AcceptRole);
    send->setObjectName(QStringLiteral("sendAnyway"));
    box.setDefaultButton(edit);
    box.setEscapeButton(edit);
    box.exec();
    return box.clickedButton() == send ? SendGuard::Decision::Send : SendGuard::Decision::Edit;
}

} // namespace

SendGuard::Decision SendGuardDialog::ask(const SendCheck &check, QWidget *parent)
{
    if (!check.findings.isEmpty() && askOne(parent, QMessageBox::Warning, SendGuard::sensitiveTitle(),
                                            SendGuard::sensitiveHeadline(), SendGuard::sensitiveText(check.findings),
                                            tr("Trotzdem senden"), tr("Bearbeiten")) == SendGuard::Decision::Edit)
        return SendGuard::Decision::Edit;
    if (check.order != validation::OrderIntent::None &&
        askOne(parent, QMessageBox::Information, SendGuard::orderTitle(), SendGuard::orderHeadline(),
               SendGuard::orderText(check.order), tr("Nachricht senden"),
               tr("Bearbeiten")) == SendGuard::Decision::Edit)
        return SendGuard::Decision::Edit;
    return SendGuard::Decision::Send;
}

SendGuard::Confirmation SendGuardDialog::confirmationOver(QWidget *parent)
{
    return [window = QPointer<QWidget>(parent)](const SendCheck &check) { return ask(check, window.data()); };
}

} // namespace consult
