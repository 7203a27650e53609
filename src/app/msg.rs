//! Everything that happens (`Msg`) and every effect asked of the runtime (`Cmd`).

use chrono::{DateTime, Utc};
use crossterm::event::{KeyEvent, MouseEvent};

use super::rows::{RepoRow, TagRow};
pub use super::table::Rows;
use crate::swr::ApiError;
use crate::swr::model::{
    AccessDomain, AccessInfo, CreateRepo, IamUser, LoginSecret, Namespace, Quota, RepoV2, Tag,
    UpdateRepo, UserAuth,
};

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
    /// Organization quota use.
    Quotas,
    /// The account's IAM users, to pick a grantee from.
    Users,
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
            Self::Quotas | Self::Users => None,
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
    Quotas(Vec<Quota>),
    Users(Vec<IamUser>),
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

/// An API failure as the UI shows it: SWR's code and message, and the HTTP status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorInfo(pub String);

impl From<&ApiError> for ErrorInfo {
    fn from(e: &ApiError) -> Self {
        Self(match e {
            ApiError::Status {
                status,
                code,
                message,
                ..
            } => format!("{code}: {message} (HTTP {status})"),
            other => other.to_string(),
        })
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

impl ErrorInfo {
    /// The HTTP status of a refusal, read back from the `(HTTP 409)` that ends it: a dialog
    /// can then tell "that exists" (409) from a failure it cannot help with.
    pub fn http_status(&self) -> Option<u16> {
        let rest = self.0.strip_suffix(')')?;
        let at = rest.rfind("(HTTP ")?;
        rest[at + "(HTTP ".len()..].parse().ok()
    }
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
    },
    /// Ask for a temporary docker login command.
    FetchLogin {
        request: RequestId,
    },
    /// Delete these tags (and only these), at most `concurrency` at a time.
    DeleteTags {
        job: JobId,
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
