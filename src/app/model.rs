//! All UI state, as plain data.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use ratatui::layout::Rect;

use super::delete::SharedMarks;
use super::keys::Keymap;
use super::msg::{Fetch, JobId, PermTarget, RequestId};
use super::rows::{OrgRow, PermRow, RepoRow, TagRow};
use super::table::{Sort, Table};

/// The four panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaneId {
    Orgs,
    Repos,
    Tags,
    Perms,
}

impl PaneId {
    pub const ALL: [PaneId; 4] = [Self::Orgs, Self::Repos, Self::Tags, Self::Perms];

    pub fn title(self) -> &'static str {
        match self {
            Self::Orgs => "Organizations",
            Self::Repos => "Repositories",
            Self::Tags => "Tags",
            Self::Perms => "Permissions",
        }
    }
}

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
}

impl Context {
    /// Production-looking sessions get a warning colour: read-only, or a profile named so.
    pub fn is_sensitive(&self) -> bool {
        let name = self.profile.to_lowercase();
        self.read_only || name.contains("prod") || name.contains("live")
    }
}

pub use super::dialogs::{ConfirmDelete, Overlay, RetagForm, Switcher};

/// A running or finished batch of tag deletes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteJob {
    pub id: JobId,
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
}

pub use super::status::{Status, StatusKind};

#[derive(Debug, Clone)]
pub struct Model {
    pub context: Context,
    pub focus: PaneId,
    /// Where `Esc` returns to from the permissions pane.
    pub before_perms: PaneId,
    pub orgs: Table<OrgRow>,
    pub repos: Table<RepoRow>,
    pub tags: Table<TagRow>,
    pub perms: Table<PermRow>,
    /// The organization whose repositories are listed.
    pub org: Option<String>,
    /// The repository whose tags are listed.
    pub repo: Option<String>,
    pub perm_target: Option<PermTarget>,
    /// True while the user types a filter for the focused pane.
    pub filtering: bool,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
    pub screen: Rect,
    pub now: DateTime<Utc>,
    /// Advances on ticks while something loads.
    pub spinner: usize,
    pub next_request: RequestId,
    pub quit: bool,
    pub delete: Option<DeleteJob>,
    pub delete_concurrency: usize,
    pub pending_write: Option<PendingWrite>,
    /// Marked tags whose image another, unmarked tag also names.
    pub shared_marked: SharedMarks,
    /// Organizations used and allowed, from the quotas call.
    pub org_quota: Option<(i64, i64)>,
    pub quota_request: Option<RequestId>,
    pub login_request: Option<RequestId>,
    pub keymap: Keymap,
}

impl Model {
    pub fn new(context: Context, screen: Rect, now: DateTime<Utc>) -> Self {
        let by_name = Sort {
            column: 0,
            descending: false,
        };
        Self {
            context,
            focus: PaneId::Orgs,
            before_perms: PaneId::Orgs,
            orgs: Table::new(by_name),
            repos: Table::new(by_name),
            // Newest first.
            tags: Table::new(Sort {
                column: 0,
                descending: true,
            }),
            perms: Table::new(by_name),
            org: None,
            repo: None,
            perm_target: None,
            filtering: false,
            overlay: None,
            status: None,
            screen,
            now,
            spinner: 0,
            next_request: 1,
            quit: false,
            delete: None,
            delete_concurrency: 8,
            pending_write: None,
            shared_marked: SharedMarks::default(),
            org_quota: None,
            quota_request: None,
            login_request: None,
            keymap: Keymap::default(),
        }
    }

    pub fn is_loading(&self) -> bool {
        use super::table::Load::Loading;
        [
            &self.orgs.load,
            &self.repos.load,
            &self.tags.load,
            &self.perms.load,
        ]
        .iter()
        .any(|l| matches!(l, Loading { .. }))
    }

    /// The filter text of the focused pane.
    pub fn focused_filter(&self) -> &str {
        match self.focus {
            PaneId::Orgs => self.orgs.filter(),
            PaneId::Repos => self.repos.filter(),
            PaneId::Tags => self.tags.filter(),
            PaneId::Perms => self.perms.filter(),
        }
    }
}
