//! All UI state, as plain data.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use ratatui::layout::Rect;

use super::keys::Keymap;
use super::msg::{Fetch, JobId, RequestId};
use super::navigation::Navigation;
use super::panes::Panes;
use super::registry::{Edition, InstanceRef};
use super::table::Load;

pub use super::panes::PaneId;

/// Which account and where: shown in the header.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Context {
    pub profile: String,
    pub region: String,
    pub endpoint: String,
    /// Registry host for pull commands when a tag carries no path.
    pub registry: String,
    pub read_only: bool,
    /// No colours (`NO_COLOR`, or the monochrome theme).
    pub monochrome: bool,
    /// Profiles of the config file, for the switcher.
    pub profiles: Vec<String>,
    /// The enterprise instance browsed; `None` for the shared edition.
    pub instance: Option<InstanceRef>,
}

impl Context {
    /// Production-looking sessions get a warning colour: read-only, or a profile named so.
    pub fn is_sensitive(&self) -> bool {
        let name = self.profile.to_lowercase();
        self.read_only || name.contains("prod") || name.contains("live")
    }

    /// The same account and region, browsing `instance` (or the shared edition): pull and
    /// login commands then name the instance's domain.
    pub fn browsing(mut self, instance: Option<InstanceRef>) -> Self {
        if let Some(i) = &instance {
            self.registry = i.host.clone();
        }
        self.instance = instance;
        self
    }

    pub fn edition(&self) -> Edition {
        match self.instance {
            Some(_) => Edition::Enterprise,
            None => Edition::Shared,
        }
    }

    /// The instance's id, in an enterprise session.
    pub fn instance_id(&self) -> Option<&str> {
        self.instance.as_ref().map(|i| i.id.as_str())
    }
}

pub use super::dialogs::{ConfirmDelete, Overlay, RetagForm, Switcher};

/// A running or finished batch of tag deletes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteJob {
    pub id: JobId,
    /// Tags or artifacts, and of which registry.
    pub place: super::msg::DeletePlace,
    pub org: String,
    pub repo: String,
    pub tags: Vec<String>,
    /// Tags whose result has not come yet.
    pub outstanding: HashSet<String>,
    /// Tags gone from the registry: deleted by this job, or found gone already.
    pub deleted: Vec<String>,
    /// How many of `deleted` were gone before this job asked.
    pub already_gone: usize,
    /// Tag and the service's error: the tag may still be there.
    pub failed: Vec<(String, String)>,
    pub started: DateTime<Utc>,
    pub finished: bool,
    pub elapsed_ms: Option<u64>,
    pub stop_requested: bool,
    /// Showing "stop?" after Esc (nothing new starts meanwhile).
    pub asking_stop: bool,
    /// Quit once the job has stopped (Ctrl-C).
    pub quit_after: bool,
    pub concurrency: usize,
}

impl DeleteJob {
    pub fn ended(&self) -> usize {
        self.deleted.len() + self.failed.len()
    }

    /// Tags ended per second: measured by the worker once finished, else from the ticks.
    pub fn rate(&self, now: DateTime<Utc>) -> f64 {
        let ms = self
            .elapsed_ms
            .unwrap_or_else(|| (now - self.started).num_milliseconds().max(0) as u64);
        if ms == 0 {
            0.0
        } else {
            self.ended() as f64 * 1000.0 / ms as f64
        }
    }

    /// Tags never attempted because the user stopped the job.
    pub fn not_started(&self) -> usize {
        if self.finished {
            self.tags.len().saturating_sub(self.ended())
        } else {
            0
        }
    }
}

/// A write in flight: what it was and which list to reload when it succeeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingWrite {
    pub request: RequestId,
    pub done: String,
    pub refresh: Fetch,
    /// The retag form that sent it: when the tag exists (409) the form comes back with the
    /// error inline and the input kept, as a form keeps a quota error.
    pub retag: Option<RetagForm>,
    /// A write of several items: a failure may leave some done, so the list reloads then too.
    pub batch: bool,
    /// A second list the write changes (a retention rule: its history and the tags).
    pub also: Option<Fetch>,
}

pub use super::status::{Status, StatusKind};

/// The account in use: replaced whole when the user switches profile or region.
#[derive(Debug, Clone, Default)]
pub struct Session {
    pub context: Context,
    /// Organizations used and allowed, from the quotas call.
    pub org_quota: Option<(i64, i64)>,
}

/// What the user chose that outlives a session.
#[derive(Debug, Clone)]
pub struct Preferences {
    pub keymap: Keymap,
    pub delete_concurrency: usize,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            keymap: Keymap::default(),
            delete_concurrency: 8,
        }
    }
}

/// Work that runs while the user goes on.
#[derive(Debug, Clone, Default)]
pub struct Jobs {
    pub delete: Option<DeleteJob>,
    pub write: Option<PendingWrite>,
}

/// Request ids: issued in order and never reused, across sessions, so an answer to a request
/// of the old session can never be taken for one of the new.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Requests {
    pub next: RequestId,
    /// The quota call in flight.
    pub quota: Option<RequestId>,
    /// The temporary login call in flight.
    pub login: Option<RequestId>,
    /// The long-term credential creation in flight (its answer is a login command too).
    pub credential: Option<RequestId>,
}

impl Default for Requests {
    fn default() -> Self {
        Self {
            next: 1,
            quota: None,
            login: None,
            credential: None,
        }
    }
}

impl Requests {
    pub fn issue(&mut self) -> RequestId {
        let id = self.next;
        self.next += 1;
        id
    }
}

#[derive(Debug, Clone)]
pub struct Model {
    pub session: Session,
    pub prefs: Preferences,
    pub nav: Navigation,
    pub panes: Panes,
    pub overlay: Option<Overlay>,
    pub jobs: Jobs,
    pub requests: Requests,
    pub status: Option<Status>,
    pub screen: Rect,
    pub now: DateTime<Utc>,
    /// Advances on ticks while something loads.
    pub spinner: usize,
    pub quit: bool,
}

impl Model {
    pub fn new(context: Context, screen: Rect, now: DateTime<Utc>) -> Self {
        let nav = Navigation::new(context.edition());
        Self {
            session: Session {
                context,
                org_quota: None,
            },
            prefs: Preferences::default(),
            nav,
            panes: Panes::default(),
            overlay: None,
            jobs: Jobs::default(),
            requests: Requests::default(),
            status: None,
            screen,
            now,
            spinner: 0,
            quit: false,
        }
    }

    /// Another profile or region: a new session; preferences and request ids go on.
    pub fn switch_to(&mut self, context: Context) {
        let prefs = std::mem::take(&mut self.prefs);
        *self = Self {
            prefs,
            requests: self.requests,
            ..Self::new(context, self.screen, self.now)
        };
    }

    pub fn is_loading(&self) -> bool {
        PaneId::ALL
            .iter()
            .any(|p| matches!(p.kind().load(&self.panes), Load::Loading { .. }))
    }

    /// The filter text of the focused pane.
    pub fn focused_filter(&self) -> &str {
        self.nav.focus().kind().list(&self.panes).filter()
    }
}
