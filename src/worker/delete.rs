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
        let (s, st) = (stop.clone(), started.clone());
        run(
            tags,
            3,
            stop.clone(),
            move |_tag| {
                let started = st.clone();
                let stop = s.clone();
                async move {
                    // The fourth request asks to stop while three are in flight.
                    if started.fetch_add(1, Ordering::SeqCst) == 3 {
                        stop.store(true, Ordering::SeqCst);
                    }
                    tokio::time::sleep(Duration::from_millis(5)).await;
                    Ok(())
                }
            },
            |tag, result| ended.lock().unwrap().push((tag, result.is_ok())),
        )
        .await;
        let ended = ended.lock().unwrap();
        assert_eq!(
            started.load(Ordering::SeqCst),
            4,
            "no request started after the stop"
        );
        assert_eq!(ended.len(), 4, "every started request reported");
    }
}
