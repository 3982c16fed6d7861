#pragma once

#include "ConsultationSubscriber.h"
#include "metrics/Histogram.h"

namespace consult {

// Counts consultations for the operators' metrics: started since start and running now, by mode,
// and how long the customers who were taken had waited. Numbers only, nothing of a consultation is
// kept (P1, P3). A part like the others, so it hears every start and end; owned by the ServerCore.
class ConsultationTally final : public ConsultationSubscriber
{
public:
    // Upper bounds of the wait buckets in seconds: from "at once" to the hour a bank would call long.
    static std::vector<double> waitBucketsSeconds() { return {5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600}; }

    struct ByMode
    {
        quint64 chat = 0;
        quint64 video = 0;
    };

    void consultationStarted(const ConsultationRecord &consultation) override
    {
        ++(isVideo(consultation) ? m_started.video : m_started.chat);
        ++(isVideo(consultation) ? m_running.video : m_running.chat);
        m_waits.observe(static_cast<double>(qMax<qint64>(0, consultation.waitedMs)) / 1000.0);
    }
    void consultationEnded(const ConsultationRecord &consultation) override
    {
        quint64 &running = isVideo(consultation) ? m_running.video : m_running.chat;
        running = running > 0 ? running - 1 : 0;
    }

    const ByMode &started() const { return m_started; }
    const ByMode &running() const { return m_running; }
    // In seconds, of every customer an advisor took.
    const Histogram &waits() const { return m_waits; }

private:
    static bool isVideo(const ConsultationRecord &consultation)
    {
        return consultation.mode == wire::CONSULTATION_MODE_VIDEO;
    }

    ByMode m_started;
    ByMode m_running;
    Histogram m_waits{waitBucketsSeconds()};
};

} // namespace consult
