//! "Revoke 2 shares?": the confirmation that deletes rows of a kind whose delete is one write
//! (shares now; credentials, rules and the like as they come). The kind says the verb, the
//! names, the write and what reloads; the dialog names exactly what goes and sends it.

use ratatui::layout::Rect;

use super::Outcome;
use super::confirm::Subject;
use crate::app::layout::confirm_list_rows;
use crate::app::model::Model;
use crate::app::msg::{Fetch, Write};
use crate::app::writes::send_write;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteRows {
    /// What confirming does, capitalized: `Revoke`.
    pub verb: &'static str,
    /// One row, lower case: `share`.
    pub one: String,
    /// Whose rows, for the body: `demo/team/web`.
    pub of: String,
    /// The rows' names as drawn, in the list's order.
    pub names: Vec<String>,
    pub write: Write,
    /// Said when the write succeeded: `Revoked 2 shares of demo/team/web`.
    pub done: String,
    pub refresh: Fetch,
}

impl DeleteRows {
    /// "Revoke share NAME?" or "Revoke N shares?".
    pub fn question(&self) -> String {
        match self.names.as_slice() {
            [name] => format!("{} {} {name}?", self.verb, self.one),
            many => format!("{} {} {}s?", self.verb, many.len(), self.one),
        }
    }
}

impl Subject for DeleteRows {
    fn confirmed(&mut self, model: &mut Model) -> Outcome {
        let done = std::mem::take(&mut self.done);
        let cmd = send_write(model, self.write.clone(), done, self.refresh.clone());
        Outcome::Done(vec![cmd])
    }

    fn cancelled(&self, model: &mut Model) {
        model.inform("Nothing deleted");
    }

    fn list(&self, screen: Rect) -> (usize, usize) {
        (
            confirm_list_rows(screen, self.names.len(), 0),
            self.names.len(),
        )
    }
}
