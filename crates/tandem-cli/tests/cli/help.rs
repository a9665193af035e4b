//! Every subcommand documents itself: `--help` with an example, completions and the man page.

use super::support::*;

#[test]
fn every_subcommand_has_help_with_an_example() {
    for args in [
        vec!["import"],
        vec!["employees", "list"],
        vec!["employees", "show"],
        vec!["employees", "deactivate"],
        vec!["employees", "activate"],
        vec!["programs", "list"],
        vec!["programs", "show"],
        vec!["match"],
        vec!["approve"],
        vec!["export"],
        vec!["sessions", "ics"],
        vec!["backup"],
        vec!["restore"],
        vec!["check"],
        vec!["migrate"],
        vec!["completions"],
        vec!["man"],
    ] {
        let out = cli().args(&args).arg("--help").output().expect("runs");
        assert!(out.status.success(), "{args:?} --help failed");
        assert!(
            text(&out.stdout).contains("Example"),
            "{args:?} --help has no example"
        );
    }
}

#[test]
fn completions_and_the_man_page_are_generated() {
    let out = cli().args(["completions", "bash"]).output().expect("runs");
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("tandem-cli"));
    let out = cli().arg("man").output().expect("runs");
    assert!(out.status.success());
    let page = text(&out.stdout);
    assert!(page.contains(".TH") && page.contains("import"), "{page}");
}
