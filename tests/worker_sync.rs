//! The worker's sync writes and lists against the emulator over loopback: what `update()`
//! sends (`Write::Sync`, `Fetch::SyncJobs`/`SyncRules`/`SyncRegions`) reaches the service as
//! the client calls, and the answers come back as the messages the panes take.

mod support;

use std::time::Duration;

use support::emulator::*;
use swr_tui::app::{Fetch, Fetched, Msg, SyncWrite, Write};
use swr_tui::swr::sync::job_settled;
use swr_tui::worker::Worker;
use tokio::sync::mpsc::UnboundedReceiver;

async fn next(rx: &mut UnboundedReceiver<Msg>) -> Msg {
    tokio::time::timeout(Duration::from_secs(20), rx.recv())
        .await
        .expect("an answer in time")
        .expect("the worker is there")
}

fn sync(change: SyncWrite) -> Write {
    Write::Sync {
        org: "big".into(),
        repo: "team/web".into(),
        change,
    }
}

async fn written(worker: &mut Worker, rx: &mut UnboundedReceiver<Msg>, request: u64, write: Write) {
    worker.write(request, write);
    match next(rx).await {
        Msg::Written { request: r, result } if r == request => {
            result.unwrap_or_else(|e| panic!("write {request}: {e}"))
        }
        other => panic!("unexpected {other:?}"),
    }
}

async fn fetched(
    worker: &mut Worker,
    rx: &mut UnboundedReceiver<Msg>,
    request: u64,
    what: Fetch,
) -> Fetched {
    worker.fetch(request, what);
    match next(rx).await {
        Msg::Fetched { request: r, result } if r == request => {
            result.unwrap_or_else(|e| panic!("fetch {request}: {e}"))
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[tokio::test]
async fn tags_sync_in_one_write_and_their_jobs_settle_as_the_list_is_read() {
    let emu = start(config_with_seed(seed_with_tags(5))).await;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut worker = Worker::new(client(&emu), tx, 4);

    let Fetched::SyncRegions(regions) = fetched(&mut worker, &mut rx, 1, Fetch::SyncRegions).await
    else {
        panic!("not regions");
    };
    assert!(regions.contains(&"cn-east-3".to_string()), "{regions:?}");

    let tags = SyncWrite::Tags {
        tags: vec!["t00001".into(), "t00003".into()],
        region: "cn-east-3".into(),
        namespace: "spare".into(),
        override_existing: false,
    };
    written(&mut worker, &mut rx, 2, sync(tags)).await;
    let jobs = Fetch::SyncJobs {
        org: "big".into(),
        repo: "team/web".into(),
    };
    let mut settled = false;
    for request in 3..10 {
        let Fetched::SyncJobs(list) = fetched(&mut worker, &mut rx, request, jobs.clone()).await
        else {
            panic!("not jobs");
        };
        let mut names: Vec<&str> = list.iter().map(|j| j.tag.as_str()).collect();
        names.sort();
        assert_eq!(names, ["t00001", "t00003"], "exactly the synced tags");
        if list.iter().all(|j| job_settled(&j.status)) {
            assert!(list.iter().all(|j| j.status == "success"), "{list:?}");
            settled = true;
            break;
        }
    }
    assert!(settled, "the jobs reached an end state");
}

#[tokio::test]
async fn a_rule_is_added_listed_and_deleted_by_its_target() {
    let emu = start(config_with_seed(seed_with_tags(2))).await;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut worker = Worker::new(client(&emu), tx, 4);
    let add = SyncWrite::AddRule {
        region: "cn-south-1".into(),
        namespace: "spare".into(),
        override_existing: true,
    };
    written(&mut worker, &mut rx, 1, sync(add)).await;
    let rules = Fetch::SyncRules {
        org: "big".into(),
        repo: "team/web".into(),
    };
    let Fetched::SyncRules(list) = fetched(&mut worker, &mut rx, 2, rules.clone()).await else {
        panic!("not rules");
    };
    assert_eq!(list.len(), 1);
    let rule = &list[0];
    assert_eq!(
        (
            rule.remote_region_id.as_str(),
            rule.remote_namespace.as_str()
        ),
        ("cn-south-1", "spare")
    );
    assert!(rule.sync_auto && rule.override_existing, "{rule:?}");

    let delete = SyncWrite::DeleteRule {
        region: "cn-south-1".into(),
        namespace: "spare".into(),
    };
    written(&mut worker, &mut rx, 3, sync(delete)).await;
    let Fetched::SyncRules(list) = fetched(&mut worker, &mut rx, 4, rules).await else {
        panic!("not rules");
    };
    assert!(list.is_empty(), "{list:?}");
}

#[tokio::test]
async fn a_refused_sync_comes_back_as_the_service_error() {
    let emu = start(config_with_seed(seed_with_tags(2))).await;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut worker = Worker::new(client(&emu), tx, 4);
    let bad = SyncWrite::Tags {
        tags: vec!["t00000".into()],
        region: "mars-1".into(),
        namespace: "spare".into(),
        override_existing: false,
    };
    worker.write(1, sync(bad));
    match next(&mut rx).await {
        Msg::Written {
            request: 1,
            result: Err(e),
        } => assert_eq!(e.status, Some(400), "{e}"),
        other => panic!("unexpected {other:?}"),
    }
}
