#pragma once

#include <chrono>
#include <deque>
#include <optional>

namespace consult {

struct ExpectedWaitSettings
{
    // How many of the most recent consultations the estimate follows.
    int historySize = 20;
    // Assumed handling time until the first consultation has ended.
    std::chrono::seconds defaultHandlingTime = std::chrono::minutes(5);
    // What a customer waits when a place is free right now: the advisor has to notice and accept.
    std::chrono::seconds pickUpTime = std::chrono::seconds(60);
};

// The expected wait a waiting customer is shown next to the position (lesson 1), computed from how
// long recent consultations took. Owned by the queue service next to the WaitingQueue.
//
//     handling  = median of the last `historySize` handling times (default time without history)
//     estimate  = unknown                                 if staffedPlaces <= 0
//               = pickUpTime                              if position <= freePlaces
//               = max(pickUpTime,
//                     (position - freePlaces) * handling / staffedPlaces)   otherwise
//     shown     = estimate rounded up to whole minutes
//
// staffedPlaces is the sum of the capacities of the advisors on duty, freePlaces the places among
// them free right now. The formula assumes a consultation in progress has just begun, so it errs
// towards too long: a customer served early is pleased, one served late feels misled.
//
// Why the median and not the mean: handling times are skewed, with the odd very long consultation
// (a mortgage) and the odd very short one (a dropped call). One of either must not move everyone's
// figure. An outlier moves the median at most to the neighbouring sample, however extreme it is,
// while it shifts a mean of 20 by a twentieth of its size (a 3-hour call: +9 minutes for all).
// A trimmed mean would be about as robust but moves a little with every new sample, and each move
// can be a message to every waiting customer; the median stays put while the middle is stable.
//
// Rounding up to whole minutes keeps the figure from flapping, so the owner can compare estimates
// and send an update only when the customer would see a different number.
class ExpectedWait
{
public:
    explicit ExpectedWait(ExpectedWaitSettings settings = {});

    // Adds the duration of a consultation that has just ended; negative durations are ignored.
    void recordHandlingTime(std::chrono::seconds duration);

    // The handling time the estimate currently uses.
    std::chrono::seconds handlingTime() const { return m_handlingTime; }
    int sampleCount() const { return static_cast<int>(m_recent.size()); }

    // Expected wait of the customer at 1-based `position`, in whole minutes (as seconds); nullopt
    // when no advisor is on duty or the position is not a queue position.
    std::optional<std::chrono::seconds> estimate(int position, int staffedPlaces, int freePlaces) const;

private:
    void updateHandlingTime();

    ExpectedWaitSettings m_settings;
    std::deque<std::chrono::seconds> m_recent; // oldest first
    // Cached: estimate() runs for every waiting customer on every change, samples arrive rarely.
    std::chrono::seconds m_handlingTime;
};

} // namespace consult
