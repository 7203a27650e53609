//! End to end: the real binary in tmux against `swr-tui emulator --seed demo`. On demo/team/web
//! `R` opens its retention, `c` a rule form: keep the newest 2. The preview on screen says how
//! many tags the rule deletes; once confirmed, the emulator (which applies a rule at once)
//! holds exactly the others, and its retention history names exactly the deleted ones.

mod support;

use std::collections::BTreeSet;

use support::tmux::{EmulatorProcess, RegistryApi, Tmux, available};

/// `K` of "would delete K of N tags" on `screen`.
fn would_delete(screen: &str) -> (usize, usize) {
    let rest = screen
        .split("would delete ")
        .nth(1)
        .unwrap_or_else(|| panic!("no preview on screen:\n{screen}"));
    let mut words = rest.split_whitespace();
    let k = words.next().and_then(|w| w.parse().ok());
    assert_eq!(words.next(), Some("of"), "{screen}");
    let n = words.next().and_then(|w| w.parse().ok());
    match (k, n) {
        (Some(k), Some(n)) => (k, n),
        _ => panic!("no numbers in the preview:\n{screen}"),
    }
}

/// The names the confirmation lists (`  • NAME`).
fn listed(screen: &str) -> BTreeSet<String> {
    screen
        .lines()
        .filter_map(|l| l.split("• ").nth(1))
        .map(|rest| rest.trim_end_matches(['│', ' ']).to_string())
        .collect()
}

#[test]
fn a_rule_leaves_exactly_the_tags_its_preview_kept() {
    if !available() {
        return;
    }
    let emu = EmulatorProcess::start(&[]);
    let api = RegistryApi::new(&emu);
    let before = api.tags("demo", "team/web");
    assert_eq!(before.len(), 4, "the demo's team/web: {before:?}");

    let t = Tmux::start("retention", &emu, "", 110, 32);
    t.wait_for("Organizations (4)");
    t.keys(&["/"]);
    t.type_text("demo");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("Repositories (4)");
    t.keys(&["/"]);
    t.type_text("team/web");
    t.keys(&["Enter"]);
    t.wait_for("Repositories (1/4)");
    t.keys(&["Enter"]);
    t.wait_for("Tags (4)");

    t.keys(&["R"]);
    t.wait_for("Retention: demo/team/web (0) no retention rule");
    t.keys(&["c"]);
    t.wait_for("Create the retention rule of demo/team/web");
    t.keys(&["BSpace", "BSpace"]);
    t.type_text("2");
    let screen = t.wait_for("keeps 2 tags");
    let (k, n) = would_delete(&screen);
    assert_eq!(n, before.len(), "{screen}");
    assert!(k > 0, "keeping 2 of 4 deletes some: {screen}");

    t.keys(&["C-s"]);
    let dialog = t.wait_for("Create retention rule?");
    assert!(dialog.contains("It takes effect at once"), "{dialog}");
    assert!(
        dialog.contains(&format!("SWR deletes {k} of {n} tags now")),
        "{dialog}"
    );
    let doomed = listed(&dialog);
    assert_eq!(doomed.len(), k, "every doomed tag is listed: {dialog}");
    assert_eq!(api.tags("demo", "team/web"), before, "nothing before y");

    t.keys(&["y"]);
    t.wait_for("Saved the retention rule of demo/team/web");
    t.wait_for(&format!(
        "Retention: demo/team/web ({k}) rule: keep newest 2"
    ));

    let after = api.tags("demo", "team/web");
    assert_eq!(after.len(), n - k, "{after:?}");
    let gone: BTreeSet<String> = before.difference(&after).cloned().collect();
    assert_eq!(gone, doomed, "exactly the tags the confirmation named");
    assert_eq!(api.retention_deleted("demo", "team/web"), doomed);

    t.keys(&["q"]);
    assert_eq!(t.exit_status(), 0);
}
