#pragma once

#include "protocol/consult.pb.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace consult::customer {

// The deletion receipt in the customer's words, ready for the end page's labels.
struct ReceiptText
{
    bool received = false; // false: the server's receipt never arrived (see DeletionReceiptText::notReceived)
    QString deletedAt;     // "Gelöscht am 7.12.2026 um 15:42:10 Uhr", or why there is no receipt
    QStringList items;     // one line per deleted thing, in the server's order
    QString kept;          // what the bank keeps nevertheless (the anonymous statistics, the access log)
};

// Turns the server's DeletionReceipt (ConsultationEnded.receipt, seed 002: "deleted at the end of the
// conversation") into plain sentences: when, and each document (name, size, from whom), each form
// (title), the whiteboard (pages, size) and the chat the server held (messages). What is kept is
// said truthfully from DESIGN.md §3 and SECURITY.md P3: the anonymous statistics (start hour,
// duration and wait in minutes, outcome, the features used) and, for 7 days, the access log. Never
// invents a receipt: without one it says so and what the bank promises. Names from the wire stay
// plain text; the end page shows them in plain labels (I3). Stateless; texts in the current language.
class DeletionReceiptText final
{
    Q_DECLARE_TR_FUNCTIONS(consult::customer::DeletionReceiptText)
public:
    // `advisorName`: who "from the advisor" is, in the receipt's document lines (may be empty).
    static ReceiptText describe(const wire::DeletionReceipt &receipt, const QString &advisorName);
    // No receipt arrived: the connection was lost (`connectionLost`) or the server sent none.
    static ReceiptText notReceived(bool connectionLost);
    // Whether `receipt` is one the server actually sent (it always carries the time of deletion).
    static bool isReceipt(const wire::DeletionReceipt &receipt) { return receipt.deleted_at() > 0; }
    // "512 Byte", "12 KB", "1,4 MB": a file's size for people, in the current language's numbers.
    static QString fileSize(quint64 bytes);
    // Who sent a document, as the customer reads it: "Ihnen" / the advisor's name.
    static QString sender(wire::Party from, const QString &advisorName);
};

} // namespace consult::customer
