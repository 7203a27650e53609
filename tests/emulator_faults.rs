//! The emulator's fault knobs over real HTTP: rate limits answer 429 with `Retry-After`, a
//! fail rate of one fails everything, and concurrent requests are counted.

mod support;

use std::time::Duration;

use support::signed::*;

#[tokio::test]
async fn rate_limit_answers_429_with_retry_after() {
    let emu = demo().await;
    emu.set_faults(0.0, Some(3), Duration::ZERO);
    let mut statuses = Vec::new();
    let mut retry_after = None;
    for _ in 0..6 {
        let r = get(&emu, "/v2/manage/namespaces", &[]).await;
        if r.status == 429 {
            retry_after = r
                .headers
                .get("retry-after")
                .map(|v| v.to_str().unwrap().to_string());
            assert_eq!(r.json()["error_code"], "APIGW.0308");
        }
        statuses.push(r.status);
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        3,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 429).count(),
        3,
        "{statuses:?}"
    );
    assert_eq!(retry_after.as_deref(), Some("1"));
    assert_eq!(emu.stats().rate_limited, 3);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(get(&emu, "/v2/manage/namespaces", &[]).await.status, 200);
    emu.shutdown().await;
}

#[tokio::test]
async fn fail_rate_one_only_fails() {
    let emu = demo().await;
    emu.set_faults(1.0, None, Duration::ZERO);
    for i in 0..20 {
        let r = if i % 2 == 0 {
            get(&emu, "/v2/manage/namespaces", &[]).await
        } else {
            call(
                &emu,
                "DELETE",
                "/v2/manage/namespaces/demo/repos/team%24api/tags/v2.3.1",
                &[],
                None,
                GOOD,
            )
            .await
        };
        assert!(r.status == 500 || r.status == 503, "{}", r.status);
        assert_eq!(r.json()["error_code"], "SVCSTG.SWR.5000001");
    }
    let stats = emu.stats();
    assert_eq!(stats.injected_failures, 20);
    assert!(
        stats
            .tag_deletes
            .get("demo/team/api:v2.3.1")
            .copied()
            .unwrap_or(0)
            <= 1
    );
    emu.set_faults(0.0, None, Duration::ZERO);
    assert_eq!(get(&emu, "/v2/manage/namespaces", &[]).await.status, 200);
    emu.shutdown().await;
}

#[tokio::test]
async fn peak_in_flight_counts_concurrent_requests() {
    let emu = demo().await;
    emu.set_faults(0.0, None, Duration::from_millis(200));
    let futures: Vec<_> = (0..5)
        .map(|_| get(&emu, "/v2/manage/namespaces", &[]))
        .collect();
    for r in futures_util::future::join_all(futures).await {
        assert_eq!(r.status, 200);
    }
    assert_eq!(emu.stats().peak_in_flight, 5);
    emu.shutdown().await;
}
