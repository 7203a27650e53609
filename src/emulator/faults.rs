//! The outermost middleware: request ids, request and in-flight counting, the rate limit,
//! artificial latency and injected failures. Knobs are read per request, so tests can seed
//! cleanly and then turn faults on.

use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::ApiErr;
use super::shared::App;

/// The request id, shared with inner layers through request extensions.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// Decrements the in-flight counter however the request ends (also on cancellation).
struct InFlight(App);

impl Drop for InFlight {
    fn drop(&mut self) {
        let mut runtime = self.0.runtime();
        runtime.counters.in_flight = runtime.counters.in_flight.saturating_sub(1);
    }
}

/// What happens to one request, decided under the lock on arrival.
enum Verdict {
    Throttle,
    Proceed {
        latency: std::time::Duration,
        /// `Some(after)`: inject a failure; `after` = run the handler first.
        fail: Option<bool>,
    },
}

fn decide(app: &App, method: &axum::http::Method) -> Verdict {
    let mut runtime = app.runtime();
    let faults = runtime.faults;
    let c = &mut runtime.counters;
    c.requests += 1;
    c.in_flight += 1;
    c.peak_in_flight = c.peak_in_flight.max(c.in_flight);
    if let Some(limit) = faults.rate_limit {
        // Fixed one-second windows.
        let now = Instant::now();
        let (start, count) = match c.window {
            Some((start, count)) if now.duration_since(start).as_secs_f64() < 1.0 => (start, count),
            _ => (now, 0),
        };
        if count >= limit {
            c.window = Some((start, count));
            c.rate_limited += 1;
            return Verdict::Throttle;
        }
        c.window = Some((start, count + 1));
    }
    let may_fail = faults.fail_rate > 0.0 && faults.fail_methods.includes(method);
    let fail = (may_fail && rand::random_bool(faults.fail_rate)).then(|| {
        c.injected_failures += 1;
        rand::random_bool(0.5)
    });
    Verdict::Proceed {
        latency: faults.latency,
        fail,
    }
}

/// A random 500 or 503 in SWR's error format.
fn injected_failure() -> Response {
    let err = if rand::random_bool(0.5) {
        ApiErr::internal(500, "internal error")
    } else {
        ApiErr::internal(503, "service unavailable")
    };
    err.into_response()
}

pub async fn layer(State(app): State<App>, mut req: Request, next: Next) -> Response {
    let request_id = hex::encode(rand::random::<[u8; 16]>());
    // Method and path only: headers may carry tokens or signatures.
    let (method, path) = (req.method().clone(), req.uri().path().to_string());
    req.extensions_mut().insert(RequestId(request_id.clone()));
    let verdict = decide(&app, &method);
    let _in_flight = InFlight(app.clone());
    let mut response = match verdict {
        Verdict::Throttle => {
            let mut r = ApiErr::gateway(
                429,
                "APIGW.0308",
                "The throttling threshold has been reached: policy user over ratelimit",
                &request_id,
            )
            .into_response();
            r.headers_mut()
                .insert("retry-after", HeaderValue::from_static("1"));
            r
        }
        Verdict::Proceed { latency, fail } => {
            if !latency.is_zero() {
                tokio::time::sleep(latency).await;
            }
            match fail {
                None => next.run(req).await,
                Some(false) => injected_failure(),
                // The change happens, but the client is told it failed.
                Some(true) => {
                    let _ = next.run(req).await;
                    injected_failure()
                }
            }
        }
    };
    tracing::debug!(%method, path, status = response.status().as_u16(), request_id, "request");
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert("x-request-id", v);
    }
    response.into_response()
}
