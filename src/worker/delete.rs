//! Runs a confirmed batch of deletes: exactly the confirmed tags, each at most once, at most
//! `concurrency` at a time. A pause lets requests in flight finish and starts none until the
//! job goes on; after a stop, requests in flight finish and no new one starts.
//!
//! Each tag's result is what the registry holds afterwards, not what one answer said: a tag
//! already gone counts as removed, and when the last answer was a server error or no answer at
//! all (the service may have acted), the tag is looked up before it is called failed.

use futures_util::{StreamExt, future, stream};
use tokio::sync::watch;

use crate::app::{DeletePlace, Removed};
use crate::swr::{ApiError, SwrClient};

/// What the user wants of a running job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Steer {
    Go,
    Pause,
    Stop,
}

/// Deletes `tags` with `delete`, calling `report` as each ends. Returns when all that started
/// have ended.
pub async fn run<F, Fut>(
    tags: Vec<String>,
    concurrency: usize,
    steer: watch::Receiver<Steer>,
    delete: F,
    mut report: impl FnMut(String, Result<Removed, ApiError>),
) where
    F: Fn(String) -> Fut,
    Fut: Future<Output = Result<Removed, ApiError>>,
{
    let delete = &delete;
    let steer = &steer;
    let stopped = || *steer.borrow() == Steer::Stop;
    stream::iter(tags)
        // Checked each time a slot frees up: no more tags are taken after a stop.
        .take_while(|_| future::ready(!stopped()))
        .map(|tag| async move {
            // A tag taken just before a pause or stop has not started yet: the request is
            // made here, which may come after the user's word. Wait while paused.
            let mut steer = steer.clone();
            let go = steer.wait_for(|s| *s != Steer::Pause).await.map(|s| *s);
            if !matches!(go, Ok(Steer::Go)) {
                return None;
            }
            let result = delete(tag.clone()).await;
            Some((tag, result))
        })
        .buffer_unordered(concurrency.max(1))
        .for_each(|ended| {
            if let Some((tag, result)) = ended {
                report(tag, result);
            }
            future::ready(())
        })
        .await;
}

/// One confirmed item of a job: a tag, or an artifact by digest, in `org`/`repo` (in an
/// instance: namespace and repository).
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    pub place: &'a DeletePlace,
    pub org: &'a str,
    pub repo: &'a str,
    pub name: &'a str,
}

impl<'a> Item<'a> {
    /// A shared-edition tag.
    pub fn shared_tag(org: &'a str, repo: &'a str, name: &'a str) -> Self {
        Self {
            place: &DeletePlace::Shared,
            org,
            repo,
            name,
        }
    }

    async fn delete(&self, client: &SwrClient) -> Result<(), ApiError> {
        let (org, repo, name) = (self.org, self.repo, self.name);
        match self.place {
            DeletePlace::Shared => client.delete_tag(org, repo, name).await,
            DeletePlace::InstanceTags { instance } => {
                client.delete_instance_tag(instance, org, repo, name).await
            }
            DeletePlace::InstanceArtifacts { instance } => {
                client
                    .delete_instance_artifact(instance, org, repo, name)
                    .await
            }
        }
    }

    /// Whether the registry still holds it (a 404 answer is "no").
    async fn exists(&self, client: &SwrClient) -> Result<bool, ApiError> {
        let (org, repo, name) = (self.org, self.repo, self.name);
        let found = match self.place {
            DeletePlace::Shared => client.show_tag(org, repo, name).await.map(|_| true),
            DeletePlace::InstanceTags { instance } => client
                .find_instance_tag(instance, org, repo, name)
                .await
                .map(|t| t.is_some()),
            DeletePlace::InstanceArtifacts { instance } => client
                .show_instance_artifact(instance, org, repo, name, false)
                .await
                .map(|_| true),
        };
        match found {
            Err(e) if e.status() == Some(404) => Ok(false),
            other => other,
        }
    }
}

/// Deletes one confirmed item and says whether it is gone from the registry.
pub async fn delete_confirmed(client: &SwrClient, item: Item<'_>) -> Result<Removed, ApiError> {
    match item.delete(client).await {
        Ok(()) => Ok(Removed::Deleted),
        // Deleted by someone else, or by an earlier job whose answer was lost.
        Err(e) if e.status() == Some(404) => Ok(Removed::AlreadyGone),
        Err(e) if may_have_acted(&e) => match still_there(client, item).await {
            Some(false) => Ok(Removed::Deleted),
            // Still there, or nobody can tell: the tag may be present, so it failed.
            _ => Err(e),
        },
        Err(e) => Err(e),
    }
}

/// Looks a tag up, again while the answers say nothing (the service is failing): reading is
/// safe to repeat, and a batch's summary must say what the registry holds.
async fn still_there(client: &SwrClient, item: Item<'_>) -> Option<bool> {
    const LOOKUPS: u32 = 8;
    for lookup in 1..=LOOKUPS {
        match item.exists(client).await {
            Ok(there) => return Some(there),
            Err(e) if !may_have_acted(&e) => return None,
            Err(_) => tokio::time::sleep(client.config().retry.backoff(lookup)).await,
        }
    }
    None
}

/// Whether the service may have deleted the tag although the request failed.
fn may_have_acted(e: &ApiError) -> bool {
    match e {
        ApiError::Timeout | ApiError::Transport(_) => true,
        ApiError::Status { status, .. } => *status >= 500,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    #[tokio::test]
    async fn stop_lets_in_flight_requests_finish_and_starts_no_more() {
        let (steer, steered) = watch::channel(Steer::Go);
        let started = Arc::new(AtomicUsize::new(0));
        let ended = Arc::new(Mutex::new(Vec::new()));
        let tags: Vec<String> = (0..20).map(|i| format!("t{i}")).collect();
        let st = started.clone();
        let ended_log = ended.clone();
        run(
            tags,
            3,
            steered,
            move |tag| {
                st.fetch_add(1, Ordering::SeqCst);
                async move {
                    // t0 answers first; the others are still in flight when the user stops.
                    let ms = if tag == "t0" { 1 } else { 20 };
                    tokio::time::sleep(Duration::from_millis(ms)).await;
                    Ok(Removed::Deleted)
                }
            },
            move |tag, result| {
                // The user presses stop on seeing the first result.
                steer.send_replace(Steer::Stop);
                ended_log.lock().unwrap().push((tag, result.is_ok()));
            },
        )
        .await;
        assert_eq!(
            started.load(Ordering::SeqCst),
            3,
            "only the three in flight were ever sent"
        );
        assert_eq!(
            ended.lock().unwrap().len(),
            3,
            "and all three finished and reported"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_pause_starts_nothing_until_the_job_goes_on() {
        let (steer, steered) = watch::channel(Steer::Go);
        let started = Arc::new(AtomicUsize::new(0));
        let st = started.clone();
        let tags: Vec<String> = (0..10).map(|i| format!("t{i}")).collect();
        let job = tokio::spawn(run(
            tags,
            2,
            steered,
            move |_| {
                st.fetch_add(1, Ordering::SeqCst);
                async {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    Ok(Removed::Deleted)
                }
            },
            |_, _| {},
        ));
        tokio::time::sleep(Duration::from_millis(15)).await;
        steer.send_replace(Steer::Pause);
        let at_pause = started.load(Ordering::SeqCst);
        tokio::time::sleep(Duration::from_secs(5)).await;
        assert_eq!(
            started.load(Ordering::SeqCst),
            at_pause,
            "nothing starts while the question is open"
        );
        steer.send_replace(Steer::Go);
        job.await.unwrap();
        assert_eq!(
            started.load(Ordering::SeqCst),
            10,
            "going on deletes the rest"
        );
    }
}
