//! Snapshots of an enterprise namespace's retention policies at 80x24 and 160x45: the policy
//! list, the dry-run preview titled with what it would delete, and the confirmation of the
//! real run naming the count.

mod support;

use support::instance_retention::*;
use support::*;

#[test]
fn retention_policies() {
    for (model, buffer) in snapshot_both("retention_policies", policies_at) {
        let shown = text(&buffer);
        assert!(shown.contains("Retention policies: apps"), "{shown}");
        assert!(shown.contains("keep-3") && shown.contains("nightly"));
        assert!(shown.contains("latestPushedK=3"), "{shown}");
        assert!(shown.contains("enabled") && shown.contains("disabled"));
        assert!(shown.contains("x dry run"), "the footer names x: {shown}");
        if model.screen.width >= 120 {
            assert!(shown.contains("SELECTORS") && shown.contains("tags ** · repos **"));
            assert!(shown.contains("TRIGGER") && shown.contains("scheduled"));
        }
        assert_clean(&buffer);
    }
}

#[test]
fn retention_dry_run_preview() {
    for (model, buffer) in snapshot_both("retention_dry_run", dry_run_at) {
        let shown = text(&buffer);
        assert!(
            shown.contains("Dry run: would delete 3 tags in 2 repositories"),
            "{shown}"
        );
        assert!(shown.contains("REPOSITORY") && shown.contains("TAG"));
        assert!(shown.contains("team/api") && shown.contains("web"));
        assert!(shown.contains("1.0") && shown.contains("1.1") && shown.contains("old"));
        assert!(
            shown.contains("Dry run done, nothing deleted: x runs it for real"),
            "the status line says what x does: {shown}"
        );
        if model.screen.width >= 120 {
            assert!(shown.contains("DIGEST") && shown.contains("sha256:"));
            assert!(shown.contains("nothing deleted yet"), "{shown}");
        }
        assert_clean(&buffer);
    }
}

#[test]
fn retention_real_run_confirmation() {
    for (_, buffer) in snapshot_both("retention_run_confirm", |screen| {
        let mut m = dry_run_at(screen);
        press(&mut m, "x");
        m
    }) {
        let shown = text(&buffer);
        assert!(
            shown.contains("Run retention policy keep-3? It deletes 3 tags now."),
            "{shown}"
        );
        assert!(shown.contains("In 2 repositories of apps"), "{shown}");
        assert!(shown.contains("team/api:1.0") && shown.contains("web:old"));
        assert!(shown.contains("Cancel") && shown.contains("Run, delete 3"));
        assert_clean(&buffer);
    }
}
