//! The resource kinds, one file each: rows, columns, loading and what the keys mean on them.
//! Each is registered in [`super::panes`].

mod credentials;
mod dry_run;
mod instance_repos;
mod instances;
mod namespaces;
mod orgs;
mod perms;
mod repos;
mod retention;
mod retention_policies;
mod shared_with_me;
mod shares;
mod sync_jobs;
mod sync_rules;
mod tags;

pub use credentials::{CredentialRow, Credentials};
pub use dry_run::{DryRun, DryRunRow, on_loaded as dry_run_loaded, run as run_retention};
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
pub use retention_policies::{
    DryRunOf, PolicyState, RetentionPolicies, RetentionPolicyRow,
    open_for_namespace as open_instance_retention,
};
pub use shared_with_me::{KEPT_TAGS, SharedRepoRow, SharedWithMe};
pub use shares::{Deadline, ShareRow, Shares};
pub use sync_jobs::{SyncJobRow, SyncJobs};
pub use sync_rules::{SyncRuleRow, SyncRules};
pub use tags::{Tags, copy_menu, copy_pull};
