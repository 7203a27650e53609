//! Watches tag-list loads from the runtime and logs what the user felt: how long after the
//! request the first rows and all rows were on screen, and the longest the UI thread was busy
//! in one step meanwhile. The whole-program benchmark reads these lines; the model knows
//! nothing of clocks.

use std::time::{Duration, Instant};

use crate::app::Model;
use crate::app::table::Load;

/// A step longer than a frame at 60 Hz is worth a line in a debug log.
const SLOW_STEP: Duration = Duration::from_millis(16);

#[derive(Default)]
pub struct LoadWatch {
    load: Option<Watched>,
}

struct Watched {
    request: u64,
    started: Instant,
    first_rows: Option<Duration>,
    longest_step: Duration,
}

impl LoadWatch {
    /// Called after each step of the loop (`update`s and, if `drawn`, a frame), with the time
    /// the step began and how long it took.
    pub fn observe(&mut self, model: &Model, began: Instant, step: Duration, drawn: bool) {
        let tags = &model.panes.tags;
        if step > SLOW_STEP {
            tracing::debug!(target: "swr_tui::perf", "slow UI step: {} ms, {} tag rows, drawn: {drawn}", step.as_millis(), tags.len());
        }
        match (&tags.load, &mut self.load) {
            (Load::Loading { request }, Some(w)) if w.request == *request => {
                w.longest_step = w.longest_step.max(step);
                let reloading = tags.progress().is_some_and(|p| p.reloading);
                if drawn && w.first_rows.is_none() && !reloading && !tags.is_empty() {
                    w.first_rows = Some(w.started.elapsed());
                }
            }
            (Load::Loading { request }, _) => {
                self.load = Some(Watched {
                    request: *request,
                    started: began,
                    first_rows: None,
                    longest_step: step,
                });
            }
            (Load::Loaded, Some(w)) if drawn => {
                let all = w.started.elapsed();
                let first = w.first_rows.unwrap_or(all);
                tracing::info!(
                    target: "swr_tui::perf",
                    "tag list of {} rows: first rows drawn after {} ms, all after {} ms; longest UI step {} ms",
                    tags.len(),
                    first.as_millis(),
                    all.as_millis(),
                    w.longest_step.max(step).as_millis()
                );
                self.load = None;
            }
            (Load::Loaded, Some(w)) => w.longest_step = w.longest_step.max(step),
            (_, load) => *load = None,
        }
    }
}
