//! Deleting tags: from the selection to a confirmation that names exactly what goes, to a job
//! whose progress and per-tag results the user sees, with stop and retry.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crossterm::event::{KeyCode, KeyEvent};

use super::model::{ConfirmDelete, DeleteJob, Model, Overlay, Status, StatusKind};
use super::msg::{Cmd, ErrorInfo, Fetch, JobId};
use super::rows::TagRow;

/// For each tag in `selected`, the tags outside it that name the same image.
pub fn shared_outside(
    rows: &[TagRow],
    selected: &BTreeSet<String>,
) -> BTreeMap<String, Vec<String>> {
    let mut by_digest: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for row in rows.iter().filter(|r| !r.digest.is_empty()) {
        by_digest.entry(&row.digest).or_default().push(&row.tag);
    }
    let mut shared = BTreeMap::new();
    for row in rows.iter().filter(|r| selected.contains(&r.tag)) {
        let others: Vec<String> = by_digest
            .get(row.digest.as_str())
            .into_iter()
            .flatten()
            .filter(|t| !selected.contains(**t))
            .map(|t| t.to_string())
            .collect();
        if !others.is_empty() {
            shared.insert(row.tag.clone(), others);
        }
    }
    shared
}

/// Which marked tags share their image with an unmarked tag, kept up to date as marks change:
/// the digest index is rebuilt only when the rows change, so a keystroke costs O(marks).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharedMarks {
    revisions: Option<(u64, u64)>,
    items_revision: Option<u64>,
    digest_of: HashMap<String, String>,
    tags_per_digest: HashMap<String, usize>,
    flagged: BTreeSet<String>,
}

impl SharedMarks {
    pub fn is_flagged(&self, tag: &str) -> bool {
        self.flagged.contains(tag)
    }

    pub fn flagged(&self) -> &BTreeSet<String> {
        &self.flagged
    }

    fn reindex(&mut self, rows: &[TagRow]) {
        self.digest_of.clear();
        self.tags_per_digest.clear();
        for row in rows.iter().filter(|r| !r.digest.is_empty()) {
            self.digest_of.insert(row.tag.clone(), row.digest.clone());
            *self.tags_per_digest.entry(row.digest.clone()).or_default() += 1;
        }
    }

    fn reflag(&mut self, marked: &BTreeSet<String>) {
        let mut marked_per_digest: HashMap<&str, usize> = HashMap::new();
        for tag in marked {
            if let Some(digest) = self.digest_of.get(tag) {
                *marked_per_digest.entry(digest).or_default() += 1;
            }
        }
        self.flagged = marked
            .iter()
            .filter(|tag| {
                self.digest_of.get(*tag).is_some_and(|d| {
                    self.tags_per_digest.get(d).copied().unwrap_or(0)
                        > marked_per_digest.get(d.as_str()).copied().unwrap_or(0)
                })
            })
            .cloned()
            .collect();
    }
}

/// Keeps `Model::shared_marked` in step with the rows and the marks.
pub fn refresh_shared_marks(model: &mut Model) {
    let revisions = (model.tags.items_revision(), model.tags.revision());
    let shared = &mut model.shared_marked;
    if shared.revisions == Some(revisions) {
        return;
    }
    if shared.items_revision != Some(revisions.0) {
        shared.reindex(model.tags.rows());
        shared.items_revision = Some(revisions.0);
    }
    shared.reflag(model.tags.marked());
    shared.revisions = Some(revisions);
}

fn error(model: &mut Model, text: impl Into<String>) {
    model.status = Some(Status {
        kind: StatusKind::Error,
        text: text.into(),
    });
}

/// `d`: asks about the marked tags, or the current one when none is marked.
pub fn ask(model: &mut Model) -> Vec<Cmd> {
    if model.context.read_only {
        error(
            model,
            "Read-only: deleting is disabled (--read-only or the profile's read_only)",
        );
        return Vec::new();
    }
    if model.delete.as_ref().is_some_and(|j| !j.finished) {
        error(model, "A delete is still running");
        return Vec::new();
    }
    let (Some(org), Some(repo)) = (model.org.clone(), model.repo.clone()) else {
        return Vec::new();
    };
    let selected: BTreeSet<String> = if model.tags.marked_count() > 0 {
        model.tags.marked().clone()
    } else if let Some(current) = model.tags.current() {
        BTreeSet::from([current.tag.clone()])
    } else {
        return Vec::new();
    };
    // In the order the list shows them, so the dialog reads like the pane.
    let mut tags: Vec<String> = model
        .tags
        .visible()
        .filter(|t| selected.contains(&t.tag))
        .map(|t| t.tag.clone())
        .collect();
    let shown: BTreeSet<&String> = tags.iter().collect();
    let hidden: Vec<String> = selected
        .iter()
        .filter(|t| !shown.contains(t))
        .cloned()
        .collect();
    tags.extend(hidden);
    let shared = shared_outside(model.tags.rows(), &selected)
        .into_iter()
        .map(|(tag, others)| {
            format!(
                "{tag} shares its image with {} (not deleted)",
                others.join(", ")
            )
        })
        .collect();
    model.overlay = Some(Overlay::ConfirmDelete(ConfirmDelete {
        org,
        repo,
        tags,
        shared,
        scroll: 0,
        delete_focused: false,
    }));
    Vec::new()
}

/// Keys of the confirmation: `y` deletes, `n`/Esc cancel, Enter does what has the focus.
pub fn confirm_key(model: &mut Model, mut dialog: ConfirmDelete, key: KeyEvent) -> Vec<Cmd> {
    match key.code {
        KeyCode::Char('y') => return start(model, dialog),
        KeyCode::Char('n') | KeyCode::Esc | KeyCode::Char('q') => {
            model.overlay = None;
            model.status = Some(Status {
                kind: StatusKind::Info,
                text: "Nothing deleted".into(),
            });
            return Vec::new();
        }
        KeyCode::Enter if dialog.delete_focused => return start(model, dialog),
        KeyCode::Enter => {
            model.overlay = None;
            return Vec::new();
        }
        KeyCode::Tab
        | KeyCode::BackTab
        | KeyCode::Left
        | KeyCode::Right
        | KeyCode::Char('h')
        | KeyCode::Char('l') => {
            dialog.delete_focused = !dialog.delete_focused;
        }
        KeyCode::Down | KeyCode::Char('j') => {
            dialog.scroll = (dialog.scroll + 1).min(dialog.tags.len().saturating_sub(1));
        }
        KeyCode::Up | KeyCode::Char('k') => dialog.scroll = dialog.scroll.saturating_sub(1),
        KeyCode::PageDown => {
            dialog.scroll = (dialog.scroll + 10).min(dialog.tags.len().saturating_sub(1))
        }
        KeyCode::PageUp => dialog.scroll = dialog.scroll.saturating_sub(10),
        _ => {}
    }
    model.overlay = Some(Overlay::ConfirmDelete(dialog));
    Vec::new()
}

fn start(model: &mut Model, dialog: ConfirmDelete) -> Vec<Cmd> {
    launch(model, dialog.org, dialog.repo, dialog.tags)
}

fn launch(model: &mut Model, org: String, repo: String, tags: Vec<String>) -> Vec<Cmd> {
    let job = model.next_request;
    model.next_request += 1;
    let concurrency = model.delete_concurrency.max(1);
    model.delete = Some(DeleteJob {
        id: job,
        org: org.clone(),
        repo: repo.clone(),
        tags: tags.clone(),
        deleted: Vec::new(),
        failed: Vec::new(),
        started: model.now,
        finished: false,
        elapsed_ms: None,
        stop_requested: false,
        asking_stop: false,
        concurrency,
    });
    model.overlay = Some(Overlay::DeleteProgress);
    vec![Cmd::DeleteTags {
        job,
        org,
        repo,
        tags,
        concurrency,
    }]
}

/// Keys while the progress (or the summary) shows.
pub fn progress_key(model: &mut Model, key: KeyEvent) -> Vec<Cmd> {
    let Some(job) = model.delete.as_mut() else {
        model.overlay = None;
        return Vec::new();
    };
    if job.finished {
        return match key.code {
            KeyCode::Char('r') if !job.failed.is_empty() => {
                let retry: Vec<String> = job.failed.iter().map(|(t, _)| t.clone()).collect();
                let (org, repo) = (job.org.clone(), job.repo.clone());
                launch(model, org, repo, retry)
            }
            KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q') | KeyCode::Char('h') => {
                model.overlay = None;
                Vec::new()
            }
            _ => Vec::new(),
        };
    }
    match key.code {
        KeyCode::Esc if !job.stop_requested => job.asking_stop = true,
        KeyCode::Char('y') if job.asking_stop => {
            job.asking_stop = false;
            job.stop_requested = true;
            return vec![Cmd::StopJob { job: job.id }];
        }
        KeyCode::Char('n') | KeyCode::Esc if job.asking_stop => job.asking_stop = false,
        _ => {}
    }
    Vec::new()
}

pub fn on_tag_deleted(model: &mut Model, id: JobId, tag: String, result: Result<(), ErrorInfo>) {
    let Some(job) = model.delete.as_mut().filter(|j| j.id == id && !j.finished) else {
        return;
    };
    if !job.tags.contains(&tag) {
        return;
    }
    match result {
        Ok(()) => job.deleted.push(tag),
        Err(ErrorInfo(e)) => job.failed.push((tag, e)),
    }
}

/// The job ended: the summary stays up, and the tag list reloads.
pub fn on_finished(model: &mut Model, id: JobId, elapsed_ms: u64) -> Vec<Cmd> {
    let Some(job) = model.delete.as_mut().filter(|j| j.id == id && !j.finished) else {
        return Vec::new();
    };
    job.finished = true;
    job.elapsed_ms = Some(elapsed_ms);
    job.asking_stop = false;
    let text = format!(
        "Deleted {} of {} tags from {}/{}{}{}",
        job.deleted.len(),
        job.tags.len(),
        job.org,
        job.repo,
        if job.failed.is_empty() {
            String::new()
        } else {
            format!(", {} failed (r retries)", job.failed.len())
        },
        if job.not_started() > 0 {
            format!(", {} not started (stopped)", job.not_started())
        } else {
            String::new()
        },
    );
    let kind = if job.failed.is_empty() {
        StatusKind::Success
    } else {
        StatusKind::Error
    };
    let refresh = (model.org.as_deref() == Some(job.org.as_str())
        && model.repo.as_deref() == Some(job.repo.as_str()))
    .then(|| Fetch::Tags {
        org: job.org.clone(),
        repo: job.repo.clone(),
    });
    model.status = Some(Status { kind, text });
    match refresh {
        Some(what) => vec![super::update::fetch(model, what)],
        None => Vec::new(),
    }
}
