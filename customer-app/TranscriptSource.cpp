#include "TranscriptSource.h"

#include "client/CustomerClient.h"
#include "client/consultation/Consultation.h"

namespace consult::customer {

TranscriptContent TranscriptSource::contentOf(const CustomerClient &client, const QString &bankName)
{
    TranscriptContent content;
    content.bankName = bankName;
    content.title = title(client.consultation() ? client.consultation()->mode() : wire::CONSULTATION_MODE_CHAT);
    // Every advisor of the consultation, in order: a transfer hands it to a colleague.
    QStringList advisors;
    for (const ChatLine &line : client.chat()->lines()) {
        if (line.author == wire::PARTY_ADVISOR && !line.authorName.isEmpty() && !advisors.contains(line.authorName))
            advisors.append(line.authorName);
    }
    if (!client.advisorName().isEmpty() && !advisors.contains(client.advisorName()))
        advisors.append(client.advisorName());
    content.advisorName = advisors.join(QStringLiteral(", "));
    content.customerName = client.name();
    content.startedAt = client.consultationStartedAt();
    content.endedAt =
        client.consultationEndedAt().isValid() ? client.consultationEndedAt() : QDateTime::currentDateTime();
    for (const ChatLine &line : client.chat()->lines()) {
        if (line.delivery == ChatLine::Delivery::Sending || line.delivery == ChatLine::Delivery::Failed)
            continue;
        content.lines.append(TranscriptLine{line.sentAt, line.authorName, line.text});
    }
    return content;
}

QString TranscriptSource::title(wire::ConsultationMode mode)
{
    return mode == wire::CONSULTATION_MODE_VIDEO ? tr("Videoberatung") : tr("Service-Chat");
}

} // namespace consult::customer
