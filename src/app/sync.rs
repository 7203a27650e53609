//! Cross-region sync, the flow: `X` on the tag pane (or `c` on the rules pane) asks for the
//! regions to sync to, the answer opens the form (`dialogs::form::sync`), the sync is confirmed
//! (`dialogs::sync_confirm`) and sent as one write; on success the jobs pane opens, and reloads
//! itself every [`POLL_SECS`] while a job is still waiting or running. Pure: the clock comes in
//! `Msg::Tick`.

use chrono::{DateTime, Utc};

use super::dialogs::Overlay;
use super::dialogs::form::sync as form;
use super::model::{Model, PaneId, StatusKind};
use super::msg::{Cmd, ErrorInfo, Fetch, Fetched, PermTarget, RequestId};
use super::results::fetch;
use super::table::Load;
use super::update::focus_pane;
use crate::swr::sync::MAX_SYNC_TAGS;
use crate::swr::validate;

/// How long the jobs pane waits after a load before it asks again, while jobs still move.
pub const POLL_SECS: i64 = 2;
/// More regions than SWR has; a hostile list is cut to this.
const REGIONS_MAX: usize = 64;

/// What the regions were asked for: the form to open when they arrive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Draft {
    /// Sync these tags (as sent by the service) of a repository now.
    Tags {
        org: String,
        repo: String,
        tags: Vec<String>,
    },
    /// A new automatic rule of a repository.
    Rule { org: String, repo: String },
}

/// The sync panes' subject and the flow's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncState {
    /// The repository whose jobs and rules are listed: (organization, repository).
    pub target: Option<(String, String)>,
    /// The region list asked for, and what it is for.
    pub regions: Option<(RequestId, Draft)>,
    /// Since when the jobs pane has been loaded and idle with jobs still moving.
    pub idle_since: Option<DateTime<Utc>>,
}

/// `Sync jobs: demo/team/web`.
pub fn heading(model: &Model, title: &str) -> String {
    match &model.panes.sync.target {
        Some((org, repo)) => format!("{title}: {org}/{repo}"),
        None => title.to_string(),
    }
}

pub fn crumbs(model: &Model) -> Vec<String> {
    let target = model.panes.sync.target.iter();
    target.map(|(org, repo)| format!("{org}/{repo}")).collect()
}

/// The repository the sync panes stand for (so `:sync-rules` works from the jobs pane).
pub fn subject(model: &Model) -> Option<PermTarget> {
    let (org, repo) = model.panes.sync.target.clone()?;
    Some(PermTarget::Repo { org, repo })
}

/// `:sync` and `:sync-rules`: that list of the repository the cursor stands for.
pub fn show(model: &mut Model, pane: PaneId) -> Vec<Cmd> {
    let Some(PermTarget::Repo { org, repo }) = model.nav.focus().kind().subject(model) else {
        model.inform("Pick a repository first: :sync and :sync-rules list its syncs");
        return Vec::new();
    };
    open(model, pane, org, repo)
}

/// Focuses `pane` on the repository and loads it.
fn open(model: &mut Model, pane: PaneId, org: String, repo: String) -> Vec<Cmd> {
    let target = (org, repo);
    if model.panes.sync.target.as_ref() != Some(&target) {
        model.panes.sync_jobs.clear();
        model.panes.sync_rules.clear();
        model.panes.sync.target = Some(target);
    }
    focus_pane(model, pane);
    match pane.kind().reload(model) {
        Some(what) => vec![fetch(model, what)],
        None => Vec::new(),
    }
}

/// `X`: sync the marked tags (or the current one) of the open repository.
pub fn sync_tags(model: &mut Model) -> Vec<Cmd> {
    let kind = model.nav.focus().kind();
    if !kind.can(model.nav.edition()).sync {
        model.inform("X syncs the marked tags of the tag pane to another region");
        return Vec::new();
    }
    if super::writes::read_only(model) {
        return Vec::new();
    }
    let (Some(org), Some(repo)) = (model.panes.org.clone(), model.panes.repo.clone()) else {
        return Vec::new();
    };
    let table = &model.panes.tags;
    let chosen = table.chosen();
    if chosen.len() > MAX_SYNC_TAGS {
        model.fail(format!(
            "{} tags marked: one sync takes at most {MAX_SYNC_TAGS} — nothing sent",
            chosen.len()
        ));
        return Vec::new();
    }
    let rows = table.rows();
    let tags: Vec<String> = chosen
        .iter()
        .map(|&i| rows[i as usize].raw().to_string())
        .collect();
    if tags.is_empty() {
        model.inform("No tag to sync");
        return Vec::new();
    }
    if let Some(bad) = tags.iter().find(|t| validate::tag_name(t).is_err()) {
        let shown = super::text::sanitize_name(bad);
        model.fail(format!("Cannot sync {shown}: not a valid tag name"));
        return Vec::new();
    }
    ask_regions(model, Draft::Tags { org, repo, tags })
}

/// Asks for the regions; their answer opens the form for `draft`.
pub fn ask_regions(model: &mut Model, draft: Draft) -> Vec<Cmd> {
    let request = model.requests.issue();
    model.panes.sync.regions = Some((request, draft));
    model.inform("Loading the regions to sync to…");
    vec![Cmd::Fetch {
        request,
        fetch: Fetch::SyncRegions,
    }]
}

/// Whether `request` is the region list asked for.
pub fn waits_for(model: &Model, request: RequestId) -> bool {
    matches!(&model.panes.sync.regions, Some((r, _)) if *r == request)
}

/// The regions arrived (or not): opens the form, unless another dialog took the screen.
pub fn regions_loaded(model: &mut Model, result: Result<Fetched, ErrorInfo>) {
    let Some((_, draft)) = model.panes.sync.regions.take() else {
        return;
    };
    let list = match result {
        Ok(Fetched::SyncRegions(list)) => list,
        Ok(_) => return,
        Err(e) => {
            model.fail(format!("Could not list the regions to sync to: {e}"));
            return;
        }
    };
    let regions = targets(list, &model.session.context.region);
    if regions.is_empty() {
        model.fail("No other region to sync to");
        return;
    }
    if model.overlay.is_some() {
        // Another dialog opened meanwhile: it is not pushed aside.
        model.inform("The regions arrived while a dialog was open: press the key again");
        return;
    }
    model.status = None;
    let dialog = match draft {
        Draft::Tags { org, repo, tags } => form::sync_tags(&org, &repo, tags, regions),
        Draft::Rule { org, repo } => form::add_rule(&org, &repo, regions),
    };
    model.overlay = Some(Overlay::Form(dialog));
}

/// The regions a sync may name: well-formed ids only (the list is remote text), never the
/// session's own, each once, in the order sent.
fn targets(list: Vec<String>, own: &str) -> Vec<String> {
    let mut regions: Vec<String> = Vec::new();
    for region in list {
        if region != own && form::region_id(&region).is_ok() && !regions.contains(&region) {
            regions.push(region);
        }
        if regions.len() == REGIONS_MAX {
            break;
        }
    }
    regions
}

/// A write succeeded and `refresh` is about to load: a sync of tags opens its jobs pane.
pub fn written(model: &mut Model, refresh: &Fetch) {
    if let Fetch::SyncJobs { org, repo } = refresh {
        let target = (org.clone(), repo.clone());
        if model.panes.sync.target.as_ref() != Some(&target) {
            model.panes.sync_jobs.clear();
            model.panes.sync_rules.clear();
            model.panes.sync.target = Some(target);
        }
        focus_pane(model, PaneId::SyncJobs);
    }
}

/// The clock moved: the shown jobs pane reloads [`POLL_SECS`] after its last load while any
/// job is still waiting or running, and stops once all are settled or the pane is left.
pub fn on_tick(model: &mut Model) -> Vec<Cmd> {
    let table = &model.panes.sync_jobs;
    let moving = model.nav.focus() == PaneId::SyncJobs
        && table.load == Load::Loaded
        && table.rows().iter().any(|r| !r.settled);
    if !moving {
        model.panes.sync.idle_since = None;
        return Vec::new();
    }
    let now = model.now;
    let since = *model.panes.sync.idle_since.get_or_insert(now);
    if (now - since).num_seconds() < POLL_SECS {
        return Vec::new();
    }
    model.panes.sync.idle_since = None;
    match PaneId::SyncJobs.kind().reload(model) {
        Some(what) => vec![fetch(model, what)],
        None => Vec::new(),
    }
}

/// Said when a sync of tags was accepted: `sync started: 3 tags → cn-east-3/backup`.
pub fn started(count: usize, region: &str, namespace: &str) -> String {
    let tags = super::format::count(count, "tag", "tags");
    format!("sync started: {tags} → {region}/{namespace}")
}

/// Says why nothing was sent (the dialogs' cancel).
pub fn nothing_sent(model: &mut Model) {
    model.say(StatusKind::Info, "Nothing synced");
}
