//! Property: for random tag sets, random marks and random server failures, the tags deleted
//! are exactly the confirmed ones minus the failures, and no unconfirmed tag is ever requested.
//! Checked through `update()` (what is confirmed and sent) and through the worker's delete
//! executor (what is requested).

mod support;

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use proptest::prelude::*;
use support::actions::{action, apply};
use support::*;
use swr_tui::app::Removed;
use swr_tui::swr::ApiError;
use swr_tui::worker::delete::{self, Steer};
use tokio::sync::watch;

fn tags_with_digests(count: usize, digests: usize) -> Vec<Tag> {
    (0..count)
        .map(|i| Tag {
            tag: format!("{}{i}", if i % 3 == 0 { "a" } else { "b" }),
            digest: format!("sha256:{:064x}", i % digests.max(1)),
            updated: format!("2026-03-{:02}T00:00:00Z", 1 + i % 28),
            ..Tag::default()
        })
        .collect()
}

/// A tag pane with `tags` loaded.
fn pane_with(tags: Vec<Tag>) -> Model {
    let mut m = with_tags(0);
    let cmds = press(&mut m, "r");
    let id = fetch_id(
        &cmds,
        &Fetch::Tags {
            org: "demo".into(),
            repo: "team/web".into(),
        },
    );
    loaded(&mut m, id, Fetched::tags(tags));
    m
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn deleted_equals_confirmed_minus_failures(
        count in 1usize..60,
        digests in 1usize..40,
        ops in prop::collection::vec(action(vec!['1', '2', '3', 'a', 'b']), 0..25),
        failure_mask in prop::collection::vec(any::<bool>(), 60),
        concurrency in 1usize..10,
    ) {
        let mut m = pane_with(tags_with_digests(count, digests));
        for op in &ops {
            apply(&mut m, op);
        }
        // The list's [shared] flags, kept incrementally, agree with a full recomputation.
        let recomputed: BTreeSet<String> = swr_tui::app::delete::shared_outside(m.panes.tags.rows(), &m.panes.tags.marked_keys())
            .into_keys()
            .collect();
        prop_assert_eq!(m.panes.shared_marked.flagged_tags(m.panes.tags.rows()), recomputed);

        let expected: BTreeSet<String> = if m.panes.tags.marked_count() > 0 {
            m.panes.tags.marked_keys()
        } else {
            match m.panes.tags.current() {
                Some(t) => BTreeSet::from([t.tag.clone()]),
                None => BTreeSet::new(),
            }
        };
        prop_assume!(!expected.is_empty());

        press(&mut m, "d");
        let cmds = press(&mut m, "y");
        let (job, confirmed) = match cmds.as_slice() {
            [Cmd::DeleteTags { job, tags, .. }] => (*job, tags.clone()),
            other => panic!("expected one delete job, got {other:?}"),
        };
        let confirmed_set: BTreeSet<String> = confirmed.iter().cloned().collect();
        prop_assert_eq!(confirmed.len(), confirmed_set.len(), "no tag twice");
        prop_assert_eq!(&confirmed_set, &expected, "exactly the marked tags (or the current one)");

        let failures: BTreeSet<String> = confirmed
            .iter()
            .enumerate()
            .filter(|(i, _)| failure_mask[*i % failure_mask.len()])
            .map(|(_, t)| t.clone())
            .collect();

        // What the worker requests, against a server failing on `failures`.
        let requested = Arc::new(Mutex::new(Vec::new()));
        let results = Arc::new(Mutex::new(Vec::new()));
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(delete::run(
            confirmed.clone(),
            concurrency,
            watch::channel(Steer::Go).1,
            |tag: String| {
                requested.lock().unwrap().push(tag.clone());
                let fails = failures.contains(&tag);
                async move {
                    tokio::task::yield_now().await;
                    if fails {
                        Err(ApiError::Status { status: 500, code: "SVCSTG.SWR.5000001".into(), message: "internal error".into(), request_id: None })
                    } else {
                        Ok(Removed::Deleted)
                    }
                }
            },
            |tag, result| results.lock().unwrap().push((tag, result.map_err(|e| ErrorInfo::from(&e)))),
        ));
        let requested = requested.lock().unwrap().clone();
        let mut requested_sorted = requested.clone();
        requested_sorted.sort();
        let mut confirmed_sorted = confirmed.clone();
        confirmed_sorted.sort();
        prop_assert_eq!(requested_sorted, confirmed_sorted, "every confirmed tag requested once, nothing else");

        // The results flow back into the model; the summary must match the server's behaviour.
        for (tag, result) in results.lock().unwrap().drain(..) {
            update(&mut m, Msg::TagDeleted { job, tag, result });
        }
        update(&mut m, Msg::JobFinished { job, elapsed_ms: 1 });
        let j = m.jobs.delete.as_ref().unwrap();
        let deleted: BTreeSet<String> = j.deleted.iter().cloned().collect();
        let failed: BTreeSet<String> = j.failed.iter().map(|(t, _)| t.clone()).collect();
        prop_assert_eq!(deleted, &confirmed_set - &failures);
        prop_assert_eq!(failed, failures.clone());
        prop_assert_eq!(j.not_started(), 0);

        // The deleted tags left the list at once; the failed ones are still there, and the
        // [shared] flags, kept through the removal, still agree with a full recomputation.
        let listed: BTreeSet<String> = m.panes.tags.rows().iter().map(|t| t.tag.clone()).collect();
        prop_assert!(listed.is_disjoint(&(&confirmed_set - &failures)));
        prop_assert!(failures.is_subset(&listed));
        press(&mut m, "q"); // closes the summary
        press(&mut m, "i");
        let recomputed: BTreeSet<String> = swr_tui::app::delete::shared_outside(m.panes.tags.rows(), &m.panes.tags.marked_keys())
            .into_keys()
            .collect();
        prop_assert_eq!(m.panes.shared_marked.flagged_tags(m.panes.tags.rows()), recomputed);
    }

    #[test]
    fn a_stop_never_requests_more_than_was_confirmed(
        count in 1usize..40,
        stop_after in 0usize..40,
        concurrency in 1usize..6,
    ) {
        let confirmed: Vec<String> = (0..count).map(|i| format!("t{i}")).collect();
        let (stop, steered) = watch::channel(Steer::Go);
        let requested = Arc::new(Mutex::new(Vec::new()));
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(delete::run(
            confirmed.clone(),
            concurrency,
            steered,
            |tag: String| {
                let mut seen = requested.lock().unwrap();
                seen.push(tag);
                if seen.len() > stop_after {
                    stop.send_replace(Steer::Stop);
                }
                async { Ok(Removed::Deleted) }
            },
            |_, _| {},
        ));
        let requested = requested.lock().unwrap();
        prop_assert!(requested.len() <= (stop_after + 1).min(count), "{} requested", requested.len());
        prop_assert!(requested.iter().all(|t| confirmed.contains(t)));
        let unique: BTreeSet<&String> = requested.iter().collect();
        prop_assert_eq!(unique.len(), requested.len());
    }
}
