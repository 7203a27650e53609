//! The runtime: one tokio loop that feeds terminal events, worker results and ticks to
//! `update`, performs the commands it returns, and redraws only when something changed.

mod load_watch;
pub mod terminal;

use std::time::Duration;

use chrono::{Timelike, Utc};
use crossterm::event::{Event, KeyEventKind};
use futures_util::{Stream, StreamExt};
use tokio::sync::mpsc;

use crate::app::{self, Cmd, Context, Model, Msg};
use crate::swr::SwrClient;
use crate::worker::delete::Steer;
use crate::worker::{Worker, clipboard::osc52};
use load_watch::LoadWatch;
use terminal::TerminalGuard;

const TICK: Duration = Duration::from_millis(200);
/// How long worker results already waiting are taken in before the screen is drawn again.
const BATCH_TIME: Duration = Duration::from_millis(8);

/// A terminal event as a message; key releases and focus changes are not messages.
pub fn event_to_msg(event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => Some(Msg::Key(key)),
        Event::Mouse(mouse) => Some(Msg::Mouse(mouse)),
        Event::Resize(width, height) => Some(Msg::Resize { width, height }),
        Event::Paste(text) => Some(Msg::Paste(text)),
        _ => None,
    }
}

/// Why the loop ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Exit {
    Quit,
    Signal(&'static str),
}

/// Runs the UI until the user quits, a signal arrives, or a background task panics.
pub async fn run<E>(
    guard: &mut TerminalGuard,
    mut model: Model,
    mut events: E,
    mut worker: Worker,
    mut results: mpsc::UnboundedReceiver<Msg>,
    reconnect: &Reconnect<'_>,
) -> anyhow::Result<Exit>
where
    E: Stream<Item = std::io::Result<Event>> + Unpin,
{
    let size = guard.terminal.size()?;
    model.screen = ratatui::layout::Rect::new(0, 0, size.width, size.height);
    let mut signals = Signals::new()?;
    let mut tick = tokio::time::interval(TICK);
    let mut pending = app::init(&mut model);
    let mut dirty = true;
    let mut watch = LoadWatch::default();
    let mut began = std::time::Instant::now();
    loop {
        while !pending.is_empty() {
            let mut fed_back = Vec::new();
            for cmd in pending.drain(..) {
                match perform(cmd, guard, &mut worker, reconnect) {
                    Flow::Continue => {}
                    Flow::Quit => return Ok(Exit::Quit),
                    Flow::Feed(msg) => fed_back.push(msg),
                }
            }
            for msg in fed_back {
                pending.extend(app::update(&mut model, msg));
                dirty = true;
            }
        }
        let drawn = dirty;
        if dirty {
            guard
                .terminal
                .draw(|frame| crate::ui::view(&model, frame))?;
            dirty = false;
        }
        watch.observe(&model, began, began.elapsed(), drawn);
        let msg = tokio::select! {
            event = events.next() => match event {
                Some(Ok(event)) => event_to_msg(event),
                Some(Err(e)) => return Err(e.into()),
                None => return Ok(Exit::Quit),
            },
            Some(msg) = results.recv() => Some(msg),
            _ = tick.tick() => Some(Msg::Tick { now: Utc::now() }),
            failure = worker.failure() => anyhow::bail!(failure),
            name = signals.next() => return Ok(Exit::Signal(name)),
        };
        began = std::time::Instant::now();
        let Some(msg) = msg else { continue };
        dirty |= changes_the_screen(&model, &msg);
        pending = app::update(&mut model, msg);
        // Pages arriving together make one frame, not one each; but the screen waits for
        // at most a few milliseconds of them, so keys stay responsive.
        while began.elapsed() < BATCH_TIME {
            let Ok(msg) = results.try_recv() else { break };
            dirty = true;
            pending.extend(app::update(&mut model, msg));
        }
    }
}

/// A tick only matters while a spinner turns, when the minute (relative times) changes, or
/// when a message fades.
fn changes_the_screen(model: &Model, msg: &Msg) -> bool {
    match msg {
        Msg::Tick { now } => {
            model.is_loading()
                || now.minute() != model.now.minute()
                || app::status::faded_by(model, *now)
        }
        _ => true,
    }
}

/// Makes a client for a profile and region (reading the configuration again).
pub type Reconnect<'a> = dyn Fn(&str, &str) -> Result<(Context, SwrClient), String> + 'a;

/// What the loop does after a command.
enum Flow {
    Continue,
    Quit,
    /// A result available at once, for `update`.
    Feed(Msg),
}

/// Performs one command.
fn perform(
    cmd: Cmd,
    guard: &mut TerminalGuard,
    worker: &mut Worker,
    reconnect: &Reconnect<'_>,
) -> Flow {
    match cmd {
        Cmd::Quit => return Flow::Quit,
        Cmd::Switch {
            profile,
            region,
            instance,
        } => {
            let result = reconnect(&profile, &region).map(|(context, client)| {
                worker.set_client(client);
                context.browsing(instance)
            });
            return Flow::Feed(Msg::Switched(result));
        }
        Cmd::Fetch { request, fetch } => worker.fetch(request, fetch),
        Cmd::DeleteTags {
            job,
            place,
            org,
            repo,
            tags,
            concurrency,
        } => worker.delete_tags(job, place, org, repo, tags, concurrency),
        Cmd::StopJob { job } => worker.steer_job(job, Steer::Stop),
        Cmd::PauseJob { job } => worker.steer_job(job, Steer::Pause),
        Cmd::ResumeJob { job } => worker.steer_job(job, Steer::Go),
        Cmd::CancelFetch { request } => worker.cancel_fetch(request),
        Cmd::Write { request, write } => worker.write(request, write),
        Cmd::Copy { text } => {
            let sent = osc52(&text).is_some_and(|seq| guard.write_raw(&seq).is_ok());
            worker.copy(text.clone(), text, sent);
        }
        Cmd::CopySecret { text, label } => {
            let sent = osc52(&text).is_some_and(|seq| guard.write_raw(&seq).is_ok());
            worker.copy(text, label, sent);
        }
        Cmd::FetchLogin { request, kind } => worker.fetch_login(request, kind),
    }
    Flow::Continue
}

/// The signals whose default is to end the process end the session cleanly instead, the
/// terminal restored on the way out: SIGTERM, SIGHUP, SIGINT (a `kill -INT`; Ctrl-C is a key in
/// raw mode), SIGQUIT, SIGUSR1 and SIGUSR2.
struct Signals {
    #[cfg(unix)]
    streams: Vec<(&'static str, tokio::signal::unix::Signal)>,
}

impl Signals {
    #[cfg(unix)]
    fn new() -> std::io::Result<Self> {
        use tokio::signal::unix::{SignalKind, signal};
        let kinds = [
            ("SIGTERM", SignalKind::terminate()),
            ("SIGHUP", SignalKind::hangup()),
            ("SIGINT", SignalKind::interrupt()),
            ("SIGQUIT", SignalKind::quit()),
            ("SIGUSR1", SignalKind::user_defined1()),
            ("SIGUSR2", SignalKind::user_defined2()),
        ];
        let streams = kinds
            .into_iter()
            .map(|(name, kind)| signal(kind).map(|s| (name, s)))
            .collect::<std::io::Result<_>>()?;
        Ok(Self { streams })
    }

    #[cfg(not(unix))]
    fn new() -> std::io::Result<Self> {
        Ok(Self {})
    }

    #[cfg(unix)]
    async fn next(&mut self) -> &'static str {
        let waits = self.streams.iter_mut().map(|(name, stream)| {
            Box::pin(async move {
                stream.recv().await;
                *name
            })
        });
        futures_util::future::select_all(waits).await.0
    }

    #[cfg(not(unix))]
    async fn next(&mut self) -> &'static str {
        std::future::pending().await
    }
}
