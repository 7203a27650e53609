//! Deleting an organization or a repository: a typed confirmation (its name must be typed
//! exactly), since nothing brings it back.

use super::confirm::Subject;
use super::{Confirm, Guard, Outcome, Overlay};
use crate::app::model::Model;
use crate::app::msg::{Cmd, Fetch, Write};
use crate::app::writes::send_write;

/// What a typed confirmation deletes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Doomed {
    Org(String),
    Repo {
        org: String,
        repo: String,
        tags: i64,
    },
}

impl Doomed {
    /// The name the user must type.
    pub fn name(&self) -> &str {
        match self {
            Self::Org(name) => name,
            Self::Repo { repo, .. } => repo,
        }
    }
}

impl Subject for Doomed {
    fn confirmed(&mut self, model: &mut Model) -> Outcome {
        let (write, done, refresh) = match self {
            Doomed::Org(name) => (
                Write::DeleteOrg { name: name.clone() },
                format!("Deleted organization {name}"),
                Fetch::Orgs,
            ),
            Doomed::Repo { org, repo, .. } => (
                Write::DeleteRepo {
                    org: org.clone(),
                    repo: repo.clone(),
                },
                format!("Deleted repository {org}/{repo}"),
                Fetch::Repos { org: org.clone() },
            ),
        };
        Outcome::Done(vec![send_write(model, write, done, refresh)])
    }

    fn cancelled(&self, model: &mut Model) {
        model.inform("Nothing deleted");
    }
}

/// Opens the typed confirmation for `doomed`, if there is one.
pub fn ask(model: &mut Model, doomed: Option<Doomed>) -> Vec<Cmd> {
    if let Some(doomed) = doomed {
        let guard = Guard::typed(doomed.name());
        model.overlay = Some(Overlay::Typed(Confirm::new(doomed, guard)));
    }
    Vec::new()
}
