//! What every request touches: the account's state behind its lock, and the fault knobs with
//! their counters behind another, small one.

use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};

use super::state;

/// Which request methods injected failures may hit (`--fail-methods`); all by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailMethods(u8);

const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

impl Default for FailMethods {
    fn default() -> Self {
        Self(u8::MAX)
    }
}

impl FailMethods {
    /// Parses `DELETE` or `GET,DELETE` (any case).
    pub fn parse(list: &str) -> Result<Self, String> {
        let mut bits = 0u8;
        for word in list.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            let at = METHODS
                .iter()
                .position(|m| m.eq_ignore_ascii_case(word))
                .ok_or_else(|| {
                    format!("unknown method {word:?} (one of {})", METHODS.join(", "))
                })?;
            bits |= 1 << at;
        }
        if bits == 0 {
            return Err("name at least one method".into());
        }
        Ok(Self(bits))
    }

    pub fn includes(self, method: &axum::http::Method) -> bool {
        METHODS
            .iter()
            .position(|m| *m == method.as_str())
            .is_none_or(|at| self.0 & (1 << at) != 0)
    }
}

/// Runtime fault knobs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Faults {
    pub fail_rate: f64,
    pub fail_methods: FailMethods,
    pub rate_limit: Option<u32>,
    pub latency: Duration,
}

/// Counters that live beside the state.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub requests: u64,
    pub injected_failures: u64,
    pub rate_limited: u64,
    pub unauthorized: u64,
    pub in_flight: u64,
    pub peak_in_flight: u64,
    /// Start of the current one-second rate-limit window and requests in it.
    pub window: Option<(Instant, u32)>,
}

/// Fault knobs and counters: touched by every request, briefly.
pub(crate) struct Runtime {
    pub faults: Faults,
    pub counters: Counters,
}

/// What every handler and middleware shares. Lists read the state under a shared lock, so
/// concurrent pages do not queue behind each other; changes take it exclusively. No lock is
/// held across `.await`.
pub(crate) struct Shared {
    pub access_key: String,
    pub secret_key: String,
    state: RwLock<state::State>,
    runtime: Mutex<Runtime>,
}

impl Shared {
    pub fn new(access_key: &str, secret_key: &str, state: state::State, faults: Faults) -> App {
        Arc::new(Self {
            access_key: access_key.into(),
            secret_key: secret_key.into(),
            state: RwLock::new(state),
            runtime: Mutex::new(Runtime {
                faults,
                counters: Counters::default(),
            }),
        })
    }

    // A panic in another handler must not take the emulator down: poisoned locks are used as is.

    /// The state, for reading.
    pub fn read(&self) -> RwLockReadGuard<'_, state::State> {
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    /// The state, for changing.
    pub fn write(&self) -> RwLockWriteGuard<'_, state::State> {
        self.state.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Fault knobs and counters.
    pub fn runtime(&self) -> MutexGuard<'_, Runtime> {
        self.runtime.lock().unwrap_or_else(|e| e.into_inner())
    }
}

pub(crate) type App = Arc<Shared>;
