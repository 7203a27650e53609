//! "Run retention policy NAME? It deletes K tags now.": the real run of a retention policy,
//! asked only from its dry run, naming every tag that dry run found. The service decides again
//! when it runs (tags may have changed since the dry run), which the body says.

use ratatui::layout::Rect;

use super::Outcome;
use super::confirm::Subject;
use crate::app::format::count;
use crate::app::layout::confirm_list_rows;
use crate::app::model::{Model, PaneId};
use crate::app::msg::{Fetch, Write};
use crate::app::update::focus_pane;
use crate::app::writes::send_write;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunRetention {
    /// The policy's name as drawn.
    pub name: String,
    /// The namespace as drawn.
    pub namespace: String,
    /// `repository:tag` of each tag the dry run found, as drawn.
    pub tags: Vec<String>,
    pub repositories: usize,
    pub write: Write,
    pub refresh: Fetch,
}

impl RunRetention {
    pub fn question(&self) -> String {
        format!(
            "Run retention policy {}? It deletes {} now.",
            self.name,
            count(self.tags.len(), "tag", "tags")
        )
    }

    /// The line above the list.
    pub fn scope(&self) -> String {
        format!(
            "In {} of {} — as the dry run found them:",
            count(self.repositories, "repository", "repositories"),
            self.namespace
        )
    }
}

impl Subject for RunRetention {
    fn confirmed(&mut self, model: &mut Model) -> Outcome {
        let done = format!(
            "Retention policy {} ran (the dry run had found {})",
            self.name,
            count(self.tags.len(), "tag", "tags")
        );
        // The dry run is out of date once the policy ran: back to the policies.
        model.panes.dry_run.clear();
        model.panes.policy_run.dry_run = None;
        focus_pane(model, PaneId::RetentionPolicies);
        let cmd = send_write(model, self.write.clone(), done, self.refresh.clone());
        Outcome::Done(vec![cmd])
    }

    fn cancelled(&self, model: &mut Model) {
        model.inform("Nothing deleted");
    }

    fn list(&self, screen: Rect) -> (usize, usize) {
        (
            confirm_list_rows(screen, self.tags.len(), 0),
            self.tags.len(),
        )
    }
}
