//! Deleting an organization or a repository: a typed confirmation (its name must be typed
//! exactly), since nothing brings it back.

use super::Outcome;
use super::confirm::Subject;
use crate::app::manage::send_write;
use crate::app::model::Model;
use crate::app::msg::{Fetch, Write};

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
