#include "PlainLabel.h"

#include <QLabel>

namespace consult {

QLabel *plainLabel(QWidget *parent, const char *objectName, const char *flag, bool wordWrap)
{
    auto *label = new QLabel(parent);
    if (objectName)
        label->setObjectName(QString::fromLatin1(objectName));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(wordWrap);
    if (flag)
        label->setProperty(flag, true);
    return label;
}

} // namespace consult
