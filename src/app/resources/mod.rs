//! The resource kinds, one file each: rows, columns, loading and what the keys mean on them.
//! Each is registered in [`super::panes`].

mod credentials;
mod instance_repos;
mod instances;
mod namespaces;
mod orgs;
mod perms;
mod repos;
mod retention;
mod shares;
mod tags;

pub use credentials::{CredentialRow, Credentials};
pub use instance_repos::{InstanceRepoRow, InstanceRepos};
pub use instances::{InstanceRow, Instances};
pub use namespaces::{NamespaceRow, Namespaces};
pub use orgs::Orgs;
pub use perms::{LEVELS, Perms, level_index, of_current as permissions};
pub use repos::Repos;
pub use retention::{
    CurrentRule, Highlight, Retention, RetentionLoaded, RetentionRow, RetentionState, RuleState,
    describe as describe_rule,
};
pub use shares::{Deadline, ShareRow, Shares};
pub use tags::{Tags, copy_menu, copy_pull};
