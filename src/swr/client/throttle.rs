//! Throttling shared by every request of one client: when the service says "too many requests",
//! all requests wait (not only the one that was refused), and fewer go at once for a while.
//!
//! A refused request is not a failure of that request: it waits for the shared pause and goes
//! again, without spending one of its retry attempts. The pause is what the service asked
//! for (`Retry-After`) or a backoff; the number of requests in flight is cut in half at each
//! refusal and grows by one after as many answers as the limit allows without a refusal
//! (additive increase, multiplicative decrease), until it is no longer in the way.

use std::sync::Mutex;
use std::time::Duration;

use tokio::sync::Notify;
use tokio::time::Instant;

/// Above this many requests in flight the limit is lifted again.
const CEILING: usize = 64;

/// The pause after a refusal that came without `Retry-After`.
const DEFAULT_PAUSE: Duration = Duration::from_secs(1);

#[derive(Debug, Default)]
pub struct Throttle {
    state: Mutex<State>,
    /// Wakes requests waiting for a slot when one frees up.
    freed: Notify,
}

#[derive(Debug, Default)]
struct State {
    /// Requests allowed in flight; `None` while the service has not refused any.
    limit: Option<usize>,
    in_flight: usize,
    /// Answers since the limit last changed.
    calm: usize,
    /// No request starts before this.
    paused_until: Option<Instant>,
    /// Refusals so far (for the log and the tests).
    refusals: u64,
}

/// A request's place in flight; gives it back when dropped, however the request ends.
pub struct Slot<'a>(&'a Throttle);

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        if let Ok(mut s) = self.0.state.lock() {
            s.in_flight = s.in_flight.saturating_sub(1);
        }
        self.0.freed.notify_waiters();
    }
}

enum Wait {
    Until(Instant),
    Slot,
}

impl Throttle {
    /// Waits until a request may start: after any pause, and while fewer than the limit are
    /// in flight.
    pub async fn admit(&self) -> Slot<'_> {
        loop {
            // Made before looking, so a slot freed in between still wakes this request.
            let freed = self.freed.notified();
            let wait = match self.state.lock() {
                Ok(mut s) => match s.paused_until {
                    Some(until) if until > Instant::now() => Wait::Until(until),
                    _ if s.limit.is_some_and(|l| s.in_flight >= l) => Wait::Slot,
                    _ => {
                        s.in_flight += 1;
                        return Slot(self);
                    }
                },
                // A poisoned lock means a panic elsewhere: do not hold requests back for it.
                Err(_) => return Slot(self),
            };
            match wait {
                Wait::Until(until) => tokio::time::sleep_until(until).await,
                Wait::Slot => freed.await,
            }
        }
    }

    /// The service refused a request for its rate: everybody pauses, fewer go at once.
    /// Returns how long the refused request should expect to wait.
    pub fn refused(&self, retry_after: Option<Duration>) -> Duration {
        let pause = retry_after.unwrap_or(DEFAULT_PAUSE);
        let Ok(mut s) = self.state.lock() else {
            return pause;
        };
        s.refusals += 1;
        let until = Instant::now() + pause;
        s.paused_until = Some(s.paused_until.map_or(until, |u| u.max(until)));
        // The refused request is still counted in flight here.
        let current = s.limit.unwrap_or(s.in_flight).min(s.in_flight.max(1));
        s.limit = Some((current / 2).max(1));
        s.calm = 0;
        pause
    }

    /// A request was answered without a refusal.
    pub fn answered(&self) {
        let Ok(mut s) = self.state.lock() else {
            return;
        };
        let Some(limit) = s.limit else {
            return;
        };
        s.calm += 1;
        if s.calm >= limit {
            s.calm = 0;
            s.limit = (limit < CEILING).then_some(limit + 1);
            drop(s);
            self.freed.notify_waiters();
        }
    }

    /// Requests allowed in flight now (`None`: no limit).
    pub fn limit(&self) -> Option<usize> {
        self.state.lock().ok().and_then(|s| s.limit)
    }

    /// Refusals seen so far.
    pub fn refusals(&self) -> u64 {
        self.state.lock().map(|s| s.refusals).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test(start_paused = true)]
    async fn a_refusal_pauses_every_request_and_halves_those_in_flight() {
        let throttle = Arc::new(Throttle::default());
        let slots: Vec<Slot<'_>> =
            futures_util::future::join_all((0..8).map(|_| throttle.admit())).await;
        assert_eq!(
            throttle.limit(),
            None,
            "no limit before the service refuses"
        );
        throttle.refused(Some(Duration::from_secs(2)));
        assert_eq!(throttle.limit(), Some(4));
        drop(slots);
        let started = Instant::now();
        let _slot = throttle.admit().await;
        assert!(
            started.elapsed() >= Duration::from_secs(2),
            "a new request waits for the pause the service asked for"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn no_more_than_the_limit_are_in_flight_and_the_limit_grows_back() {
        let throttle = Arc::new(Throttle::default());
        {
            let _held: Vec<_> =
                futures_util::future::join_all((0..4).map(|_| throttle.admit())).await;
            throttle.refused(Some(Duration::ZERO));
        }
        assert_eq!(throttle.limit(), Some(2));
        let peak = Arc::new(AtomicUsize::new(0));
        let now = Arc::new(AtomicUsize::new(0));
        let tasks = (0..20).map(|_| {
            let (throttle, peak, now) = (throttle.clone(), peak.clone(), now.clone());
            async move {
                let _slot = throttle.admit().await;
                let n = now.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(n, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(10)).await;
                now.fetch_sub(1, Ordering::SeqCst);
                throttle.answered();
            }
        });
        futures_util::future::join_all(tasks).await;
        assert!(
            peak.load(Ordering::SeqCst) <= 6,
            "the limit held, growing slowly"
        );
        assert!(
            throttle.limit().is_some_and(|l| l > 2),
            "answers without refusals let more go at once"
        );
    }
}
