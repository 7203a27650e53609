//! The registry of resource kinds (k9s's registrar, in spirit): every pane is one kind, named
//! once here. `PaneId::kind` is the one exhaustive `match` on panes: a new kind that is not
//! registered does not compile.

use super::msg::PermTarget;
use super::registry::Edition;
use super::resource::{Kind, Registered};
use super::resources::{
    CredentialRow, Credentials, DryRun, DryRunRow, InstanceRepoRow, InstanceRepos, InstanceRow,
    Instances, NamespaceRow, Namespaces, Orgs, Perms, PolicyState, Repos, Retention,
    RetentionPolicies, RetentionPolicyRow, RetentionRow, RetentionState, ShareRow, SharedRepoRow,
    SharedWithMe, Shares, SyncJobRow, SyncJobs, SyncRuleRow, SyncRules, Tags,
};
use super::rows::{OrgRow, PermRow, RepoRow, TagRow};
use super::table::Table;

/// The panes, in registry order (the Tab cycle takes the ones marked for it, in this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaneId {
    Orgs,
    Repos,
    Tags,
    Perms,
    Shares,
    SharedWithMe,
    Instances,
    Namespaces,
    InstanceRepos,
    Credentials,
    SyncJobs,
    SyncRules,
    RetentionPolicies,
    DryRun,
    Retention,
}

impl PaneId {
    /// Each edition's hierarchy in order, so the Tab cycle of either reads top-down.
    pub const ALL: [PaneId; 15] = [
        Self::Orgs,
        Self::Repos,
        Self::Namespaces,
        Self::InstanceRepos,
        Self::Tags,
        Self::Perms,
        Self::Shares,
        Self::SharedWithMe,
        Self::Instances,
        Self::Credentials,
        Self::SyncJobs,
        Self::SyncRules,
        Self::RetentionPolicies,
        Self::DryRun,
        Self::Retention,
    ];

    pub fn kind(self) -> &'static dyn Kind {
        match self {
            Self::Orgs => &Registered::<Orgs>::KIND,
            Self::Repos => &Registered::<Repos>::KIND,
            Self::Tags => &Registered::<Tags>::KIND,
            Self::Perms => &Registered::<Perms>::KIND,
            Self::Shares => &Registered::<Shares>::KIND,
            Self::SharedWithMe => &Registered::<SharedWithMe>::KIND,
            Self::Instances => &Registered::<Instances>::KIND,
            Self::Namespaces => &Registered::<Namespaces>::KIND,
            Self::InstanceRepos => &Registered::<InstanceRepos>::KIND,
            Self::Credentials => &Registered::<Credentials>::KIND,
            Self::SyncJobs => &Registered::<SyncJobs>::KIND,
            Self::SyncRules => &Registered::<SyncRules>::KIND,
            Self::RetentionPolicies => &Registered::<RetentionPolicies>::KIND,
            Self::DryRun => &Registered::<DryRun>::KIND,
            Self::Retention => &Registered::<Retention>::KIND,
        }
    }

    pub fn title(self) -> &'static str {
        self.kind().title()
    }

    /// The panes a session of `edition` shows, in registry order.
    pub fn serving(edition: Edition) -> impl Iterator<Item = PaneId> {
        Self::ALL
            .into_iter()
            .filter(move |p| p.kind().serves(edition))
    }

    /// The pane `:name` jumps to in a session of `edition`.
    pub fn by_command(name: &str, edition: Edition) -> Option<PaneId> {
        Self::serving(edition).find(|p| p.kind().command() == name)
    }

    /// The panes Tab and Shift-Tab cycle through.
    pub fn cycle(edition: Edition) -> impl Iterator<Item = PaneId> {
        Self::serving(edition).filter(|p| p.kind().cycles())
    }

    /// The bottom of the hierarchy: organizations, or an instance's namespaces.
    pub fn root(edition: Edition) -> PaneId {
        match edition {
            Edition::Shared => Self::Orgs,
            Edition::Enterprise => Self::Namespaces,
        }
    }
}

/// Every pane's list, and what each list belongs to.
#[derive(Debug, Clone)]
pub struct Panes {
    pub orgs: Table<OrgRow>,
    pub repos: Table<RepoRow>,
    pub tags: Table<TagRow>,
    pub perms: Table<PermRow>,
    pub shares: Table<ShareRow>,
    pub shared_with_me: Table<SharedRepoRow>,
    pub instances: Table<InstanceRow>,
    pub namespaces: Table<NamespaceRow>,
    pub instance_repos: Table<InstanceRepoRow>,
    pub credentials: Table<CredentialRow>,
    pub sync_jobs: Table<SyncJobRow>,
    pub sync_rules: Table<SyncRuleRow>,
    pub retention_policies: Table<RetentionPolicyRow>,
    pub dry_run: Table<DryRunRow>,
    /// Whose retention policies are listed, and which one's dry run is shown.
    pub policy_run: PolicyState,
    /// What a repository's retention rule deleted.
    pub retention: Table<RetentionRow>,
    /// The organization (in an instance: the namespace) whose repositories are listed.
    pub org: Option<String>,
    /// The repository whose tags are listed.
    pub repo: Option<String>,
    /// Whose permissions are listed.
    pub perm_target: Option<PermTarget>,
    /// The repository whose shares are listed: (organization, repository).
    pub share_target: Option<(String, String)>,
    /// Whose retention is shown, its rule, and the tags the rule form would delete.
    pub retention_of: RetentionState,
    /// The enterprise artifact of the tag whose details were opened.
    pub artifact: super::artifact::ArtifactState,
    /// The layers of the platforms of the multi-arch tag whose details are shown.
    pub layers: super::platform_layers::PlatformLayers,
    /// Marked tags whose image another, unmarked tag also names.
    pub shared_marked: super::delete::SharedMarks,
    /// Whose sync jobs and rules are listed, the region list asked for, the polling clock.
    pub sync: super::sync::SyncState,
}

impl Default for Panes {
    fn default() -> Self {
        use super::resource::Resource;
        Self {
            orgs: Table::new(Orgs::SORT),
            repos: Table::new(Repos::SORT),
            tags: Table::new(Tags::SORT),
            perms: Table::new(Perms::SORT),
            shares: Table::new(Shares::SORT),
            shared_with_me: Table::new(SharedWithMe::SORT),
            instances: Table::new(Instances::SORT),
            namespaces: Table::new(Namespaces::SORT),
            instance_repos: Table::new(InstanceRepos::SORT),
            credentials: Table::new(Credentials::SORT),
            sync_jobs: Table::new(SyncJobs::SORT),
            sync_rules: Table::new(SyncRules::SORT),
            retention_policies: Table::new(RetentionPolicies::SORT),
            dry_run: Table::new(DryRun::SORT),
            policy_run: PolicyState::default(),
            retention: Table::new(Retention::SORT),
            org: None,
            repo: None,
            perm_target: None,
            share_target: None,
            retention_of: RetentionState::default(),
            artifact: Default::default(),
            layers: Default::default(),
            shared_marked: Default::default(),
            sync: Default::default(),
        }
    }
}
