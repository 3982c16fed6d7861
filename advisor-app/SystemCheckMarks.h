#pragma once

#include "protocol/consult.pb.h"

#include <QStyledItemDelegate>
#include <QWidget>

#include <optional>

namespace consult::advisor {

// A customer's system check (seed 001 step 2) as the advisor sees it at a glance: camera,
// microphone, speakers and connection, each a pictogram with a green tick, a red cross or a grey
// dash (not checked). The words and the measured figures are in the tooltip and the accessible
// name and description (StatusTexts::systemCheck). The queue's column and the video panel draw it
// the same way through paint().
class SystemCheckMarks final : public QWidget
{
    Q_OBJECT
public:
    explicit SystemCheckMarks(QWidget *parent = nullptr);

    // nullopt: the customer did no check (the service chat).
    void setCheck(const std::optional<wire::SystemCheck> &check);
    const std::optional<wire::SystemCheck> &check() const { return m_check; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

    // The four marks in `rect` (left aligned, vertically centred); pictograms in `foreground`.
    static void paint(QPainter &painter, const QRect &rect, const wire::SystemCheck &check, const QColor &foreground);
    // The width and height paint() needs for a given line height.
    static QSize size(int lineHeight);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void describe();

    std::optional<wire::SystemCheck> m_check;
};

// The queue's system-check column: the marks instead of the text (the text stays the cell's
// display and accessible text, so screen readers and copies read words).
class SystemCheckDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace consult::advisor
