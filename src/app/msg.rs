//! Everything that happens (`Msg`) and every effect asked of the runtime (`Cmd`).

mod error_info;

use chrono::{DateTime, Utc};
use crossterm::event::{KeyEvent, MouseEvent};

use super::rows::{RepoRow, TagRow};
pub use super::table::Rows;
use crate::swr::client::RetentionRun;
use crate::swr::client::retention::RetentionRule;
use crate::swr::enterprise::retention::RetentionPolicy;
use crate::swr::enterprise::{Instance, InstanceNamespace, InstanceRepository, LongTermCredential};
use crate::swr::model::{
    AccessDomain, AccessInfo, CreateRepo, IamUser, LoginSecret, Namespace, Quota, RepoV2, Tag,
    UpdateRepo, UserAuth,
};
use crate::swr::sync::{SyncJob, SyncRule};
pub use error_info::ErrorInfo;

/// Identifies one request; a result whose id no pane waits for any more is dropped.
pub type RequestId = u64;

/// Identifies one batch of deletes.
pub type JobId = u64;

/// A change to make on the service (one request).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    CreateOrg {
        name: String,
    },
    DeleteOrg {
        name: String,
    },
    CreateRepo {
        org: String,
        body: CreateRepo,
    },
    UpdateRepo {
        org: String,
        repo: String,
        body: UpdateRepo,
    },
    DeleteRepo {
        org: String,
        repo: String,
    },
    AddPermission {
        target: PermTarget,
        user: UserAuth,
    },
    ChangePermission {
        target: PermTarget,
        user: UserAuth,
    },
    RemovePermission {
        target: PermTarget,
        user_id: String,
    },
    Retag {
        org: String,
        repo: String,
        source: String,
        destination: String,
        overwrite: bool,
    },
    /// Ends the sharing of a repository with each of these accounts.
    RevokeShares {
        org: String,
        repo: String,
        accounts: Vec<String>,
    },
    /// A change inside an enterprise instance.
    Instance {
        instance: String,
        change: InstanceWrite,
    },
    /// Shares a repository with an account, or changes until when (one request).
    Share {
        org: String,
        repo: String,
        change: ShareWrite,
    },
    /// Syncs tags of a repository to another region, or adds or deletes an automatic rule.
    Sync {
        org: String,
        repo: String,
        change: SyncWrite,
    },
    /// Creates, changes or deletes a repository's retention rule (SWR applies it at once).
    Retention {
        org: String,
        repo: String,
        change: RetentionWrite,
    },
}

/// A cross-region sync change of one repository (one request each).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncWrite {
    /// Syncs these tags now (at most `MAX_SYNC_TAGS`, checked before it is built).
    Tags {
        tags: Vec<String>,
        region: String,
        namespace: String,
        override_existing: bool,
    },
    /// Syncs every new tag from now on.
    AddRule {
        region: String,
        namespace: String,
        override_existing: bool,
    },
    /// The API names a rule by its target.
    DeleteRule { region: String, namespace: String },
}

/// A change to a repository's one retention rule, as its form and confirmation send it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RetentionWrite {
    Create(RetentionRule),
    Update { id: i64, rule: RetentionRule },
    Delete { id: i64 },
}

/// A share of a repository with another account, as the add and extend forms send it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareWrite {
    /// `deadline` is the wire form: `forever` or an RFC 3339 time.
    Add {
        account: String,
        deadline: String,
        description: String,
    },
    Extend {
        account: String,
        deadline: String,
        description: String,
    },
}

/// A change to an enterprise instance's namespaces and repositories (one request).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstanceWrite {
    CreateNamespace {
        name: String,
        public: bool,
    },
    DeleteNamespace {
        name: String,
    },
    DescribeRepo {
        namespace: String,
        repo: String,
        description: String,
    },
    DeleteRepo {
        namespace: String,
        repo: String,
    },
    EnableCredential {
        id: String,
        enable: bool,
    },
    DeleteCredential {
        id: String,
    },
    DeleteRetentionPolicy {
        namespace: String,
        id: i64,
    },
    /// Runs a retention policy for real (`dry_run: false`): it deletes tags.
    RunRetention {
        namespace: String,
        id: i64,
    },
}

/// What a delete job removes: shared-edition tags, an instance's tags (each only the tag; its
/// artifact stays), or an instance's artifacts (each with every tag it carries).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeletePlace {
    Shared,
    InstanceTags { instance: String },
    InstanceArtifacts { instance: String },
}

impl DeletePlace {
    /// What one item is called, and several.
    pub fn noun(&self) -> (&'static str, &'static str) {
        match self {
            Self::InstanceArtifacts { .. } => ("artifact", "artifacts"),
            _ => ("tag", "tags"),
        }
    }
}

/// Which docker login credential `L` (or a created long-term credential) asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginKind {
    /// The shared edition's temporary login command.
    Shared,
    /// An instance's temporary credential (valid 24 hours).
    Temporary { instance: String },
    /// A new long-term credential of an instance, named so (the only time its secret is given).
    LongTerm { instance: String, name: String },
}

impl Write {
    /// A write whose failure may leave part of it done: several items done one by one, or a
    /// retention rule (SWR deletes tags while it stores the rule), so the list reloads then too.
    pub fn is_batch(&self) -> bool {
        matches!(self, Self::RevokeShares { .. } | Self::Retention { .. })
    }
}

/// Whose permissions a permissions pane shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PermTarget {
    Org(String),
    Repo { org: String, repo: String },
}

impl PermTarget {
    pub fn label(&self) -> String {
        match self {
            Self::Org(org) => org.clone(),
            Self::Repo { org, repo } => format!("{org}/{repo}"),
        }
    }
}

/// A list to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetch {
    Orgs,
    Repos {
        org: String,
    },
    Tags {
        org: String,
        repo: String,
    },
    Perms(PermTarget),
    /// Who a repository is shared with.
    Shares {
        org: String,
        repo: String,
    },
    /// The repositories other accounts share with this one.
    SharedWithMe,
    /// Organization quota use.
    Quotas,
    /// The account's IAM users, to pick a grantee from.
    Users,
    /// The project's enterprise-edition instances.
    Instances,
    /// An instance's namespaces.
    Namespaces {
        instance: String,
    },
    /// The repositories of an instance's namespace.
    InstanceRepos {
        instance: String,
        namespace: String,
    },
    /// An instance's long-term credentials.
    Credentials {
        instance: String,
    },
    /// One enterprise artifact with its scan overview and build history (the tag detail).
    Artifact {
        instance: String,
        namespace: String,
        repo: String,
        digest: String,
    },
    /// The layers of one platform's image manifest of a multi-arch tag (the registry API).
    PlatformLayers {
        org: String,
        repo: String,
        digest: String,
    },
    /// Every tag of an enterprise repository (into the tag pane).
    InstanceTags {
        instance: String,
        namespace: String,
        repo: String,
    },
    /// A repository's cross-region sync jobs, newest first.
    SyncJobs {
        org: String,
        repo: String,
    },
    /// A repository's automatic sync rules.
    SyncRules {
        org: String,
        repo: String,
    },
    /// The regions this one can sync to (for the sync dialogs).
    SyncRegions,
    /// The retention policies of an instance's namespace (listed by the namespace's id).
    RetentionPolicies {
        instance: String,
        namespace_id: i64,
    },
    /// A dry-run execution of a retention policy and what it would delete (deletes nothing).
    RetentionDryRun {
        instance: String,
        namespace: String,
        policy: i64,
    },
    /// A repository's retention rule and the history of what it deleted.
    Retention {
        org: String,
        repo: String,
    },
}

impl Fetch {
    /// The pane whose list this loads; `None` for what no pane shows.
    pub fn pane(&self) -> Option<super::panes::PaneId> {
        use super::panes::PaneId;
        match self {
            Self::Orgs => Some(PaneId::Orgs),
            Self::Repos { .. } => Some(PaneId::Repos),
            Self::Tags { .. } => Some(PaneId::Tags),
            Self::Perms(_) => Some(PaneId::Perms),
            Self::Shares { .. } => Some(PaneId::Shares),
            Self::SharedWithMe => Some(PaneId::SharedWithMe),
            Self::Instances => Some(PaneId::Instances),
            Self::Namespaces { .. } => Some(PaneId::Namespaces),
            Self::InstanceRepos { .. } => Some(PaneId::InstanceRepos),
            Self::InstanceTags { .. } => Some(PaneId::Tags),
            Self::Credentials { .. } => Some(PaneId::Credentials),
            Self::SyncJobs { .. } => Some(PaneId::SyncJobs),
            Self::SyncRules { .. } => Some(PaneId::SyncRules),
            Self::SyncRegions => None,
            Self::Quotas | Self::Users | Self::Artifact { .. } | Self::PlatformLayers { .. } => {
                None
            }
            Self::RetentionPolicies { .. } => Some(PaneId::RetentionPolicies),
            Self::RetentionDryRun { .. } => Some(PaneId::DryRun),
            Self::Retention { .. } => Some(PaneId::Retention),
        }
    }
}

/// A loaded list, or for the lists that come in pages, one page of it.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetched {
    Orgs(Vec<Namespace>),
    Repos(Rows<RepoRow>),
    Tags(Rows<TagRow>),
    Perms(AccessInfo),
    Shares(Vec<AccessDomain>),
    SharedWithMe(Vec<RepoV2>),
    Quotas(Vec<Quota>),
    Users(Vec<IamUser>),
    Instances(Vec<Instance>),
    Namespaces(Vec<InstanceNamespace>),
    InstanceRepos(Vec<InstanceRepository>),
    Credentials(Vec<LongTermCredential>),
    Artifact(Box<super::artifact::ArtifactDetail>),
    /// One platform's layers.
    Layers(crate::swr::client::registry::ManifestLayers),
    SyncJobs(Vec<SyncJob>),
    SyncRules(Vec<SyncRule>),
    /// Region ids as the service sent them (checked where the dialog is built).
    SyncRegions(Vec<String>),
    RetentionPolicies(Vec<RetentionPolicy>),
    RetentionDryRun(Box<RetentionRun>),
    Retention(Box<super::resources::RetentionLoaded>),
}

impl Fetched {
    /// A whole repository list in one answer.
    pub fn repos(list: Vec<RepoV2>) -> Self {
        Self::Repos(Rows::all(list.into_iter().map(RepoRow::from).collect()))
    }

    /// A whole tag list in one answer.
    pub fn tags(list: Vec<Tag>) -> Self {
        Self::Tags(Rows::all(list.into_iter().map(TagRow::from).collect()))
    }
}

/// How a confirmed tag left the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removed {
    /// This job deleted it.
    Deleted,
    /// It was gone before this job asked (deleted elsewhere, or by an attempt whose answer
    /// was lost).
    AlreadyGone,
}

/// How a copy reached the clipboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyMethod {
    /// The system clipboard (arboard).
    System,
    /// The terminal's clipboard escape sequence (works over SSH and in tmux).
    Osc52,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize {
        width: u16,
        height: u16,
    },
    Tick {
        now: DateTime<Utc>,
    },
    Fetched {
        request: RequestId,
        result: Result<Fetched, ErrorInfo>,
    },
    Copied {
        /// What the status line may show of the copied text.
        text: String,
        result: Result<CopyMethod, String>,
    },
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// One tag of a delete job is done (gone from the registry, or failed with the error).
    TagDeleted {
        job: JobId,
        tag: String,
        result: Result<Removed, ErrorInfo>,
    },
    /// Every delete of a job that was going to start has ended.
    JobFinished {
        job: JobId,
        /// Measured by the worker, for the rate in the summary.
        elapsed_ms: u64,
    },
    Written {
        request: RequestId,
        result: Result<(), ErrorInfo>,
    },
    /// The session now talks to another profile or region (or could not).
    Switched(Result<super::model::Context, String>),
    /// A temporary docker login command arrived (it holds a credential: never drawn or logged).
    LoginFetched {
        request: RequestId,
        result: Result<LoginSecret, ErrorInfo>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cmd {
    Fetch {
        request: RequestId,
        fetch: Fetch,
    },
    Copy {
        text: String,
    },
    /// Copy a text that holds a credential; the status line shows `label`, never the text.
    CopySecret {
        text: String,
        label: String,
    },
    /// Reconnect as `profile` in `region` (the runtime reads the configuration again).
    Switch {
        profile: String,
        region: String,
        /// The enterprise instance to browse there; `None` for the shared edition.
        instance: Option<super::registry::InstanceRef>,
    },
    /// Ask for a temporary docker login command.
    FetchLogin {
        request: RequestId,
        kind: LoginKind,
    },
    /// Delete these tags (or artifacts, by digest) and only these, at most `concurrency` at a
    /// time.
    DeleteTags {
        job: JobId,
        place: DeletePlace,
        org: String,
        repo: String,
        tags: Vec<String>,
        concurrency: usize,
    },
    /// Stop loading a list nobody waits for any more (its view was left).
    CancelFetch {
        request: RequestId,
    },
    /// Start no further deletes of the job; those in flight finish.
    StopJob {
        job: JobId,
    },
    /// Start no deletes of the job until it is resumed; those in flight finish.
    PauseJob {
        job: JobId,
    },
    ResumeJob {
        job: JobId,
    },
    Write {
        request: RequestId,
        write: Write,
    },
    Quit,
}
