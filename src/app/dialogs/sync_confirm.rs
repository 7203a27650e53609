//! "Sync 3 tags to cn-east-3/backup?": the confirmation of a sync of tags, naming the count,
//! every tag, the target and whether tags already there are overwritten. Confirming sends one
//! write for all of them.

use ratatui::layout::Rect;

use super::Outcome;
use super::confirm::Subject;
use crate::app::layout::confirm_list_rows;
use crate::app::model::Model;
use crate::app::msg::{Fetch, SyncWrite, Write};
use crate::app::writes::send_write;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncConfirm {
    pub org: String,
    pub repo: String,
    /// The tags as the service sent them (drawn sanitized), at most `MAX_SYNC_TAGS`.
    pub tags: Vec<String>,
    pub region: String,
    pub namespace: String,
    pub override_existing: bool,
}

impl SyncConfirm {
    /// `Sync 3 tags to cn-east-3/backup?`
    pub fn question(&self) -> String {
        let tags = crate::app::format::count(self.tags.len(), "tag", "tags");
        format!("Sync {tags} to {}/{}?", self.region, self.namespace)
    }

    /// What happens to tags the target already holds.
    pub fn warning(&self) -> &'static str {
        if self.override_existing {
            "existing tags there will be overwritten"
        } else {
            "tags already there are kept (override is off)"
        }
    }

    /// The whole question, as one line.
    pub fn text(&self) -> String {
        format!("{} {}", self.question(), self.warning())
    }
}

impl Subject for SyncConfirm {
    fn confirmed(&mut self, model: &mut Model) -> Outcome {
        let done = crate::app::sync::started(self.tags.len(), &self.region, &self.namespace);
        let refresh = Fetch::SyncJobs {
            org: self.org.clone(),
            repo: self.repo.clone(),
        };
        let write = Write::Sync {
            org: self.org.clone(),
            repo: self.repo.clone(),
            change: SyncWrite::Tags {
                // Not shown again: moved, not copied.
                tags: std::mem::take(&mut self.tags),
                region: self.region.clone(),
                namespace: self.namespace.clone(),
                override_existing: self.override_existing,
            },
        };
        Outcome::Done(vec![send_write(model, write, done, refresh)])
    }

    fn cancelled(&self, model: &mut Model) {
        crate::app::sync::nothing_sent(model);
    }

    fn list(&self, screen: Rect) -> (usize, usize) {
        // One line more than a delete's body (the warning): drawn as a sharing warning is.
        (
            confirm_list_rows(screen, self.tags.len(), 1),
            self.tags.len(),
        )
    }
}
