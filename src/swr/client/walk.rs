//! "List everything" over the v2 offset lists. The first page tells the total; the others are
//! fetched as independent tasks, at most `concurrency` at once, each parsed on the task that
//! fetched it (so parsing spreads over the runtime's threads), and handed to the caller as
//! they arrive, in whatever order that is.
//!
//! The server's total is not trusted: it is capped, pages beyond a short page are not asked
//! for, and no page yields more than the page size.

use tokio::task::JoinSet;

use super::paging::Page;
use crate::swr::error::ApiError;

/// The most items one walk fetches, whatever total the server claims.
pub const MAX_WALK_ITEMS: u64 = 2_000_000;

/// One page of a walk: where it starts, its items, and the total: the server's, lowered to
/// where a short page showed the list ends.
#[derive(Debug, Clone, PartialEq)]
pub struct PageAt<T> {
    pub offset: u64,
    pub items: Vec<T>,
    pub total: Option<u64>,
}

/// Walks a list with `fetch(limit, offset)`, calling `each` per page; returns the item count.
pub(crate) async fn walk<T, F, Fut>(
    limit: u32,
    concurrency: usize,
    fetch: F,
    mut each: impl FnMut(PageAt<T>),
) -> Result<u64, ApiError>
where
    T: Send + 'static,
    F: Fn(u32, u64) -> Fut,
    Fut: Future<Output = Result<Page<T>, ApiError>> + Send + 'static,
{
    let limit = limit.max(1);
    let step = u64::from(limit);
    let first = fetch(limit, 0).await?;
    let Some(claimed) = first.total else {
        return sequential(limit, first, fetch, each).await;
    };
    let mut received = (first.items.len() as u64).min(step);
    // A short first page is the whole list, whatever total the server claims.
    let mut end = if received < step { received } else { claimed };
    if end > MAX_WALK_ITEMS {
        return Err(ApiError::Decode(format!(
            "the service reports {claimed} items; swr-tui lists at most {MAX_WALK_ITEMS}"
        )));
    }
    each(PageAt {
        offset: 0,
        items: capped(first.items, limit),
        total: Some(end.min(claimed)),
    });
    let mut next = step;
    let mut tasks = JoinSet::new();
    loop {
        while tasks.len() < concurrency.max(1) && next < end {
            let offset = next;
            let page = fetch(limit, offset);
            tasks.spawn(async move { (offset, page.await) });
            next += step;
        }
        let Some(joined) = tasks.join_next().await else {
            return Ok(received);
        };
        let (offset, page) = match joined {
            Ok(done) => done,
            // A page task panicked: that is a bug, and the caller treats panics as fatal.
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(e) => return Err(ApiError::Transport(e.to_string())),
        };
        // An error ends the walk; dropping `tasks` aborts the pages still in flight.
        let page = page?;
        let count = page.items.len() as u64;
        if count < step {
            // The list is shorter than it said: nothing after this page is asked for.
            end = end.min(offset + count);
        }
        received += count.min(step);
        each(PageAt {
            offset,
            items: capped(page.items, limit),
            total: Some(end.min(claimed)),
        });
    }
}

/// Without a total: page after page until a short one (bounded like any walk).
async fn sequential<T, F, Fut>(
    limit: u32,
    first: Page<T>,
    fetch: F,
    mut each: impl FnMut(PageAt<T>),
) -> Result<u64, ApiError>
where
    F: Fn(u32, u64) -> Fut,
    Fut: Future<Output = Result<Page<T>, ApiError>>,
{
    let step = u64::from(limit);
    let mut page = first;
    let mut offset = 0;
    let mut received = 0;
    loop {
        let count = page.items.len() as u64;
        received += count.min(step);
        each(PageAt {
            offset,
            items: capped(page.items, limit),
            total: None,
        });
        offset += step;
        if count < step || offset >= MAX_WALK_ITEMS {
            return Ok(received);
        }
        page = fetch(limit, offset).await?;
    }
}

fn capped<T>(mut items: Vec<T>, limit: u32) -> Vec<T> {
    items.truncate(limit as usize);
    items
}

/// The items of every page in list order.
pub(crate) fn in_order<T>(mut pages: Vec<PageAt<T>>) -> Vec<T> {
    pages.sort_by_key(|p| p.offset);
    pages.into_iter().flat_map(|p| p.items).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    type Asked = Arc<Mutex<Vec<u64>>>;
    type Answer = std::future::Ready<Result<Page<u64>, ApiError>>;

    /// A list of `len` numbers that claims `total`, recording the offsets asked for.
    fn list(len: u64, total: Option<u64>) -> (Asked, impl Fn(u32, u64) -> Answer) {
        let asked = Arc::new(Mutex::new(Vec::new()));
        let log = asked.clone();
        let fetch = move |limit: u32, offset: u64| {
            log.lock().unwrap().push(offset);
            let items = (offset..len.min(offset + u64::from(limit))).collect();
            std::future::ready(Ok(Page { items, total }))
        };
        (asked, fetch)
    }

    async fn run(len: u64, total: Option<u64>) -> (Vec<u64>, Vec<u64>, u64) {
        let (asked, fetch) = list(len, total);
        let mut pages = Vec::new();
        let n = walk(10, 3, fetch, |p| pages.push(p)).await.unwrap();
        let mut asked = asked.lock().unwrap().clone();
        asked.sort();
        (in_order(pages), asked, n)
    }

    #[tokio::test]
    async fn every_page_once_in_order() {
        let (items, asked, n) = run(95, Some(95)).await;
        assert_eq!(items, (0..95).collect::<Vec<_>>());
        assert_eq!(asked, (0..10).map(|p| p * 10).collect::<Vec<_>>());
        assert_eq!(n, 95);
    }

    #[tokio::test]
    async fn a_total_that_lies_costs_nothing_beyond_the_list() {
        // Claims 1,000 items but has 25: page 20 is short, pages after it are not asked for
        // (those already in flight may come back empty).
        let (items, asked, _) = run(25, Some(1_000)).await;
        assert_eq!(items, (0..25).collect::<Vec<_>>());
        assert!(asked.iter().all(|&o| o <= 40), "{asked:?}");
        let (asked_big, fetch) = list(10, Some(MAX_WALK_ITEMS + 1));
        let error = walk(10, 3, fetch, |_| {}).await.unwrap_err();
        assert!(error.to_string().contains("at most"), "{error}");
        assert_eq!(asked_big.lock().unwrap().len(), 1);
        // A short first page ends the list there, however big the claim.
        let (asked_short, fetch) = list(3, Some(u64::MAX));
        let mut totals = Vec::new();
        assert_eq!(
            walk(10, 3, fetch, |p| totals.push(p.total)).await.unwrap(),
            3
        );
        assert_eq!(
            (asked_short.lock().unwrap().len(), totals),
            (1, vec![Some(3)])
        );
    }

    #[tokio::test]
    async fn without_a_total_pages_follow_until_a_short_one() {
        let (items, asked, n) = run(25, None).await;
        assert_eq!(items, (0..25).collect::<Vec<_>>());
        assert_eq!(asked, [0, 10, 20]);
        assert_eq!(n, 25);
    }
}
