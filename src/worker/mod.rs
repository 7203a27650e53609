//! The worker: performs the `Cmd`s that need the network or the clipboard on tokio tasks, with
//! bounded concurrency, and sends each result back as a `Msg` carrying its request id.

pub mod clipboard;
pub mod delete;
mod enterprise;
mod retention;
mod shares;
mod sync;

use std::collections::HashMap;
use std::sync::Arc;

use tokio::sync::{Semaphore, mpsc, watch};
use tokio::task::{AbortHandle, JoinSet};

use crate::app::artifact::ArtifactDetail;
use crate::app::rows::{RepoRow, TagRow};
use crate::app::{
    CopyMethod, DeletePlace, ErrorInfo, Fetch, Fetched, JobId, LoginKind, Msg, PermTarget, Removed,
    RequestId, Rows, Write,
};
use crate::swr::client::enterprise::{InstanceNamespaceFilter, RepositoryScope};
use crate::swr::client::{PageAt, RetentionPolicyFilter};
use crate::swr::model::CreateTag;
use crate::swr::{ApiError, SwrClient};
use clipboard::SystemClipboard;
use delete::Steer;

/// Requests in flight at once.
pub const DEFAULT_CONCURRENCY: usize = 8;

pub struct Worker {
    client: SwrClient,
    results: mpsc::UnboundedSender<Msg>,
    limit: Arc<Semaphore>,
    clipboard: Arc<SystemClipboard>,
    tasks: JoinSet<()>,
    /// How each running delete job is steered; a job whose run ended is dropped at the next.
    jobs: HashMap<JobId, watch::Sender<Steer>>,
    /// List loads in flight, one per kind of list: a new load of a kind replaces the old one,
    /// whose pages nobody would read.
    lists: HashMap<std::mem::Discriminant<Fetch>, (RequestId, AbortHandle)>,
}

impl Worker {
    pub fn new(client: SwrClient, results: mpsc::UnboundedSender<Msg>, concurrency: usize) -> Self {
        Self {
            client,
            results,
            limit: Arc::new(Semaphore::new(concurrency.max(1))),
            clipboard: Arc::new(SystemClipboard::start()),
            tasks: JoinSet::new(),
            jobs: HashMap::new(),
            lists: HashMap::new(),
        }
    }

    /// Talks to another account or region from now on; requests already running finish with
    /// the old client, and their answers are dropped by id.
    pub fn set_client(&mut self, client: SwrClient) {
        self.client = client;
        for (_, (_, load)) in self.lists.drain() {
            load.abort();
        }
    }

    /// Stops loading the list `request` asked for, if it still loads.
    pub fn cancel_fetch(&mut self, request: RequestId) {
        self.lists.retain(|_, (id, load)| {
            if *id == request {
                load.abort();
            }
            *id != request
        });
    }

    /// Deletes exactly `tags`, reporting each result, then that the job has ended.
    pub fn delete_tags(
        &mut self,
        job: JobId,
        place: DeletePlace,
        org: String,
        repo: String,
        tags: Vec<String>,
        concurrency: usize,
    ) {
        // Ended jobs have dropped their receiver.
        self.jobs.retain(|_, steer| !steer.is_closed());
        let (steer, steered) = watch::channel(Steer::Go);
        self.jobs.insert(job, steer);
        let client = self.client.clone();
        let results = self.results.clone();
        self.tasks.spawn(async move {
            let started = std::time::Instant::now();
            let report = |tag, result: Result<Removed, crate::swr::ApiError>| {
                let result = as_shown(result);
                let _ = results.send(Msg::TagDeleted { job, tag, result });
            };
            let delete = |tag: String| {
                let (client, place) = (client.clone(), place.clone());
                let (org, repo) = (org.clone(), repo.clone());
                async move {
                    let item = delete::Item {
                        place: &place,
                        org: &org,
                        repo: &repo,
                        name: &tag,
                    };
                    delete::delete_confirmed(&client, item).await
                }
            };
            delete::run(tags, concurrency, steered, delete, report).await;
            let elapsed_ms = started.elapsed().as_millis().min(u128::from(u64::MAX)) as u64;
            let _ = results.send(Msg::JobFinished { job, elapsed_ms });
        });
    }

    /// Pauses, resumes or stops a running delete job.
    pub fn steer_job(&mut self, job: JobId, to: Steer) {
        if let Some(steer) = self.jobs.get(&job) {
            steer.send_replace(to);
        }
    }

    /// Delete jobs the worker still steers (running, or ended since the last job started).
    pub fn steered_jobs(&self) -> usize {
        self.jobs.len()
    }

    pub fn write(&mut self, request: RequestId, write: Write) {
        let client = self.client.clone();
        let results = self.results.clone();
        self.tasks.spawn(async move {
            let result = perform_write(&client, write).await;
            let _ = results.send(Msg::Written { request, result });
        });
    }

    pub fn fetch(&mut self, request: RequestId, what: Fetch) {
        let client = self.client.clone();
        let results = self.results.clone();
        let limit = self.limit.clone();
        let list = matches!(
            what,
            Fetch::Orgs
                | Fetch::Repos { .. }
                | Fetch::Tags { .. }
                | Fetch::Perms(_)
                | Fetch::Namespaces { .. }
                | Fetch::InstanceRepos { .. }
                | Fetch::InstanceTags { .. }
                | Fetch::SyncJobs { .. }
        )
        .then(|| std::mem::discriminant(&what));
        let load = self.tasks.spawn(async move {
            let Ok(_permit) = limit.acquire_owned().await else {
                return;
            };
            // Lists that come in pages are handed over page by page; the UI may be gone
            // (quitting), and then there is nothing to do.
            let page = |fetched| {
                let _ = results.send(Msg::Fetched {
                    request,
                    result: Ok(fetched),
                });
            };
            let result = as_shown(load(&client, what, page).await);
            let _ = results.send(Msg::Fetched { request, result });
        });
        if let Some(kind) = list
            && let Some((_, replaced)) = self.lists.insert(kind, (request, load))
        {
            // Aborting a finished task does nothing.
            replaced.abort();
        }
    }

    /// A temporary docker login command; the secret never enters a log or a message.
    pub fn fetch_login(&mut self, request: RequestId, kind: LoginKind) {
        let client = self.client.clone();
        let results = self.results.clone();
        self.tasks.spawn(async move {
            let result = as_shown(enterprise::login(&client, kind).await);
            let _ = results.send(Msg::LoginFetched { request, result });
        });
    }

    /// Copies through the system clipboard; the runtime has already sent OSC 52 to the terminal.
    /// The status line will show `shown`, which for a credential is a label, not the text.
    pub fn copy(&mut self, text: String, shown: String, osc52_sent: bool) {
        let clipboard = self.clipboard.clone();
        let results = self.results.clone();
        self.tasks.spawn(async move {
            let result = match clipboard.set(text).await {
                Ok(()) => Ok(CopyMethod::System),
                Err(_) if osc52_sent => Ok(CopyMethod::Osc52),
                Err(e) => Err(e),
            };
            let _ = results.send(Msg::Copied {
                text: shown,
                result,
            });
        });
    }

    /// Waits for a task to end abnormally; a panicked task is fatal to the session.
    pub async fn failure(&mut self) -> String {
        loop {
            match self.tasks.join_next().await {
                Some(Err(e)) if e.is_panic() => return format!("a background task panicked: {e}"),
                Some(_) => {}
                None => std::future::pending::<()>().await,
            }
        }
    }
}

/// The one place a client error becomes what `update()` reads: status, SWR code and message.
fn as_shown<T>(result: Result<T, ApiError>) -> Result<T, ErrorInfo> {
    result.map_err(|e| ErrorInfo::from(&e))
}

/// Loads a list. Paged lists go to `page` as they arrive (rows built on this thread); the
/// answer is then their end.
async fn load(
    client: &SwrClient,
    what: Fetch,
    mut page: impl FnMut(Fetched),
) -> Result<Fetched, ApiError> {
    Ok(match what {
        Fetch::Orgs => Fetched::Orgs(client.list_namespaces().await?),
        Fetch::Repos { org } => {
            let count = client
                .each_repo_page(Some(&org), |p: PageAt<RepoRow>| {
                    page(Fetched::Repos(Rows::page(p.items, total(p.total))));
                })
                .await?;
            Fetched::Repos(Rows::end(count as usize))
        }
        Fetch::Tags { org, repo } => {
            let count = client
                .each_tag_page(&org, &repo, |p: PageAt<TagRow>| {
                    page(Fetched::Tags(Rows::page(p.items, total(p.total))));
                })
                .await?;
            Fetched::Tags(Rows::end(count as usize))
        }
        Fetch::Shares { org, repo } => {
            Fetched::Shares(client.list_access_domains(&org, &repo).await?)
        }
        Fetch::SharedWithMe => Fetched::SharedWithMe(client.list_all_shared_with_me().await?),
        Fetch::Retention { org, repo } => retention::load(client, &org, &repo).await?,
        Fetch::Perms(PermTarget::Org(org)) => {
            Fetched::Perms(client.show_namespace_access(&org).await?)
        }
        Fetch::Perms(PermTarget::Repo { org, repo }) => {
            Fetched::Perms(client.show_repo_access(&org, &repo).await?)
        }
        Fetch::Quotas => Fetched::Quotas(client.list_quotas().await?),
        Fetch::Users => Fetched::Users(client.list_iam_users().await?),
        Fetch::Instances => Fetched::Instances(client.list_all_instances(None).await?),
        Fetch::Namespaces { instance } => Fetched::Namespaces(
            client
                .list_all_instance_namespaces(&instance, &InstanceNamespaceFilter::default())
                .await?,
        ),
        Fetch::InstanceRepos {
            instance,
            namespace,
        } => Fetched::InstanceRepos(
            client
                .list_all_instance_repositories(&instance, &RepositoryScope::Namespace(namespace))
                .await?,
        ),
        Fetch::Artifact {
            instance,
            namespace,
            repo,
            digest,
        } => {
            let (artifact, history) = tokio::join!(
                client.show_instance_artifact(&instance, &namespace, &repo, &digest, true),
                client.show_artifact_build_history(&instance, &namespace, &repo, &digest),
            );
            // A manifest list has no build history: the artifact says enough without one.
            let history = history.unwrap_or_default();
            Fetched::Artifact(Box::new(ArtifactDetail::new(&artifact?, &history)))
        }
        Fetch::PlatformLayers { org, repo, digest } => {
            Fetched::Layers(client.manifest_layers(&org, &repo, &digest).await?)
        }
        Fetch::Credentials { instance } => Fetched::Credentials(
            client
                .list_all_instance_long_term_credentials(&instance)
                .await?,
        ),
        Fetch::InstanceTags {
            instance,
            namespace,
            repo,
        } => {
            let tags = client
                .list_all_instance_tags(&instance, &namespace, &repo)
                .await?;
            Fetched::Tags(Rows::all(tags.into_iter().map(TagRow::from).collect()))
        }
        Fetch::SyncJobs { org, repo } => sync::jobs(client, &org, &repo).await?,
        Fetch::SyncRules { org, repo } => sync::rules(client, &org, &repo).await?,
        Fetch::SyncRegions => sync::regions(client).await?,
        Fetch::RetentionPolicies {
            instance,
            namespace_id,
        } => {
            let filter = RetentionPolicyFilter {
                namespace_id: Some(namespace_id),
                name: None,
            };
            Fetched::RetentionPolicies(
                client
                    .list_all_instance_retention_policies(&instance, &filter)
                    .await?,
            )
        }
        Fetch::RetentionDryRun {
            instance,
            namespace,
            policy,
        } => Fetched::RetentionDryRun(Box::new(
            client
                .retention_dry_run(&instance, &namespace, policy)
                .await?,
        )),
    })
}

fn total(total: Option<u64>) -> Option<usize> {
    total.map(|t| usize::try_from(t).unwrap_or(usize::MAX))
}

async fn perform_write(client: &SwrClient, write: Write) -> Result<(), ErrorInfo> {
    match write {
        Write::RevokeShares {
            org,
            repo,
            accounts,
        } => revoke_shares(client, &org, &repo, &accounts).await,
        one => as_shown(perform_one(client, one).await),
    }
}

/// Revokes each share in turn. A share already gone counts as revoked; the error names every
/// account still shared and why.
async fn revoke_shares(
    client: &SwrClient,
    org: &str,
    repo: &str,
    accounts: &[String],
) -> Result<(), ErrorInfo> {
    let mut failed = Vec::new();
    for account in accounts {
        match as_shown(client.delete_access_domain(org, repo, account).await) {
            Ok(()) => {}
            Err(e) if e.is_not_found() => {}
            Err(e) => failed.push(format!("{account}: {e}")),
        }
    }
    if failed.is_empty() {
        return Ok(());
    }
    let revoked = accounts.len() - failed.len();
    Err(ErrorInfo::other(format!(
        "revoked {revoked} of {}; still shared with {}",
        accounts.len(),
        failed.join("; ")
    )))
}

async fn perform_one(client: &SwrClient, write: Write) -> Result<(), ApiError> {
    match write {
        // `perform_write` runs batches item by item; this arm only keeps the match whole.
        Write::RevokeShares { .. } => Err(ApiError::Invalid("a batch is not one request".into())),
        Write::CreateOrg { name } => client.create_namespace(&name).await,
        Write::DeleteOrg { name } => client.delete_namespace(&name).await,
        Write::Instance { instance, change } => enterprise::write(client, &instance, change).await,
        Write::Share { org, repo, change } => shares::write(client, &org, &repo, change).await,
        Write::Sync { org, repo, change } => sync::write(client, &org, &repo, change).await,
        Write::Retention { org, repo, change } => {
            retention::write(client, &org, &repo, change).await
        }
        Write::CreateRepo { org, body } => client.create_repo(&org, &body).await,
        Write::UpdateRepo { org, repo, body } => client.update_repo(&org, &repo, &body).await,
        Write::DeleteRepo { org, repo } => client.delete_repo(&org, &repo).await,
        Write::AddPermission { target, user } => match target {
            PermTarget::Org(org) => client.create_namespace_access(&org, &[user]).await,
            PermTarget::Repo { org, repo } => client.create_repo_access(&org, &repo, &[user]).await,
        },
        Write::ChangePermission { target, user } => match target {
            PermTarget::Org(org) => client.update_namespace_access(&org, &[user]).await,
            PermTarget::Repo { org, repo } => client.update_repo_access(&org, &repo, &[user]).await,
        },
        Write::RemovePermission { target, user_id } => match target {
            PermTarget::Org(org) => client.delete_namespace_access(&org, &[user_id]).await,
            PermTarget::Repo { org, repo } => {
                client.delete_repo_access(&org, &repo, &[user_id]).await
            }
        },
        Write::Retag {
            org,
            repo,
            source,
            destination,
            overwrite,
        } => {
            let body = CreateTag {
                source_tag: source,
                destination_tag: destination,
                r#override: Some(overwrite),
            };
            client.create_tag(&org, &repo, &body).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::swr::{ClientConfig, Credentials};

    #[tokio::test]
    async fn ended_delete_jobs_are_forgotten() {
        let config = ClientConfig::with_endpoints("r", "http://127.0.0.1:9", "http://127.0.0.1:9");
        let client = SwrClient::new(config, Credentials::aksk("ak", "sk")).unwrap();
        let (tx, mut rx) = mpsc::unbounded_channel();
        let mut worker = Worker::new(client, tx, 2);
        for job in 0..50 {
            // No tags: each job ends at once.
            worker.delete_tags(
                job,
                DeletePlace::Shared,
                "o".into(),
                "r".into(),
                Vec::new(),
                2,
            );
            loop {
                if let Some(Msg::JobFinished { job: ended, .. }) = rx.recv().await {
                    assert_eq!(ended, job);
                    break;
                }
            }
            // The task has reported; give it a moment to drop its end of the channel.
            tokio::task::yield_now().await;
            while worker.tasks.try_join_next().is_some() {}
        }
        assert!(
            worker.steered_jobs() <= 2,
            "{} jobs kept after 50 ended",
            worker.steered_jobs()
        );
    }
}
