//! Runs a confirmed batch of deletes: exactly the confirmed tags, each at most once, at most
//! `concurrency` at a time; after a stop, requests in flight finish and no new one starts.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use futures_util::{StreamExt, future, stream};

use crate::swr::ApiError;

/// Deletes `tags` with `delete`, calling `report` as each ends. Returns when all that started
/// have ended.
pub async fn run<F, Fut>(
    tags: Vec<String>,
    concurrency: usize,
    stop: Arc<AtomicBool>,
    delete: F,
    mut report: impl FnMut(String, Result<(), ApiError>),
) where
    F: Fn(String) -> Fut,
    Fut: Future<Output = Result<(), ApiError>>,
{
    let delete = &delete;
    let stop = &stop;
    stream::iter(tags)
        // Checked each time a slot frees up: no more tags are taken after a stop.
        .take_while(|_| future::ready(!stop.load(Ordering::SeqCst)))
        .map(|tag| async move {
            // A tag taken just before the stop has not started yet: the request is made on
            // the future's first poll, which may come after the stop. Checked again here.
            if stop.load(Ordering::SeqCst) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use std::sync::atomic::AtomicUsize;
    use std::time::Duration;

    #[tokio::test]
    async fn stop_lets_in_flight_requests_finish_and_starts_no_more() {
        let stop = Arc::new(AtomicBool::new(false));
        let started = Arc::new(AtomicUsize::new(0));
        let ended = Arc::new(Mutex::new(Vec::new()));
        let tags: Vec<String> = (0..20).map(|i| format!("t{i}")).collect();
        let st = started.clone();
        let (stop_on_report, ended_log) = (stop.clone(), ended.clone());
        run(
            tags,
            3,
            stop.clone(),
            move |tag| {
                st.fetch_add(1, Ordering::SeqCst);
                async move {
                    // t0 answers first; the others are still in flight when the user stops.
                    let ms = if tag == "t0" { 1 } else { 20 };
                    tokio::time::sleep(Duration::from_millis(ms)).await;
                    Ok(())
                }
            },
            move |tag, result| {
                // The user presses stop on seeing the first result.
                stop_on_report.store(true, Ordering::SeqCst);
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
}
