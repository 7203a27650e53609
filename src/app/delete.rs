//! Deleting tags: from the selection to a confirmation that names exactly what goes, to a job
//! whose progress and per-tag results the user sees, with stop and retry.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::dialogs::{Confirm, DeleteTags, Guard};
use super::digest::Digest;
use super::model::{DeleteJob, Jobs, Model, Overlay, StatusKind};
use super::msg::{Cmd, DeletePlace, ErrorInfo, JobId, Removed};
use super::resource::Resource;
use super::rows::TagRow;
use super::table::Table;

/// Tags outside a selection that name the same image as a selected tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedWith {
    /// How many there are.
    pub count: usize,
    /// The first few of them (at most [`NAMED`]), in row order.
    pub names: Vec<String>,
}

/// How many of the other tags a warning names.
pub const NAMED: usize = 3;

/// For each tag in `selected` (by exact name) whose image a tag outside it also names, those
/// other tags (as drawn).
pub fn shared_outside(
    rows: &[TagRow],
    selected: &BTreeSet<String>,
) -> BTreeMap<String, SharedWith> {
    let mask: Vec<bool> = rows.iter().map(|r| selected.contains(r.raw())).collect();
    shared_with(rows, &mask)
        .into_iter()
        .map(|(i, with)| (rows[i].raw().to_string(), with))
        .collect()
}

/// The same by position: `selected[i]` says whether row `i` is selected; the answer is in row
/// order. One pass per digest group: a group of 50,000 tags costs 50,000 steps, not 50,000².
pub fn shared_with(rows: &[TagRow], selected: &[bool]) -> Vec<(usize, SharedWith)> {
    let chosen = |i: usize| selected.get(i).copied().unwrap_or(false);
    // Only the selected rows' images matter: the others are looked up, never added.
    let mut outside: HashMap<&Digest, SharedWith> = rows
        .iter()
        .enumerate()
        .filter(|&(i, r)| chosen(i) && !r.digest.is_empty())
        .map(|(_, r)| {
            (
                &r.digest,
                SharedWith {
                    count: 0,
                    names: Vec::new(),
                },
            )
        })
        .collect();
    for (_, row) in rows.iter().enumerate().filter(|&(i, _)| !chosen(i)) {
        if let Some(group) = outside.get_mut(&row.digest) {
            group.count += 1;
            if group.names.len() < NAMED {
                group.names.push(row.tag.clone());
            }
        }
    }
    rows.iter()
        .enumerate()
        .filter(|&(i, _)| chosen(i))
        .filter_map(|(i, r)| Some((i, outside.get(&r.digest).filter(|g| g.count > 0)?.clone())))
        .collect()
}

impl SharedWith {
    /// `latest, stable and 3 more`.
    pub fn describe(&self) -> String {
        let names = self.names.join(", ");
        match self.count.saturating_sub(self.names.len()) {
            0 => names,
            more => format!("{names} and {more} more"),
        }
    }
}

/// Which marked tags share their image with an unmarked tag, kept up to date as marks change
/// and as rows arrive: rows are indexed by digest once (appended pages extend the index), and a
/// change of marks costs one pass over the marks. A reload's rows are indexed as they arrive
/// too, so the swap to the new list costs no reindexing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharedMarks {
    index: DigestIndex,
    /// The index of the rows a reload is collecting.
    staged: DigestIndex,
    revision: Option<u64>,
    /// Rows (by position) that are flagged.
    flagged: HashSet<u32>,
}

/// Rows grouped by digest: per row the id of its digest, per digest how many rows name it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct DigestIndex {
    /// The table generation the index is for.
    generation: Option<u64>,
    // The standard keyed hasher: digests come from the server, and an unkeyed hash could be
    // made to collide.
    digest_ids: HashMap<Digest, u32>,
    /// Per row: the id of its digest, or `NO_DIGEST`.
    digest_of: Vec<u32>,
    rows_per_digest: Vec<u32>,
}

const NO_DIGEST: u32 = u32::MAX;

impl DigestIndex {
    /// Indexes the rows of `table` not indexed yet (all of them for another generation).
    fn follow(&mut self, table: &Table<TagRow>) {
        if self.generation != Some(table.generation()) {
            let kept = self.generation.and_then(|g| table.kept_since(g));
            match kept {
                Some(keep) if keep.len() == self.digest_of.len() => self.drop_removed(keep),
                _ => *self = Self::default(),
            }
            self.generation = Some(table.generation());
        }
        let rows = table.rows();
        for row in &rows[self.digest_of.len().min(rows.len())..] {
            if row.digest.is_empty() {
                self.digest_of.push(NO_DIGEST);
                continue;
            }
            let next = self.rows_per_digest.len() as u32;
            let id = *self.digest_ids.entry(row.digest.clone()).or_insert(next);
            if id == next {
                self.rows_per_digest.push(0);
            }
            self.rows_per_digest[id as usize] += 1;
            self.digest_of.push(id);
        }
    }
}

impl DigestIndex {
    /// Rows went (deleted): forget them, keep the numbering of digests.
    fn drop_removed(&mut self, keep: &[bool]) {
        for (&d, _) in self.digest_of.iter().zip(keep).filter(|&(_, &k)| !k) {
            if let Some(count) = self.rows_per_digest.get_mut(d as usize) {
                *count = count.saturating_sub(1);
            }
        }
        let mut kept = keep.iter();
        self.digest_of
            .retain(|_| kept.next().copied().unwrap_or(true));
    }
}

impl SharedMarks {
    /// Whether the row at `index` of the tag table is flagged.
    pub fn is_flagged(&self, index: u32) -> bool {
        self.flagged.contains(&index)
    }

    /// How many other loaded tags name the image of the row at `index` (by the index kept
    /// for the marks: no pass over the rows).
    pub fn others_naming(&self, index: u32) -> u32 {
        let digests = &self.index;
        match digests.digest_of.get(index as usize) {
            Some(&d) if d != NO_DIGEST => digests
                .rows_per_digest
                .get(d as usize)
                .map_or(0, |n| n.saturating_sub(1)),
            _ => 0,
        }
    }

    /// The exact names of the flagged tags.
    pub fn flagged_tags(&self, rows: &[TagRow]) -> BTreeSet<String> {
        self.flagged
            .iter()
            .filter_map(|&i| rows.get(i as usize))
            .map(|r| r.raw().to_string())
            .collect()
    }

    fn reflag(&mut self, tags: &Table<TagRow>) {
        let index = &self.index;
        let mut marked_per_digest: HashMap<u32, u32> = HashMap::new();
        let marked: Vec<(u32, u32)> = tags
            .marked_rows()
            .filter_map(|(i, _)| {
                let d = *index.digest_of.get(i as usize)?;
                (d != NO_DIGEST).then_some((i, d))
            })
            .collect();
        for &(_, d) in &marked {
            *marked_per_digest.entry(d).or_default() += 1;
        }
        self.flagged = marked
            .into_iter()
            .filter(|&(_, d)| index.rows_per_digest[d as usize] > marked_per_digest[&d])
            .map(|(i, _)| i)
            .collect();
    }
}

/// Keeps `Model::shared_marked` in step with the rows and the marks.
pub fn refresh_shared_marks(model: &mut Model) {
    let tags = &model.panes.tags;
    let shared = &mut model.panes.shared_marked;
    if let Some(staged) = tags.staged() {
        shared.staged.follow(staged);
    }
    if shared.revision == Some(tags.revision()) {
        return;
    }
    if shared.index.generation != Some(tags.generation())
        && shared.staged.generation == Some(tags.generation())
    {
        // The reload's rows became the list: their index is ready.
        shared.index = std::mem::take(&mut shared.staged);
    }
    shared.index.follow(tags);
    shared.reflag(tags);
    shared.revision = Some(tags.revision());
}

/// The repository whose tags may be deleted now: not read-only, no job running.
fn deletable(model: &mut Model) -> Option<(String, String)> {
    if model.session.context.read_only {
        model.fail("Read-only: deleting is disabled (--read-only or the profile's read_only)");
        return None;
    }
    if model.jobs.delete.as_ref().is_some_and(|j| !j.finished) {
        model.fail("A delete is still running");
        return None;
    }
    Some((model.panes.org.clone()?, model.panes.repo.clone()?))
}

/// `d`: asks about the marked tags, or the current one when none is marked.
pub fn ask(model: &mut Model) -> Vec<Cmd> {
    let Some((org, repo)) = deletable(model) else {
        return Vec::new();
    };
    let instance = model.session.context.instance_id().map(str::to_string);
    // What goes, by row position (not by name: with 100,000 rows, looking names up in a set
    // per row is what made this slow), in the order the list shows them, so the dialog reads
    // like the pane; marked tags the filter hides come after.
    let table = &model.panes.tags;
    let chosen = table.chosen();
    if chosen.is_empty() {
        return Vec::new();
    }
    let rows = table.rows();
    let mut selected = vec![false; rows.len()];
    for &i in &chosen {
        selected[i as usize] = true;
    }
    let tags: Vec<String> = chosen
        .iter()
        .map(|&i| rows[i as usize].raw().to_string())
        .collect();
    let mut shared: Vec<(String, SharedWith)> = shared_with(rows, &selected)
        .into_iter()
        .map(|(i, with)| (rows[i].tag.clone(), with))
        .collect();
    // By name as the lists order names (`build-2` before `build-10`).
    shared.sort_by(|a, b| super::natural::compare(&a.0, &b.0));
    // In an instance a tag delete removes the name only: the artifact stays, and its other
    // tags with it.
    let warning = |tag: &str, others: &SharedWith| match instance {
        None => format!(
            "{tag} shares its image with {} (not deleted)",
            others.describe()
        ),
        Some(_) => format!(
            "{tag}: its artifact stays, still tagged {}",
            others.describe()
        ),
    };
    let shared = shared
        .iter()
        .map(|(tag, others)| warning(tag, others))
        .collect();
    let place = match instance {
        None => DeletePlace::Shared,
        Some(instance) => DeletePlace::InstanceTags { instance },
    };
    let subject = DeleteTags {
        place,
        org,
        repo,
        tags,
        labels: Vec::new(),
        shared,
    };
    model.overlay = Some(Overlay::ConfirmDelete(Confirm::new(subject, Guard::Plain)));
    Vec::new()
}

/// `D` (enterprise edition): asks about the artifacts of the marked tags (or of the current
/// one), listing every loaded tag each carries: they all go with it.
pub fn ask_artifacts(model: &mut Model) -> Vec<Cmd> {
    let Some(instance) = model.session.context.instance_id().map(str::to_string) else {
        model.inform("Artifacts are deleted in an enterprise instance (P or :instances)");
        return Vec::new();
    };
    let Some((org, repo)) = deletable(model) else {
        return Vec::new();
    };
    let table = &model.panes.tags;
    let rows = table.rows();
    // Every artifact once, in the order its first chosen tag shows; one pass over the rows
    // collects the tags of each.
    let mut order: Vec<&Digest> = Vec::new();
    let mut carried: HashMap<&Digest, Vec<&str>> = HashMap::new();
    for &i in &table.chosen() {
        let digest = &rows[i as usize].digest;
        if !digest.is_empty() && !carried.contains_key(digest) {
            carried.insert(digest, Vec::new());
            order.push(digest);
        }
    }
    if order.is_empty() {
        model.inform("No artifact to delete: the chosen tags carry no digest");
        return Vec::new();
    }
    for row in rows {
        if let Some(tags) = carried.get_mut(&row.digest) {
            tags.push(&row.tag);
        }
    }
    let labels = order
        .iter()
        .map(|d| format!("{}  tags: {}", d.short(), carried[d].join(", ")))
        .collect();
    let subject = DeleteTags {
        place: DeletePlace::InstanceArtifacts { instance },
        org,
        repo,
        tags: order.iter().map(|d| d.to_string()).collect(),
        labels,
        shared: vec!["Every tag listed goes with its artifact".to_string()],
    };
    model.overlay = Some(Overlay::ConfirmDelete(Confirm::new(subject, Guard::Plain)));
    Vec::new()
}

/// Starts a job deleting exactly `tags`; its progress is `Overlay::DeleteProgress`.
pub fn launch(
    model: &mut Model,
    place: DeletePlace,
    org: String,
    repo: String,
    tags: Vec<String>,
) -> Vec<Cmd> {
    let job = model.requests.issue();
    let concurrency = model.prefs.delete_concurrency.max(1);
    model.jobs.delete = Some(DeleteJob {
        id: job,
        place: place.clone(),
        org: org.clone(),
        repo: repo.clone(),
        outstanding: tags.iter().cloned().collect(),
        tags: tags.clone(),
        deleted: Vec::new(),
        failed: Vec::new(),
        started: model.now,
        finished: false,
        elapsed_ms: None,
        stop_requested: false,
        asking_stop: false,
        quit_after: false,
        already_gone: 0,
        concurrency,
    });
    vec![Cmd::DeleteTags {
        job,
        place,
        org,
        repo,
        tags,
        concurrency,
    }]
}

/// Ctrl-C while a job runs: ask to stop and quit; asked again, stop; stopping, quit at once
/// (the requests in flight are left to the service).
pub fn interrupt(model: &mut Model) -> Vec<Cmd> {
    let Some(job) = model.jobs.delete.as_mut().filter(|j| !j.finished) else {
        return Vec::new();
    };
    model.overlay = Some(Overlay::DeleteProgress);
    if job.stop_requested && job.quit_after {
        model.quit = true;
        return vec![Cmd::Quit];
    }
    if job.stop_requested {
        job.quit_after = true;
        return Vec::new();
    }
    if job.asking_stop {
        job.quit_after = true;
        return stop(job);
    }
    ask_stop(job, true)
}

/// Opens the question; nothing new starts while it is open.
pub fn ask_stop(job: &mut DeleteJob, then_quit: bool) -> Vec<Cmd> {
    job.asking_stop = true;
    job.quit_after = then_quit;
    vec![Cmd::PauseJob { job: job.id }]
}

pub fn stop(job: &mut DeleteJob) -> Vec<Cmd> {
    job.asking_stop = false;
    job.stop_requested = true;
    vec![Cmd::StopJob { job: job.id }]
}

/// The job `id`, while it runs: results of another or an ended job are dropped.
fn running(jobs: &mut Jobs, id: JobId) -> Option<&mut DeleteJob> {
    let job = jobs.delete.as_mut()?;
    (job.id == id && !job.finished).then_some(job)
}

pub fn on_tag_deleted(
    model: &mut Model,
    id: JobId,
    tag: String,
    result: Result<Removed, ErrorInfo>,
) {
    let Some(job) = running(&mut model.jobs, id) else {
        return;
    };
    // Only tags of this job, each once: a set, so 100,000 results cost no list searches.
    if !job.outstanding.remove(&tag) {
        return;
    }
    match result {
        Ok(how) => {
            job.already_gone += usize::from(how == Removed::AlreadyGone);
            job.deleted.push(tag);
        }
        Err(e) => job.failed.push((tag, e.to_string())),
    }
}

/// The job ended: the summary stays up, and the tag list reloads.
pub fn on_finished(model: &mut Model, id: JobId, elapsed_ms: u64) -> Vec<Cmd> {
    let Some(job) = running(&mut model.jobs, id) else {
        return Vec::new();
    };
    job.finished = true;
    job.elapsed_ms = Some(elapsed_ms);
    job.asking_stop = false;
    let (one, many) = job.place.noun();
    let text = format!(
        "Deleted {} of {} from {}/{}{}{}{}",
        job.deleted.len(),
        super::format::count(job.tags.len(), one, many),
        job.org,
        job.repo,
        match job.already_gone {
            0 => String::new(),
            1 => " (1 was already gone)".to_string(),
            n => format!(" ({n} were already gone)"),
        },
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
    let open = model.panes.org.as_deref() == Some(job.org.as_str())
        && model.panes.repo.as_deref() == Some(job.repo.as_str());
    if open {
        // Gone at once from the list, not only once the reload is complete: the tags, or
        // every tag of the deleted artifacts.
        let deleted: HashSet<&str> = job.deleted.iter().map(String::as_str).collect();
        match job.place {
            DeletePlace::InstanceArtifacts { .. } => {
                let digests: HashSet<Digest> = deleted.iter().map(|d| Digest::parse(d)).collect();
                model
                    .panes
                    .tags
                    .remove_where(|t| digests.contains(&t.digest));
            }
            _ => {
                model.panes.tags.remove_where(|t| deleted.contains(t.raw()));
            }
        }
    }
    // The repository's row counts its tags: what this job deleted is gone from it too.
    let gone_now = (job.deleted.len() - job.already_gone) as i64;
    let shared = job.place == DeletePlace::Shared;
    if shared && model.panes.org.as_deref() == Some(job.org.as_str()) {
        model
            .panes
            .repos
            .edit_row(&job.repo, |r| r.tags = (r.tags - gone_now).max(0));
    }
    if job.quit_after {
        model.quit = true;
        return vec![Cmd::Quit];
    }
    model.say(kind, text);
    match open
        .then(|| super::resources::Tags::reload(model))
        .flatten()
    {
        Some(what) => vec![super::results::fetch(model, what)],
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::swr::model::Tag;

    #[test]
    fn shared_images_name_a_few_others_and_count_the_rest() {
        let digest = format!("sha256:{}", "a".repeat(64));
        let rows: Vec<TagRow> = (0..10)
            .map(|i| {
                TagRow::from(Tag {
                    tag: format!("t{i}"),
                    digest: digest.clone(),
                    ..Tag::default()
                })
            })
            .chain([TagRow::from(Tag {
                tag: "alone".into(),
                ..Tag::default()
            })])
            .collect();
        let selected: BTreeSet<String> = ["t0", "t1", "t2", "t3", "alone"].map(String::from).into();
        let shared = shared_outside(&rows, &selected);
        assert_eq!(
            shared.keys().collect::<Vec<_>>(),
            ["t0", "t1", "t2", "t3"],
            "a tag without a digest shares nothing"
        );
        assert_eq!(shared["t0"].count, 6);
        assert_eq!(shared["t0"].describe(), "t4, t5, t6 and 3 more");
        let all: BTreeSet<String> = (0..10).map(|i| format!("t{i}")).collect();
        assert!(shared_outside(&rows, &all).is_empty());
    }
}
